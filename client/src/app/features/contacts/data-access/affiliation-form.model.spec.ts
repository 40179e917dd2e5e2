import { describe, expect, it } from 'vitest';
import type { AffiliationItemFragment } from '../../../graphql/generated';
import {
  affiliationFormFromItem,
  datesOutOfOrder,
  emptyAffiliationForm,
  endAffiliationInput,
  toAffiliationInput,
  toUpdateAffiliationInput,
} from './affiliation-form.model';

const affiliation: AffiliationItemFragment = {
  id: 'a1',
  version: 2,
  role: 'Placements contact',
  fromDate: '2021-03-01',
  toDate: null,
  isPrimary: true,
  current: true,
  contact: { id: 'c1', name: 'Ann Lee', jobTitle: null, emails: [] },
  organisation: { id: 'o1', name: 'Acme Ltd' },
};

describe('toAffiliationInput', () => {
  it('links the contact to the chosen organisation, with dates as ISO days', () => {
    const value = { ...emptyAffiliationForm(true), organisation: { id: 'o1', name: 'Acme Ltd' }, role: ' Main contact ', fromDate: new Date(2024, 8, 2) };
    expect(toAffiliationInput('c1', value)).toEqual({
      contactId: 'c1',
      organisationId: 'o1',
      role: 'Main contact',
      fromDate: '2024-09-02',
      toDate: null,
      isPrimary: true,
    });
  });

  it('gives nothing until an organisation is chosen from the list', () => {
    expect(toAffiliationInput('c1', { ...emptyAffiliationForm(false), organisation: 'Acm' })).toBeNull();
    expect(toAffiliationInput('c1', emptyAffiliationForm(false))).toBeNull();
  });
});

describe('toUpdateAffiliationInput', () => {
  const base = affiliationFormFromItem(affiliation);

  it('reads the affiliation back into the form unchanged', () => {
    expect(base.fromDate).toEqual(new Date(2021, 2, 1));
    expect(toUpdateAffiliationInput(affiliation, base)).toEqual({});
  });

  it('sends only the changed fields', () => {
    expect(toUpdateAffiliationInput(affiliation, { ...base, role: 'Decision maker', toDate: new Date(2025, 6, 31) })).toEqual({ role: 'Decision maker', toDate: '2025-07-31' });
  });

  it('clears a removed role or date with null, and unsets primary', () => {
    expect(toUpdateAffiliationInput(affiliation, { ...base, role: ' ', fromDate: null, isPrimary: false })).toEqual({ role: null, fromDate: null, isPrimary: false });
  });
});

describe('datesOutOfOrder', () => {
  it('is true only when the end comes before the start', () => {
    expect(datesOutOfOrder(new Date(2025, 1, 2), new Date(2025, 1, 1))).toBe(true);
    expect(datesOutOfOrder(new Date(2025, 1, 2), new Date(2025, 1, 2))).toBe(false);
    expect(datesOutOfOrder(null, new Date(2025, 1, 1))).toBe(false);
  });
});

describe('endAffiliationInput', () => {
  it('ends the role today', () => {
    expect(endAffiliationInput('2025-03-12')).toEqual({ toDate: '2025-03-12' });
  });
});
