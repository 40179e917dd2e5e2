import { parse } from 'csv-parse';
import * as ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

/**
 * Reading an uploaded spreadsheet row by row, streamed, so a 100,000-row file never sits in
 * memory as objects. Cells come out as what JSON can keep: text, numbers, booleans, and XLSX
 * dates as ISO days ("2025-04-03"), which parseDate reads like any other date.
 */
export type StoredCell = string | number | boolean | null;
export type FileType = 'csv' | 'xlsx';

export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** Columns beyond this are ignored: no departmental spreadsheet has more, and it bounds a row's size. */
export const MAX_COLUMNS = 100;

/**
 * What the bytes are, whatever the file is called: an XLSX is a zip ("PK\3\4"); a CSV is text
 * without NUL bytes. Old .xls (OLE2), PDFs, images and the rest are refused with a reason.
 */
export function detectFileType(fileName: string, head: Buffer): { type: FileType } | { reason: string } {
  const lower = fileName.toLowerCase();
  if (head.length >= 4 && head.readUInt32BE(0) === 0x504b0304) {
    return lower.endsWith('.xlsx') || lower.endsWith('.xlsm') ? { type: 'xlsx' } : { reason: `${fileName} is not a CSV or XLSX file` };
  }
  if (head.length >= 8 && head.readUInt32BE(0) === 0xd0cf11e0) return { reason: `${fileName} is an old Excel (.xls) file: save it as .xlsx or .csv and upload that` };
  if (!lower.endsWith('.csv') && !lower.endsWith('.txt')) return { reason: `${fileName} is not a CSV or XLSX file` };
  if (head.includes(0)) return { reason: `${fileName} is not a text CSV file` };
  return { type: 'csv' };
}

/** UTF-8 (with or without a BOM) as it is; anything else is read as Windows-1252, which Excel writes for "CSV" in the UK. */
function csvText(content: Buffer): Buffer | string {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(content);
    return content;
  } catch {
    return new TextDecoder('windows-1252').decode(content);
  }
}

/** Commas unless the first line has more semicolons or tabs (European Excel, or a TSV saved as .csv). */
function delimiterOf(content: Buffer | string): string {
  const first = (typeof content === 'string' ? content.slice(0, 4096) : content.subarray(0, 4096).toString('utf8')).split(/\r?\n/)[0];
  const count = (c: string) => first.split(c).length - 1;
  return [',', ';', '\t'].reduce((best, c) => (count(c) > count(best) ? c : best), ',');
}

const isBlank = (row: StoredCell[]) => row.every((c) => c === null || (typeof c === 'string' && c.trim() === ''));

/** One row as read, with the line people see in their spreadsheet (1 is the header). */
export interface SheetRow {
  line: number;
  cells: StoredCell[];
}

async function* csvRows(content: Buffer): AsyncGenerator<SheetRow> {
  const text = csvText(content);
  const parser = Readable.from([text]).pipe(
    parse({ bom: true, delimiter: delimiterOf(text), relax_column_count: true, relax_quotes: true, skip_empty_lines: true, info: true }),
  );
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    yield { line: info.lines, cells: record.slice(0, MAX_COLUMNS) };
  }
}

function xlsxCell(value: ExcelJS.CellValue): StoredCell {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return xlsxCell((value.result ?? null) as ExcelJS.CellValue);
    if ('text' in value) return xlsxCell(value.text as ExcelJS.CellValue);
    if ('error' in value) return null;
  }
  return String(value);
}

async function* xlsxRows(content: Buffer): AsyncGenerator<SheetRow> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([content]), {
    worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore',
  });
  for await (const sheet of reader) {
    // The first worksheet only: later sheets are usually notes or lookups.
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as ExcelJS.CellValue[]; // 1-based; gaps where cells are empty
      const cells: StoredCell[] = [];
      for (let i = 1; i < Math.min(values.length, MAX_COLUMNS + 1); i++) cells.push(xlsxCell(values[i]));
      yield { line: row.number, cells };
    }
    return;
  }
}

/** Every non-blank row of the file, the header row first. */
export async function* readRows(content: Buffer, type: FileType): AsyncGenerator<SheetRow> {
  for await (const row of type === 'csv' ? csvRows(content) : xlsxRows(content)) {
    if (!isBlank(row.cells)) yield row;
  }
}
