import { plainColumns, rawAndEntities } from '../src/common/database/plain-rows';
import { runMigrations } from '../src/runtime/database';
import { ScaleSeedRefused, seedScale } from '../src/seed/scale/generate';
import { createDatabase, createTestApp, TestApp } from './support/test-app';

const ORGS = 500;

describe('seed:scale generator', () => {
  let t: TestApp;
  let url: string;

  beforeAll(async () => {
    const database = await createDatabase();
    url = database.url;
    await runMigrations(url);
    const result = await seedScale(url, { organisations: ORGS });
    expect(result.totalSeconds).toBeGreaterThan(0);
    t = await createTestApp({ database });
  }, 180_000);
  afterAll(async () => {
    await t?.close();
  });

  const one = async (sql: string) => (await t.db.query(sql))[0];

  it('writes those counts (beside the two departments and five users the test app adds)', async () => {
    expect(await one(`SELECT (SELECT count(*)::int FROM organisations) AS organisations, (SELECT count(*)::int FROM contacts) AS contacts,
      (SELECT count(*)::int FROM engagements) AS engagements, (SELECT count(*)::int FROM opportunities) AS opportunities,
      (SELECT count(*)::int FROM tasks) AS tasks, (SELECT count(*)::int FROM departments WHERE code LIKE 'S%') AS departments,
      (SELECT count(*)::int FROM users WHERE email LIKE '%.scale.ac.uk') AS users`))
      .toEqual({ organisations: 500, contacts: 2_500, engagements: 10_000, opportunities: 1_000, tasks: 250, departments: 2, users: 10 });
  });

  it('runs the app\'s duplicate scan at small scales, finding near-duplicate names', async () => {
    const [r] = await t.db.query(`SELECT (SELECT count(*)::int FROM organisation_duplicate_pairs) AS pairs,
      (SELECT count(*)::int FROM organisations o, duplicate_scan_state s WHERE (o.updated_at, o.id) > (s.scanned_updated_at, s.scanned_id)) AS unscanned`);
    expect(r.pairs).toBeGreaterThan(0);
    expect(r.unscanned).toBe(0);
  });

  it('links every record to rows that exist, in realistic shapes', async () => {
    const r = await one(`SELECT
      (SELECT count(*)::int FROM engagements e LEFT JOIN organisations o ON o.id = e.organisation_id WHERE o.id IS NULL) AS orphan_engagements,
      (SELECT count(*)::int FROM engagements e JOIN organisations o ON o.id = e.organisation_id WHERE e.occurred_on < (o.created_at AT TIME ZONE 'Europe/London')::date OR e.occurred_on > (now() AT TIME ZONE 'Europe/London')::date) AS misdated,
      (SELECT min(n)::int FROM (SELECT count(*) n FROM affiliations GROUP BY contact_id) x) AS min_affiliations,
      (SELECT max(n)::int FROM (SELECT count(*) n FROM affiliations GROUP BY contact_id) x) AS max_affiliations,
      (SELECT count(*)::int FROM contacts c WHERE NOT EXISTS (SELECT 1 FROM affiliations a WHERE a.contact_id = c.id AND a.is_primary)) AS unaffiliated,
      (SELECT count(*)::int FROM users u WHERE NOT EXISTS (SELECT 1 FROM user_departments d WHERE d.user_id = u.id)) AS users_without_department,
      (SELECT count(*)::int FROM engagements e WHERE NOT EXISTS (SELECT 1 FROM engagement_staff s WHERE s.engagement_id = e.id)) AS engagements_without_staff,
      (SELECT count(*)::int FROM opportunities o WHERE (SELECT count(*) FROM opportunity_stage_history h WHERE h.opportunity_id = o.id AND h.left_at IS NULL AND h.stage_id = o.stage_id) <> 1) AS bad_history,
      (SELECT count(*)::int FROM opportunities o JOIN opportunity_stages s ON s.id = o.stage_id WHERE (s.outcome = 'won') <> (o.won_at IS NOT NULL) OR (s.outcome = 'lost' AND o.lost_reason IS NULL)) AS bad_outcomes,
      (SELECT count(DISTINCT stage_id)::int FROM opportunities) AS stages_used,
      (SELECT count(*)::int FROM opportunity_instalments) AS instalments,
      (SELECT (max(occurred_on) - min(occurred_on))::int FROM engagements) AS engagement_span_days,
      (SELECT count(DISTINCT type)::int FROM engagements) AS engagement_types,
      (SELECT count(DISTINCT name)::int FROM organisations) AS distinct_names`);
    expect(r).toMatchObject({ orphan_engagements: 0, misdated: 0, min_affiliations: 1, max_affiliations: 2, unaffiliated: 0, users_without_department: 0,
      engagements_without_staff: 0, bad_history: 0, bad_outcomes: 0, stages_used: 6, engagement_types: 8 });
    expect(r.instalments).toBeGreaterThan(0);
    expect(r.engagement_span_days).toBeGreaterThan(365 * 6);
    expect(r.distinct_names).toBeGreaterThan(ORGS * 0.9);
  });

  it('mixes in about 5% confidential records, each with its department', async () => {
    const r = await one(`SELECT
      (SELECT avg(confidential::int)::float FROM organisations) AS organisations, (SELECT avg(confidential::int)::float FROM engagements) AS engagements,
      (SELECT avg(confidential::int)::float FROM opportunities) AS opportunities,
      (SELECT count(*)::int FROM organisations WHERE confidential AND department_id IS NULL) AS without_department`);
    for (const share of [r.organisations, r.engagements, r.opportunities]) {
      expect(share).toBeGreaterThan(0.01);
      expect(share).toBeLessThan(0.1);
    }
    expect(r.without_department).toBe(0);
  });

  it('is read by the app: lists, confidentiality and search work over it', async () => {
    const [{ n: confidential }] = await t.db.query(`SELECT count(*)::int AS n FROM organisations WHERE confidential`);
    const list = `{ organisations(first: 5) { totalCount edges { node { id name owner { name } } } } }`;
    const asAdmin = await t.gql(list, {}, t.tokens.admin);
    expect(asAdmin.errors).toBeUndefined();
    expect(asAdmin.data.organisations.totalCount).toBe(ORGS);
    // The test app's staff work in ENG, a department the generator knows nothing of: they see no confidential organisation.
    const asStaff = await t.gql(list, {}, t.tokens.staff);
    expect(asStaff.data.organisations.totalCount).toBe(ORGS - confidential);

    // Generated ids are UUIDs the API's validators accept as arguments (a bare md5 is refused).
    // One whose name key no other organisation shares: "X Ltd" and "X Limited" are the same name to search, and rank as equals.
    const [{ id, name }] = await t.db.query(`SELECT id, name FROM organisations o WHERE NOT confidential AND type = 'employer'
      AND NOT EXISTS (SELECT 1 FROM organisations d WHERE d.id <> o.id AND bce_name_key(d.name) = bce_name_key(o.name)) ORDER BY id LIMIT 1`);
    const timeline = await t.gql('query($id: ID!) { timeline(first: 5, filter: { organisationId: $id }) { totalCount } }', { id }, t.tokens.staff);
    expect(timeline.errors).toBeUndefined();
    const [{ n: badIds }] = await t.db.query(`SELECT count(*)::int AS n FROM (SELECT id FROM organisations UNION ALL SELECT id FROM contacts UNION ALL SELECT id FROM engagements) x
      WHERE id::text !~ '^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$'`);
    expect(badIds).toBe(0);

    const search = await t.gql('query($q: String!) { search(text: $q) { kind title score } }', { q: name }, t.tokens.staff);
    expect(search.errors).toBeUndefined();
    expect(search.data.search[0]).toMatchObject({ kind: 'organisation', title: name });
  });

  it('builds every plain entity from raw rows exactly as TypeORM hydrates it (rawAndEntities, the keyset pages and loaders)', async () => {
    const checked: string[] = [];
    for (const metadata of t.db.entityMetadatas) {
      if (!plainColumns(metadata)) continue;
      const query = t.db.getRepository(metadata.target).createQueryBuilder('x').withDeleted().limit(300);
      for (const c of metadata.primaryColumns) query.addOrderBy(`x.${c.databaseName}`);
      const expected = await query.getMany();
      const { raw, entities } = await rawAndEntities(query);
      expect(entities).toStrictEqual(expected);
      expect(raw).toHaveLength(expected.length);
      if (expected.length) checked.push(metadata.name);
    }
    // The generated data fills these, with bigint pence, dates, text[] and jsonb among their columns.
    expect(checked).toEqual(expect.arrayContaining(['Organisation', 'Contact', 'Engagement', 'Opportunity', 'OpportunityInstalment', 'Task', 'User', 'AuditEvent']));
  });

  it('refuses a database that already holds records unless told to append, and appends without clashes', async () => {
    await expect(seedScale(url, { organisations: 50 })).rejects.toThrow(ScaleSeedRefused);
    const appended = await seedScale(url, { organisations: 50, append: true, duplicateScan: false });
    expect(appended.rows).toMatchObject({ organisations: ORGS + 50, contacts: 2_500 + 250, engagements: 10_000 + 1_000 });
    // Not scanned, but marked so: the server's background scanner finds nothing left to do.
    const [state] = await t.db.query(`SELECT (SELECT count(*)::int FROM organisations o WHERE (o.updated_at, o.id) > (s.scanned_updated_at, s.scanned_id)) AS unscanned
                                        FROM duplicate_scan_state s`);
    expect(state.unscanned).toBe(0);
  });
});
