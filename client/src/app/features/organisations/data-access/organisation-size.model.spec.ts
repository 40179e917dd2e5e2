import { describe, expect, it } from 'vitest';
import { sizeFormValue, smeSummary, toSizeInput } from './organisation-size.model';

describe('organisation size form', () => {
  it('turns pounds into pence and sends the parent and its share', () => {
    const { input, problems } = toSizeInput({ headcount: '40', turnover: '3,000,000', balanceSheet: '', sizeYear: '2025', parent: { id: 'p1', name: 'Group plc' }, parentOwnershipPercent: '60' });
    expect(problems).toEqual([]);
    expect(input).toEqual({ headcount: 40, turnoverPence: 300_000_000, balanceSheetPence: null, sizeYear: 2025, parentId: 'p1', parentOwnershipPercent: 60 });
  });

  it('clears the share without a parent and refuses a parent typed but not chosen', () => {
    expect(toSizeInput({ ...sizeFormValue({}, null), parentOwnershipPercent: '60' }).input.parentOwnershipPercent).toBeNull();
    expect(toSizeInput({ ...sizeFormValue({}, null), parent: 'Glob', headcount: '2.5' }).problems).toEqual([
      'Parent organisation: choose it from the list', 'Headcount: a whole number from 0 to 10000000',
    ]);
  });

  it('says SME yes, no or unknown with the reason', () => {
    expect(smeSummary({ partnerType: 'sme', size: 'sme', reason: '40 staff' })).toBe('SME: yes — 40 staff');
    expect(smeSummary({ partnerType: 'other_commercial', size: 'large', reason: '60 % owned by Group plc' })).toBe('SME: no — 60 % owned by Group plc');
    expect(smeSummary({ partnerType: 'unknown', size: 'unknown', reason: 'nothing recorded' })).toBe('SME: unknown — nothing recorded');
    expect(smeSummary({ partnerType: 'non_commercial', size: null, reason: 'charity' })).toBe('SME: not applicable (non-commercial) — charity');
  });
});
