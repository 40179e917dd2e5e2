import type { FundingSource, HeBciCategory, HeBciMeasure, HeBciPartnerType, IpIncomeType } from '../../../graphql/generated';
import {
  FUNDING_SOURCE_LABELS, HEBCI_CATEGORY_LABELS, HEBCI_PARTNER_TYPE_LABELS, HEBCI_TABLE_LABELS, HeBciTable, IP_INCOME_TYPE_LABELS,
  REGENERATION_FUNDING_SOURCES, RESEARCH_FUNDING_SOURCES,
} from '../../../shared/labels/hebci-labels';

/** One part of a line as the API returns it: where a contract's figure for the year goes. */
export interface HeBciPartInput {
  category: HeBciCategory;
  measure: HeBciMeasure;
  fundingSource?: FundingSource | null;
  ipIncomeType?: IpIncomeType | null;
  partnerType?: HeBciPartnerType | null;
  valuePence: number;
  learnerDays?: number | null;
}

/** Which parts a cell counts; a key left out matches anything. */
export interface PartFilter {
  category: HeBciCategory;
  measure: HeBciMeasure;
  fundingSource?: FundingSource | null;
  ipIncomeType?: IpIncomeType | null;
  partnerType?: HeBciPartnerType | null;
}

export interface ReturnCell {
  filter: PartFilter;
  /** Contracts contributing. */
  count: number;
  valuePence: number;
  valueThousands: number;
  /** Set on learner-day cells, which count days, not money. */
  learnerDays: number | null;
}

export interface ReturnRow {
  label: string;
  cells: ReturnCell[];
}

export interface ReturnBlock {
  title: string;
  /** 'partner': a column per partner type and a total; 'single': one figure per row (by funding source). */
  columns: 'partner' | 'single';
  rows: ReturnRow[];
}

export interface ReturnTable {
  table: HeBciTable;
  title: string;
  blocks: ReturnBlock[];
}

/** "HESA Table 1 · Research related activities": the return's own table names, kept apart from the summary's headings. */
const hesaTitle = (t: HeBciTable) => `HESA ${HEBCI_TABLE_LABELS[t].replace(': ', ' · ')}`;

export const RETURN_PARTNER_TYPES: HeBciPartnerType[] = ['sme', 'other_commercial', 'non_commercial', 'unknown'];

export function matches(part: HeBciPartInput, f: PartFilter): boolean {
  return part.category === f.category && part.measure === f.measure &&
    (f.fundingSource === undefined || (part.fundingSource ?? null) === f.fundingSource) &&
    (f.ipIncomeType === undefined || (part.ipIncomeType ?? null) === f.ipIncomeType) &&
    (f.partnerType === undefined || (part.partnerType ?? null) === f.partnerType);
}

/**
 * The return's four tables in HESA's layout, from the API's lines (each line already sums the
 * contracts behind it): Table 1 head 1 public funding by source and collaborators' cash and
 * in-kind by partner type, head 2 contract research by partner type; Table 2 by partner type with
 * CPD learner days; Table 3 by funding source; Table 4 by IP income type and partner type. Rows
 * for "not recorded" appear only when something is missing its source or type.
 */
export function hebciReturn(lines: readonly (HeBciPartInput & { count: number })[]): ReturnTable[] {
  const cell = (filter: PartFilter): ReturnCell => {
    const hits = lines.filter((l) => matches(l, filter));
    const valuePence = hits.reduce((s, l) => s + l.valuePence, 0);
    const days = filter.measure === 'learner_days' ? hits.reduce((s, l) => s + (l.learnerDays ?? 0), 0) : null;
    return { filter, count: hits.reduce((s, l) => s + l.count, 0), valuePence, valueThousands: Math.round(valuePence / 100_000), learnerDays: days };
  };
  const byPartner = (label: string, f: PartFilter): ReturnRow => ({
    label, cells: [...RETURN_PARTNER_TYPES.map((partnerType) => cell({ ...f, partnerType })), cell(f)],
  });
  const bySource = (category: HeBciCategory, measure: HeBciMeasure, sources: FundingSource[]): ReturnRow[] => {
    const rows = sources.map((fundingSource) => ({ label: FUNDING_SOURCE_LABELS[fundingSource], cells: [cell({ category, measure, fundingSource })] }));
    const missing = cell({ category, measure, fundingSource: null });
    return [...rows, ...(missing.count ? [{ label: 'Funding source not recorded', cells: [missing] }] : []),
      { label: 'Total', cells: [cell({ category, measure })] }];
  };
  const ipTypes: Array<IpIncomeType | null> = ['licence', 'other_ip', 'sale_of_shares', null];
  return [
    { table: 1, title: hesaTitle(1), blocks: [
      { title: 'Head 1: Collaborative research involving public funding — public funding by source', columns: 'single',
        rows: bySource('collaborative_research', 'public_funding', RESEARCH_FUNDING_SOURCES) },
      { title: 'Head 1: Collaborators’ contributions (KTP company contributions, in-kind)', columns: 'partner', rows: [
        byPartner('Cash contributions', { category: 'collaborative_research', measure: 'cash_contribution' }),
        byPartner('In-kind contributions', { category: 'collaborative_research', measure: 'in_kind' }),
      ] },
      { title: 'Head 2: Contract research', columns: 'partner', rows: [byPartner(HEBCI_CATEGORY_LABELS.contract_research, { category: 'contract_research', measure: 'income' })] },
    ] },
    { table: 2, title: hesaTitle(2), blocks: [{ title: 'By partner type', columns: 'partner', rows: [
      byPartner(HEBCI_CATEGORY_LABELS.consultancy, { category: 'consultancy', measure: 'income' }),
      byPartner(HEBCI_CATEGORY_LABELS.facilities_equipment, { category: 'facilities_equipment', measure: 'income' }),
      byPartner(HEBCI_CATEGORY_LABELS.cpd_continuing_education, { category: 'cpd_continuing_education', measure: 'income' }),
      byPartner('CPD learner days', { category: 'cpd_continuing_education', measure: 'learner_days' }),
    ] }] },
    { table: 3, title: hesaTitle(3), blocks: [{ title: 'By funding source (the allocating body)', columns: 'single',
      rows: bySource('regeneration', 'income', REGENERATION_FUNDING_SOURCES) }] },
    { table: 4, title: hesaTitle(4), blocks: [{ title: 'IP income by type and partner type', columns: 'partner', rows: ipTypes
      .map((ipIncomeType) => byPartner(ipIncomeType ? IP_INCOME_TYPE_LABELS[ipIncomeType] : 'IP income type not recorded', { category: 'ip_licensing', measure: 'income', ipIncomeType }))
      .filter((row, i) => i < 3 || row.cells[row.cells.length - 1].count) }] },
  ];
}

/** The records behind a cell, each with what it contributes to the cell this year. */
export function drillRecords<R extends { parts: readonly HeBciPartInput[] }>(records: readonly R[], filter: PartFilter): Array<R & { cellPence: number; cellDays: number | null }> {
  return records.flatMap((r) => {
    const hits = r.parts.filter((p) => matches(p, filter));
    if (!hits.length) return [];
    const days = filter.measure === 'learner_days' ? hits.reduce((s, p) => s + (p.learnerDays ?? 0), 0) : null;
    return [{ ...r, cellPence: hits.reduce((s, p) => s + p.valuePence, 0), cellDays: days }];
  });
}

/** A cell's description for its drill-down heading and its accessible name. */
export function describeCell(row: string, f: PartFilter): string {
  return f.partnerType === undefined ? row : `${row}, ${HEBCI_PARTNER_TYPE_LABELS[f.partnerType!]}`;
}

/** One line of the return for export: where it is, and its cells (a column per partner type and a total, or the total alone). */
export interface ReturnExportRow {
  table: string;
  section: string;
  line: string;
  /** By partner type in RETURN_PARTNER_TYPES order; null in a block reported by funding source. */
  byPartner: ReturnCell[] | null;
  total: ReturnCell;
}

export function returnExportRows(tables: readonly ReturnTable[]): ReturnExportRow[] {
  return tables.flatMap((t) => t.blocks.flatMap((b) => b.rows.map((r) => ({
    table: t.title, section: b.title, line: r.label,
    byPartner: b.columns === 'partner' ? r.cells.slice(0, RETURN_PARTNER_TYPES.length) : null,
    total: r.cells[r.cells.length - 1],
  }))));
}

/** A cell's figure in the return's unit: £000s, or learner days. */
export const returnFigure = (c: ReturnCell | undefined): number | '' => (c ? (c.learnerDays ?? c.valueThousands) : '');
