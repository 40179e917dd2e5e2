import { csvCellText, csvField, csvHeader, csvLine, exportFileName, ExportColumn, neutraliseFormula, penceAsPounds, xlsxValue } from './export-format';

interface Row { name: string; pence: number | null; day: string | null; active: boolean }
const columns: ExportColumn<Row>[] = [
  { header: 'Name', value: (r) => r.name },
  { header: 'Value (£)', value: (r) => r.pence, type: 'money' },
  { header: 'Due', value: (r) => r.day, type: 'date' },
  { header: 'Active', value: (r) => r.active },
];

describe('export-format', () => {
  it('should write pence as pounds without float artefacts', () => {
    expect(penceAsPounds(123450)).toBe('1234.50');
    expect(penceAsPounds(-5)).toBe('-0.05');
  });

  it('should neutralise text a spreadsheet would run as a formula', () => {
    expect(neutraliseFormula('=HYPERLINK("x")')).toBe(`'=HYPERLINK("x")`);
    expect(neutraliseFormula('-1+1')).toBe(`'-1+1`);
    expect(neutraliseFormula('Acme Ltd')).toBe('Acme Ltd');
  });

  it('should quote fields holding commas, quotes and line breaks', () => {
    expect(csvField('Smith, Jones & Co')).toBe('"Smith, Jones & Co"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('plain')).toBe('plain');
  });

  it('should start the file with a BOM and end every line with CRLF', () => {
    expect(csvHeader(columns)).toBe('\uFEFFName,Value (£),Due,Active\r\n');
    expect(csvLine(columns, { name: '=cmd', pence: 1999, day: '2025-03-01', active: true })).toBe(`'=cmd,19.99,2025-03-01,Yes\r\n`);
  });

  it('should leave empty cells empty', () => {
    expect(csvCellText(columns[1], { name: 'x', pence: null, day: null, active: false })).toBe('');
  });

  it('should keep money as numbers in pounds and dates as dates in XLSX', () => {
    const row = { name: 'x', pence: 250, day: '2025-03-01', active: false };
    expect(xlsxValue(columns[1], row)).toBe(2.5);
    expect(xlsxValue(columns[2], row)).toEqual(new Date(Date.UTC(2025, 2, 1)));
    expect(xlsxValue(columns[3], row)).toBe('No');
  });

  it('should name the file after the list and the day', () => {
    expect(exportFileName('organisations', '2025-03-31', 'xlsx')).toBe('organisations-2025-03-31.xlsx');
  });
});
