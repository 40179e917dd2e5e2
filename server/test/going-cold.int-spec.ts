import { statementCounter } from './support/statements';
import { createTestApp, TestApp } from './support/test-app';

const GOING_COLD = `{ goingCold(first: 100) { organisationId score previousScore lastEngagedOn organisation { name } } }`;
const HEALTH = `query($id: ID!) { relationshipHealth(organisationId: $id) { score previousScore } }`;

/**
 * goingCold scores every organisation for today and 90 days ago in one statement (going-cold.sql.ts);
 * these check it against the one-organisation path (healthInputsSql, scored twice) for each kind of user.
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
  async function addEngagements(key: string, daysAgo: number[], dept: 'ENG' | 'BUS', confidential = false, contact?: string) {
    for (const days of daysAgo) {
      const [e] = await t.db.query(
        `INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id, confidential, created_by) VALUES ('meeting', $1, 'Fixture', $2, $3, $4, $5) RETURNING id`,
        [ukDaysAgo(days), org[key], t.departments[dept], confidential, t.users.staff]);
      if (contact) await t.db.query('INSERT INTO engagement_contacts (engagement_id, contact_id) VALUES ($1, $2)', [e.id, contact]);
    }
  }
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
  });
  afterAll(() => t.close());

  it.each(['manager', 'viewer', 'staff', 'staffBus'] as const)('lists what the one-organisation scores say, for %s', async (who) => {
    const cold = (await ok(GOING_COLD, {}, t.tokens[who])).goingCold;
    expect(cold.map((c: any) => ({ name: c.organisation.name, score: c.score, previousScore: c.previousScore }))).toEqual(await expected(t.tokens[who]));
  });

  it('finds the important ones gone cold, each user counting only what they may see', async () => {
    const names = async (who: 'manager' | 'staff' | 'staffBus') => (await ok(GOING_COLD, {}, t.tokens[who])).goingCold.map((c: any) => c.organisation.name);
    expect((await names('manager')).sort()).toEqual(['Aged Out Ltd', 'Gone Quiet Ltd', 'Secret Talks Ltd']);
    expect(await names('staff')).not.toContain('Secret Talks Ltd');
    expect(await names('staffBus')).toContain('Secret Talks Ltd');
  });

  it('gives the last engagement date, also when it is older than the windows scored', async () => {
    const cold = (await ok(GOING_COLD, {}, t.tokens.manager)).goingCold;
    const by = Object.fromEntries(cold.map((c: any) => [c.organisation.name, c.lastEngagedOn]));
    expect(by).toEqual({ 'Aged Out Ltd': ukDaysAgo(500), 'Gone Quiet Ltd': ukDaysAgo(100), 'Secret Talks Ltd': ukDaysAgo(100) });
  });

  it('scores every organisation in one statement, plus one batch for the organisations shown', async () => {
    const counter = await statementCounter(t);
    const without = await counter.measure(() => t.gql(`{ goingCold { organisationId score previousScore lastEngagedOn } }`, {}, t.tokens.viewer));
    const withNames = await counter.measure(() => t.gql(GOING_COLD, {}, t.tokens.viewer));
    expect(withNames.statements - without.statements).toBe(1);
    expect(without.statements).toBeLessThanOrEqual(2);
  });
});
