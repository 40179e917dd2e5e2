import * as hebciSql from '../src/modules/reports/hebci.sql';
import { expectContractYearsCurrent, fromScratch } from './support/hebci-contract-years';
import { createTestApp, TestApp } from './support/test-app';

/**
 * hebci_contract_years (migration 1735200000000) is kept by triggers: after every kind of write
 * it must hold exactly what a from-scratch derivation over the opportunities and their
 * instalments gives (support/hebci-contract-years.ts), and the HE-BCI summary read through it must be
 * the summary read through the from-scratch derivation, figures (yearFiguresSql), records (wonInYearSql) and all.
 */
const SUMMARY = `query($y: String!, $d: [ID!]) { reports { heBciSummary(academicYear: $y, departmentIds: $d) {
  academicYear notReturnedCount cells { table category partnerType count valuePence valueThousands }
  lines { table category measure fundingSource ipIncomeType partnerType valuePence learnerDays count valueThousands }
  unknownSize { organisationId name reason contracts }
  records(first: 2000) { opportunityId title organisationName partnerType sizeBasis sizeReason rule valuePence incomePence parts { measure valuePence learnerDays partnerType fundingSource } }
} } }`;
const CREATE = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id version } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateOpportunityInput!) { updateOpportunity(id: $id, version: $v, input: $i) { version } }`;
const MOVE = `mutation($id: ID!, $v: Int!, $s: ID!, $r: String) { moveOpportunity(id: $id, version: $v, stageId: $s, lostReason: $r) { version } }`;
const ARCHIVE = `mutation($id: ID!) { archiveOpportunity(id: $id) { id } }`;
const RESTORE = `mutation($id: ID!) { restoreOpportunity(id: $id) { id } }`;
const UPDATE_ORG = `mutation($id: ID!, $v: Int!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, version: $v, input: $i) { version } }`;
const MERGE = `mutation($i: MergeInput!) { mergeOrganisations(input: $i) { id } }`;
const UNDO = `mutation($id: ID!) { undoMerge(id: $id) { id } }`;

describe('hebci_contract_years kept on write', () => {
  let t: TestApp;
  const org: Record<string, string> = {};
  const opp: Record<string, string> = {};
  const stage: Record<string, string> = {};

  const ok = async (query: string, variables: Record<string, unknown>, token = t.tokens.admin) => {
    const r = await t.gql(query, variables, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const version = async (table: 'opportunities' | 'organisations', id: string) => (await t.db.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version;

  async function summaries(token: string, year: string, departmentIds?: string[]) {
    return (await ok(SUMMARY, { y: year, d: departmentIds }, token)).reports.heBciSummary;
  }

  /** The table equals the from-scratch rows, and every year's summary, for each kind of user, equals the one read from scratch. */
  async function expectConsistent() {
    const kept = await expectContractYearsCurrent(t.db);
    let records = 0;
    const views: Array<[string, string[] | undefined]> = [[t.tokens.admin, undefined], [t.tokens.staff, undefined], [t.tokens.staffBus, undefined], [t.tokens.admin, [t.departments.BUS]]];
    for (const y of ['2024/25', '2025/26', '2026/27']) {
      for (const [token, departmentIds] of views) {
        const viaTable = await summaries(token, y, departmentIds);
        records += viaTable.records.length;
        // Both reads of the year, the records' and the figures', from scratch instead of the table.
        const scratch = (sql: string, yearStart: string) => {
          expect(sql).toContain('FROM hebci_contract_years cy');
          return sql.replace('FROM hebci_contract_years cy', `FROM (${fromScratch(yearStart)}) cy`);
        };
        const spy = jest.spyOn(hebciSql, 'wonInYearSql').mockImplementation((yearStart, where) => scratch(original(yearStart, where), yearStart));
        const figuresSpy = jest.spyOn(hebciSql, 'yearFiguresSql').mockImplementation((yearStart, where, p) => scratch(originalFigures(yearStart, where, p), yearStart));
        try {
          expect(await summaries(token, y, departmentIds)).toEqual(viaTable);
          expect(spy).toHaveBeenCalledTimes(1);
          expect(figuresSpy).toHaveBeenCalledTimes(1);
        } finally {
          spy.mockRestore();
          figuresSpy.mockRestore();
        }
      }
    }
    return { rows: kept.length, records };
  }
  const original = hebciSql.wonInYearSql;
  const originalFigures = hebciSql.yearFiguresSql;

  async function addOrg(key: string, name: string, facts: { headcount?: number; turnover?: number; band?: string; parent?: string } = {}) {
    const [row] = await t.db.query(
      `INSERT INTO organisations (name, type, headcount, turnover_pence, size_band, parent_id, parent_ownership_percent) VALUES ($1, 'employer', $2, $3, $4, $5, $6) RETURNING id`,
      [name, facts.headcount ?? null, facts.turnover ?? null, facts.band ?? null, facts.parent ? org[facts.parent] : null, facts.parent ? 60 : null]);
    org[key] = row.id;
  }
  async function create(key: string, input: Record<string, unknown>, token = t.tokens.staff) {
    opp[key] = (await ok(CREATE, { input: { title: key, ...input } }, token)).createOpportunity.id;
  }
  const move = async (key: string, to: string, lostReason?: string) =>
    ok(MOVE, { id: opp[key], v: await version('opportunities', opp[key]), s: stage[to], r: lostReason });

  beforeAll(async () => {
    t = await createTestApp();
    for (const r of await t.db.query(`SELECT id, name FROM opportunity_stages`)) stage[r.name] = r.id;
    await addOrg('SME', 'Acme Robotics Ltd', { headcount: 40, turnover: 300_000_000 });
    await addOrg('GRP', 'Global Holdings plc', { headcount: 5_000 });
    await addOrg('SUB', 'Subsidiary Sensors Ltd', { headcount: 30, turnover: 200_000_000, parent: 'GRP' });
    await addOrg('DUP', 'Acme Robotics Limited', { band: 'small' });
    await addOrg('UNK', 'Mystery Ventures Ltd');
  }, 120_000);
  afterAll(async () => t?.close());

  it('is backfilled and empty of unwon contracts to start with', async () => {
    await create('open consultancy', { type: 'consultancy', organisationId: org.SME, valuePence: 1_000_000 });
    expect(await t.db.query(`SELECT * FROM hebci_contract_years`)).toEqual([]);
    await expectConsistent();
  });

  it('follows contracts won, with and without instalments, across year boundaries', async () => {
    await move('open consultancy', 'Won');
    await t.db.query(`UPDATE opportunities SET won_at = '2025-07-31T23:30:00Z' WHERE id = $1`, [opp['open consultancy']]); // 1 Aug 00:30 BST: 2025/26
    await create('spread research', { type: 'contract_research', organisationId: org.SUB, valuePence: 7_300_000, startDate: '2024-11-01', endDate: '2026-10-31' });
    await create('instalment research', { type: 'contract_research', organisationId: org.UNK, valuePence: 9_000_000, confidential: true,
      instalments: [{ dueOn: '2025-06-30', amountPence: 3_000_000 }, { dueOn: '2025-09-30', receivedOn: '2025-10-05', amountPence: 3_000_000 }, { dueOn: '2026-08-01', amountPence: 3_000_000 }] });
    await create('bus ktp', { type: 'ktp', organisationId: org.DUP, valuePence: 15_000_000, startDate: '2025-08-01', endDate: '2027-07-31', confidential: true,
      fundingSource: 'ukri', ktpGrantPence: 10_000_000, ktpCompanyPence: 5_000_000 }, t.tokens.staffBus);
    for (const k of ['spread research', 'instalment research', 'bus ktp']) await move(k, 'Won');
    const seen = await expectConsistent();
    expect(seen.rows).toBeGreaterThan(6);
    expect(seen.records).toBeGreaterThan(12);
  });

  it('follows updates to dates and instalments, replaced and cleared', async () => {
    await ok(UPDATE, { id: opp['spread research'], v: await version('opportunities', opp['spread research']), i: { startDate: '2025-03-01', endDate: '2027-02-28' } });
    await ok(UPDATE, { id: opp['instalment research'], v: await version('opportunities', opp['instalment research']),
      i: { instalments: [{ dueOn: '2024-12-01', amountPence: 4_500_000 }, { dueOn: '2025-12-01', amountPence: 4_500_000 }] } });
    await expectConsistent();
    await t.db.query(`UPDATE opportunity_instalments SET received_on = '2026-08-02' WHERE opportunity_id = $1 AND due_on = '2025-12-01'`, [opp['instalment research']]);
    await expectConsistent();
    await ok(UPDATE, { id: opp['instalment research'], v: await version('opportunities', opp['instalment research']), i: { instalments: [] } });
    await expectConsistent();
  });

  it('follows lost, archived, restored and deleted contracts, and a stage whose outcome is redefined', async () => {
    await move('open consultancy', 'Lost', 'went elsewhere');
    await expectConsistent();
    await move('open consultancy', 'Won');
    await ok(ARCHIVE, { id: opp['spread research'] });
    await expectConsistent();
    await ok(RESTORE, { id: opp['spread research'] });
    await expectConsistent();
    await t.db.query(`UPDATE opportunity_stages SET outcome = 'open' WHERE id = $1`, [stage.Won]);
    expect(await t.db.query(`SELECT * FROM hebci_contract_years`)).toEqual([]);
    await t.db.query(`UPDATE opportunity_stages SET outcome = 'won' WHERE id = $1`, [stage.Won]);
    await expectConsistent();
    await create('deleted', { type: 'consultancy', organisationId: org.SME, valuePence: 500_000, instalments: [{ dueOn: '2025-09-01', amountPence: 500_000 }] });
    await move('deleted', 'Won');
    await t.db.query(`DELETE FROM opportunities WHERE id = $1`, [opp.deleted]);
    await expectConsistent();
  });

  it('reads organisation size facts, merges and their undo live', async () => {
    await ok(UPDATE_ORG, { id: org.GRP, v: await version('organisations', org.GRP), i: { headcount: 50 } });
    await ok(UPDATE_ORG, { id: org.UNK, v: await version('organisations', org.UNK), i: { headcount: 10, turnoverPence: 100_000_000 } });
    await expectConsistent();
    await ok(MERGE, { i: { survivorId: org.SME, survivorVersion: await version('organisations', org.SME), mergedId: org.DUP, mergedVersion: await version('organisations', org.DUP) } }, t.tokens.manager);
    await expectConsistent();
    const [merge] = await t.db.query(`SELECT id FROM merges WHERE survivor_id = $1 AND merged_id = $2`, [org.SME, org.DUP]);
    await ok(UNDO, { id: merge.id });
    await expectConsistent();
  });

  it('stays current when two transactions write the same contract\'s instalments at once', async () => {
    const [a, b] = [t.db.createQueryRunner(), t.db.createQueryRunner()];
    try {
      await a.startTransaction();
      await b.startTransaction();
      const add = (q: typeof a, day: string) =>
        q.query(`INSERT INTO opportunity_instalments (opportunity_id, due_on, amount_pence) VALUES ($1, $2, 1_000_000)`, [opp['instalment research'], day]);
      await add(a, '2024-10-01');
      const second = add(b, '2026-10-01'); // waits for the first
      await new Promise((r) => setTimeout(r, 200));
      await a.commitTransaction();
      await second;
      await b.commitTransaction();
    } finally {
      await a.release();
      await b.release();
    }
    await expectConsistent();
  });

  it('follows a bulk insert as an import makes, many contracts in one statement', async () => {
    await t.db.query(
      `INSERT INTO opportunities (title, type, stage_id, value_pence, organisation_id, department_id, owner_id, won_at, start_date, end_date)
       SELECT 'bulk ' || n, 'consultancy', $1, n * 100_000, $2, $3, $4, timestamptz '2025-09-01' + n * interval '40 days', NULL, NULL FROM generate_series(1, 20) n`,
      [stage.Won, org.SME, t.departments.ENG, t.users.staff]);
    await expectConsistent();
  });
});
