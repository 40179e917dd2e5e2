import request from 'supertest';
import { pinClock } from '../src/common/dates/clock';
import { codeOf, createTestApp, TestApp } from './support/test-app';

const CREATE_KEY = `mutation($i: CreateApiKeyInput!) { createApiKey(input: $i) { key apiKey { id name role prefix departmentIds expiresAt lastUsedAt revokedAt } } }`;
const REVOKE = `mutation($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }`;
const LIST = `{ apiKeys { id name prefix lastUsedAt revokedAt } }`;
const CREATE_ORG = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id name } }`;
const GET_ORG = `query($id: ID!) { organisation(id: $id) { id name } }`;

describe('API keys', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    pinClock(null);
    await t.close();
  });

  const inAYear = () => new Date(Date.now() + 365 * 86_400_000).toISOString();
  const makeKey = async (role: string, departments: Array<'ENG' | 'BUS'>, expiresAt = inAYear()) => {
    const res = await t.gql(CREATE_KEY, { i: { name: `${role} key`, role, departmentIds: departments.map((d) => t.departments[d]), expiresAt } }, t.tokens.admin);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createApiKey as { key: string; apiKey: { id: string; prefix: string } };
  };
  const withKey = (key: string, query: string, variables: Record<string, unknown> = {}, header: 'bearer' | 'x-api-key' = 'bearer') => {
    const req = request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json');
    if (header === 'bearer') req.set('authorization', `Bearer ${key}`);
    else req.set('x-api-key', key);
    return req.send({ query, variables }).then((r) => r.body);
  };

  it('a staff key writes and reads as staff, by bearer or X-API-Key; last use is recorded', async () => {
    const { key, apiKey } = await makeKey('staff', ['ENG']);
    expect(key.startsWith(apiKey.prefix)).toBe(true);
    const created = await withKey(key, CREATE_ORG, { i: { name: 'Keyed Ltd', type: 'employer' } });
    expect(created.errors).toBeUndefined();
    const read = await withKey(key, GET_ORG, { id: created.data.createOrganisation.id }, 'x-api-key');
    expect(read.data.organisation.name).toBe('Keyed Ltd');
    const list = await t.gql(LIST, {}, t.tokens.admin);
    expect(list.data.apiKeys.find((k: any) => k.id === apiKey.id).lastUsedAt).not.toBeNull();
    // Still an admin-only area: a staff key cannot list keys.
    expect(codeOf(await withKey(key, LIST))).toBe('FORBIDDEN');
  });

  it('a viewer key reads but cannot write', async () => {
    const { key } = await makeKey('viewer', ['ENG']);
    expect(codeOf(await withKey(key, CREATE_ORG, { i: { name: 'Nope Ltd', type: 'employer' } }))).toBe('FORBIDDEN');
    expect((await withKey(key, `{ departments { code } }`)).data.departments.length).toBeGreaterThan(0);
  });

  it('is refused from the request after revocation', async () => {
    const { key, apiKey } = await makeKey('viewer', ['ENG']);
    expect((await withKey(key, `{ departments { code } }`)).errors).toBeUndefined();
    const revoked = await t.gql(REVOKE, { id: apiKey.id }, t.tokens.admin);
    expect(revoked.data.revokeApiKey.revokedAt).not.toBeNull();
    expect(codeOf(await withKey(key, `{ departments { code } }`))).toBe('UNAUTHENTICATED');
    const audit = await t.db.query(`SELECT action FROM audit_events WHERE entity_type = 'api_key' AND entity_id = $1 ORDER BY id`, [apiKey.id]);
    expect(audit.map((a: any) => a.action)).toEqual(['create', 'archive']);
  });

  it('is refused once it has expired (server clock)', async () => {
    const expiresAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
    const { key } = await makeKey('viewer', ['ENG'], expiresAt);
    expect((await withKey(key, `{ departments { code } }`)).errors).toBeUndefined();
    pinClock(new Date(Date.parse(expiresAt) + 1000));
    try {
      expect(codeOf(await withKey(key, `{ departments { code } }`))).toBe('UNAUTHENTICATED');
    } finally {
      pinClock(null);
    }
  });

  it('a key of department ENG cannot read a BUS confidential record', async () => {
    const secret = await t.gql(CREATE_ORG, { i: { name: 'BUS secret', type: 'employer', confidential: true, departmentId: t.departments.BUS } }, t.tokens.staffBus);
    const id = secret.data.createOrganisation.id;
    const eng = await makeKey('staff', ['ENG']);
    const bus = await makeKey('staff', ['BUS']);
    expect((await withKey(eng.key, GET_ORG, { id })).data?.organisation ?? null).toBeNull();
    expect((await withKey(bus.key, GET_ORG, { id })).data.organisation.name).toBe('BUS secret');
  });

  it('keeps only a hash: the secret is nowhere in the database', async () => {
    const { key, apiKey } = await makeKey('viewer', []);
    const secret = key.split('_').slice(3).join('_');
    const [row] = await t.db.query(`SELECT to_jsonb(k)::text AS text FROM api_keys k WHERE id = $1`, [apiKey.id]);
    expect(row.text).not.toContain(secret);
    expect(row.text).not.toContain(key);
    const [audit] = await t.db.query(`SELECT count(*)::int AS n FROM audit_events WHERE changes::text LIKE '%' || $1 || '%'`, [secret]);
    expect(audit.n).toBe(0);
  });

  it('a tampered key, a bad expiry and a non-admin creator are refused', async () => {
    const { key } = await makeKey('viewer', ['ENG']);
    const tampered = key.slice(0, -1) + (key.endsWith('A') ? 'B' : 'A');
    expect(codeOf(await withKey(tampered, `{ departments { code } }`))).toBe('UNAUTHENTICATED');
    const tooLong = await t.gql(CREATE_KEY, { i: { name: 'x', role: 'viewer', expiresAt: new Date(Date.now() + 800 * 86_400_000).toISOString() } }, t.tokens.admin);
    expect(tooLong.errors?.[0].extensions?.fields?.[0].field).toBe('expiresAt');
    const past = await t.gql(CREATE_KEY, { i: { name: 'x', role: 'viewer', expiresAt: new Date(Date.now() - 1000).toISOString() } }, t.tokens.admin);
    expect(codeOf(past)).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(CREATE_KEY, { i: { name: 'x', role: 'admin', expiresAt: inAYear() } }, t.tokens.manager))).toBe('FORBIDDEN');
  });
});
