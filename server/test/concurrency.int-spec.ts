import { AddressInfo } from 'node:net';
import { createTestApp, GqlResult, TestApp } from './support/test-app';

/**
 * Lost updates: 50 clients edit one organisation at the same moment, through the real HTTP
 * server and connection pool. Every write is either applied or refused with CONFLICT (never an
 * internal error), the audit log holds exactly one update per applied write, and nothing is lost.
 */
describe('concurrent edits of one record', () => {
  const CLIENTS = 50;
  let t: TestApp;
  let url: string;

  const post = async <T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<GqlResult<T>> => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    return (await res.json()) as GqlResult<T>;
  };
  const READ = `query($id: ID!) { organisation(id: $id) { version tags headcount } }`;
  const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, version: $v, input: $i) { version tags headcount } }`;
  const createOrg = async (name: string) =>
    (await post(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id version } }`, { i: { name, type: 'employer' } }, t.tokens.staff)).data.createOrganisation;
  const updatesAudited = async (id: string) =>
    Number((await t.db.query(`SELECT count(*) AS n FROM audit_events WHERE entity_type = 'organisation' AND entity_id = $1 AND action = 'update'`, [id]))[0].n);
  const codes = (results: GqlResult[]) => results.reduce<Record<string, number>>((acc, r) => {
    const code = r.errors ? String(r.errors[0].extensions?.code) : 'applied';
    acc[code] = (acc[code] ?? 0) + 1;
    return acc;
  }, {});

  beforeAll(async () => {
    t = await createTestApp({ config: { rateLimitPerMinute: 0 } }); // hundreds of writes in seconds: the rate limit has its own test
    const server = await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => t.close());

  it('50 writes of the same version: exactly one applied, 49 refused with CONFLICT', async () => {
    const org = await createOrg('Race Engineering Ltd');
    const results = await Promise.all(Array.from({ length: CLIENTS }, (_, n) =>
      post(UPDATE, { id: org.id, v: org.version, i: { tags: [`client-${n}`] } }, t.tokens.staff)));
    expect(codes(results)).toEqual({ applied: 1, CONFLICT: CLIENTS - 1 });
    const winner = results.find((r) => !r.errors)!.data.updateOrganisation;
    const now = (await post(READ, { id: org.id }, t.tokens.staff)).data.organisation;
    expect(now).toEqual({ version: org.version + 1, tags: winner.tags, headcount: null });
    expect(await updatesAudited(org.id)).toBe(1);
    // Each refusal names the versions, so the person knows to reload.
    expect(results.find((r) => r.errors)!.errors![0].message).toMatch(/version/i);
  });

  // A counter is the classic lost update: read 7, write 8 twice. Each client adds one to the headcount.
  it('50 clients each adding one to a count, re-reading on CONFLICT: the count is 50, one audited update each', async () => {
    const org = await createOrg('Race Robotics Ltd');
    const seen: GqlResult[] = [];
    const client = async (n: number) => {
      for (let attempt = 0; attempt < 200; attempt++) {
        const current = (await post(READ, { id: org.id }, t.tokens.staff)).data.organisation;
        const r = await post(UPDATE, { id: org.id, v: current.version, i: { headcount: (current.headcount ?? 0) + 1 } }, t.tokens.staff);
        seen.push(r);
        if (!r.errors) return;
        expect(r.errors[0].extensions?.code).toBe('CONFLICT');
      }
      throw new Error(`client ${n} never got its write in`);
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
    const tally = codes(seen);
    expect(Object.keys(tally).sort()).toEqual(tally.CONFLICT ? ['CONFLICT', 'applied'] : ['applied']);
    expect(tally.applied).toBe(CLIENTS);
    const now = (await post(READ, { id: org.id }, t.tokens.staff)).data.organisation;
    expect(now.version).toBe(org.version + CLIENTS);
    expect(now.headcount).toBe(CLIENTS);
    expect(await updatesAudited(org.id)).toBe(CLIENTS);
    console.log(`concurrency: ${CLIENTS} clients, ${seen.length} writes sent, ${tally.applied} applied, ${tally.CONFLICT ?? 0} refused with CONFLICT, ${CLIENTS} audited, 0 lost`);
  });
});
