import request from 'supertest';
import { MAX_QUERY_COMPLEXITY, MAX_QUERY_DEPTH } from '../src/common/graphql/query-limits';
import { createTestApp, GqlResult, TestApp } from './support/test-app';

// Every refused request answers with a 4xx (or 200 once execution has run, as GraphQL over HTTP
// says), a client code and a message naming what was wrong: never 500, never INTERNAL_SERVER_ERROR.
const CREATE_ORG = 'mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }';
const ORGS = 'query($first: Int) { organisations(first: $first) { totalCount } }';

describe('HTTP errors', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const post = (body: string | object) =>
    request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('authorization', `Bearer ${t.tokens.admin}`).send(body);

  /** The response's first error, after checking the status, the code and that no error is an internal one. */
  async function refused(res: request.Response, status: number, code: string) {
    expect(res.status).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    const body = res.body as GqlResult;
    expect(body.errors?.length).toBeGreaterThan(0);
    expect(body.errors!.map((e) => e.extensions?.code)).not.toContain('INTERNAL_SERVER_ERROR');
    expect(body.errors![0].extensions?.code).toBe(code);
    return body.errors![0];
  }

  it('gives every request an id (or keeps a proxy\'s) in X-Request-Id, /graphql as the other routes', async () => {
    const fresh = await post({ query: '{ me { id } }' });
    expect(fresh.status).toBe(200);
    expect(fresh.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json').set('x-request-id', 'proxy-42')
      .set('authorization', `Bearer ${t.tokens.admin}`).send({ query: '{ me { id } }' });
    expect(kept.headers['x-request-id']).toBe('proxy-42');
    expect((await request(t.app.getHttpServer()).get('/health')).headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  describe('variables that do not fit the schema: 400 BAD_USER_INPUT naming the field', () => {
    it('a missing required variable', async () => {
      const error = await refused(await post({ query: CREATE_ORG, variables: {} }), 400, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/"\$i" of required type "CreateOrganisationInput!" was not provided/);
      expect(error.extensions!.fields).toEqual([{ field: 'i', messages: [error.message] }]);
    });

    it('a missing required input field', async () => {
      const error = await refused(await post({ query: CREATE_ORG, variables: { i: { type: 'employer' } } }), 400, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/Field "name" of required type "String!" was not provided/);
      expect(error.extensions!.fields![0].field).toBe('name');
    });

    it('a string for an Int', async () => {
      const error = await refused(await post({ query: ORGS, variables: { first: 'ten' } }), 400, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/"\$first" got invalid value "ten"; Int cannot represent/);
      expect(error.extensions!.fields![0].field).toBe('first');
    });

    it('null for a non-null field', async () => {
      const error = await refused(await post({ query: CREATE_ORG, variables: { i: { name: null, type: 'employer' } } }), 400, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/at "i.name"; Expected non-nullable type "String!" not to be null/);
      expect(error.extensions!.fields![0].field).toBe('name');
    });

    it('an input field the schema does not have', async () => {
      const error = await refused(await post({ query: CREATE_ORG, variables: { i: { name: 'Acme', type: 'employer', colour: 'red' } } }), 400, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/Field "colour" is not defined by type "CreateOrganisationInput"/);
      expect(error.extensions!.fields![0].field).toBe('colour');
    });

    it('an enum value that does not exist', async () => {
      const error = await refused(await post({ query: CREATE_ORG, variables: { i: { name: 'Acme', type: 'spaceship' } } }), 400, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/at "i.type"; Value "spaceship" does not exist in "OrganisationType" enum/);
      expect(error.extensions!.fields![0].field).toBe('type');
    });

    it('a bad Pence value (a string, a fraction of a penny)', async () => {
      for (const turnoverPence of ['lots', 12.5]) {
        const error = await refused(await post({ query: CREATE_ORG, variables: { i: { name: 'Acme', type: 'employer', turnoverPence } } }), 400, 'BAD_USER_INPUT');
        expect(error.message).toMatch(/at "i.turnoverPence"; Pence must be/);
        expect(error.extensions!.fields![0].field).toBe('turnoverPence');
      }
    });
  });

  describe('values written in the query itself: 400 GRAPHQL_VALIDATION_FAILED naming the argument or field', () => {
    it('a string for an Int argument', async () => {
      const error = await refused(await post({ query: '{ organisations(first: "ten") { totalCount } }' }), 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toBe('Invalid value for "first": Int cannot represent non-integer value: "ten"');
      expect(error.extensions!.fields![0].field).toBe('first');
    });

    it('a bad Pence literal inside an input object', async () => {
      const error = await refused(await post({ query: 'mutation { createOrganisation(input: { name: "Acme", type: employer, turnoverPence: "lots" }) { id } }' }), 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toBe('Invalid value for "turnoverPence": Pence must be a whole number of pence, e.g. 1250000');
    });

    it('a query deeper than the limit', async () => {
      let selection = 'id';
      for (let i = 0; i < MAX_QUERY_DEPTH; i++) selection = `parent { ${selection} }`;
      const error = await refused(await post({ query: `query Deep { organisation(id: "${t.users.admin}") { ${selection} } }` }), 400, 'GRAPHQL_VALIDATION_FAILED');
      expect(error.message).toBe(`'Deep' exceeds maximum operation depth of ${MAX_QUERY_DEPTH}`);
    });

    it('a query costlier than the limit: 400, not the 500 Apollo gives an error thrown before execution', async () => {
      // A page of 100 organisations costs 100 × its fields: enough fields take it over the cap.
      const fields = Array.from({ length: MAX_QUERY_COMPLEXITY / 100 }, () => 'id name').join(' ');
      const error = await refused(await post({ query: `{ organisations(first: 100) { edges { node { ${fields} } } } }` }), 400, 'BAD_USER_INPUT');
      expect(error.message).toMatch(new RegExp(`^Query is too complex: \\d+ \\(maximum ${MAX_QUERY_COMPLEXITY}\\)$`));
    });

    it('a query that does not parse', async () => {
      const error = await refused(await post({ query: '{ organisations { ' }), 400, 'GRAPHQL_PARSE_FAILED');
      expect(error.message).toMatch(/^Syntax Error/);
    });
  });

  describe('ids', () => {
    it('a non-UUID id is BAD_USER_INPUT naming the argument, answered 200 as the operation ran', async () => {
      const res = await post({ query: 'query($id: ID!) { organisation(id: $id) { id } }', variables: { id: 'not-a-uuid' } });
      const error = await refused(res, 200, 'BAD_USER_INPUT');
      expect(error.extensions!.fields).toEqual([{ field: 'id', messages: ['id must be an id'] }]);
      expect(res.body.data).toEqual({ organisation: null });
    });
  });

  describe('class-validator refusals stay BAD_USER_INPUT naming each field', () => {
    it('answers 200 with the fields, as the mutation ran and refused its input', async () => {
      const res = await post({ query: CREATE_ORG, variables: { i: { name: 'Acme', type: 'employer', postcode: 'nowhere', website: 'not a url' } } });
      const error = await refused(res, 200, 'BAD_USER_INPUT');
      expect(error.extensions!.fields!.map((f) => f.field).sort()).toEqual(['postcode', 'website']);
      expect(error.message).toMatch(/postcode/);
    });
  });

  describe('requests that are not GraphQL requests', () => {
    it('a malformed JSON body: 400', async () => {
      const error = await refused(await post('{"query": "{ me { id } }"'), 400, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/^The request body is not valid JSON/);
    });

    it('no query: 400 naming `query`', async () => {
      const error = await refused(await post({ variables: {} }), 400, 'BAD_USER_INPUT');
      expect(error.message).toMatch(/non-empty `query`/);
    });

    it('a mutation over GET: 405, allowing POST', async () => {
      const res = await request(t.app.getHttpServer()).get('/graphql').set('apollo-require-preflight', 'true')
        .query({ query: 'mutation { login(email: "a@b.ac.uk", password: "whatever it is") { accessToken } }' });
      const error = await refused(res, 405, 'BAD_USER_INPUT');
      expect(res.headers.allow).toBe('POST');
      expect(error.message).toMatch(/GET requests only support query operations, not mutation/);
    });

    it('a body over 1 MB: 413 with a JSON body', async () => {
      const error = await refused(await post({ query: '{ me { id } }', variables: { padding: 'x'.repeat(1024 * 1024) } }), 413, 'BAD_USER_INPUT');
      expect(error.message).toBe('The request body is too large: at most 1048576 bytes');
    });

    it('a body just under 1 MB is read', async () => {
      const res = await post({ query: '{ me { email } }', variables: { padding: 'x'.repeat(1000 * 1000) } });
      expect(res.status).toBe(200);
      expect(res.body.data.me.email).toBe('admin@test.ac.uk');
    });
  });
});
