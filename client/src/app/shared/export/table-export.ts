/**
 * Export a table's rows to CSV or Excel (XLSX) in the browser and download the file.
 *
 * Describe the columns once and use them for both formats:
 *
 * ```ts
 * const columns: ExportColumn<Row>[] = [
 *   { header: 'Stage', value: (r) => r.label },
 *   { header: 'Opportunities', value: (r) => r.count, type: 'number' },
 *   { header: 'Value (£)', value: (r) => r.valuePence, type: 'money' }, // integer pence in, pounds out
 *   { header: 'Expected close', value: (r) => r.expectedCloseDate, type: 'date' }, // ISO day "2025-03-12"
 * ];
 * await exportTable('csv', { fileName: 'pipeline-by-stage', columns, rows });
 * ```
 *
 * Or drop `<bce-export-menu>` (export-menu.component.ts) next to the table.
 */

export type ExportColumnType = 'text' | 'number' | 'money' | 'date';
export type ExportValue = string | number | null | undefined;
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => ExportValue;
  /** text (the default); number; money: integer pence, written as pounds; date: an ISO day "2025-03-12". */
  type?: ExportColumnType;
}

export interface TableExport<T> {
  /** Without the extension; see exportFileName(). */
  fileName: string;
  columns: readonly ExportColumn<T>[];
  rows: readonly T[];
  /** The worksheet's name in XLSX (at most 31 characters); defaults to "Report". */
  sheetName?: string;
}

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** Integer pence → "1234.50": a plain number Excel can sum, never a float artefact like 1234.4999. */
export function penceAsPounds(pence: number): string {
  const whole = Math.round(pence);
  const abs = Math.abs(whole);
  return `${whole < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the start) is prefixed
 * with an apostrophe, so an organisation named "=HYPERLINK(…)" stays text (OWASP CSV injection).
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** One cell as CSV text, before quoting. */
export function csvCellText<T>(column: ExportColumn<T>, row: T): string {
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return '';
  switch (column.type ?? 'text') {
    case 'money':
      return typeof value === 'number' ? penceAsPounds(value) : neutraliseFormula(String(value));
    case 'number':
      return typeof value === 'number' ? String(value) : neutraliseFormula(String(value));
    case 'date':
      return String(value).slice(0, 10);
    case 'text':
      return neutraliseFormula(String(value));
  }
}

/** RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, and its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The CSV file's text: a UTF-8 byte-order mark (so Excel reads "£" and accents correctly), a header
 * line, one line per row, every line ended by CRLF.
 */
export function toCsv<T>(rows: readonly T[], columns: readonly ExportColumn<T>[]): string {
  const lines = [columns.map((c) => csvField(c.header)), ...rows.map((row) => columns.map((c) => csvField(csvCellText(c, row))))];
  return BOM + lines.map((fields) => fields.join(',')).join(CRLF) + CRLF;
}

/** A cell as write-excel-file takes it (kept structural so this file needs no import of the library). */
export interface XlsxCell {
  value: string | number | Date;
  type: StringConstructor | NumberConstructor | DateConstructor;
  format?: string;
  fontWeight?: 'bold';
}

/** One cell for XLSX: numbers and money stay numbers (money in pounds, formatted £#,##0.00), dates are dates. */
export function xlsxCell<T>(column: ExportColumn<T>, row: T): XlsxCell | null {
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return null;
  const type = column.type ?? 'text';
  if (type === 'money' && typeof value === 'number') return { value: Math.round(value) / 100, type: Number, format: '£#,##0.00' };
  if (type === 'number' && typeof value === 'number') return { value, type: Number };
  if (type === 'date') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(String(value));
    if (match) return { value: new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))), type: Date, format: 'dd/mm/yyyy' };
  }
  // No formula neutralising needed: write-excel-file writes strings as text cells, never formulas.
  return { value: String(value), type: String };
}

/** The sheet's rows: a bold header, then the data. */
export function toXlsxRows<T>(rows: readonly T[], columns: readonly ExportColumn<T>[]): (XlsxCell | null)[][] {
  const header: XlsxCell[] = columns.map((c) => ({ value: c.header, type: String, fontWeight: 'bold' }));
  return [header, ...rows.map((row) => columns.map((c) => xlsxCell(c, row)))];
}

/** "Pipeline by stage", "2025/26" → "pipeline-by-stage-2025-26": safe on every file system. */
export function exportFileName(...parts: string[]): string {
  return (
    parts
      .join(' ')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'export'
  );
}

/** Hands a Blob to the browser as a download named `fileName`. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.appendChild(link);
  link.click();
  link.remove();
  // The download has started by the time this runs; the URL is no longer needed.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function exportCsv<T>(table: TableExport<T>): void {
  downloadBlob(new Blob([toCsv(table.rows, table.columns)], { type: 'text/csv;charset=utf-8' }), `${table.fileName}.csv`);
}

/** Loads write-excel-file on first use, so pages that never export do not download it. */
export async function exportXlsx<T>(table: TableExport<T>): Promise<void> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  const widths = table.columns.map((c) => ({ width: Math.min(48, Math.max(12, c.header.length + 2, ...table.rows.slice(0, 200).map((r) => String(c.value(r) ?? '').length + 2))) }));
  const blob = await writeXlsxFile(toXlsxRows(table.rows, table.columns), {
    sheet: (table.sheetName ?? 'Report').replace(/[\\/?*[\]:]/g, ' ').slice(0, 31),
    columns: widths,
    stickyRowsCount: 1,
  }).toBlob();
  downloadBlob(blob, `${table.fileName}.xlsx`);
}

export function exportTable<T>(format: ExportFormat, table: TableExport<T>): Promise<void> {
  if (format === 'csv') {
    exportCsv(table);
    return Promise.resolve();
  }
  return exportXlsx(table);
}
