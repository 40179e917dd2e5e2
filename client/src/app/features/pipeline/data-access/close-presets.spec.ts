import { describe, expect, it } from 'vitest';
import { todayIso } from '../../../shared/dates/dates';
import { CLOSE_PRESETS, presetOf } from './close-presets';

const today = '2026-11-23';
const range = (key: string) => CLOSE_PRESETS.find((p) => p.key === key)!.range(today);

describe('expected-close presets', () => {
  it('computes the windows from today', () => {
    expect(range('overdue')).toEqual({ from: null, to: '2026-11-22' });
    expect(range('next30')).toEqual({ from: '2026-11-23', to: '2026-12-23' });
    // The academic quarter, as on the dashboard: Q2 runs November to January.
    expect(range('quarter')).toEqual({ from: '2026-11-01', to: '2027-01-31' });
    expect(range('academicYear')).toEqual({ from: '2026-08-01', to: '2027-07-31' });
  });

  it('recognises a preset from the URL, or calls it custom', () => {
    expect(presetOf(null, null, today)).toBe('any');
    expect(presetOf('2026-11-01', '2027-01-31', today)).toBe('quarter');
    expect(presetOf('2026-01-01', null, today)).toBe('custom');
  });

  it('starts academic years on 1 August', () => {
    const year = (d: string) => CLOSE_PRESETS.find((p) => p.key === 'academicYear')!.range(d);
    expect(year('2026-07-31')).toEqual({ from: '2025-08-01', to: '2026-07-31' });
    expect(year('2026-08-01')).toEqual({ from: '2026-08-01', to: '2027-07-31' });
    // At 00:30 BST on 1 August the page asks with todayIso(), which is already 1 August.
    expect(year(todayIso(new Date('2026-07-31T23:30:00Z')))).toEqual({ from: '2026-08-01', to: '2027-07-31' });
  });
});
