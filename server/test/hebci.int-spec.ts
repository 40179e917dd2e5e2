import { statementCounter } from './support/statements';
import { codeOf, createTestApp, TestApp } from './support/test-app';

/**
 * The HE-BCI return against a hand-worked fixture of won contracts, every cell asserted.
 *
 * HESA's definitions used (HE-BCI record, Part B):
 * - income is returned in the academic year (1 Aug – 31 Jul) it is received; a contract spanning
 *   years is returned in each year for the income of that year. With instalments we count those
 *   received (or due) in the year; without, the value is spread by days start → end.
 * - SME (EU Recommendation 2003/361): < 250 staff AND (turnover ≤ €50m OR balance sheet ≤ €43m),
 *   and not ≥ 25 % owned by a non-SME. At €1 = £0.82918 (ECB, 31 Dec 2024): £41,459,000 turnover,
 *   £35,654,740 balance sheet.
 * - Table 1 head 1 collaborative research: public grant-in-aid by funding source (1a UKRI…,
 *   1b other UK government, 1c EU government, 1d other); collaborators' cash and in-kind
 *   contributions by partner type. Head 2 contract research by partner type.
 * - Table 2: consultancy, facilities and equipment, CPD by partner type, CPD learner days.
 * - Table 3: regeneration by funding source (the allocating body).
 * - Table 4: IP income by type (licences, other IP, sale of shares) and partner type.
 *
 * Organisations are rows (their size figures are the input); contracts go through
 * createOpportunity (HE-BCI fields and instalments validated there), then are moved to Won with
 * an exact won_at by SQL so the year boundary can be tested to the minute.
 */
describe('HE-BCI return on HESA basis', () => {
  let t: TestApp;
  const org: Record<string, string> = {};
  const opp: Record<string, string> = {};
  const M = (pounds: number) => pounds * 100; // pence

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const r = await t.gql(query, variables, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  async function addOrg(key: string, name: string, type: string, facts: {
    headcount?: number; turnover?: number; balanceSheet?: number; band?: string; category?: string; parent?: string; percent?: number;
  } = {}) {
    const [row] = await t.db.query(
      `INSERT INTO organisations (name, type, headcount, turnover_pence, balance_sheet_pence, size_band, company_category, parent_id, parent_ownership_percent, size_year)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 2025) RETURNING id`,
      [name, type, facts.headcount ?? null, facts.turnover === undefined ? null : M(facts.turnover), facts.balanceSheet === undefined ? null : M(facts.balanceSheet),
        facts.band ?? null, facts.category ?? null, facts.parent ? org[facts.parent] : null, facts.percent ?? null]);
    org[key] = row.id;
  }
  const CREATE = `mutation($input: CreateOpportunityInput!) { createOpportunity(input: $input) { id } }`;
  async function contract(key: string, o: { org: string; type: string; pence: number; won: string; start?: string; end?: string; fields?: Record<string, unknown>;
    instalments?: Array<{ dueOn: string; receivedOn?: string; amountPence: number }> }) {
    const input = { title: key, type: o.type, organisationId: org[o.org], valuePence: o.pence, startDate: o.start, endDate: o.end, instalments: o.instalments, ...o.fields };
    opp[key] = (await ok(CREATE, { input }, t.tokens.staff)).createOpportunity.id;
    await t.db.query(`UPDATE opportunities SET stage_id = (SELECT id FROM opportunity_stages WHERE name = 'Won'), won_at = $2, closed_at = $2 WHERE id = $1`, [opp[key], o.won]);
  }

  beforeAll(async () => {
    t = await createTestApp();
    await addOrg('SME', 'Acme Robotics Ltd', 'employer', { headcount: 40, turnover: 3_000_000 }); // 40 < 250, £3m ≤ £41.459m ⇒ SME on figures
    await addOrg('BAND', 'Band Small Ltd', 'employer', { band: 'small' }); // no figures, band small ⇒ SME on size band
    await addOrg('PLC', 'Big Aero plc', 'employer', { headcount: 12_000, category: 'Public Limited Company' }); // 12,000 ≥ 250 ⇒ other commercial
    await addOrg('TURN', 'Turnover Heavy Ltd', 'employer', { headcount: 100, turnover: 60_000_000, balanceSheet: 40_000_000 }); // £60m > £41.459m and £40m > £35.65m ⇒ large
    await addOrg('GRP', 'Global Holdings plc', 'employer', { headcount: 5_000 }); // large group parent
    await addOrg('SUB', 'Subsidiary Sensors Ltd', 'employer', { headcount: 30, turnover: 2_000_000, parent: 'GRP', percent: 60 }); // SME alone, but 60 % owned by a large group ⇒ other commercial
    await addOrg('UNK', 'Mystery Ventures Ltd', 'employer'); // no figures, no band ⇒ unknown
    await addOrg('CHAR', 'Northern Heart Trust', 'partner', { headcount: 20, category: 'Charitable Incorporated Organisation' }); // a CIO ⇒ non-commercial, whatever its type
    await addOrg('COUNCIL', 'Tyne Borough Council', 'public_body'); // public sector ⇒ non-commercial

    // Table 1 head 1: collaborative research, grant-in-aid by source; in-kind by partner type.
    await contract('C1 collaborative UKRI', { org: 'SME', type: 'collaborative_research', pence: M(200_000), won: '2025-07-15T10:00:00Z', start: '2025-08-01', end: '2026-07-31',
      fields: { fundingSource: 'ukri', inKindPence: M(30_000) } }); // all 365 days in 2025/26: £200,000 UKRI; £30,000 in-kind (SME)
    await contract('C2 collaborative EU', { org: 'COUNCIL', type: 'collaborative_research', pence: M(50_000), won: '2025-10-01T10:00:00Z', fields: { fundingSource: 'eu_government' } });
    // KTP over two years, 730 days: 365 in each year ⇒ £75,000 a year; grant £100,000 ⇒ £50,000 a year (UKRI), company £50,000 ⇒ £25,000 a year cash contribution (other commercial: SUB is in a large group)
    await contract('K1 KTP', { org: 'SUB', type: 'ktp', pence: M(150_000), won: '2025-07-01T10:00:00Z', start: '2025-08-01', end: '2027-07-31',
      fields: { fundingSource: 'ukri', ktpGrantPence: M(100_000), ktpCompanyPence: M(50_000) } });
    // Table 1 head 2: contract research by partner type. CR1 by instalments: £40k received 5 Oct 2025, £40k due 31 Jul 2026 (2025/26), £20k due 1 Aug 2026 (2026/27).
    await contract('CR1 contract research instalments', { org: 'PLC', type: 'contract_research', pence: M(100_000), won: '2025-09-01T10:00:00Z',
      instalments: [{ dueOn: '2025-09-30', receivedOn: '2025-10-05', amountPence: M(40_000) }, { dueOn: '2026-07-31', amountPence: M(40_000) }, { dueOn: '2026-08-01', amountPence: M(20_000) }] });
    await contract('CR2 contract research unknown size', { org: 'UNK', type: 'contract_research', pence: M(12_000), won: '2026-03-01T10:00:00Z' });
    await contract('CR3 contract research charity', { org: 'CHAR', type: 'contract_research', pence: M(25_000), won: '2026-01-10T10:00:00Z' });
    // Table 2. The year boundary in UK time: 23:30 UTC on 31 Jul is 00:30 BST on 1 Aug (next year); 22:30 UTC is 23:30 BST on 31 Jul (this year).
    await contract('CO1 consultancy 1 Aug 00:30 BST', { org: 'SME', type: 'consultancy', pence: M(8_000), won: '2026-07-31T23:30:00Z' });
    await contract('CO2 consultancy 31 Jul 23:30 BST', { org: 'BAND', type: 'consultancy', pence: M(6_000), won: '2026-07-31T22:30:00Z' });
    await contract('CO3 consultancy subsidiary', { org: 'SUB', type: 'consultancy', pence: M(9_000), won: '2025-11-15T10:00:00Z' });
    await contract('F1 facilities large by turnover', { org: 'TURN', type: 'facilities_equipment', pence: M(4_000), won: '2026-02-02T10:00:00Z' });
    await contract('F2 facilities council', { org: 'COUNCIL', type: 'facilities_equipment', pence: M(3_000), won: '2026-02-03T10:00:00Z' });
    await contract('CPD1 course SME', { org: 'SME', type: 'cpd_short_course', pence: M(5_000), won: '2025-12-01T10:00:00Z', fields: { cpdLearnerDays: 40 } });
    // 1 Jun – 29 Sep 2026 = 121 days, 61 in 2025/26 (June 30 + July 31): £12,000 × 61/121 = £6,049.59 (604,959p); 120 days × 61/121 = 60.5 → 60
    await contract('CPD2 course council spanning years', { org: 'COUNCIL', type: 'cpd_short_course', pence: M(12_000), won: '2026-05-01T10:00:00Z', start: '2026-06-01', end: '2026-09-29',
      fields: { cpdLearnerDays: 120 } });
    // Table 3 by source.
    await contract('R1 regeneration ERDF', { org: 'COUNCIL', type: 'regeneration_community', pence: M(90_000), won: '2025-09-01T10:00:00Z', fields: { fundingSource: 'erdf' } });
    await contract('R2 regeneration UKSPF instalments', { org: 'CHAR', type: 'regeneration_community', pence: M(30_000), won: '2025-12-01T10:00:00Z', fields: { fundingSource: 'uk_shared_prosperity_fund' },
      instalments: [{ dueOn: '2026-01-15', receivedOn: '2026-01-20', amountPence: M(15_000) }, { dueOn: '2026-07-15', amountPence: M(15_000) }] });
    await contract('R3 regeneration local', { org: 'COUNCIL', type: 'regeneration_community', pence: M(10_000), won: '2026-04-01T10:00:00Z', fields: { fundingSource: 'local_regional' } });
    // Table 4 by type and partner.
    await contract('IP1 licence SME', { org: 'SME', type: 'ip_licensing', pence: M(7_000), won: '2026-03-03T10:00:00Z', fields: { ipIncomeType: 'licence' } });
    await contract('IP2 licence plc', { org: 'PLC', type: 'ip_licensing', pence: M(20_000), won: '2026-03-04T10:00:00Z', fields: { ipIncomeType: 'licence' } });
    await contract('IP3 shares plc', { org: 'PLC', type: 'ip_licensing', pence: M(50_000), won: '2026-03-05T10:00:00Z', fields: { ipIncomeType: 'sale_of_shares' } });
    await contract('IP4 other IP charity', { org: 'CHAR', type: 'ip_licensing', pence: M(1_500), won: '2026-03-06T10:00:00Z', fields: { ipIncomeType: 'other_ip' } });
    // Not in the return, and outside the year.
    await contract('AP1 apprenticeship', { org: 'SME', type: 'apprenticeship', pence: M(3_000), won: '2025-10-01T10:00:00Z' });
    await contract('OLD consultancy 2024/25', { org: 'SME', type: 'consultancy', pence: M(2_000), won: '2025-03-01T10:00:00Z' });
  });
  afterAll(async () => {
    await t?.close();
  });

  const SUMMARY = `query($year: String!) { reports { heBciSummary(academicYear: $year) {
    notReturnedCount incomeRule euroRate { gbpPerEur source rateDate smeTurnoverMaxPence smeBalanceSheetMaxPence }
    cells { category partnerType count valuePence valueThousands }
    lines { table category measure fundingSource ipIncomeType partnerType count valuePence valueThousands learnerDays }
    records { title partnerType sizeBasis sizeReason rule incomePence }
    unknownSize { name reason contracts } } } }`;
  const line = (table: number, category: string, measure: string, partnerType: string | null, count: number, valuePence: number,
    extra: { fundingSource?: string; ipIncomeType?: string; learnerDays?: number } = {}) => ({
    table, category, measure, fundingSource: extra.fundingSource ?? null, ipIncomeType: extra.ipIncomeType ?? null, partnerType, count, valuePence,
    valueThousands: Math.round(valuePence / 100_000), learnerDays: extra.learnerDays ?? null,
  });

  it('prints every line of 2025/26 in HESA’s layout', async () => {
    const s = (await ok(SUMMARY, { year: '2025/26' }, t.tokens.viewer)).reports.heBciSummary;
    expect(s.lines).toEqual([
      // Table 1 head 1: UKRI = C1 £200,000 + K1 grant £50,000; EU = C2 £50,000; K1 company £25,000; C1 in-kind £30,000
      line(1, 'collaborative_research', 'public_funding', null, 2, M(250_000), { fundingSource: 'ukri' }),
      line(1, 'collaborative_research', 'public_funding', null, 1, M(50_000), { fundingSource: 'eu_government' }),
      line(1, 'collaborative_research', 'cash_contribution', 'other_commercial', 1, M(25_000)),
      line(1, 'collaborative_research', 'in_kind', 'sme', 1, M(30_000)),
      // Table 1 head 2: CR1 £40k + £40k instalments; CR3 charity; CR2 unknown size — its own column, not other commercial
      line(1, 'contract_research', 'income', 'other_commercial', 1, M(80_000)),
      line(1, 'contract_research', 'income', 'non_commercial', 1, M(25_000)),
      line(1, 'contract_research', 'income', 'unknown', 1, M(12_000)),
      // Table 2: CO2 (31 Jul 23:30 BST) counts, CO1 (1 Aug 00:30 BST) does not; CO3 is in a large group
      line(2, 'consultancy', 'income', 'sme', 1, M(6_000)),
      line(2, 'consultancy', 'income', 'other_commercial', 1, M(9_000)),
      line(2, 'facilities_equipment', 'income', 'other_commercial', 1, M(4_000)),
      line(2, 'facilities_equipment', 'income', 'non_commercial', 1, M(3_000)),
      line(2, 'cpd_continuing_education', 'income', 'sme', 1, M(5_000)),
      line(2, 'cpd_continuing_education', 'income', 'non_commercial', 1, 604_959),
      line(2, 'cpd_continuing_education', 'learner_days', 'sme', 1, 0, { learnerDays: 40 }),
      line(2, 'cpd_continuing_education', 'learner_days', 'non_commercial', 1, 0, { learnerDays: 60 }),
      // Table 3 by source: R2's two instalments (20 Jan and 15 Jul 2026) are both in the year
      line(3, 'regeneration', 'income', null, 1, M(90_000), { fundingSource: 'erdf' }),
      line(3, 'regeneration', 'income', null, 1, M(30_000), { fundingSource: 'uk_shared_prosperity_fund' }),
      line(3, 'regeneration', 'income', null, 1, M(10_000), { fundingSource: 'local_regional' }),
      // Table 4 by type, then partner type
      line(4, 'ip_licensing', 'income', 'sme', 1, M(7_000), { ipIncomeType: 'licence' }),
      line(4, 'ip_licensing', 'income', 'other_commercial', 1, M(20_000), { ipIncomeType: 'licence' }),
      line(4, 'ip_licensing', 'income', 'non_commercial', 1, M(1_500), { ipIncomeType: 'other_ip' }),
      line(4, 'ip_licensing', 'income', 'other_commercial', 1, M(50_000), { ipIncomeType: 'sale_of_shares' }),
    ]);
    expect(s.notReturnedCount).toBe(1); // the apprenticeship
  });

  it('totals the year’s income by heading and partner type, with an unknown-size column', async () => {
    const s = (await ok(SUMMARY, { year: '2025/26' }, t.tokens.viewer)).reports.heBciSummary;
    const cell = (category: string, partnerType: string, count: number, valuePence: number) => ({ category, partnerType, count, valuePence, valueThousands: Math.round(valuePence / 100_000) });
    expect(s.cells).toEqual([
      cell('collaborative_research', 'sme', 1, M(200_000)), // C1 (in-kind is not income)
      cell('collaborative_research', 'other_commercial', 1, M(75_000)), // K1's year: £50,000 grant + £25,000 company
      cell('collaborative_research', 'non_commercial', 1, M(50_000)), // C2
      cell('contract_research', 'other_commercial', 1, M(80_000)),
      cell('contract_research', 'non_commercial', 1, M(25_000)),
      cell('contract_research', 'unknown', 1, M(12_000)),
      cell('consultancy', 'sme', 1, M(6_000)),
      cell('consultancy', 'other_commercial', 1, M(9_000)),
      cell('facilities_equipment', 'other_commercial', 1, M(4_000)),
      cell('facilities_equipment', 'non_commercial', 1, M(3_000)),
      cell('cpd_continuing_education', 'sme', 1, M(5_000)),
      cell('cpd_continuing_education', 'non_commercial', 1, 604_959),
      cell('regeneration', 'non_commercial', 3, M(130_000)), // R1 + R2 + R3
      cell('ip_licensing', 'sme', 1, M(7_000)),
      cell('ip_licensing', 'other_commercial', 2, M(70_000)), // IP2 + IP3
      cell('ip_licensing', 'non_commercial', 1, M(1_500)), // £1.5k rounds to 2 (£000s)
    ]);
    expect(s.unknownSize).toEqual([{ name: 'Mystery Ventures Ltd', reason: 'no headcount with turnover or balance sheet, and no size band', contracts: 1 }]);
  });

  it('says per record which rule counted its income and why its partner type is what it is', async () => {
    const s = (await ok(SUMMARY, { year: '2025/26' }, t.tokens.viewer)).reports.heBciSummary;
    const byTitle = Object.fromEntries(s.records.map((r: any) => [r.title, r]));
    expect(byTitle['CR1 contract research instalments']).toMatchObject({ rule: 'instalments', incomePence: M(80_000), partnerType: 'other_commercial', sizeBasis: 'figures' });
    expect(byTitle['K1 KTP']).toMatchObject({ rule: 'day_spread', incomePence: M(75_000), sizeBasis: 'group',
      sizeReason: '60 % owned by Global Holdings plc, which is not an SME: 5000 staff (250 or more)' });
    expect(byTitle['CO2 consultancy 31 Jul 23:30 BST']).toMatchObject({ sizeBasis: 'size_band', partnerType: 'sme' });
    expect(byTitle['CR3 contract research charity']).toMatchObject({ sizeBasis: 'non_commercial', partnerType: 'non_commercial' });
    expect(byTitle['F1 facilities large by turnover']).toMatchObject({ sizeBasis: 'figures', partnerType: 'other_commercial' });
    expect(byTitle['CO1 consultancy 1 Aug 00:30 BST']).toBeUndefined();
    expect(s.records).toHaveLength(19); // 21 returnable contracts, less CO1 (2026/27) and OLD (2024/25)
    expect(s.euroRate).toEqual({ gbpPerEur: 0.82918, source: 'European Central Bank euro foreign exchange reference rate (EUR/GBP)', rateDate: '2024-12-31',
      smeTurnoverMaxPence: 4_145_900_000, smeBalanceSheetMaxPence: 3_565_474_000 });
    expect(s.incomeRule).toContain('1 August – 31 July');
  });

  it('lists the contracts behind one cell, a page at a time, and refuses a page too large', async () => {
    const RECORDS = `query($year: String!, $cell: HeBciCellFilter, $first: Int!, $after: ID) { reports { heBciSummary(academicYear: $year) {
      records(cell: $cell, first: $first, after: $after) { opportunityId title parts { category measure partnerType fundingSource valuePence } } } } }`;
    const records = async (vars: Record<string, unknown>) => (await ok(RECORDS, { year: '2025/26', first: 200, ...vars }, t.tokens.viewer)).reports.heBciSummary.records;
    // The cell "public funding from UKRI": C1 and K1 (the line above counts 2), each with a part in it.
    const ukri = await records({ cell: { category: 'collaborative_research', measure: 'public_funding', fundingSource: 'ukri' } });
    expect(ukri.map((r: any) => r.title).sort()).toEqual(['C1 collaborative UKRI', 'K1 KTP'].sort());
    expect(ukri.every((r: any) => r.parts.some((p: any) => p.fundingSource === 'ukri' && p.measure === 'public_funding'))).toBe(true);
    // A key left out matches any value; null matches "not recorded" only.
    const anyPartner = await records({ cell: { category: 'consultancy', measure: 'income' } });
    const sme = await records({ cell: { category: 'consultancy', measure: 'income', partnerType: 'sme' } });
    expect(sme.length).toBeGreaterThan(0);
    expect(anyPartner.length).toBeGreaterThan(sme.length);
    expect(await records({ cell: { category: 'consultancy', measure: 'income', partnerType: null } })).toEqual([]);
    // Pages of 5 without gaps or repeats give every record once, in the same order as one page.
    const all = (await records({})).map((r: any) => r.opportunityId);
    expect(all).toHaveLength(19);
    const paged: string[] = [];
    for (let after: string | undefined; ;) {
      const page = (await records({ first: 5, after })).map((r: any) => r.opportunityId);
      paged.push(...page);
      if (page.length < 5) break;
      after = page[page.length - 1];
    }
    expect(paged).toEqual(all);
    const tooMany = await t.gql(RECORDS, { year: '2025/26', first: 2_001 }, t.tokens.viewer);
    expect(codeOf(tooMany)).toBe('BAD_USER_INPUT');
    expect(tooMany.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['first']);
    const badCursor = await t.gql(RECORDS, { year: '2025/26', first: 5, after: '00000000-0000-4000-8000-000000000000' }, t.tokens.viewer);
    expect(badCursor.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['after']);
  });

  it('counts the second year of the multi-year contracts in 2026/27', async () => {
    const s = (await ok(SUMMARY, { year: '2026/27' }, t.tokens.viewer)).reports.heBciSummary;
    expect(s.lines).toEqual([
      line(1, 'collaborative_research', 'public_funding', null, 1, M(50_000), { fundingSource: 'ukri' }), // K1's second 365 days
      line(1, 'collaborative_research', 'cash_contribution', 'other_commercial', 1, M(25_000)),
      line(1, 'contract_research', 'income', 'other_commercial', 1, M(20_000)), // CR1's 1 Aug 2026 instalment
      line(2, 'consultancy', 'income', 'sme', 1, M(8_000)), // CO1, won 00:30 BST 1 Aug 2026
      line(2, 'cpd_continuing_education', 'income', 'non_commercial', 1, 595_041), // £12,000 − £6,049.59 = 60 of 121 days
      line(2, 'cpd_continuing_education', 'learner_days', 'non_commercial', 1, 0, { learnerDays: 60 }), // 120 − 60
    ]);
  });

  it('explains one organisation’s SME status', async () => {
    const q = `query($id: ID!) { organisationSmeStatus(organisationId: $id) { partnerType size basis reason } }`;
    expect((await ok(q, { id: org.SUB }, t.tokens.viewer)).organisationSmeStatus).toEqual({
      partnerType: 'other_commercial', size: 'large', basis: 'group', reason: '60 % owned by Global Holdings plc, which is not an SME: 5000 staff (250 or more)' });
    expect((await ok(q, { id: org.SME }, t.tokens.viewer)).organisationSmeStatus).toMatchObject({ partnerType: 'sme', basis: 'figures' });
  });

  it('refuses HE-BCI fields that do not fit, naming the field', async () => {
    const bad = async (fields: Record<string, unknown>, type = 'ktp') => {
      const r = await t.gql(CREATE, { input: { title: 'Bad', type, organisationId: org.SME, valuePence: 1_000, ...fields } }, t.tokens.staff);
      expect(codeOf(r)).toBe('BAD_USER_INPUT');
      return r.errors![0].extensions!.fields!.map((f) => f.field);
    };
    expect(await bad({ ktpGrantPence: 600, ktpCompanyPence: 300 })).toEqual(['ktpCompanyPence']);
    expect(await bad({ fundingSource: 'ukri' }, 'consultancy')).toEqual(['fundingSource']);
    expect(await bad({ fundingSource: 'erdf' })).toEqual(['fundingSource']);
    expect(await bad({ cpdLearnerDays: 5 }, 'consultancy')).toEqual(['cpdLearnerDays']);
  });

  it('lets an admin change the euro rate, which moves the thresholds, and nobody else', async () => {
    const set = `mutation { setHeBciEuroRate(gbpPerEur: 0.85, source: "Test rate", rateDate: "2025-07-31") { smeTurnoverMaxPence } }`;
    expect(codeOf(await t.gql(set, {}, t.tokens.manager))).toBe('FORBIDDEN');
    expect((await ok(set, {}, t.tokens.admin)).setHeBciEuroRate.smeTurnoverMaxPence).toBe(4_250_000_000);
    await ok(`mutation { setHeBciEuroRate(gbpPerEur: 0.82918, source: "European Central Bank euro foreign exchange reference rate (EUR/GBP)", rateDate: "2024-12-31") { gbpPerEur } }`, {}, t.tokens.admin);
  });

  it('shows instalments on the opportunity and replaces them on update', async () => {
    const q = `query($id: ID!) { opportunity(id: $id) { version instalments { dueOn receivedOn amountPence } } }`;
    const before = (await ok(q, { id: opp['R2 regeneration UKSPF instalments'] }, t.tokens.staff)).opportunity;
    expect(before.instalments).toEqual([{ dueOn: '2026-01-15', receivedOn: '2026-01-20', amountPence: M(15_000) }, { dueOn: '2026-07-15', receivedOn: null, amountPence: M(15_000) }]);
    await ok(`mutation($id: ID!, $v: Int!) { updateOpportunity(id: $id, version: $v, input: { instalments: [{ dueOn: "2026-08-15", amountPence: 3000000 }] }) { id } }`,
      { id: opp['R2 regeneration UKSPF instalments'], v: before.version }, t.tokens.staff);
    const after = (await ok(q, { id: opp['R2 regeneration UKSPF instalments'] }, t.tokens.staff)).opportunity;
    expect(after.instalments).toEqual([{ dueOn: '2026-08-15', receivedOn: null, amountPence: M(30_000) }]);
    const history = (await ok(`query($id: ID!) { opportunity(id: $id) { history { action changes { field } } } }`, { id: opp['R2 regeneration UKSPF instalments'] }, t.tokens.staff))
      .opportunity.history;
    expect(history[0]).toEqual({ action: 'update', changes: [{ field: 'instalments' }] });
    await ok(`mutation($id: ID!, $v: Int!) { updateOpportunity(id: $id, version: $v, input: { instalments: [{ dueOn: "2026-08-15", amountPence: 3000000 }] }) { id } }`,
      { id: opp['R2 regeneration UKSPF instalments'], v: before.version + 1 }, t.tokens.staff);
    const again = (await ok(`query($id: ID!) { opportunity(id: $id) { history { action } } }`, { id: opp['R2 regeneration UKSPF instalments'] }, t.tokens.staff))
      .opportunity.history;
    expect(again).toHaveLength(history.length); // the same instalments again: nothing changed, nothing audited
    const s = (await ok(SUMMARY, { year: '2025/26' }, t.tokens.viewer)).reports.heBciSummary;
    expect(s.lines.find((l: any) => l.fundingSource === 'uk_shared_prosperity_fund')).toBeUndefined(); // now all in 2026/27
  });

  it('batches instalments: a page of 23 opportunities costs the same statements as a page of 2', async () => {
    const counter = await statementCounter(t);
    const q = `query($first: Int) { opportunities(first: $first) { edges { node { id instalments { amountPence } } } } }`;
    const run = async (first: number) => {
      const { statements, result } = await counter.measure(() => t.gql(q, { first }, t.tokens.staff));
      expect(result.errors).toBeUndefined();
      return { statements, withInstalments: result.data.opportunities.edges.filter((e: any) => e.node.instalments.length).length };
    };
    const [small, big] = [await run(2), await run(50)];
    expect(big.withInstalments).toBe(2); // CR1 and R2
    expect(big.statements).toBe(small.statements);
  });
});
