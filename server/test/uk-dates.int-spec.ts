import { Client } from 'pg';
import { ukDateSql, ukDayStartSql } from '../src/common/database/uk-today';
import { pinClock } from '../src/common/dates/clock';
import { codeOf, createTestApp, TestApp } from './support/test-app';

/**
 * Every "today" and every day of an instant is the Europe/London day, with the server's clock
 * pinned either side of both 2026 clock changes (BST from 01:00 UTC 29 March to 01:00 UTC
 * 25 October) and of the academic year boundary (1 August). The suite's process runs in New York
 * and its PostgreSQL in Auckland (global-setup.js), so a day taken from either zone is caught.
 */
describe('UK dates', () => {
  let t: TestApp;
  let orgId: string;
  let contactId: string;

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const r = await t.gql(query, variables, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const LOG = `mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id occurredOn } }`;
  const TASK = `mutation($i: CreateTaskInput!) { createTask(input: $i) { id dueOn overdue } }`;

  beforeAll(async () => {
    t = await createTestApp();
    orgId = (await ok(`mutation { createOrganisation(input: { name: "Tyne Widgets Ltd", type: employer }) { id } }`, {}, t.tokens.staff)).createOrganisation.id;
    contactId = (await ok(`mutation($i: CreateContactInput!) { createContact(input: $i) { id } }`, { i: { firstName: 'Ann', lastName: 'Lee' } }, t.tokens.staff)).createContact.id;
  });
  afterEach(() => pinClock(null));
  afterAll(() => t.close());

  it('runs away from the UK, so a machine-zone day would show', async () => {
    expect(new Date('2026-07-01T12:00:00Z').getTimezoneOffset()).not.toBe(0);
    const [{ timezone }] = await t.db.query(`SELECT current_setting('TimeZone') AS timezone`);
    // Set by global-setup.js when it starts the embedded server (not for a TEST_DATABASE_URL of your own).
    if (process.env.BCE_TEST_PG_ZONE) expect(timezone).toBe(process.env.BCE_TEST_PG_ZONE);
  });

  it.each([
    ['2026-07-31T23:30:00Z', '2026-08-01'], // 00:30 BST on 1 August
    ['2026-03-29T00:30:00Z', '2026-03-29'], // 00:30 GMT, the spring change's day
    ['2026-03-29T23:30:00Z', '2026-03-30'], // 00:30 BST the day after
    ['2026-10-24T23:30:00Z', '2026-10-25'], // 00:30 BST, the autumn change's day
    ['2026-10-25T23:30:00Z', '2026-10-25'], // 23:30 GMT on it
  ])('an engagement logged at %s without a date is on %s; the next day is the future', async (instant, day) => {
    pinClock(instant);
    const logged = (await ok(LOG, { i: { type: 'meeting', summary: 'Late call', organisationId: orgId } }, t.tokens.staff)).logEngagement;
    expect(logged.occurredOn).toBe(day);
    expect((await ok(LOG, { i: { type: 'call', summary: 'Today', organisationId: orgId, occurredOn: day } }, t.tokens.staff)).logEngagement.occurredOn).toBe(day);
    const tomorrow = new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const future = await t.gql(LOG, { i: { type: 'call', summary: 'Not yet', organisationId: orgId, occurredOn: tomorrow } }, t.tokens.staff);
    expect(codeOf(future)).toBe('BAD_USER_INPUT');
    expect(future.errors![0].extensions!.fields![0]).toEqual({ field: 'occurredOn', messages: [`occurredOn cannot be in the future (today is ${day} in the UK)`] });
  });

  it('a task due yesterday in the UK is overdue at 00:30 BST, one due today is not, and My day agrees', async () => {
    pinClock('2026-07-31T23:30:00Z'); // 00:30 BST on 1 August
    const yesterday = (await ok(TASK, { i: { title: 'Send the contract', dueOn: '2026-07-31' } }, t.tokens.staff)).createTask;
    const today = (await ok(TASK, { i: { title: 'Call back', dueOn: '2026-08-01' } }, t.tokens.staff)).createTask;
    const week = (await ok(TASK, { i: { title: 'Visit', dueOn: '2026-08-08' } }, t.tokens.staff)).createTask;
    const later = (await ok(TASK, { i: { title: 'Review', dueOn: '2026-08-09' } }, t.tokens.staff)).createTask;
    expect([yesterday.overdue, today.overdue, week.overdue, later.overdue]).toEqual([true, false, false, false]);
    const day = (await ok(`{ myDay { overdueTasks { id } dueTasks { id } } }`, {}, t.tokens.staff)).myDay;
    expect(day.overdueTasks.map((x: any) => x.id)).toEqual([yesterday.id]);
    // Due today or in the next 7 days: 1–8 August, not the 9th.
    expect(day.dueTasks.map((x: any) => x.id)).toEqual([today.id, week.id]);
  });

  it('a role that ends on the UK day is already past at 00:30 BST', async () => {
    const add = `mutation($i: AffiliationInput!) { addAffiliation(input: $i) { id current } }`;
    pinClock('2026-07-31T23:30:00Z');
    const ends = (await ok(add, { i: { contactId, organisationId: orgId, role: 'Director', toDate: '2026-08-01' } }, t.tokens.staff)).addAffiliation;
    const endsNext = (await ok(add, { i: { contactId, organisationId: orgId, role: 'Mentor', toDate: '2026-08-02' } }, t.tokens.staff)).addAffiliation;
    expect([ends.current, endsNext.current]).toEqual([false, true]);
  });

  describe('a contract won at 00:30 BST on 1 August and one at 23:30 BST on 31 July', () => {
    const ids: Record<'august' | 'july', string> = { august: '', july: '' };
    beforeAll(async () => {
      for (const [key, won] of [['august', '2026-07-31T23:30:00Z'], ['july', '2026-07-31T22:30:00Z']] as const) {
        ids[key] = (await ok(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`,
          { i: { title: `Won ${key}`, type: 'consultancy', organisationId: orgId, valuePence: 100_000 } }, t.tokens.staff)).createOpportunity.id;
        await t.db.query(`UPDATE opportunities SET stage_id = (SELECT id FROM opportunity_stages WHERE name = 'Won'), won_at = $2, closed_at = $2 WHERE id = $1`, [ids[key], won]);
      }
    });

    it('the reports put each in its own academic year', async () => {
      const wins = async (year: string) => (await ok(`query($y: String) { reports { winRate(by: type, filter: { academicYear: $y }) { key won } } }`, { y: year }, t.tokens.viewer))
        .reports.winRate.find((r: any) => r.key === 'consultancy')?.won ?? 0;
      expect(await wins('2025/26')).toBe(1);
      expect(await wins('2026/27')).toBe(1);
      const year = async (y: string) => (await ok(`query($y: String!) { reports { heBciSummary(academicYear: $y) { records { title } } } }`, { y }, t.tokens.viewer))
        .reports.heBciSummary.records.map((r: any) => r.title);
      expect(await year('2026/27')).toEqual(['Won august']);
      expect(await year('2025/26')).toEqual(['Won july']);
    });

    it('the list filters that drill into those figures agree', async () => {
      const titles = async (filter: Record<string, unknown>) =>
        (await ok(`query($f: OpportunityFilter) { opportunities(filter: $f) { edges { node { title } } } }`, { f: filter }, t.tokens.viewer))
          .opportunities.edges.map((e: any) => e.node.title).sort();
      expect(await titles({ closedFrom: '2026-08-01', closedTo: '2026-08-01' })).toEqual(['Won august']);
      expect(await titles({ closedFrom: '2026-07-31', closedTo: '2026-07-31' })).toEqual(['Won july']);
      expect(await titles({ runningFrom: '2026-08-01', runningTo: '2027-07-31' })).toEqual(['Won august']);
    });
  });

  it('the SQL helpers give the UK day whatever the session zone', async () => {
    const c = new Client({ connectionString: process.env.TEST_DATABASE_URL });
    await c.connect();
    try {
      for (const zone of ['Pacific/Auckland', 'America/Los_Angeles', 'UTC']) {
        await c.query(`SET TIME ZONE '${zone}'`);
        const { rows: [r] } = await c.query(
          `SELECT ${ukDateSql(`'2026-07-31T23:30:00Z'::timestamptz`)}::text AS bst, ${ukDateSql(`'2026-10-25T23:30:00Z'::timestamptz`)}::text AS gmt,
                  ${ukDayStartSql(`'2026-08-01'`)} = '2026-07-31T23:00:00Z'::timestamptz AS summer_midnight,
                  ${ukDayStartSql(`'2026-12-01'`)} = '2026-12-01T00:00:00Z'::timestamptz AS winter_midnight`);
        expect({ zone, ...r }).toEqual({ zone, bst: '2026-08-01', gmt: '2026-10-25', summer_midnight: true, winter_midnight: true });
      }
    } finally {
      await c.end();
    }
  });
});
