import { describe, expect, it } from 'vitest';
import { affiliationPeriod, isCurrentAffiliation } from './affiliation-period';

describe('affiliationPeriod', () => {
  it('describes a current role from its start', () => {
    expect(affiliationPeriod('2021-03-01', null, true)).toBe('Since 1 Mar 2021');
  });

  it('describes a past role as a range', () => {
    expect(affiliationPeriod('2019-01-07', '2021-02-28', false)).toBe('7 Jan 2019 – 28 Feb 2021');
  });

  it('copes with missing dates', () => {
    expect(affiliationPeriod(null, null, true)).toBe('Current');
    expect(affiliationPeriod(null, '2021-02-28', false)).toBe('Left 28 Feb 2021');
    expect(affiliationPeriod(null, null, false)).toBe('Past');
  });
});

describe('isCurrentAffiliation', () => {
  it('counts a role as current until its end date has come', () => {
    expect(isCurrentAffiliation(null, '2025-03-12')).toBe(true);
    expect(isCurrentAffiliation('2025-03-13', '2025-03-12')).toBe(true);
  });

  it('counts a role ended today or before as past', () => {
    expect(isCurrentAffiliation('2025-03-12', '2025-03-12')).toBe(false);
    expect(isCurrentAffiliation('2024-01-31', '2025-03-12')).toBe(false);
  });
});
