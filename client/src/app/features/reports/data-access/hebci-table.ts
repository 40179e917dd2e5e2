import type { HeBciCategory, HeBciPartnerType } from '../../../graphql/generated';
import { HEBCI_CATEGORY_LABELS, HEBCI_CATEGORY_TABLE, HEBCI_PARTNER_TYPE_LABELS, HEBCI_TABLE_LABELS, HeBciTable } from '../../../shared/labels/hebci-labels';

/** A cell as the API returns it (only cells with contracts come back). */
export interface HeBciCellInput {
  category: HeBciCategory;
  partnerType: HeBciPartnerType;
  count: number;
  valuePence: number;
}

export interface HeBciFigure {
  count: number;
  valuePence: number;
  /** £000s, rounded from the pence, as the return asks. */
  valueThousands: number;
}

export interface HeBciRow {
  category: HeBciCategory | null;
  label: string;
  byPartner: Record<HeBciPartnerType, HeBciFigure>;
  total: HeBciFigure;
}

export interface HeBciTableLayout {
  table: HeBciTable;
  title: string;
  rows: HeBciRow[];
  /** Set when the table has more than one heading. */
  totalRow: HeBciRow | null;
}

export const HEBCI_PARTNER_TYPES = Object.keys(HEBCI_PARTNER_TYPE_LABELS) as HeBciPartnerType[];
const CATEGORIES = Object.keys(HEBCI_CATEGORY_LABELS) as HeBciCategory[];
const TABLES: HeBciTable[] = [1, 2, 3, 4];

const figure = (count: number, valuePence: number): HeBciFigure => ({ count, valuePence, valueThousands: Math.round(valuePence / 100_000) });
const add = (a: HeBciFigure, b: HeBciFigure) => figure(a.count + b.count, a.valuePence + b.valuePence);
const zero = () => figure(0, 0);
const byPartnerZero = () => Object.fromEntries(HEBCI_PARTNER_TYPES.map((p) => [p, zero()])) as Record<HeBciPartnerType, HeBciFigure>;

function sumRows(label: string, rows: HeBciRow[]): HeBciRow {
  const byPartner = byPartnerZero();
  for (const row of rows) for (const p of HEBCI_PARTNER_TYPES) byPartner[p] = add(byPartner[p], row.byPartner[p]);
  return { category: null, label, byPartner, total: rows.reduce((t, r) => add(t, r.total), zero()) };
}

/**
 * The return's four tables from the API's cells: every heading of every table is a row (zeros
 * where nothing was won), the partner types are the columns, with a total column, and a total row
 * under tables with more than one heading. £000s are rounded from the summed pence, never summed
 * from rounded cells, so totals do not drift.
 */
export function hebciTables(cells: readonly HeBciCellInput[]): HeBciTableLayout[] {
  const rows = new Map<HeBciCategory, HeBciRow>(
    CATEGORIES.map((category) => [category, { category, label: HEBCI_CATEGORY_LABELS[category], byPartner: byPartnerZero(), total: zero() }]),
  );
  for (const cell of cells) {
    const row = rows.get(cell.category);
    if (!row || !(cell.partnerType in row.byPartner)) continue;
    const value = figure(cell.count, cell.valuePence);
    row.byPartner[cell.partnerType] = add(row.byPartner[cell.partnerType], value);
    row.total = add(row.total, value);
  }
  return TABLES.map((table) => {
    const tableRows = CATEGORIES.filter((c) => HEBCI_CATEGORY_TABLE[c] === table).map((c) => rows.get(c)!);
    return { table, title: HEBCI_TABLE_LABELS[table], rows: tableRows, totalRow: tableRows.length > 1 ? sumRows('Total', tableRows) : null };
  });
}

/** One line per heading (and table total), for export. */
export interface HeBciExportRow {
  table: string;
  heading: string;
  row: HeBciRow;
}

export function hebciExportRows(tables: readonly HeBciTableLayout[]): HeBciExportRow[] {
  return tables.flatMap((t) => [...t.rows, ...(t.totalRow ? [t.totalRow] : [])].map((row) => ({ table: t.title, heading: row.label, row })));
}
