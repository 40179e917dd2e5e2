import { describe, expect, it } from 'vitest';
import { sameDayLastYear } from '../../../shared/dates/academic-quarter';
import { wonValuePeriods } from './quarters';

describe('won value periods', () => {
  it('moves 29 February to 28 February a year back', () => {
    expect(sameDayLastYear('2024-02-29')).toBe('2023-02-28');
    expect(sameDayLastYear('2026-03-15')).toBe('2025-03-15');
  });

  it('compares this quarter so far with the same days last year, and names last year’s whole quarter', () => {
    const p = wonValuePeriods('2026-03-15');
    expect(p.toDate).toEqual({ from: '2026-02-01', to: '2026-03-15' });
    expect(p.lastYearToDate).toEqual({ from: '2025-02-01', to: '2025-03-15' });
    expect(p.lastYearQuarter).toMatchObject({ academicYear: '2024/25', from: '2025-02-01', to: '2025-04-30' });
  });
});
