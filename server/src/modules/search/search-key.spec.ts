import { searchKey } from './search-key';

describe('searchKey', () => {
  it('ignores case and punctuation, so "m&s" finds "M&S"', () => {
    expect(searchKey('m&s')).toBe(searchKey('M&S'));
    expect(searchKey('M & S')).toBe(searchKey('M&S'));
    expect(searchKey("Sainsbury's")).toBe(searchKey('SAINSBURY S'));
  });

  it('reads "&" as "and", so "marks & spencer" is "marks and spencer"', () => {
    expect(searchKey('marks & spencer')).toBe(searchKey('Marks and Spencer'));
  });

  it('ignores legal suffixes, so "GSK" is exactly "GSK plc"', () => {
    expect(searchKey('GSK')).toBe(searchKey('GSK plc'));
    expect(searchKey('BAE Systems PLC')).toBe('bae systems');
  });

  it('keeps a name that differs apart', () => {
    expect(searchKey('BAE')).not.toBe(searchKey('Baes'));
    expect(searchKey('Marks and Spencer Group plc').startsWith(searchKey('marks & spencer'))).toBe(true);
  });

  it('leaves only letters, digits and single spaces (safe in a LIKE pattern)', () => {
    for (const text of ['100% Fun_Ltd', '  a\\b%c_d  ', 'Café (UK) Ltd.']) expect(searchKey(text)).toMatch(/^[a-z0-9]+( [a-z0-9]+)*$/);
    expect(searchKey('Ltd')).toBe('');
  });
});
