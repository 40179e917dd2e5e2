import { describe, expect, it } from 'vitest';
import { formFieldFor, toCreateOpportunityInput } from './opportunity-form.model';

describe('opportunity form', () => {
  it('sends pounds as exact pence and leaves blanks out', () => {
    expect(toCreateOpportunityInput({
      title: '  KTP: predictive maintenance ', organisation: { id: 'o1', name: 'Acme' }, type: 'ktp', value: '£120,000.50',
      expectedCloseDate: '2026-03-31', departmentId: 'd1', confidential: false,
    })).toEqual({ title: 'KTP: predictive maintenance', organisationId: 'o1', type: 'ktp', valuePence: 12_000_050, expectedCloseDate: '2026-03-31', departmentId: 'd1' });
    expect(toCreateOpportunityInput({ title: 'x', organisation: { id: 'o1', name: 'A' }, type: 'consultancy', value: '', expectedCloseDate: '', departmentId: null, confidential: true }))
      .toEqual({ title: 'x', organisationId: 'o1', type: 'consultancy', confidential: true });
  });

  it('puts server messages under the field they name', () => {
    expect(formFieldFor('input.valuePence')).toBe('value');
    expect(formFieldFor('organisationId')).toBe('organisation');
    expect(formFieldFor('input.somethingElse')).toBeNull();
  });
});
