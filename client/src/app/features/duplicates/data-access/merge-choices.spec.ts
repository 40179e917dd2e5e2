import { describe, expect, it } from 'vitest';
import { defaultChoices, defaultSurvivor, differingFields, displayValue, ORGANISATION_MERGE_FIELDS } from './merge-choices';

const none = { engagements: 0, opportunities: 0, tasks: 0, affiliations: 0, consentRecords: 0 };

describe('merge choices', () => {
  const survivor = { name: 'Acme Ltd', website: null, town: 'Newcastle', postcode: 'NE1 1AA', updatedAt: '2026-01-01T00:00:00Z' };
  const merged = { name: 'ACME Limited', website: 'https://acme.co.uk', town: 'Newcastle', postcode: 'NE8 1AB', updatedAt: '2026-02-01T00:00:00Z' };

  it('offers only the fields that differ', () => {
    expect(differingFields(ORGANISATION_MERGE_FIELDS, survivor, merged).map((f) => f.field)).toEqual(['name', 'website', 'postcode']);
  });

  it('defaults to the non-empty value, then the newer record', () => {
    expect(defaultChoices(ORGANISATION_MERGE_FIELDS, survivor, merged)).toEqual({ name: 'merged', website: 'merged', postcode: 'merged' });
    expect(defaultChoices(ORGANISATION_MERGE_FIELDS, { ...survivor, updatedAt: '2026-03-01' }, merged)).toEqual({ name: 'survivor', website: 'merged', postcode: 'survivor' });
  });

  it('keeps the record with more activity, then the older one', () => {
    expect(defaultSurvivor({ createdAt: '2026-01-01' }, { createdAt: '2025-01-01' }, { ...none, engagements: 3 }, none)).toBe('a');
    expect(defaultSurvivor({ createdAt: '2026-01-01' }, { createdAt: '2025-01-01' }, none, none)).toBe('b');
  });

  it('shows empty, boolean, list and enum values in words', () => {
    expect(displayValue(null)).toBe('—');
    expect(displayValue(true)).toBe('Yes');
    expect(displayValue(['a', 'b'])).toBe('a, b');
    expect(displayValue('employer', { employer: 'Employer' })).toBe('Employer');
  });
});
