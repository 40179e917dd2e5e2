import { describe, expect, it } from 'vitest';
import { csvField, exportFileName, ExportColumn, neutraliseFormula, penceAsPounds, toCsv, toXlsxRows } from './table-export';

interface Row {
  name: string;
  count: number;
  pence: number | null;
  closed: string | null;
}

const columns: ExportColumn<Row>[] = [
  { header: 'Organisation', value: (r) => r.name },
  { header: 'Opportunities', value: (r) => r.count, type: 'number' },
  { header: 'Value (£)', value: (r) => r.pence, type: 'money' },
  { header: 'Closed', value: (r) => r.closed, type: 'date' },
];

describe('toCsv', () => {
  it('starts with a UTF-8 byte-order mark and ends every line with CRLF', () => {
    const csv = toCsv([{ name: 'Acme', count: 2, pence: 1_250_000, closed: '2025-10-15' }], columns);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.slice(1)).toBe('Organisation,Opportunities,Value (£),Closed\r\nAcme,2,12500.00,2025-10-15\r\n');
  });

  it('writes money as pounds with two decimals, exactly, including pence and negatives', () => {
    const rows: Row[] = [
      { name: 'a', count: 0, pence: 1_234_550, closed: null },
      { name: 'b', count: 0, pence: 5, closed: null },
      { name: 'c', count: 0, pence: -1_050, closed: null },
      { name: 'd', count: 0, pence: 0, closed: null },
    ];
    const lines = toCsv(rows, columns).slice(1).split('\r\n');
    expect(lines.slice(1, 5).map((l) => l.split(',')[2])).toEqual(['12345.50', '0.05', '-10.50', '0.00']);
  });

  it('quotes fields holding commas, quotes and line breaks (RFC 4180), and leaves empty values empty', () => {
    const rows: Row[] = [
      { name: 'Smith, Jones & Co', count: 1, pence: null, closed: null },
      { name: 'The "Big" Firm', count: 1, pence: null, closed: null },
      { name: 'Line one\nLine two', count: 1, pence: null, closed: null },
      { name: 'Carriage\r\nreturn', count: 1, pence: null, closed: null },
    ];
    expect(toCsv(rows, columns).slice(1).split('\r\n').slice(1, 4)).toEqual(['"Smith, Jones & Co",1,,', '"The ""Big"" Firm",1,,', '"Line one\nLine two",1,,']);
    expect(toCsv(rows, columns)).toContain('"Carriage\r\nreturn",1,,\r\n');
  });

  it('quotes a header that needs it', () => {
    expect(toCsv([], [{ header: 'Value, £', value: () => 1 }])).toBe('\uFEFF"Value, £"\r\n');
  });

  it('keeps text that looks like a formula as text', () => {
    const rows: Row[] = [{ name: '=HYPERLINK("http://evil")', count: -3, pence: -100, closed: null }];
    const line = toCsv(rows, columns).slice(1).split('\r\n')[1];
    expect(line).toBe(`"'=HYPERLINK(""http://evil"")",-3,-1.00,`);
  });
});

describe('csv helpers', () => {
  it('quotes only when needed', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });

  it('formats pence without floating-point error', () => {
    expect(penceAsPounds(29)).toBe('0.29');
    expect(penceAsPounds(1_000_000_001)).toBe('10000000.01');
    expect(penceAsPounds(-5)).toBe('-0.05');
  });

  it('neutralises formula prefixes only at the start', () => {
    expect(neutraliseFormula('+44 191 000 0000')).toBe("'+44 191 000 0000");
    expect(neutraliseFormula('@home')).toBe("'@home");
    expect(neutraliseFormula('A-level')).toBe('A-level');
  });

  it('makes a safe file name', () => {
    expect(exportFileName('Pipeline by stage', '2025/26')).toBe('pipeline-by-stage-2025-26');
    expect(exportFileName('Top organisations — won value')).toBe('top-organisations-won-value');
    expect(exportFileName('  ')).toBe('export');
  });
});

describe('toXlsxRows', () => {
  it('keeps numbers as numbers, money in pounds with a £ format, and dates as dates', () => {
    const [header, row, empty] = toXlsxRows(
      [
        { name: 'Acme', count: 2, pence: 1_250_050, closed: '2025-10-15' },
        { name: '', count: 0, pence: null, closed: null },
      ],
      columns,
    );
    expect(header.map((c) => c?.value)).toEqual(['Organisation', 'Opportunities', 'Value (£)', 'Closed']);
    expect(header[0]?.fontWeight).toBe('bold');
    expect(row[0]).toEqual({ value: 'Acme', type: String });
    expect(row[1]).toEqual({ value: 2, type: Number });
    expect(row[2]).toEqual({ value: 12500.5, type: Number, format: '£#,##0.00' });
    expect(row[3]).toEqual({ value: new Date(Date.UTC(2025, 9, 15)), type: Date, format: 'dd/mm/yyyy' });
    expect(empty).toEqual([null, { value: 0, type: Number }, null, null]);
  });
});
