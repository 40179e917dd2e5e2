import { describe, expect, it } from 'vitest';
import { pivotActivity } from './activity-pivot';
import { monthLabel, monthsBetween, monthStartBefore } from './months';

describe('months', () => {
  it('lists the months of a period across a year end', () => {
    expect(monthsBetween('2025-11-15', '2026-02-01')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(monthsBetween('2026-03', '2026-02')).toEqual([]);
  });

  it('labels a month and finds the start of an earlier one', () => {
    expect(monthLabel('2025-08')).toBe('Aug 2025');
    expect(monthStartBefore('2026-02-10', 11)).toBe('2025-03-01');
    expect(monthStartBefore('2026-01-31', 1)).toBe('2025-12-01');
  });
});

describe('pivotActivity', () => {
  const rows = [
    { month: '2026-01', key: 'eng', label: 'Engineering', count: 3 },
    { month: '2026-02', key: 'bus', label: 'Business School', count: 1 },
    { month: '2026-02', key: 'eng', label: 'Engineering', count: 2 },
  ];

  it('fills every month of the period, zeros included, biggest series first', () => {
    const pivot = pivotActivity(rows, { from: '2025-12-01', to: '2026-03-31' });
    expect(pivot.months).toEqual(['2025-12', '2026-01', '2026-02', '2026-03']);
    expect(pivot.series.map((s) => [s.key, s.counts, s.total])).toEqual([
      ['eng', [0, 3, 2, 0], 5],
      ['bus', [0, 0, 1, 0], 1],
    ]);
    expect(pivot.rows[2]).toEqual({ month: '2026-02', label: 'Feb 2026', counts: { eng: 2, bus: 1 }, total: 3 });
    expect(pivot.total).toBe(6);
  });

  it('uses the data’s months when the period is open, and relabels series', () => {
    const pivot = pivotActivity(rows, { from: null, to: null }, (r) => r.label.toUpperCase());
    expect(pivot.months).toEqual(['2026-01', '2026-02']);
    expect(pivot.series[0].label).toBe('ENGINEERING');
    expect(pivotActivity([], { from: null, to: null }).months).toEqual([]);
  });
});
