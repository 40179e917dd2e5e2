import * as ExcelJS from 'exceljs';
import { once } from 'node:events';
import { Writable } from 'node:stream';
import { csvHeader, csvLine, ExportColumn, ExportFormat, XLSX_FORMATS, xlsxValue } from './export-format';

/** One table being written: rows go in batch by batch, so memory holds one batch at a time. */
export interface SheetWriter<T> {
  add(rows: readonly T[]): Promise<void>;
  end(): Promise<void>;
}

/** Where an export goes: a CSV (one table) or an XLSX workbook (one sheet per table), streamed to `out`. */
export interface ExportSink {
  sheet<T>(name: string, columns: readonly ExportColumn<T>[]): SheetWriter<T>;
  finish(): Promise<void>;
}

export function createSink(format: ExportFormat, out: Writable): ExportSink {
  return format === 'csv' ? csvSink(out) : xlsxSink(out);
}

function csvSink(out: Writable): ExportSink {
  // Waits for the client to take what was written, so a slow download does not fill memory.
  const write = async (text: string) => {
    if (!out.write(text)) await once(out, 'drain');
  };
  return {
    sheet<T>(_name: string, columns: readonly ExportColumn<T>[]): SheetWriter<T> {
      let started = false;
      return {
        async add(rows) {
          if (!started) await write(csvHeader(columns));
          started = true;
          if (rows.length) await write(rows.map((row) => csvLine(columns, row)).join(''));
        },
        async end() {
          if (!started) await write(csvHeader(columns));
        },
      };
    },
    async finish() {
      out.end();
      await once(out, 'finish');
    },
  };
}

function xlsxSink(out: Writable): ExportSink {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  return {
    sheet<T>(name: string, columns: readonly ExportColumn<T>[]): SheetWriter<T> {
      const sheet = workbook.addWorksheet(name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
      sheet.columns = columns.map((c, i) => ({
        header: c.header, key: String(i), width: Math.min(48, Math.max(12, c.header.length + 2)),
        style: XLSX_FORMATS[c.type ?? 'text'] ? { numFmt: XLSX_FORMATS[c.type ?? 'text'] } : {},
      }));
      sheet.getRow(1).font = { bold: true };
      return {
        async add(rows) {
          for (const row of rows) sheet.addRow(columns.map((c) => xlsxValue(c, row))).commit();
          // Give the zip stream a chance to flush to the response between batches.
          await new Promise<void>((resolve) => setImmediate(resolve));
        },
        async end() {
          sheet.commit();
        },
      };
    },
    async finish() {
      await workbook.commit();
    },
  };
}
