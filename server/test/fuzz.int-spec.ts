import fc from 'fast-check';
import { getNamedType, GraphQLInputObjectType, isEnumType, isListType, isNonNullType } from 'graphql';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { schemaOf } from './support/operations';
import { createTestApp, GqlResult, TestApp } from './support/test-app';

// Generated bad input thrown at the mutations that take records in, as variables and as literals:
// every answer is a client error (BAD_USER_INPUT, a validation failure, a 4xx) or, when the input
// happened to be valid, a normal answer; never INTERNAL_SERVER_ERROR or a 500. Refused requests
// leave the tables exactly as they were. Fixed seeds: the same inputs every run.
const SEED = 20261206;
const RUNS_PER_TARGET = 1100;
const CONCURRENCY = 4;

type Class = 'BAD_USER_INPUT' | 'validation' | 'other-client' | 'accepted-valid' | 'internal';

interface Target {
  mutation: string;
  /** Builds the request's arguments from a valid input. */
  args(input: Record<string, unknown>): Record<string, unknown>;
  inputArg: string;
  base(): Record<string, unknown>;
  tables: string[];
}

const BIG = 'A'.repeat(100_000);
const NASTY_STRINGS = [
  BIG, `${'é'.repeat(50_000)}`, '😀👩‍👩‍👧‍👦🏴󠁧󠁢󠁳󠁣󠁴󠁿', '\u202Eevil\u202C', 'مرحبا بالعالم', 'a\u0000b', '\u0000', '\uD800', '\uFFFF\uFFFE',
  "'; DROP TABLE organisations; --", "' OR '1'='1", '1; SELECT pg_sleep(10)', '$$; DELETE FROM users; $$', '\\', '%',
  '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '{{7*7}}', '${jndi:ldap://x}', '../../etc/passwd',
  '', ' ', '\t\n\r', '31/02/2026', '2026-13-01', '2026-02-30', '2026-00-10', '0000-00-00', '9999-99-99', '2026-1-1', 'yesterday',
  '-1', 'NaN', 'Infinity', '1e308', '0x10', 'null', 'undefined', 'true', '[]', '{}', 'not-a-uuid', '00000000-0000-0000-0000-00000000000g',
];

/** Values that are wrong for many fields: wrong types, extremes, odd strings, too-long lists. */
const badValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(-1, 0, -2147483649, 2147483648, Number.MAX_SAFE_INTEGER, -Number.MAX_SAFE_INTEGER, 1e308, 0.5, -0.0001, 12.5),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom({}, { a: 1 }, [], [null], ['x'], [1, 2, 3]),
  fc.array(fc.constantFrom('x', 'tag', '😀'), { minLength: 200, maxLength: 1200 }),
  fc.array(fc.uuid(), { minLength: 100, maxLength: 500 }),
  fc.constantFrom('SPACESHIP', 'Employer', 'employer ', 'EMPLOYER', 'unknown_value'),
  fc.uuid(),
);

/** A GraphQL literal for a JSON-ish value (strings escaped as JSON, which GraphQL accepts). */
function literal(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(literal).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${k}: ${literal(v)}`).join(', ')}}`;
  if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
  return JSON.stringify(value);
}

describe('fuzzing the mutations', () => {
  let t: TestApp;
  let org: string;
  let contact: string;
  const tally: Record<Class, number> = { BAD_USER_INPUT: 0, validation: 0, 'other-client': 0, 'accepted-valid': 0, internal: 0 };
  const internals: string[] = [];
  let total = 0;

  beforeAll(async () => {
    t = await createTestApp({ config: { rateLimitPerMinute: 0 } }); // thousands of refusals a minute: the rate limit has its own test
    const o = await t.gql('mutation { createOrganisation(input: { name: "Fuzz Target Ltd", type: employer }) { id } }', {}, t.tokens.admin);
    org = o.data.createOrganisation.id;
    const c = await t.gql('mutation { createContact(input: { firstName: "Fuzz", lastName: "Target" }) { id } }', {}, t.tokens.admin);
    contact = c.data.createContact.id;
  }, 120_000);
  afterAll(async () => {
    console.log(`fuzz: ${total} inputs — BAD_USER_INPUT ${tally.BAD_USER_INPUT}, validation ${tally.validation}, other client errors ${tally['other-client']}, accepted-valid ${tally['accepted-valid']}, internal ${tally.internal}`);
    await t.close();
  });

  const targets = (): Target[] => [
    { mutation: 'createOrganisation', inputArg: 'input', base: () => ({ name: 'Fuzz Org', type: 'employer' }), args: (input) => ({ input }), tables: ['organisations'] },
    { mutation: 'updateOrganisation', inputArg: 'input', base: () => ({ name: 'Fuzz Target Ltd' }), args: (input) => ({ id: org, input, version: 1 }), tables: ['organisations'] },
    { mutation: 'logEngagement', inputArg: 'input', base: () => ({ summary: 'Met', type: 'call', organisationId: org }), args: (input) => ({ input }), tables: ['engagements'] },
    { mutation: 'createContact', inputArg: 'input', base: () => ({ firstName: 'Ada', lastName: 'Lovelace' }), args: (input) => ({ input }), tables: ['contacts'] },
    { mutation: 'createOpportunity', inputArg: 'input', base: () => ({ organisationId: org, title: 'Deal', type: 'apprenticeship' }), args: (input) => ({ input }), tables: ['opportunities'] },
    { mutation: 'createTask', inputArg: 'input', base: () => ({ title: 'Call back' }), args: (input) => ({ input }), tables: ['tasks'] },
    { mutation: 'addAffiliation', inputArg: 'input', base: () => ({ contactId: contact, organisationId: org }), args: (input) => ({ input }), tables: ['affiliations'] },
    { mutation: 'recordConsent', inputArg: 'input', base: () => ({ contactId: contact, method: 'email', purpose: 'newsletter' }), args: (input) => ({ input }), tables: ['consent_records'] },
    { mutation: 'createDepartment', inputArg: 'input', base: () => ({ code: `F${randomUUID().slice(0, 6)}`, name: 'Fuzz dept' }), args: (input) => ({ input }), tables: ['departments'] },
    { mutation: 'inviteUser', inputArg: 'input', base: () => ({ email: `f-${randomUUID().slice(0, 8)}@test.ac.uk`, name: 'Fuzz', role: 'staff' }), args: (input) => ({ input }), tables: ['users'] },
    { mutation: 'createSubjectAccessRequest', inputArg: 'input', base: () => ({ requester: 'Fuzz by email', receivedOn: '2026-01-15', contactId: contact }), args: (input) => ({ input }), tables: ['subject_access_requests'] },
    { mutation: 'createRetentionRule', inputArg: 'input', base: () => ({ recordType: 'contact', periodMonths: 24, description: 'Fuzz rule' }), args: (input) => ({ input }), tables: ['retention_rules'] },
    { mutation: 'eraseContact', inputArg: 'input', base: () => ({ confirmName: 'Not The Name' }), args: (input) => ({ id: contact, input }), tables: ['contacts', 'erasures'] },
  ];

  async function checksum(tables: string[]): Promise<string> {
    const parts: string[] = [];
    for (const table of tables) {
      const [row] = await t.db.query(`SELECT count(*)::text AS n, coalesce(md5(string_agg(x::text, ',' ORDER BY x::text)), '') AS h FROM ${table} x`);
      parts.push(`${table}:${row.n}:${row.h}`);
    }
    return parts.join('|');
  }

  function classify(status: number, body: GqlResult | undefined): Class {
    const codes = (body?.errors ?? []).map((e) => e.extensions?.code);
    if (status >= 500 || codes.includes('INTERNAL_SERVER_ERROR')) return 'internal';
    if (!body?.errors?.length && body?.data) return 'accepted-valid';
    if (codes[0] === 'BAD_USER_INPUT') return 'BAD_USER_INPUT';
    if (status === 413 || codes[0] === 'GRAPHQL_VALIDATION_FAILED' || codes[0] === 'BAD_REQUEST' || codes[0] === 'GRAPHQL_PARSE_FAILED') return 'validation';
    if (status >= 400 && status < 500 && !body?.errors) return 'validation';
    return 'other-client';
  }

  for (const [index, name] of ['createOrganisation', 'updateOrganisation', 'logEngagement', 'createContact', 'createOpportunity', 'createTask', 'addAffiliation', 'recordConsent', 'createDepartment', 'inviteUser',
    'createSubjectAccessRequest', 'createRetentionRule', 'eraseContact'].entries()) {
    it(`${name}: ${RUNS_PER_TARGET} bad inputs, all refused as the client's fault or valid, the tables untouched by refusals`, async () => {
      const target = targets().find((x) => x.mutation === name)!;
      const schema = schemaOf(t.app);
      const field = schema.getMutationType()!.getFields()[name];
      const inputType = getNamedType(field.args.find((a) => a.name === target.inputArg)!.type) as GraphQLInputObjectType;
      const fieldNames = Object.keys(inputType.getFields());
      const argDecl = field.args.map((a) => `$${a.name}: ${a.type.toString()}`).join(', ');
      const argPass = field.args.map((a) => `${a.name}: $${a.name}`).join(', ');
      const variablesDoc = `mutation(${argDecl}) { ${name}(${argPass}) { __typename } }`;

      // One case: which field to spoil, with what, and whether as variables or a literal.
      const spoil = fc.record({
        how: fc.constantFrom('field', 'field', 'field', 'field', 'drop-required', 'unknown-field', 'whole-input', 'top-arg'),
        field: fc.constantFrom(...fieldNames),
        value: badValue,
        asLiteral: fc.boolean(),
      });
      const cases = fc.sample(spoil, { seed: SEED + index, numRuns: RUNS_PER_TARGET });

      const before = await checksum(target.tables);
      let accepted = 0;
      const run = async (c: (typeof cases)[number]) => {
        const input: Record<string, unknown> = target.base();
        let args: Record<string, unknown>;
        if (c.how === 'field') input[c.field] = c.value;
        if (c.how === 'drop-required') {
          const required = fieldNames.filter((f) => isNonNullType(inputType.getFields()[f].type));
          delete input[required[0] ?? c.field];
        }
        if (c.how === 'unknown-field') input[`zz${c.field}`] = c.value;
        args = target.args(input);
        if (c.how === 'whole-input') args = { ...args, [target.inputArg]: c.value };
        if (c.how === 'top-arg') {
          const other = field.args.find((a) => a.name !== target.inputArg);
          args = { ...args, [other?.name ?? target.inputArg]: c.value };
        }
        const query = c.asLiteral
          ? `mutation { ${name}(${Object.entries(args).map(([k, v]) => `${k}: ${enumLiteral(inputType, k === target.inputArg, v)}`).join(', ')}) { __typename } }`
          : variablesDoc;
        const res = await request(t.app.getHttpServer()).post('/graphql').set('content-type', 'application/json')
          .set('authorization', `Bearer ${t.tokens.admin}`).send({ query, variables: c.asLiteral ? undefined : args });
        const cls = classify(res.status, res.body as GqlResult);
        tally[cls]++;
        total++;
        if (cls === 'accepted-valid') accepted++;
        if (cls === 'internal') internals.push(`${name} ${c.how} ${c.field} ${c.asLiteral ? 'literal' : 'variable'} ${JSON.stringify(c.value)?.slice(0, 80)}: ${res.status} ${JSON.stringify(res.body).slice(0, 200)}`);
      };
      for (let i = 0; i < cases.length; i += CONCURRENCY) await Promise.all(cases.slice(i, i + CONCURRENCY).map(run));

      expect(internals).toEqual([]);
      // Nothing refused wrote anything: with no input accepted the tables are byte for byte the same.
      if (accepted === 0) expect(await checksum(target.tables)).toBe(before);
      else if (name.startsWith('create') || ['logEngagement', 'recordConsent', 'inviteUser'].includes(name)) {
        const count = async () => Number((await t.db.query(`SELECT count(*) AS n FROM ${target.tables[0]}`))[0].n);
        expect(await count()).toBe(Number(before.split(':')[1]) + accepted);
      }
    }, 300_000);
  }

  it(`sent at least 10,000 inputs, none answered as an internal error`, () => {
    expect(tally.internal).toBe(0);
    expect(total).toBeGreaterThanOrEqual(10_000);
  });
});

/** Inside the input object, enum fields given as bare names when they look like names; everything else as a JSON literal. */
function enumLiteral(inputType: GraphQLInputObjectType, isInput: boolean, value: unknown): string {
  if (!isInput || value === null || typeof value !== 'object' || Array.isArray(value)) return literal(value);
  const fields = inputType.getFields();
  return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => {
    const type = fields[k] ? getNamedType(fields[k].type) : undefined;
    const isList = fields[k] && (isListType(fields[k].type) || (isNonNullType(fields[k].type) && isListType((fields[k].type as any).ofType)));
    if (type && isEnumType(type) && !isList && typeof v === 'string' && /^[_A-Za-z][_0-9A-Za-z]*$/.test(v)) return `${k}: ${v}`;
    return `${k}: ${literal(v)}`;
  }).join(', ')}}`;
}
