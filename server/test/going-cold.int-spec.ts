import { Role } from '../src/common/auth/roles';
import { RelationshipHealthService } from '../src/modules/relationship-health/relationship-health.service';
import { statementCounter } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

const GOING_COLD = `{ goingCold(first: 100) { organisationId score previousScore lastEngagedOn organisation { name } } }`;
const HEALTH = `query($id: ID!) { relationshipHealth(organisationId: $id) { score previousScore } }`;

/**
 * goingCold reads the daily snapshot (going-cold-snapshot.sql.ts: inputs per organisation and
 * visibility bucket, scores of the shared views); these check it against the one-organisation
 * path (healthInputsSql, scored twice) and the live list (going-cold.sql.ts) for each kind of user.
 */
describe('going cold', () => {
  let t: TestApp;
  const org: Record<string, string> = {};
  const ukDaysAgo = (days: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date(Date.now() - days * 86_400_000));
  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const r = await t.gql(query, variables, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  async function addOrg(key: string, stage: string) {
    const [row] = await t.db.query(`INSERT INTO organisations (name, type, relationship_stage) VALUES ($1, 'employer', $2) RETURNING id`, [`${key} Ltd`, stage]);
    org[key] = row.id;
  }
  async function addEngagements(key: string, daysAgo: number[], dept: 'ENG' | 'BUS', confidential = false, contact?: string | string[]) {
    for (const days of daysAgo) {
      const [e] = await t.db.query(
        `INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id, confidential, created_by) VALUES ('meeting', $1, 'Fixture', $2, $3, $4, $5) RETURNING id`,
        [ukDaysAgo(days), org[key], t.departments[dept], confidential, t.users.staff]);
      for (const c of [contact ?? []].flat()) await t.db.query('INSERT INTO engagement_contacts (engagement_id, contact_id) VALUES ($1, $2)', [e.id, c]);
    }
  }
  const refresh = () => t.app.get(RelationshipHealthService).refreshGoingCold();
  async function addWon(key: string, pence: number, wonDaysAgo: number) {
    await t.db.query(
      `INSERT INTO opportunities (title, type, stage_id, value_pence, organisation_id, department_id, owner_id, won_at, closed_at)
       SELECT 'Won work', 'consultancy', s.id, $1, $2, $3, $4, now() - make_interval(days => $5), now() - make_interval(days => $5)
         FROM opportunity_stages s WHERE s.outcome = 'won' LIMIT 1`,
      [pence, org[key], t.departments.ENG, t.users.staff, wonDaysAgo]);
  }

  /** What goingCold must say, from relationshipHealth per organisation: important, fell by 10 or more, biggest fall first. */
  async function expected(token: string) {
    const rows = await t.db.query(
      `SELECT o.id, o.name, o.relationship_stage IN ('active', 'strategic_partner') AS important FROM organisations o ORDER BY o.name`);
    const out = [];
    for (const o of rows) {
      const res = await t.gql(HEALTH, { id: o.id }, token);
      if (res.errors) continue; // not visible to this user
      const h = res.data.relationshipHealth;
      const [won] = await t.db.query(`SELECT count(*)::int AS n FROM opportunities WHERE organisation_id = $1 AND won_at > now() - interval '730 days'`, [o.id]);
      if ((o.important || won.n > 0) && h.previousScore - h.score >= 10) out.push({ name: o.name, score: h.score, previousScore: h.previousScore });
    }
    return out.sort((a, b) => b.previousScore - b.score - (a.previousScore - a.score) || (a.name < b.name ? -1 : 1));
  }

  beforeAll(async () => {
    t = await createTestApp();
    const [contact] = await t.db.query(`INSERT INTO contacts (first_name, last_name) VALUES ('Ann', 'Fixture') RETURNING id`);
    await addOrg('Aged Out', 'active'); // last seen 500 days ago; its big win drops out of the two-year window
    await addEngagements('Aged Out', [500], 'ENG');
    await addWon('Aged Out', 10_000_000, 760);
    await addOrg('Gone Quiet', 'strategic_partner'); // busy 100–170 days ago, nothing since
    await addEngagements('Gone Quiet', [100, 110, 120, 140, 170], 'ENG', false, contact.id);
    await addOrg('Steady', 'active'); // as busy now as then
    await addEngagements('Steady', [5, 40, 80, 100, 130, 170], 'ENG');
    await addOrg('Quiet Prospect', 'prospect'); // fell as far, but not important
    await addEngagements('Quiet Prospect', [100, 110, 120, 140, 170], 'ENG');
    await addOrg('Secret Talks', 'active'); // went quiet, but only Business's confidential engagements show it
    await addEngagements('Secret Talks', [100, 110, 120, 140, 170], 'BUS', true);
    // Contacts and departments shared between the open bucket and Business's confidential one:
    // counted once each (4 contacts, 2 departments for whoever sees both), not summed per bucket.
    const people = [];
    for (const n of [1, 2, 3, 4]) people.push((await t.db.query(`INSERT INTO contacts (first_name, last_name) VALUES ('P${n}', 'Fixture') RETURNING id`))[0].id);
    await addOrg('Split Team', 'active');
    await addEngagements('Split Team', [100, 120], 'ENG', false, people.slice(0, 3));
    await addEngagements('Split Team', [105], 'BUS', false, people.slice(1, 3));
    await addEngagements('Split Team', [110, 130, 150], 'BUS', true, people.slice(1, 4));
    await addEngagements('Split Team', [300], 'BUS', true);
    await addEngagements('Split Team', [115], 'ENG', true, people.slice(0, 2)); // and Engineering's: two confidential buckets
    await addWon('Split Team', 5_000_000, 200);
    await refresh();
  });
  afterAll(() => t.close());

  it.each(['manager', 'viewer', 'staff', 'staffBus'] as const)('lists what the one-organisation scores say, for %s', async (who) => {
    const cold = (await ok(GOING_COLD, {}, t.tokens[who])).goingCold;
    expect(cold.map((c: any) => ({ name: c.organisation.name, score: c.score, previousScore: c.previousScore }))).toEqual(await expected(t.tokens[who]));
  });

  it('finds the important ones gone cold, each user counting only what they may see', async () => {
    const names = async (who: 'manager' | 'staff' | 'staffBus') => (await ok(GOING_COLD, {}, t.tokens[who])).goingCold.map((c: any) => c.organisation.name);
    expect((await names('manager')).sort()).toEqual(['Aged Out Ltd', 'Gone Quiet Ltd', 'Secret Talks Ltd', 'Split Team Ltd']);
    expect(await names('staff')).not.toContain('Secret Talks Ltd');
    expect(await names('staffBus')).toContain('Secret Talks Ltd');
  });

  it('gives the last engagement date, also when it is older than the windows scored', async () => {
    const cold = (await ok(GOING_COLD, {}, t.tokens.manager)).goingCold;
    const by = Object.fromEntries(cold.map((c: any) => [c.organisation.name, c.lastEngagedOn]));
    expect(by).toEqual({ 'Aged Out Ltd': ukDaysAgo(500), 'Gone Quiet Ltd': ukDaysAgo(100), 'Secret Talks Ltd': ukDaysAgo(100), 'Split Team Ltd': ukDaysAgo(100) });
  });

  it.each(['manager', 'viewer', 'staff', 'staffBus'] as const)('lists what the live computation lists, for %s', async (who) => {
    const health = t.app.get(RelationshipHealthService);
    const [user] = await t.db.query(
      `SELECT u.id, u.role, coalesce(array_agg(ud.department_id) FILTER (WHERE ud.department_id IS NOT NULL), '{}') AS "departmentIds"
         FROM users u LEFT JOIN user_departments ud ON ud.user_id = u.id WHERE u.id = $1 GROUP BY u.id`, [t.users[who]]);
    const strip = (rows: any[]) => rows.map(({ computedAt: _at, ...r }) => r);
    const live = strip(await health.goingColdLive(user, 100));
    expect(strip(await health.goingCold(user, 100))).toEqual(live);
    expect(live.length).toBeGreaterThan(0);
  });

  it('lists what the live computation lists for a person in two departments with confidential records at one organisation', async () => {
    const health = t.app.get(RelationshipHealthService);
    const user = { id: t.users.staff, email: 'both@bce.local', role: Role.staff, departmentIds: [t.departments.ENG, t.departments.BUS] };
    const strip = (rows: any[]) => rows.map(({ computedAt: _at, ...r }) => r);
    const live = strip(await health.goingColdLive(user, 100));
    expect(strip(await health.goingCold(user, 100))).toEqual(live);
    expect(live.map((c) => c.organisationId)).toContain(org['Split Team']);
  });

  it('stays as of the snapshot until it is refreshed, and says when that was', async () => {
    const before = (await ok(`{ goingCold(first: 100) { organisationId score computedAt } }`, {}, t.tokens.manager)).goingCold;
    expect(new Set(before.map((c: any) => c.computedAt)).size).toBe(1);
    await addEngagements('Gone Quiet', [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 'ENG');
    expect((await ok(`{ goingCold(first: 100) { organisationId score computedAt } }`, {}, t.tokens.manager)).goingCold).toEqual(before);
    expect((await t.gql(`mutation { refreshGoingCold }`, {}, t.tokens.manager)).errors).toBeDefined(); // admins only
    const at = (await ok(`mutation { refreshGoingCold }`, {}, t.tokens.admin)).refreshGoingCold;
    const after = (await ok(`{ goingCold(first: 100) { organisationId computedAt organisation { name } } }`, {}, t.tokens.manager)).goingCold;
    expect(after.map((c: any) => c.organisation.name)).not.toContain('Gone Quiet Ltd');
    expect(after[0].computedAt).toBe(at);
    expect(Date.parse(at)).toBeGreaterThan(Date.parse(before[0].computedAt));
  });

  it('reads the snapshot in two statements, plus one batch for the organisations shown', async () => {
    const counter = await statementCounter(t);
    const without = await counter.measure(() => t.gql(`{ goingCold { organisationId score previousScore lastEngagedOn } }`, {}, t.tokens.viewer));
    const withNames = await counter.measure(() => t.gql(GOING_COLD, {}, t.tokens.viewer));
    expect(withNames.statements - without.statements).toBe(1);
    expect(without.statements).toBeLessThanOrEqual(2);
  });

  it('is computed live before the first snapshot', async () => {
    await t.db.query('DELETE FROM going_cold_snapshot');
    const cold = (await ok(GOING_COLD, {}, t.tokens.manager)).goingCold;
    expect(cold.map((c: any) => ({ name: c.organisation.name, score: c.score, previousScore: c.previousScore }))).toEqual(await expected(t.tokens.manager));
  });
});
