import { randomUUID } from 'node:crypto';
import { GraphQLSchemaHost } from '@nestjs/graphql';
import { GraphQLObjectType } from 'graphql';
import { statementCounter } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

/** The unified relationship view, as the organisation page asks for it. */
const UNIFIED_VIEW = `query($id: ID!) {
  organisation(id: $id) {
    id name owner { name } department { name }
    people(first: 25) { totalCount edges { node { role current contact { id name emails } organisation { id name } } } }
    engagements(first: 50) { totalCount edges { node { id type occurredOn summary department { name } loggedBy { name }
      contacts { id name } staff { name } organisation { id } } } pageInfo { hasNextPage endCursor } }
    openTasks { id title assignee { name } contact { name } }
    departmentsInvolved { lastEngagedOn engagementCount department { name } }
    history { action actor { name } changes { field old new } }
  }
}`;

describe('no N+1 in the unified relationship view', () => {
  let t: TestApp;
  let counter: Awaited<ReturnType<typeof statementCounter>>;
  beforeAll(async () => {
    t = await createTestApp();
    counter = await statementCounter(t);
  });
  afterAll(() => t.close());

  async function seedOrganisation(name: string, contacts: number, engagements: number): Promise<string> {
    const orgId = randomUUID();
    await t.db.query(`INSERT INTO organisations (id, name, type, owner_id, department_id) VALUES ($1, $2, 'employer', $3, $4)`, [orgId, name, t.users.staff, t.departments.ENG]);
    await t.db.query(
      `INSERT INTO contacts (id, first_name, last_name, emails) SELECT gen_random_uuid(), 'Person', $2 || '-' || i, ARRAY['p' || i || '@' || $2 || '.co.uk']
         FROM generate_series(1, $1) i`, [contacts, name.toLowerCase().replace(/\W/g, '')]);
    await t.db.query(`INSERT INTO affiliations (contact_id, organisation_id, role) SELECT id, $1, 'Staff' FROM contacts WHERE last_name LIKE $2 || '-%'`, [orgId, name.toLowerCase().replace(/\W/g, '')]);
    await t.db.query(
      `INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id, created_by)
       SELECT 'meeting', current_date - i, 'Meeting ' || i, $1, CASE WHEN i % 2 = 0 THEN $3::uuid ELSE $4::uuid END, $5 FROM generate_series(1, $2) i`,
      [orgId, engagements, t.departments.ENG, t.departments.BUS, t.users.staff]);
    // Each engagement gets one of the organisation's people, round robin.
    await t.db.query(`INSERT INTO engagement_contacts (engagement_id, contact_id)
      SELECT e.id, c.contact_id
        FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM engagements WHERE organisation_id = $1) e
        JOIN (SELECT contact_id, row_number() OVER (ORDER BY contact_id) - 1 AS k FROM affiliations WHERE organisation_id = $1) c ON c.k = e.n % $2`,
      [orgId, contacts]);
    await t.db.query(`INSERT INTO engagement_staff (engagement_id, user_id) SELECT id, created_by FROM engagements WHERE organisation_id = $1`, [orgId]);
    await t.db.query(`INSERT INTO tasks (title, assignee_id, organisation_id, contact_id, department_id)
      SELECT 'Task ' || i, $2, $1, (SELECT contact_id FROM affiliations WHERE organisation_id = $1 LIMIT 1), $3 FROM generate_series(1, 10) i`, [orgId, t.users.staff, t.departments.ENG]);
    return orgId;
  }

  it('issues the same small number of statements for 50 contacts and 500 engagements as for 2 and 2', async () => {
    const big = await seedOrganisation('Big Relationship Ltd', 50, 500);
    const small = await seedOrganisation('Small Relationship Ltd', 2, 2);

    const measure = async (id: string) => {
      const { statements, result: res } = await counter.measure(() => t.gql(UNIFIED_VIEW, { id }, t.tokens.staff));
      expect(res.errors).toBeUndefined();
      return { statements, data: res.data.organisation };
    };
    const bigRun = await measure(big);
    const smallRun = await measure(small);

    expect(bigRun.data.people.totalCount).toBe(50);
    expect(bigRun.data.people.edges).toHaveLength(25);
    expect(bigRun.data.engagements.totalCount).toBe(500);
    expect(bigRun.data.engagements.edges).toHaveLength(50);
    expect(bigRun.data.departmentsInvolved).toHaveLength(2);
    expect(smallRun.data.people.edges).toHaveLength(2);
    expect(bigRun.statements).toBe(smallRun.statements);
    expect(bigRun.statements).toBeLessThanOrEqual(20);
  });

  it('does not read the organisation again for its own tasks, and an archived one still resolves as before', async () => {
    const id = await seedOrganisation('Primed Ltd', 2, 2);
    const withOrganisation = `query($id: ID!) { organisation(id: $id) { id openTasks { id organisation { id name } } } }`;
    const without = `query($id: ID!) { organisation(id: $id) { id openTasks { id } } }`;
    const primed = await counter.measure(() => t.gql(withOrganisation, { id }, t.tokens.staff));
    const plain = await counter.measure(() => t.gql(without, { id }, t.tokens.staff));
    expect(primed.result.data.organisation.openTasks).toHaveLength(10);
    expect(primed.result.data.organisation.openTasks.every((task: any) => task.organisation?.id === id && task.organisation.name === 'Primed Ltd')).toBe(true);
    expect(primed.statements).toBe(plain.statements);
    // A manager sees an archived organisation, but its tasks' organisation is not resolved (the loader gives live ones only): unchanged.
    await t.db.query(`UPDATE organisations SET deleted_at = now() WHERE id = $1`, [id]);
    const archived = await t.gql(withOrganisation, { id }, t.tokens.manager);
    expect(archived.data.organisation.id).toBe(id);
    expect(archived.data.organisation.openTasks.map((task: any) => task.organisation)).toEqual(Array(10).fill(null));
  });

  it('binds the field resolvers that take only the parent and context straight to graphql-js (no per-call Nest wrapper)', () => {
    // @nestjs/graphql binds a field resolver without parameter decorators to its method
    // (canUseFastFieldResolver); with @Parent()/@Context() each call went through its context
    // creator and pipes, ~15 µs a call: half the pipeline board's CPU (issue 15).
    const { schema } = t.app.get(GraphQLSchemaHost);
    const resolverOf = (type: string, field: string) => (schema.getType(type) as GraphQLObjectType).getFields()[field].resolve;
    for (const [type, field] of [['Opportunity', 'organisation'], ['Opportunity', 'owner'], ['Opportunity', 'weightedValuePence'], ['Engagement', 'department'],
      ['Engagement', 'contacts'], ['Organisation', 'openTasks'], ['Task', 'assignee'], ['TimelineEntry', 'fromStage']]) {
      expect(`${type}.${field}: ${resolverOf(type, field)?.name}`).toMatch(new RegExp(`^${type}\\.${field}: (bound )+${field}$`));
    }
    // A field with arguments keeps the wrapper: its arguments are validated.
    expect(resolverOf('Organisation', 'engagements')?.name).not.toMatch(/^(bound )+engagements$/);
  });
});
