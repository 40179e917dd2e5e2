import { AuthUser } from '../src/common/auth/auth-user';
import { FundingSource, IpIncomeType, OpportunityType } from '../src/modules/opportunity/opportunity.enums';
import { HeBciService } from '../src/modules/reports/hebci.service';
import * as hebciSql from '../src/modules/reports/hebci.sql';
import { HeBciCategory } from '../src/modules/reports/reports.models';
import { runMigrations } from '../src/runtime/database';
import { seedScale } from '../src/seed/scale/generate';
import { figuresOfRecords } from './support/hebci-figures';
import { createDatabase, createTestApp, TestApp } from './support/test-app';

/**
 * The summary's figures are computed set-wise in SQL (hebci.sql.ts yearFiguresSql); the records
 * behind them are built one by one in JavaScript (hebci-income.ts, hebci-partners.ts,
 * hebci-lines.ts). On a generated dataset with every kind of fact the rules look at (Companies
 * House categories, figures either side of the SME thresholds, size bands, groups with shares
 * either side of 25 % and with cycles, KTP splits, in-kind, learner days, funding sources, IP
 * income types, every heading), the figures must be exactly the ones the records add up to, for
 * every year and every kind of viewer.
 */
const CATEGORIES = ['Private Limited Company', 'PLC', 'public-limited-company', 'Charitable Incorporated Organisation', 'community-interest-company',
  'Private Limited Company by guarantee without share capital', 'Registered Society', 'Limited Liability Partnership', 'llp', 'Charity', 'Unlimited company', 'Other', '',
  // Words that hold a pattern's abbreviation (cio, llp) without being it: the patterns' word boundaries.
  'Precious Metals', 'Hillpark Trading'];
const HEADINGS: Record<OpportunityType, HeBciCategory | null> = {
  cpd_short_course: HeBciCategory.cpd_continuing_education, apprenticeship: null, contract_research: HeBciCategory.contract_research,
  collaborative_research: HeBciCategory.collaborative_research, consultancy: HeBciCategory.consultancy, ktp: HeBciCategory.collaborative_research,
  facilities_equipment: HeBciCategory.facilities_equipment, placement_internship: HeBciCategory.cpd_continuing_education, sponsorship_philanthropy: null,
  regeneration_community: HeBciCategory.regeneration, ip_licensing: HeBciCategory.ip_licensing,
};
const list = (values: readonly (string | null)[]) => `ARRAY[${values.map((v) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`)).join(', ')}]::text[]`;
/** A deterministic pick from `values` by a row's id and a salt. */
const pick = (values: string, salt: string) => `(${values})[1 + abs(hashtext(id::text || '${salt}')) % cardinality(${values})]`;
const fraction = (salt: string) => `(abs(hashtext(id::text || '${salt}')) % 1000) / 1000.0`;

describe('HE-BCI figures in SQL equal the records summed', () => {
  let t: TestApp;
  let service: HeBciService;

  beforeAll(async () => {
    const database = await createDatabase();
    await runMigrations(database.url);
    await seedScale(database.url, { organisations: 600 });
    t = await createTestApp({ database });
    service = t.app.get(HeBciService);
    const [{ rate }] = await t.db.query(`SELECT gbp_per_eur::float8 AS rate FROM hebci_settings`);
    const turnoverMax = Math.round(50_000_000 * rate * 100);
    const balanceMax = Math.round(43_000_000 * rate * 100);
    await t.db.query(`UPDATE organisations SET
      company_category = ${pick(list([...CATEGORIES, null, null, null]), 'c')},
      headcount = CASE WHEN ${fraction('h')} < 0.3 THEN NULL ELSE (array[5, 49, 249, 250, 1000])[1 + abs(hashtext(id::text || 'hh')) % 5] END,
      turnover_pence = CASE WHEN ${fraction('t')} < 0.3 THEN NULL ELSE ${turnoverMax} + (array[-1, 0, 1, -100000000, 100000000])[1 + abs(hashtext(id::text || 'tt')) % 5] END,
      balance_sheet_pence = CASE WHEN ${fraction('b')} < 0.4 THEN NULL ELSE ${balanceMax} + (array[-1, 0, 1, -100000000, 100000000])[1 + abs(hashtext(id::text || 'bb')) % 5] END,
      size_band = ${pick(list(['micro', 'small', 'medium', 'large', null, null]), 's')}`);
    // Groups: a fifth of the organisations owned by another, at shares either side of 25 % or not recorded; a few cycles.
    await t.db.query(`WITH o AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organisations)
      UPDATE organisations x SET parent_id = p.id, parent_ownership_percent = (array[NULL, 10, 24, 25, 60, 100])[1 + abs(hashtext(x.id::text || 'p')) % 6]
        FROM o c JOIN o p ON p.n = (c.n * 7 + 3) % (SELECT count(*) FROM o) + 1
       WHERE c.id = x.id AND c.n % 5 = 0 AND p.id <> x.id`);
    await t.db.query(`WITH o AS (SELECT id, parent_id FROM organisations WHERE parent_id IS NOT NULL ORDER BY id LIMIT 5)
      UPDATE organisations p SET parent_id = o.id, parent_ownership_percent = 50 FROM o WHERE p.id = o.parent_id AND p.id <> o.id`).catch(() => undefined);
    await t.db.query(`UPDATE opportunities SET
      funding_source = ${pick(list([...Object.values(FundingSource), null]), 'f')},
      ip_income_type = ${pick(list([...Object.values(IpIncomeType), null]), 'i')},
      in_kind_pence = CASE WHEN ${fraction('k')} < 0.5 THEN NULL ELSE round(value_pence * ${fraction('kk')})::bigint END,
      cpd_learner_days = CASE WHEN ${fraction('d')} < 0.4 THEN NULL ELSE (abs(hashtext(id::text || 'dd')) % 400)::int END,
      ktp_grant_pence = CASE WHEN type = 'ktp' AND ${fraction('g')} < 0.8 THEN round(value_pence * 0.67)::bigint END,
      ktp_company_pence = CASE WHEN type = 'ktp' AND ${fraction('g')} < 0.8 THEN value_pence - round(value_pence * 0.67)::bigint END`);
    for (const [type, category] of Object.entries(HEADINGS)) await service.setActivityMapping(type as OpportunityType, category);
  }, 300_000);
  afterAll(async () => {
    await t?.close();
  });

  async function authUser(key: keyof TestApp['users']): Promise<AuthUser> {
    const [u] = await t.db.query(`SELECT u.id, u.email, u.role, coalesce(array_agg(d.department_id) FILTER (WHERE d.department_id IS NOT NULL), '{}') AS "departmentIds"
      FROM users u LEFT JOIN user_departments d ON d.user_id = u.id WHERE u.id = $1 GROUP BY u.id`, [t.users[key]]);
    return u;
  }

  it('covers what the rules look at', async () => {
    const [r] = await t.db.query(`SELECT count(*) FILTER (WHERE parent_id IS NOT NULL)::int AS groups, count(DISTINCT company_category)::int AS categories FROM organisations`);
    expect(r.groups).toBeGreaterThan(50);
    expect(r.categories).toBeGreaterThan(8);
    const s = await service.summary(await authUser('admin'), '2025/26');
    expect(new Set(s.lines.map((l) => l.measure))).toEqual(new Set(['income', 'public_funding', 'cash_contribution', 'in_kind', 'learner_days']));
    expect(new Set(s.cells.map((c) => c.partnerType))).toEqual(new Set(['sme', 'other_commercial', 'non_commercial', 'unknown']));
    expect(s.unknownSize.length).toBeGreaterThan(0);
    expect(s.notReturnedCount).toBeGreaterThan(0);
  });

  it.each(['2023/24', '2024/25', '2025/26', '2026/27'])('gives the records\' figures for %s, for every kind of viewer and scope', async (year) => {
    const views: Array<[keyof TestApp['users'], string[] | undefined]> = [['admin', undefined], ['staff', undefined], ['staffBus', undefined], ['viewer', undefined]];
    const [{ ids }] = await t.db.query(`SELECT array_agg(id) AS ids FROM departments`);
    views.push(['admin', ids.slice(0, 1)], ['staff', ids.slice(1, 3)]);
    let compared = 0;
    for (const [key, departmentIds] of views) {
      const user = await authUser(key);
      const filter = departmentIds ? { departmentIds } : undefined;
      const s = await service.summary(user, year, filter);
      const { records, rows } = await service.records(user, year, filter);
      expect({ cells: s.cells, lines: s.lines, unknownSize: s.unknownSize, notReturnedCount: s.notReturnedCount }).toEqual(figuresOfRecords(records, rows));
      expect(await s.records()).toEqual(records);
      compared += records.length;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('uses the configured euro rate for the SME thresholds', async () => {
    const admin = await authUser('admin');
    for (const rate of [0.5, 0.9, 1.3]) {
      await service.setEuroRate(rate, 'test', '2026-01-01');
      const s = await service.summary(admin, '2025/26');
      const { records, rows } = await service.records(admin, '2025/26');
      expect({ cells: s.cells, lines: s.lines, unknownSize: s.unknownSize, notReturnedCount: s.notReturnedCount }).toEqual(figuresOfRecords(records, rows));
    }
  });

  it('computes the figures only when they are asked for', async () => {
    const spy = jest.spyOn(hebciSql, 'yearFiguresSql');
    try {
      const ask = async (selection: string, fragments = '') => {
        spy.mockClear();
        const r = await t.gql(`query { reports { heBciSummary(academicYear: "2025/26") { ${selection} } } } ${fragments}`, {}, t.tokens.admin);
        expect(r.errors).toBeUndefined();
        return { called: spy.mock.calls.length, data: r.data.reports.heBciSummary };
      };
      const cell = '{ category: consultancy, measure: income }';
      const records = await ask(`academicYear records(cell: ${cell}, first: 5) { opportunityId incomePence }`);
      expect(records.called).toBe(0);
      expect(records.data.records.length).toBeGreaterThan(0);
      expect((await ask('euroRate { gbpPerEur } incomeRule')).called).toBe(0);
      expect((await ask('lines { count }')).called).toBe(1);
      expect((await ask('... F', 'fragment F on HeBciSummary { ... on HeBciSummary { notReturnedCount } }')).called).toBe(1);
      // Figures and records together: the cell's records are the contracts its lines count.
      const both = await ask(`lines { category measure count } records(cell: ${cell}, first: 2000) { opportunityId }`);
      expect(both.called).toBe(1);
      const counted = both.data.lines.filter((l: { category: string; measure: string }) => l.category === 'consultancy' && l.measure === 'income');
      expect(both.data.records.length).toBe(counted.reduce((n: number, l: { count: number }) => n + l.count, 0));
    } finally {
      spy.mockRestore();
    }
  });
});
