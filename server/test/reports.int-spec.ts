import { scoreHealth } from '../src/modules/relationship-health/health-formula';
import { RelationshipHealthService } from '../src/modules/relationship-health/relationship-health.service';
import { codeOf, createTestApp, TestApp } from './support/test-app';

/**
 * Report figures against a small fixture whose totals are worked out by hand in the comments.
 * Rows are written with SQL so each opportunity's dates (won, closed, contract period) are exact.
 */
describe('reports and relationship health', () => {
  let t: TestApp;
  const org: Record<string, string> = {};
  const stage: Record<string, string> = {};
  const isoDaysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const r = await t.gql(query, variables, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };

  async function addOrg(key: string, name: string, type: string, sizeBand: string | null, stageName = 'active') {
    const [row] = await t.db.query(
      `INSERT INTO organisations (name, type, size_band, relationship_stage) VALUES ($1, $2, $3, $4) RETURNING id`, [name, type, sizeBand, stageName]);
    org[key] = row.id;
  }
  async function addOpportunity(o: {
    org: string; type: string; stage: string; pence: number; probability?: number; dept?: 'ENG' | 'BUS'; owner?: string; confidential?: boolean;
    created?: string; closed?: string; start?: string; end?: string; expectedClose?: string;
  }) {
    const won = o.stage === 'Won';
    await t.db.query(
      `INSERT INTO opportunities (title, type, stage_id, value_pence, probability, expected_close_date, start_date, end_date, owner_id, department_id,
                                  organisation_id, confidential, won_at, closed_at, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, coalesce($15::timestamptz, now()))`,
      [`${o.type} for ${o.org}`, o.type, stage[o.stage], o.pence, o.probability ?? null, o.expectedClose ?? null, o.start ?? null, o.end ?? null,
        o.owner ?? t.users.staff, t.departments[o.dept ?? 'ENG'], org[o.org], o.confidential ?? false,
        won ? o.closed : null, o.closed ?? null, o.created ?? null],
    );
  }
  async function addEngagement(orgKey: string, occurredOn: string, dept: 'ENG' | 'BUS', type = 'meeting', contactIds: string[] = []) {
    const [row] = await t.db.query(
      `INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id, created_by) VALUES ($1, $2, 'Fixture', $3, $4, $5) RETURNING id`,
      [type, occurredOn, org[orgKey], t.departments[dept], t.users.staff]);
    for (const c of contactIds) await t.db.query(`INSERT INTO engagement_contacts (engagement_id, contact_id) VALUES ($1, $2)`, [row.id, c]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    for (const s of await t.db.query(`SELECT id, name FROM opportunity_stages`)) stage[s.name] = s.id;
    await addOrg('A', 'Acme Robotics Ltd', 'employer', 'small'); // SME
    await addOrg('B', 'Big Aero plc', 'employer', 'large'); // other commercial
    await addOrg('C', 'Tyne Borough Council', 'public_body', null); // non-commercial

    // Open pipeline.
    await addOpportunity({ org: 'A', type: 'consultancy', stage: 'Proposal', pence: 1_000_000, expectedClose: '2026-03-01' }); // weighted 50% → 500,000
    await addOpportunity({ org: 'B', type: 'contract_research', stage: 'Negotiation', pence: 4_000_000, probability: 60, owner: t.users.manager }); // 60% → 2,400,000
    await addOpportunity({ org: 'C', type: 'cpd_short_course', stage: 'Enquiry', pence: 200_000, dept: 'BUS', owner: t.users.staffBus }); // 10% → 20,000
    await addOpportunity({ org: 'B', type: 'collaborative_research', stage: 'Proposal', pence: 10_000_000, confidential: true }); // 50% → 5,000,000, ENG only

    // Closed business.
    await addOpportunity({ org: 'A', type: 'consultancy', stage: 'Won', pence: 1_200_000, created: '2025-09-15T10:00:00Z', closed: '2025-10-15T10:00:00Z' }); // 30 days
    await addOpportunity({ org: 'B', type: 'ktp', stage: 'Won', pence: 9_000_000, created: '2025-03-01T10:00:00Z', closed: '2025-06-01T10:00:00Z',
      start: '2025-08-01', end: '2028-07-31' }); // three academic years: 365 + 365 + 366 = 1096 days
    await addOpportunity({ org: 'C', type: 'regeneration_community', stage: 'Won', pence: 500_000, dept: 'BUS', owner: t.users.staffBus,
      created: '2026-01-01T10:00:00Z', closed: '2026-02-01T10:00:00Z' }); // 31 days
    await addOpportunity({ org: 'A', type: 'apprenticeship', stage: 'Won', pence: 300_000, created: '2025-10-01T10:00:00Z', closed: '2025-11-01T10:00:00Z' }); // not in HE-BCI
    await addOpportunity({ org: 'A', type: 'consultancy', stage: 'Lost', pence: 800_000, created: '2025-11-01T10:00:00Z', closed: '2025-12-01T10:00:00Z' });
    await addOpportunity({ org: 'B', type: 'consultancy', stage: 'Won', pence: 2_000_000, created: '2025-01-01T10:00:00Z', closed: '2025-03-01T10:00:00Z' }); // 2024/25

    await addEngagement('A', '2026-01-05', 'ENG', 'meeting');
    await addEngagement('A', '2026-01-12', 'ENG', 'meeting');
    await addEngagement('A', '2026-01-20', 'ENG', 'call');
    await addEngagement('B', '2026-02-03', 'BUS', 'visit');
  });
  afterAll(async () => {
    await t?.close();
  });

  const PIPELINE = `query($by: PipelineDimension!, $filter: ReportFilter) { reports { pipeline(by: $by, filter: $filter) { key label count valuePence weightedValuePence } } }`;

  describe('pipeline', () => {
    it('totals open opportunities by stage in board order, with weighted values', async () => {
      const rows = (await ok(PIPELINE, { by: 'stage' }, t.tokens.viewer)).reports.pipeline;
      expect(rows.map((r: any) => [r.label, r.count, r.valuePence, r.weightedValuePence])).toEqual([
        ['Enquiry', 1, 200_000, 20_000],
        ['Proposal', 2, 11_000_000, 5_500_000],
        ['Negotiation', 1, 4_000_000, 2_400_000],
      ]);
    });

    it('leaves a confidential opportunity out of the figures for another department', async () => {
      const rows = (await ok(PIPELINE, { by: 'stage' }, t.tokens.staffBus)).reports.pipeline;
      expect(rows.find((r: any) => r.label === 'Proposal')).toMatchObject({ count: 1, valuePence: 1_000_000, weightedValuePence: 500_000 });
    });

    it('sums the same opportunities by stage as by any other dimension, with and without filters', async () => {
      const totals = async (by: string, filter?: object) => {
        const rows = (await ok(PIPELINE, { by, filter }, t.tokens.manager)).reports.pipeline;
        return rows.reduce((a: number[], r: any) => [a[0] + r.count, a[1] + r.valuePence, a[2] + r.weightedValuePence], [0, 0, 0]);
      };
      for (const filter of [undefined, { departmentIds: [t.departments.ENG] }, { ownerId: t.users.staff }]) {
        const byStage = await totals('stage', filter);
        expect(byStage[0]).toBeGreaterThan(0);
        expect(await totals('type', filter)).toEqual(byStage);
        expect(await totals('department', filter)).toEqual(byStage);
      }
    });

    it('groups by department and owner, and filters by department', async () => {
      const byDept = (await ok(PIPELINE, { by: 'department' }, t.tokens.manager)).reports.pipeline;
      expect(byDept.map((r: any) => [r.key, r.valuePence])).toEqual([[t.departments.ENG, 15_000_000], [t.departments.BUS, 200_000]]);
      const byOwner = (await ok(PIPELINE, { by: 'owner', filter: { departmentIds: [t.departments.ENG] } }, t.tokens.manager)).reports.pipeline;
      expect(byOwner.map((r: any) => [r.key, r.count])).toEqual([[t.users.staff, 2], [t.users.manager, 1]]);
    });
  });

  it('win rate and days to close by type for the academic year (closed 1 Aug 2025 – 31 Jul 2026)', async () => {
    const rows = (await ok(`{ reports { winRate(by: type, filter: { academicYear: "2025/26" }) { key won lost winRate averageDaysToClose wonValuePence } } }`,
      {}, t.tokens.viewer)).reports.winRate;
    expect(rows).toEqual([
      { key: 'apprenticeship', won: 1, lost: 0, winRate: 1, averageDaysToClose: 31, wonValuePence: 300_000 },
      { key: 'consultancy', won: 1, lost: 1, winRate: 0.5, averageDaysToClose: 30, wonValuePence: 1_200_000 },
      { key: 'regeneration_community', won: 1, lost: 0, winRate: 1, averageDaysToClose: 31, wonValuePence: 500_000 },
    ]);
  });

  it('activity per month by department and by type', async () => {
    const byDept = (await ok(`{ reports { activityOverTime(by: department, filter: { academicYear: "2025/26" }) { month key count } } }`, {}, t.tokens.viewer))
      .reports.activityOverTime;
    expect(byDept).toEqual([{ month: '2026-01', key: t.departments.ENG, count: 3 }, { month: '2026-02', key: t.departments.BUS, count: 1 }]);
    const byType = (await ok(`{ reports { activityOverTime(by: type, filter: { from: "2026-01-01", to: "2026-01-31" }) { month key count } } }`, {}, t.tokens.viewer))
      .reports.activityOverTime;
    expect(byType).toEqual([{ month: '2026-01', key: 'call', count: 1 }, { month: '2026-01', key: 'meeting', count: 2 }]);
  });

  it('top organisations by won value and by engagements in the year', async () => {
    const q = `query($by: TopOrganisationMeasure!) { reports { topOrganisations(by: $by, filter: { academicYear: "2025/26" }) { name wonValuePence engagementCount } } }`;
    // Acme: 1,200,000 + 300,000 won; Tyne: 500,000; Big Aero: nothing won this year, one engagement.
    expect((await ok(q, { by: 'wonValue' }, t.tokens.viewer)).reports.topOrganisations).toEqual([
      { name: 'Acme Robotics Ltd', wonValuePence: 1_500_000, engagementCount: 3 },
      { name: 'Tyne Borough Council', wonValuePence: 500_000, engagementCount: 0 },
      { name: 'Big Aero plc', wonValuePence: 0, engagementCount: 1 },
    ]);
    expect((await ok(q, { by: 'engagements' }, t.tokens.viewer)).reports.topOrganisations.map((r: any) => r.name))
      .toEqual(['Acme Robotics Ltd', 'Big Aero plc', 'Tyne Borough Council']);
  });

  describe('HE-BCI summary', () => {
    const HEBCI = `query($year: String!) { reports { heBciSummary(academicYear: $year) {
      from to notReturnedCount cells { table category partnerType count valuePence valueThousands } } } }`;

    it('counts won contracts under the return headings by partner type, spreading a multi-year contract over its years', async () => {
      const s = (await ok(HEBCI, { year: '2025/26' }, t.tokens.viewer)).reports.heBciSummary;
      expect(s.from).toBe('2025-08-01');
      expect(s.to).toBe('2026-07-31');
      expect(s.cells).toEqual([
        // KTP → collaborative research; 9,000,000 × 365/1096 = 2,997,262.77 → 2,997,263 pence, £30k.
        { table: 1, category: 'collaborative_research', partnerType: 'other_commercial', count: 1, valuePence: 2_997_263, valueThousands: 30 },
        { table: 2, category: 'consultancy', partnerType: 'sme', count: 1, valuePence: 1_200_000, valueThousands: 12 },
        { table: 3, category: 'regeneration', partnerType: 'non_commercial', count: 1, valuePence: 500_000, valueThousands: 5 },
      ]);
      expect(s.notReturnedCount).toBe(1); // the apprenticeship
    });

    it('gives the contract’s three years shares that add up to its whole value', async () => {
      const share = async (year: string) =>
        (await ok(HEBCI, { year }, t.tokens.viewer)).reports.heBciSummary.cells.find((c: any) => c.category === 'collaborative_research')?.valuePence;
      expect([await share('2026/27'), await share('2027/28'), await share('2028/29')]).toEqual([2_997_263, 3_005_474, undefined]); // 366 days in 2027/28
      expect(2 * 2_997_263 + 3_005_474).toBe(9_000_000);
    });

    it('lets an admin change the mapping, and nobody else', async () => {
      const set = `mutation { setHeBciActivityMapping(opportunityType: ktp, category: contract_research) { opportunityType category } }`;
      expect(codeOf(await t.gql(set, {}, t.tokens.manager))).toBe('FORBIDDEN');
      expect((await ok(set, {}, t.tokens.admin)).setHeBciActivityMapping).toEqual({ opportunityType: 'ktp', category: 'contract_research' });
      const s = (await ok(HEBCI, { year: '2025/26' }, t.tokens.viewer)).reports.heBciSummary;
      expect(s.cells[0]).toMatchObject({ category: 'contract_research', valuePence: 2_997_263 });
      await ok(`mutation { setHeBciActivityMapping(opportunityType: ktp, category: collaborative_research) { category } }`, {}, t.tokens.admin);
    });

    it('refuses a malformed academic year naming the field', async () => {
      const r = await t.gql(HEBCI, { year: '2025/27' }, t.tokens.viewer);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      expect(r.errors![0].extensions!.fields).toEqual([{ field: 'academicYear', messages: ['academicYear must be two consecutive years like 2025/26'] }]);
    });
  });

  describe('relationship health', () => {
    const HEALTH = `query($id: ID!) { relationshipHealth(organisationId: $id) { score previousScore factors { key points max }
      inputs { daysSinceLast engagements365 departments365 contacts365 openWeightedPence wonPence730 recent90 prior90 } } }`;

    beforeAll(async () => {
      await addOrg('D', 'Durham Digital Ltd', 'employer', 'medium');
      const contacts = [];
      for (const name of ['Ann', 'Bob']) {
        const [c] = await t.db.query(`INSERT INTO contacts (first_name, last_name) VALUES ($1, 'Fixture') RETURNING id`, [name]);
        contacts.push(c.id);
      }
      await addEngagement('D', isoDaysAgo(10), 'ENG', 'meeting', contacts);
      await addEngagement('D', isoDaysAgo(100), 'BUS');
      await addEngagement('D', isoDaysAgo(400), 'ENG');
      await addOpportunity({ org: 'D', type: 'consultancy', stage: 'Proposal', pence: 1_000_000 });

      // Gone quiet: busy 100–170 days ago, nothing since.
      await addOrg('E', 'Eastfield Foods Ltd', 'employer', 'large');
      for (const days of [100, 120, 140, 170]) await addEngagement('E', isoDaysAgo(days), 'ENG');
      // goingCold reads the daily snapshot, taken when the app started: take it again with these.
      await t.app.get(RelationshipHealthService).refreshGoingCold();
    });

    it('scores from what was recorded, with each factor', async () => {
      const h = (await ok(HEALTH, { id: org.D }, t.tokens.staff)).relationshipHealth;
      expect(h.inputs).toEqual({ daysSinceLast: 10, engagements365: 2, departments365: 2, contacts365: 2, openWeightedPence: 500_000, wonPence730: 0, recent90: 1, prior90: 1 });
      expect(h.score).toBe(scoreHealth(h.inputs).score);
      expect(h.factors.map((f: any) => f.key)).toEqual(['recency', 'frequency', 'breadth', 'opportunities', 'trend']);
      expect(h.factors[0]).toEqual({ key: 'recency', points: 30, max: 30 });
      expect(h.factors[4]).toEqual({ key: 'trend', points: 5, max: 10 });
    });

    it('counts a confidential opportunity only for those allowed to see it', async () => {
      const admin = (await ok(HEALTH, { id: org.B }, t.tokens.admin)).relationshipHealth.inputs.openWeightedPence;
      const other = (await ok(HEALTH, { id: org.B }, t.tokens.staffBus)).relationshipHealth.inputs.openWeightedPence;
      expect([admin, other]).toEqual([7_400_000, 2_400_000]);
    });

    it('lists an important organisation going cold, the SQL scores agreeing with the formula', async () => {
      const cold = (await ok(`{ goingCold { organisation { name } score previousScore } }`, {}, t.tokens.viewer)).goingCold;
      const e = (await ok(HEALTH, { id: org.E }, t.tokens.viewer)).relationshipHealth;
      expect(cold).toEqual([{ organisation: { name: 'Eastfield Foods Ltd' }, score: e.score, previousScore: e.previousScore }]);
      expect(e.previousScore - e.score).toBeGreaterThanOrEqual(10);
    });

    it('answers NOT_FOUND for an organisation the user cannot see, and needs sign-in', async () => {
      expect(codeOf(await t.gql(HEALTH, { id: '00000000-0000-4000-8000-000000000000' }, t.tokens.staff))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(HEALTH, { id: org.D }))).toBe('UNAUTHENTICATED');
    });
  });
});
