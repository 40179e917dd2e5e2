import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { badField, notFound } from '../../common/graphql/errors';
import { FundingSource, IpIncomeType, OpportunityType } from '../opportunity/opportunity.enums';
import { OrganisationType } from '../organisation/organisation.enums';
import { INCOME_RULE_TEXT, InstalmentTotals, yearIncomeOf } from './hebci-income';
import { contractParts, HEBCI_TABLE, HeBciContractFields, lineOrder, partKey } from './hebci-lines';
import { euroRate, OrgRow, partnerTypes, partnerTypesOf } from './hebci-partners';
import { COMMERCIAL_CATEGORY, GUARANTEE_CATEGORY, NON_COMMERCIAL_CATEGORY, pgPattern } from './hebci-sector';
import { FiguresParams, wonInYearSql, yearFiguresSql } from './hebci.sql';
import { HeBciEuroRate, HeBciIncomeRule, HeBciLine, HeBciMeasure, HeBciPart, HeBciPartnerType, HeBciRecord, SmeStatus } from './hebci.models';
import { academicYearRange, ReportFilter, scopeWhere, SqlParams } from './report-filter';
import { HeBciActivityMapping, HeBciCategory, HeBciCell, HeBciSectorMapping, HeBciSummary } from './reports.models';

const CATEGORY_ORDER = Object.keys(HEBCI_TABLE);
const PARTNER_ORDER = Object.values(HeBciPartnerType) as string[];

/** A won contract with income in the year, and its organisation's size facts (hebci.sql.ts). */
export interface WonRow extends HeBciContractFields, InstalmentTotals, Omit<OrgRow, 'id'> {
  id: string;
  title: string;
  valuePence: number;
  organisationId: string;
  category: HeBciCategory | null;
  starts: string;
  ends: string;
}

/** A row of yearFiguresSql: each measure's sum and count for a grouping of records, an organisation of unknown size, or the total. */
interface FigureRow {
  kind: 'sums' | 'unknown' | 'total';
  category: HeBciCategory | null;
  fundingSource: FundingSource | null;
  ipIncomeType: IpIncomeType | null;
  partnerType: HeBciPartnerType | null;
  incomePence: number | null;
  incomeCount: number;
  grantPence: number | null;
  grantCount: number;
  companyPence: number | null;
  companyCount: number;
  inKindPence: number | null;
  inKindCount: number;
  learnerDays: number | null;
  learnerDaysCount: number;
  unknownCount: number;
  notReturned: number;
  organisationId: string | null;
  name: string | null;
}

const organisationOf = (r: WonRow): OrgRow => ({
  id: r.organisationId, name: r.name, parentId: r.parentId, companyCategory: r.companyCategory, headcount: r.headcount, turnoverPence: r.turnoverPence,
  balanceSheetPence: r.balanceSheetPence, sizeBand: r.sizeBand, parentOwnershipPercent: r.parentOwnershipPercent, commercial: r.commercial,
});

/**
 * The HE-BCI return from won business, on HESA's basis: each contract's income for the academic
 * year by the instalments or day-spread rule (hebci-income.ts), its partner type by the SME test
 * over the organisation and its group (hebci-partners.ts), and its place in the return's tables
 * (hebci-lines.ts).
 *
 * The figures (cells, lines, unknown sizes, the not-returned count) are one set-wise query
 * (hebci.sql.ts yearFiguresSql) answering a few dozen rows; the records behind them, with each
 * one's parts, basis and reasons, are built only when the `records` field asks for them (one
 * query reads the contracts with their organisations, one the group chains of those that have a
 * parent), and a test holds the two to the same figures (hebci-figures.int-spec.ts).
 */
@Injectable()
export class HeBciService {
  constructor(private readonly db: DataSource) {}

  /** `figures: false` (nobody asked for them): the cells, lines and unknown sizes are left empty and not computed. */
  async summary(user: AuthUser, academicYear: string, filter?: Pick<ReportFilter, 'departmentIds' | 'ownerId'>, { figures = true } = {}): Promise<HeBciSummary> {
    const { from, to } = academicYearRange(academicYear);
    // The figures need the rate (the SME thresholds); the mappings are independent reads: in parallel.
    const none = (rate: HeBciEuroRate) => ({ rate, cells: [], lines: [], unknownSize: [], notReturnedCount: 0 });
    const [{ rate, cells, lines, unknownSize, notReturnedCount }, activityMapping, sectorMapping] = await Promise.all([
      euroRate(this.db.manager).then((r) => (figures ? this.figures(user, from, filter, r) : none(r))), this.activityMapping(), this.sectorMapping(),
    ]);
    let records: Promise<HeBciRecord[]> | undefined;
    return {
      academicYear, from, to, cells, activityMapping, sectorMapping, notReturnedCount, lines, unknownSize, euroRate: rate, incomeRule: INCOME_RULE_TEXT,
      records: () => (records ??= this.records(user, academicYear, filter).then((r) => r.records)),
    };
  }

  /** The figures of the return, set-wise in SQL; the reasons of the (few) organisations of unknown size as smeStatus gives them. */
  private async figures(user: AuthUser, from: string, filter: Pick<ReportFilter, 'departmentIds' | 'ownerId'> | undefined, rate: HeBciEuroRate) {
    const p = new SqlParams();
    const visible = p.visibleTo('op', user);
    const yearP = p.add(Number(from.slice(0, 4)));
    const where = scopeWhere(p, filter, 'op', 'owner_id');
    const params: FiguresParams = {
      turnoverMax: p.add(rate.smeTurnoverMaxPence), balanceSheetMax: p.add(rate.smeBalanceSheetMaxPence),
      nonCommercial: p.add(pgPattern(NON_COMMERCIAL_CATEGORY)), commercial: p.add(pgPattern(COMMERCIAL_CATEGORY)), guarantee: p.add(pgPattern(GUARANTEE_CATEGORY)),
    };
    const rows: FigureRow[] = await this.db.query(yearFiguresSql(yearP, [visible, ...where].join(' AND '), params), p.values);
    const unknown = rows.filter((r) => r.kind === 'unknown');
    const reasons = unknown.length ? await partnerTypes(this.db.manager, unknown.map((u) => u.organisationId!), rate.gbpPerEur) : new Map<string, SmeStatus>();
    const sums = rows.filter((r) => r.kind === 'sums');
    return {
      rate, lines: linesOf(sums), cells: cellsOfSums(sums),
      unknownSize: unknown.map((u) => ({ organisationId: u.organisationId!, name: u.name!, reason: reasons.get(u.organisationId!)?.reason ?? '', contracts: u.unknownCount })),
      notReturnedCount: rows.find((r) => r.kind === 'total')?.notReturned ?? 0,
    };
  }

  /**
   * Every contract behind the return with its income, partner type and parts, in organisation
   * then title order, and the won contracts whose type is not returned (rows without a category).
   */
  async records(user: AuthUser, academicYear: string, filter?: Pick<ReportFilter, 'departmentIds' | 'ownerId'>): Promise<{ records: HeBciRecord[]; rows: WonRow[] }> {
    const { from, to } = academicYearRange(academicYear);
    const p = new SqlParams();
    const visible = p.visibleTo('op', user);
    const yearP = p.add(Number(from.slice(0, 4)));
    const where = scopeWhere(p, filter, 'op', 'owner_id');
    const [rows, rate] = await Promise.all([
      this.db.query(wonInYearSql(yearP, [visible, ...where].join(' AND ')), p.values) as Promise<WonRow[]>, euroRate(this.db.manager),
    ]);
    const partners = await partnerTypesOf(this.db.manager, rows.map(organisationOf), rate.gbpPerEur);
    const records: HeBciRecord[] = [];
    for (const r of rows) {
      if (!r.category) continue;
      const partner = partners.get(r.organisationId)!;
      const y = yearIncomeOf(r, r, from, to);
      if (!y.amountPence && !y.share(1_000_000)) continue;
      records.push({
        opportunityId: r.id, title: r.title, type: r.type, organisationId: r.organisationId, organisationName: r.name,
        partnerType: partner.partnerType, sizeBasis: partner.basis, sizeReason: partner.reason, rule: y.rule as HeBciIncomeRule,
        valuePence: r.valuePence, incomePence: y.amountPence, parts: contractParts(r, r.category, partner.partnerType, y),
      });
    }
    return { records, rows };
  }

  /** Whether one organisation is an SME for HE-BCI, and why. */
  async smeStatus(user: AuthUser, organisationId: string): Promise<SmeStatus> {
    assertUuid(organisationId, 'organisationId');
    const p = new SqlParams();
    const visible = p.visibleTo('o', user);
    const found = await this.db.query(`SELECT 1 FROM organisations o WHERE o.id = ${p.add(organisationId)} AND o.deleted_at IS NULL AND ${visible}`, p.values);
    if (!found.length) throw notFound('Organisation', organisationId);
    const rate = await euroRate(this.db.manager);
    const status = (await partnerTypes(this.db.manager, [organisationId], rate.gbpPerEur)).get(organisationId);
    if (!status) throw notFound('Organisation', organisationId);
    return status;
  }

  async setEuroRate(gbpPerEur: number, source: string, rateDate: string): Promise<HeBciEuroRate> {
    if (!(gbpPerEur > 0 && gbpPerEur < 10)) throw badField('gbpPerEur', 'gbpPerEur must be a positive rate, pounds per euro (e.g. 0.83)');
    if (!source.trim()) throw badField('source', 'source must say where the rate comes from');
    await this.db.query(`UPDATE hebci_settings SET gbp_per_eur = $1, rate_source = $2, rate_date = $3, updated_at = now()`, [gbpPerEur, source.trim(), rateDate]);
    return euroRate(this.db.manager);
  }

  async activityMapping(): Promise<HeBciActivityMapping[]> {
    const rows = await this.db.query(`SELECT opportunity_type, category FROM hebci_activity_map`);
    const order = Object.values(OpportunityType) as string[];
    return rows
      .map((r: any) => ({ opportunityType: r.opportunity_type, category: r.category }))
      .sort((a: HeBciActivityMapping, b: HeBciActivityMapping) => order.indexOf(a.opportunityType) - order.indexOf(b.opportunityType));
  }

  async sectorMapping(): Promise<HeBciSectorMapping[]> {
    const rows = await this.db.query(`SELECT organisation_type AS "organisationType", commercial FROM hebci_sector_map`);
    const types = Object.values(OrganisationType) as string[];
    return rows.sort((a: HeBciSectorMapping, b: HeBciSectorMapping) => types.indexOf(a.organisationType) - types.indexOf(b.organisationType));
  }

  async setActivityMapping(opportunityType: OpportunityType, category: HeBciCategory | null): Promise<HeBciActivityMapping> {
    await this.db.query(
      `INSERT INTO hebci_activity_map (opportunity_type, category) VALUES ($1, $2)
       ON CONFLICT (opportunity_type) DO UPDATE SET category = EXCLUDED.category, updated_at = now()`, [opportunityType, category]);
    return { opportunityType, category };
  }

  async setSectorMapping(organisationType: OrganisationType, commercial: boolean): Promise<HeBciSectorMapping> {
    await this.db.query(
      `INSERT INTO hebci_sector_map (organisation_type, commercial) VALUES ($1, $2)
       ON CONFLICT (organisation_type) DO UPDATE SET commercial = EXCLUDED.commercial, updated_at = now()`, [organisationType, commercial]);
    return { organisationType, commercial };
  }
}

/**
 * The return's lines from yearFiguresSql's sums, parted as hebci-lines.ts contractParts parts each
 * record: collaborative research into public funding (by funding source), the KTP company's cash
 * contribution and in-kind (by partner type); regeneration by funding source; IP by income type
 * and partner type; the rest by partner type, with CPD's learner days.
 */
function linesOf(sums: FigureRow[]): HeBciLine[] {
  const lines = new Map<string, HeBciLine>();
  const add = (r: FigureRow, measure: HeBciMeasure, valuePence: number | null, count: number, keys: Partial<HeBciPart>, learnerDays: number | null = null) => {
    if (!count) return;
    const part: HeBciPart = { table: HEBCI_TABLE[r.category!], category: r.category!, measure, fundingSource: null, ipIncomeType: null, partnerType: r.partnerType, valuePence: 0, learnerDays: null, ...keys };
    const key = partKey(part);
    const line = lines.get(key) ?? { ...part, learnerDays: learnerDays === null ? null : 0, count: 0, valueThousands: 0 };
    line.valuePence += valuePence ?? 0;
    if (learnerDays !== null) line.learnerDays! += learnerDays;
    line.count += count;
    line.valueThousands = Math.round(line.valuePence / 100_000);
    lines.set(key, line);
  };
  for (const r of sums) {
    if (r.category === HeBciCategory.collaborative_research) {
      add(r, HeBciMeasure.public_funding, r.grantPence, r.grantCount, { fundingSource: r.fundingSource, partnerType: null });
      add(r, HeBciMeasure.cash_contribution, r.companyPence, r.companyCount, {});
      add(r, HeBciMeasure.in_kind, r.inKindPence, r.inKindCount, {});
    } else if (r.category === HeBciCategory.regeneration) {
      add(r, HeBciMeasure.income, r.incomePence, r.incomeCount, { fundingSource: r.fundingSource, partnerType: null });
    } else if (r.category === HeBciCategory.ip_licensing) {
      add(r, HeBciMeasure.income, r.incomePence, r.incomeCount, { ipIncomeType: r.ipIncomeType });
    } else {
      add(r, HeBciMeasure.income, r.incomePence, r.incomeCount, {});
      if (r.category === HeBciCategory.cpd_continuing_education) add(r, HeBciMeasure.learner_days, 0, r.learnerDaysCount, {}, r.learnerDays);
    }
  }
  return [...lines.values()].sort(lineOrder);
}

/** The grid from yearFiguresSql's sums: each record's income (when not zero) by category and partner type. */
function cellsOfSums(sums: FigureRow[]): HeBciCell[] {
  const cells = new Map<string, HeBciCell>();
  for (const r of sums) {
    if (!r.incomeCount) continue;
    const key = `${r.category}|${r.partnerType}`;
    const cell = cells.get(key) ?? { table: HEBCI_TABLE[r.category!], category: r.category!, partnerType: r.partnerType!, count: 0, valuePence: 0, valueThousands: 0 };
    cell.count += r.incomeCount;
    cell.valuePence += r.incomePence!;
    cell.valueThousands = Math.round(cell.valuePence / 100_000);
    cells.set(key, cell);
  }
  return [...cells.values()].sort(cellOrder);
}

/** The grid's order: the return's headings, then partner types. */
export const cellOrder = (a: HeBciCell, b: HeBciCell) =>
  CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || PARTNER_ORDER.indexOf(a.partnerType) - PARTNER_ORDER.indexOf(b.partnerType);
