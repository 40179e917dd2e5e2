import type { AbstractControl } from '@angular/forms';
import { describe, expect, it } from 'vitest';
import { addAlias, isCompaniesHouseNumber, isUkPostcode, isWebsite, normaliseCompaniesHouseNumber, normalisePostcode, normaliseWebsite } from './organisation-rules';
import { companiesHouseNumberValidator, postcodeValidator, requiredTrimmedValidator, websiteValidator } from './organisation-validators';

const control = (value: unknown) => ({ value }) as AbstractControl;

describe('Companies House number', () => {
  it.each(['01234567', '1234567', 'SC123456', 'ni000123', 'OC 301234', 'sc 1234', 'R0000123', 'IP29305R', 'ip 123r'])('accepts %s', (value) => {
    expect(isCompaniesHouseNumber(value)).toBe(true);
  });

  it.each(['123456789', 'S1234567', 'SCX23456', 'ABC12345', 'SC1234567', 'SC12345R'])('refuses %s', (value) => {
    expect(isCompaniesHouseNumber(value)).toBe(false);
  });

  it('normalises to upper case without spaces, with the zeros spreadsheets drop put back', () => {
    expect(normaliseCompaniesHouseNumber(' sc 123456 ')).toBe('SC123456');
    expect(normaliseCompaniesHouseNumber('1234567')).toBe('01234567');
    expect(normaliseCompaniesHouseNumber('sc 1234')).toBe('SC001234');
    expect(normaliseCompaniesHouseNumber('IP123R')).toBe('IP00123R');
  });
});

describe('UK postcode', () => {
  it.each(['NE1 7RU', 'ne17ru', 'SW1A 1AA', 'sw1a1aa', 'M1 1AE', 'B33 8TH', 'CR2 6XH', 'DN55 1PT', 'GIR 0AA', 'EC1A 1BB'])('accepts %s', (value) => {
    expect(isUkPostcode(value)).toBe(true);
  });

  it.each(['NE1', '12345', 'NE1 7R', 'NEE1 7RU', 'SW1A 1A1', 'hello'])('refuses %s', (value) => {
    expect(isUkPostcode(value)).toBe(false);
  });

  it('puts the space before the inward code', () => {
    expect(normalisePostcode('sw1a1aa')).toBe('SW1A 1AA');
    expect(normalisePostcode('  ne1   7ru ')).toBe('NE1 7RU');
  });
});

describe('website', () => {
  it('adds https:// to a bare domain', () => {
    expect(normaliseWebsite('example.ac.uk')).toBe('https://example.ac.uk');
    expect(normaliseWebsite('http://example.com')).toBe('http://example.com');
  });

  it.each(['example.ac.uk', 'https://www.sunderland.ac.uk/business', 'http://acme.co.uk'])('accepts %s', (value) => {
    expect(isWebsite(value)).toBe(true);
  });

  it.each(['ftp://example.com', 'not a url', 'localhost', 'https://example', 'https://exa mple.com'])('refuses %s', (value) => {
    expect(isWebsite(value)).toBe(false);
  });
});

describe('form validators', () => {
  it('let empty optional fields through', () => {
    expect(postcodeValidator(control(''))).toBeNull();
    expect(websiteValidator(control('  '))).toBeNull();
    expect(companiesHouseNumberValidator(control(null))).toBeNull();
  });

  it('name the rule that failed', () => {
    expect(postcodeValidator(control('NE1'))).toEqual({ postcode: true });
    expect(companiesHouseNumberValidator(control('ABC'))).toEqual({ companiesHouseNumber: true });
    expect(websiteValidator(control('ftp://x.com'))).toEqual({ website: true });
  });

  it('treat whitespace-only as missing for required fields', () => {
    expect(requiredTrimmedValidator(control('   '))).toEqual({ required: true });
    expect(requiredTrimmedValidator(control('Acme'))).toBeNull();
  });
});

describe('addAlias', () => {
  it('adds the trimmed name at the end', () => {
    expect(addAlias(['M&S'], '  Marks & Sparks ')).toEqual({ aliases: ['M&S', 'Marks & Sparks'] });
  });

  it('refuses a blank, a repeat ignoring case, an over-long name and a 21st alias, saying why', () => {
    expect(addAlias([], '   ')).toEqual({ problem: 'Type a name first' });
    expect(addAlias(['M&S'], 'm&s')).toEqual({ problem: '“m&s” is already listed' });
    expect(addAlias([], 'x'.repeat(201))).toEqual({ problem: 'Each alias must be at most 200 characters' });
    expect(addAlias(Array.from({ length: 20 }, (_, i) => `A${i}`), 'One more')).toEqual({ problem: 'At most 20 aliases' });
  });
});
