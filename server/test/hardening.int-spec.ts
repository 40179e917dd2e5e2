import request from 'supertest';
import { MAX_ALIASES, MAX_TOKENS } from '../src/common/graphql/query-limits';
import { MAX_FAILURES_PER_IP } from '../src/modules/user/login-throttle';
import { createTestApp, GqlResult, PASSWORD, TestApp } from './support/test-app';

// What an attacker meets: security headers, one operation per request, no schema hints in
// production, and limits on aliases, document size and requests a minute.
const LOGIN = 'mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }';

const postAs = (t: TestApp, body: unknown, token?: string, headers: Record<string, string> = {}) => {
  const req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
  if (token) req.set('authorization', `Bearer ${token}`);
  for (const [k, v] of Object.entries(headers)) req.set(k, v);
  return req.send(body as object);
};
const firstError = (res: request.Response) => (res.body as GqlResult).errors?.[0];

describe('hardening (development defaults)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('sends helmet\'s security headers and a CSP that allows only our own scripts', async () => {
    const res = await request(t.app.getHttpServer()).get('/health');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=\d+/);
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('sets no cookie, signing in or not: the token travels in the Authorization header', async () => {
    const login = await postAs(t, { query: LOGIN, variables: { e: 'staff@test.ac.uk', p: PASSWORD } });
    expect(login.body.data.login.accessToken).toEqual(expect.any(String));
    const me = await postAs(t, { query: '{ me { id } }' }, t.tokens.staff);
    for (const res of [login, me, await request(t.app.getHttpServer()).get('/health')]) expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('asks that no GraphQL answer be cached or stored, a success or an error', async () => {
    const me = await postAs(t, { query: '{ me { id } }' }, t.tokens.staff);
    const refused = await postAs(t, { query: '{ me { id } }' });
    expect(firstError(refused)?.extensions?.code).toBe('UNAUTHENTICATED');
    for (const res of [me, refused]) expect(res.headers['cache-control']).toBe('no-store');
  });

  it('refuses a batch of operations with 400, running none of them', async () => {
    const before = await t.db.query('SELECT count(*)::int AS n FROM organisations');
    const op = { query: 'mutation { createOrganisation(input: { name: "Batched Ltd", type: employer }) { id } }' };
    const res = await postAs(t, [op, op], t.tokens.admin);
    expect(res.status).toBe(400);
    expect(firstError(res)).toMatchObject({ message: 'Operation batching disabled.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await t.db.query('SELECT count(*)::int AS n FROM organisations')).toEqual(before);
  });

  it('refuses a batch sent as a multipart upload too', async () => {
    const op = { query: 'mutation($file: Upload!) { startImport(file: $file, entity: ORGANISATIONS) { id } }', variables: { file: null } };
    const res = await request(t.app.getHttpServer()).post('/graphql').set('apollo-require-preflight', 'true').set('authorization', `Bearer ${t.tokens.admin}`)
      .field('operations', JSON.stringify([op, op]))
      .field('map', JSON.stringify({ 0: ['0.variables.file', '1.variables.file'] }))
      .attach('0', Buffer.from('Name\nAcme\n'), 'batch.csv');
    expect(res.status).toBe(400);
    expect(firstError(res)).toMatchObject({ message: 'Operation batching disabled.', extensions: { code: 'BAD_USER_INPUT' } });
    expect(await t.db.query('SELECT count(*)::int AS n FROM import_batches')).toEqual([{ n: 0 }]);
  });

  it(`refuses more than ${MAX_ALIASES} aliases, and accepts ${MAX_ALIASES}`, async () => {
    const aliased = (n: number) => `{ ${Array.from({ length: n }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
    const ok = await postAs(t, { query: aliased(MAX_ALIASES) }, t.tokens.staff);
    expect(ok.status).toBe(200);
    expect(Object.keys(ok.body.data)).toHaveLength(MAX_ALIASES);
    const res = await postAs(t, { query: aliased(MAX_ALIASES + 1) }, t.tokens.staff);
    expect(res.status).toBe(400);
    expect(firstError(res)).toMatchObject({ message: `Too many aliases: more than ${MAX_ALIASES} in one request`, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
  });

  it(`stops parsing a document of more than ${MAX_TOKENS} tokens`, async () => {
    const res = await postAs(t, { query: `{ ${'me { id } '.repeat(MAX_TOKENS / 4)} }` }, t.tokens.staff);
    expect(res.status).toBe(400);
    expect(firstError(res)?.extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(firstError(res)?.message).toMatch(/more tha[nt] 10000 tokens/);
  });

  it('outside production, still helps developers: introspection and "Did you mean" suggestions', async () => {
    const intro = await postAs(t, { query: '{ __schema { queryType { name } } }' }, t.tokens.staff);
    expect(intro.body.data.__schema.queryType.name).toBe('Query');
    const typo = await postAs(t, { query: '{ organisatons { totalCount } }' }, t.tokens.staff);
    expect(firstError(typo)?.message).toMatch(/Did you mean "organisations"/);
  });
});

describe('hardening (production)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ config: { nodeEnv: 'production', rateLimitPerMinute: 5, trustProxy: 1 } });
  });
  afterAll(() => t.close());

  it('refuses introspection', async () => {
    const res = await postAs(t, { query: '{ __schema { types { name } } }' }, t.tokens.viewer);
    expect(res.status).toBe(400);
    expect(firstError(res)?.message).toMatch(/introspection is not allowed/i);
    expect(res.body.data).toBeUndefined();
  });

  it('gives no field suggestions that would reveal the schema', async () => {
    const res = await postAs(t, { query: '{ organisatons { totalCount } }' }, t.tokens.viewer);
    expect(res.status).toBe(400);
    expect(firstError(res)?.message).toBe('Cannot query field "organisatons" on type "Query".');
  });

  it('limits each user\'s requests a minute with 429 and Retry-After; other users go on', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await postAs(t, { query: '{ me { id } }' }, t.tokens.manager)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const refused = await postAs(t, { query: '{ me { id } }' }, t.tokens.manager);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(firstError(refused)?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(firstError(refused)?.message).toMatch(/^Too many requests: at most 5 a minute/);
    const other = await postAs(t, { query: '{ me { id } }' }, t.tokens.staff);
    expect(other.body.data.me.id).toBe(t.users.staff);
  });

  it('throttles sign-in by the client address the trusted proxy reports', async () => {
    const attempt = (ip: string, e: string) => postAs(t, { query: LOGIN, variables: { e, p: 'wrong password here' } }, undefined, { 'x-forwarded-for': ip });
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) expect(firstError(await attempt('203.0.113.7', `nobody${i}@test.ac.uk`))?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(firstError(await attempt('203.0.113.7', 'someone-else@test.ac.uk'))?.extensions?.code).toBe('TOO_MANY_REQUESTS');
    expect(firstError(await attempt('198.51.100.4', 'someone-else@test.ac.uk'))?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
