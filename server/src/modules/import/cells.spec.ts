import { cleanText, domainOf, excelSerialToIso, normaliseOrganisationName, parseDate, parseEmail, parsePence, parsePostcode } from './cells';

describe('reading spreadsheet cells', () => {
  it('cleans stray whitespace, non-breaking spaces and a byte-order mark', () => {
    expect(cleanText('\uFEFF  Tyne\u00A0 Precision   Ltd \t')).toBe('Tyne Precision Ltd');
    expect(cleanText('   ')).toBeNull();
    expect(cleanText(undefined)).toBeNull();
  });

  it('reads dates the UK way, day first', () => {
    expect(parseDate('03/04/2025')).toEqual({ ok: true, value: '2025-04-03' });
    expect(parseDate('3/4/25')).toEqual({ ok: true, value: '2025-04-03' });
    expect(parseDate('31.12.1999')).toEqual({ ok: true, value: '1999-12-31' });
    expect(parseDate('2025-04-03')).toEqual({ ok: true, value: '2025-04-03' });
    expect(parseDate('3rd April 2025')).toEqual({ ok: true, value: '2025-04-03' });
    expect(parseDate('3 Apr 25')).toEqual({ ok: true, value: '2025-04-03' });
    expect(parseDate(new Date(Date.UTC(2025, 3, 3)))).toEqual({ ok: true, value: '2025-04-03' });
    expect(parseDate('')).toEqual({ ok: true, value: null });
  });

  it('refuses dates that do not exist, saying how to write one', () => {
    expect(parseDate('31/02/2025')).toEqual({ ok: false, reason: '"31/02/2025" is not a real date' });
    expect(parseDate('next Tuesday')).toEqual({ ok: false, reason: '"next Tuesday" is not a date (use dd/mm/yyyy)' });
  });

  it('reads Excel serial dates, including across the 1900 leap-year bug', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(45750)).toBe('2025-04-03');
    expect(parseDate(45750)).toEqual({ ok: true, value: '2025-04-03' });
    expect(parseDate('45750')).toEqual({ ok: true, value: '2025-04-03' });
    expect(parseDate(-3).ok).toBe(false);
  });

  it('reads money as whole pence, never a float', () => {
    expect(parsePence('£12,500')).toEqual({ ok: true, value: 1_250_000 });
    expect(parsePence('£1,234,567.5')).toEqual({ ok: true, value: 123_456_750 });
    expect(parsePence('GBP 99.99')).toEqual({ ok: true, value: 9999 });
    expect(parsePence(0.1 + 0.2)).toEqual({ ok: true, value: 30 });
    expect(parsePence('')).toEqual({ ok: true, value: null });
    expect(parsePence('about £5k').ok).toBe(false);
    expect(parsePence('-£50').ok).toBe(false);
  });

  it('reads postcodes in any case or spacing', () => {
    expect(parsePostcode(' ne17ru ')).toEqual({ ok: true, value: 'NE1 7RU' });
    expect(parsePostcode('sw1a   1aa')).toEqual({ ok: true, value: 'SW1A 1AA' });
    expect(parsePostcode('NOT A CODE')).toEqual({ ok: false, reason: '"NOT A CODE" is not a UK postcode' });
  });

  it('lower-cases emails and refuses what cannot be one', () => {
    expect(parseEmail(' Ada.Byron@Example.AC.UK ')).toEqual({ ok: true, value: 'ada.byron@example.ac.uk' });
    expect(parseEmail('mailto:ada@example.com')).toEqual({ ok: true, value: 'ada@example.com' });
    expect(parseEmail('ada at example dot com').ok).toBe(false);
  });

  it('normalises organisation names so spellings of one employer agree', () => {
    expect(normaliseOrganisationName('Smith & Sons Ltd.')).toBe('smith sons');
    expect(normaliseOrganisationName('SMITH AND SONS LIMITED')).toBe('smith sons');
    expect(normaliseOrganisationName('The Smith-Sons plc')).toBe('smith sons');
    expect(normaliseOrganisationName('Rolls-Royce Submarines')).not.toBe(normaliseOrganisationName('Rolls-Royce Motors'));
  });

  it('takes the domain from a website or an email', () => {
    expect(domainOf('https://www.Siemens.co.uk/careers?x=1')).toBe('siemens.co.uk');
    expect(domainOf('siemens.co.uk')).toBe('siemens.co.uk');
    expect(domainOf('jo.bloggs@siemens.co.uk')).toBe('siemens.co.uk');
    expect(domainOf('not a site')).toBeNull();
  });
});
