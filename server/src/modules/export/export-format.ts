/**
 * Cell values for exported files, the server twin of client/src/app/shared/export/table-export.ts:
 * money is integer pence written as pounds, dates are ISO days, and text a spreadsheet would run
 * as a formula is neutralised (OWASP CSV injection).
 */
import { ukDate, ukWallClock } from '../../common/dates/uk-dates';

export type ExportColumnType = 'text' | 'number' | 'money' | 'date' | 'datetime';
export type ExportValue = string | number | boolean | Date | null | undefined;
export type ExportFormat = 'csv' | 'xlsx';

export interface ExportColumn<T> {
  header: string;
  value: (row: T) => ExportValue;
  type?: ExportColumnType;
}

/** Integer pence → "1234.50": never a float artefact like 1234.4999. */
export function penceAsPounds(pence: number): string {
  const whole = Math.round(pence);
  const abs = Math.abs(whole);
  return `${whole < 0 ? '-' : ''}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** Text starting with =, +, -, @, tab or CR gets an apostrophe, so "=HYPERLINK(…)" stays text. */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** RFC 4180: a field holding a comma, a double quote, CR or LF is quoted, its quotes doubled. */
export function csvField(text: string): string {
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// A date column arrives as ISO text; an instant shown as a date is its UK day (00:30 BST on 1 August is 1 August).
const isoDay = (value: ExportValue) => (value instanceof Date ? ukDate(value) : String(value).slice(0, 10));

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
      return isoDay(value);
    case 'datetime':
      return value instanceof Date ? value.toISOString() : String(value);
    case 'text':
      return typeof value === 'boolean' ? (value ? 'Yes' : 'No') : neutraliseFormula(String(value));
  }
}

/** One CSV line, CRLF-terminated. */
export function csvLine<T>(columns: readonly ExportColumn<T>[], row: T): string {
  return `${columns.map((c) => csvField(csvCellText(c, row))).join(',')}\r\n`;
}

export function csvHeader(columns: readonly { header: string }[]): string {
  return `\uFEFF${columns.map((c) => csvField(c.header)).join(',')}\r\n`;
}

/** One cell for XLSX: numbers stay numbers, money in pounds, dates real dates (UTC midnight), times in UK wall-clock, booleans Yes/No. */
export function xlsxValue<T>(column: ExportColumn<T>, row: T): string | number | Date | null {
  const value = column.value(row);
  if (value === null || value === undefined || value === '') return null;
  const type = column.type ?? 'text';
  if (type === 'money' && typeof value === 'number') return Math.round(value) / 100;
  if (type === 'number' && typeof value === 'number') return value;
  if (type === 'date') {
    const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(isoDay(value));
    if (match) return new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  }
  if (type === 'datetime' && value instanceof Date) return ukWallClock(value);
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  // exceljs writes strings as text cells, never formulas; neutralise anyway, as a copied cell can be pasted into a formula bar.
  return neutraliseFormula(String(value));
}

export const XLSX_FORMATS: Partial<Record<ExportColumnType, string>> = { money: '£#,##0.00', date: 'dd/mm/yyyy', datetime: 'dd/mm/yyyy hh:mm' };

/** "organisations", "2025-03-31" → "organisations-2025-03-31.csv". */
export function exportFileName(list: string, day: string, format: ExportFormat): string {
  return `${list.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}-${day}.${format}`;
}
