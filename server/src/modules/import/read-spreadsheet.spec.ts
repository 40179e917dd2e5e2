import * as ExcelJS from 'exceljs';
import { detectFileType, readRows, SheetRow } from './read-spreadsheet';

const all = async (rows: AsyncGenerator<SheetRow>) => {
  const out: SheetRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
};

describe('readRows', () => {
  it('reads a CSV with a BOM, CRLF line ends, quoted commas and blank lines, keeping spreadsheet line numbers', async () => {
    const csv = '\uFEFFName,Value\r\n"Smith & Sons, Ltd",£12,500\r\n\r\n,,\r\nAcme,"£1,000"\r\n';
    const rows = await all(readRows(Buffer.from(csv, 'utf8'), 'csv'));
    expect(rows.map((r) => r.cells)).toEqual([['Name', 'Value'], ['Smith & Sons, Ltd', '£12', '500'], ['Acme', '£1,000']]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it('reads Windows-1252 text (Excel\'s UK "CSV") with its £ sign', async () => {
    const csv = Buffer.concat([Buffer.from('Name;Value\nAcme;'), Buffer.from([0xa3]), Buffer.from('99\n')]);
    expect((await all(readRows(csv, 'csv'))).map((r) => r.cells)).toEqual([['Name', 'Value'], ['Acme', '£99']]);
  });

  it('reads the first worksheet of an XLSX: numbers stay numbers, dates become ISO days, rich text and formulas their text', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('Employers');
    sheet.addRow(['Name', 'Since', 'Value']);
    sheet.addRow([{ richText: [{ text: 'Acme ' }, { text: 'Ltd' }] }, new Date(Date.UTC(2025, 3, 3)), 12500]);
    sheet.addRow([]);
    sheet.addRow(['Beta', 45750, { formula: '1+1', result: 2 }]);
    wb.addWorksheet('Notes').addRow(['ignored']);
    const rows = await all(readRows(Buffer.from(await wb.xlsx.writeBuffer()), 'xlsx'));
    expect(rows.map((r) => r.cells)).toEqual([['Name', 'Since', 'Value'], ['Acme Ltd', '2025-04-03', 12500], ['Beta', 45750, 2]]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4]);
  });
});

describe('detectFileType', () => {
  it('goes by the bytes as well as the name', () => {
    expect(detectFileType('a.csv', Buffer.from('Name\nAcme'))).toEqual({ type: 'csv' });
    expect(detectFileType('a.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toEqual({ type: 'xlsx' });
    expect(detectFileType('a.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0]))).toEqual({ reason: 'a.csv is not a CSV or XLSX file' });
    expect(detectFileType('old.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatchObject({ reason: expect.stringContaining('save it as .xlsx') });
    expect(detectFileType('photo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]))).toMatchObject({ reason: 'photo.png is not a CSV or XLSX file' });
    expect(detectFileType('x.csv', Buffer.from([0x41, 0, 0x42]))).toMatchObject({ reason: 'x.csv is not a text CSV file' });
  });
});
