import { companyNumberFromUri, COMPANY_NUMBER_PATTERN, normaliseCompanyNumber } from './companies-house-number';

const value = (text: string) => {
  const r = normaliseCompanyNumber(text);
  if (!r.ok) throw new Error(r.reason);
  return r.value;
};

describe('normaliseCompanyNumber', () => {
  it.each([
    ['01234567', '01234567'], ['1234567', '01234567'], ['  123 ', '00000123'], // England and Wales; Excel dropped the zero
    ['SC012345', 'SC012345'], ['sc 12345', 'SC012345'], ['NI012345', 'NI012345'], ['NI-1234', 'NI001234'],
    ['OC301234', 'OC301234'], ['SO301234', 'SO301234'], ['NC001234', 'NC001234'], ['R0000123', 'R0000123'], ['R0123', 'R0000123'],
    ['LP012345', 'LP012345'], ['SL012345', 'SL012345'], ['CE001234', 'CE001234'], ['CS000123', 'CS000123'], ['RS007123', 'RS007123'],
    ['FC012345', 'FC012345'], ['OE000123', 'OE000123'], ['IP29305R', 'IP29305R'], ['ip 123r', 'IP00123R'], ['SP2345R', 'SP02345R'],
  ])('%s → %s, in the pattern the database holds', (input, expected) => {
    expect(value(input)).toBe(expected);
    expect(COMPANY_NUMBER_PATTERN.test(expected)).toBe(true);
  });

  it('reads an empty cell as no number', () => {
    expect(value('   ')).toBeNull();
    expect(normaliseCompanyNumber(null)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['XX123456', /XX, which is not a Companies House register prefix/],
    ['SC1234567', /not a Companies House number/],
    ['123456789', /not a Companies House number/],
    ['SC12345R', /only IP, SP and NP/],
    ['IP123456R', /only IP, SP and NP/],
    ['ACME LTD', /not a Companies House number/],
  ])('refuses %s, saying why', (input, reason) => {
    const r = normaliseCompanyNumber(input);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.reason).toMatch(reason);
  });

  it('reads the number at the end of a registry URI', () => {
    expect(companyNumberFromUri('http://business.data.gov.uk/id/company/SC012345')).toBe('SC012345');
    expect(companyNumberFromUri('http://business.data.gov.uk/id/company/1234567')).toBe('01234567');
    expect(companyNumberFromUri('https://example.com/about')).toBeNull();
  });
});
