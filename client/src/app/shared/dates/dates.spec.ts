import { describe, expect, it } from 'vitest';
import { daysSince, formatIsoDate, relativeDays, todayIso } from './dates';

describe('todayIso', () => {
  it('uses the local calendar date, zero-padded', () => {
    expect(todayIso(new Date(2025, 0, 5, 0, 30))).toBe('2025-01-05');
    expect(todayIso(new Date(2025, 11, 31, 23, 59))).toBe('2025-12-31');
  });
});

describe('formatIsoDate', () => {
  it('reads an ISO date the British way, whatever the time zone', () => {
    expect(formatIsoDate('2025-03-12')).toBe('12 Mar 2025');
    expect(formatIsoDate('2025-03-12T23:30:00Z')).toBe('12 Mar 2025');
  });

  it('falls back for empty values and shows nonsense as it came', () => {
    expect(formatIsoDate(null)).toBe('—');
    expect(formatIsoDate('', 'never')).toBe('never');
    expect(formatIsoDate('soon')).toBe('soon');
  });
});

describe('relativeDays', () => {
  it('says today, yesterday, tomorrow and n days', () => {
    expect(relativeDays('2025-03-12', '2025-03-12')).toBe('today');
    expect(relativeDays('2025-03-11', '2025-03-12')).toBe('yesterday');
    expect(relativeDays('2025-03-13', '2025-03-12')).toBe('tomorrow');
    expect(relativeDays('2024-12-12', '2025-03-12')).toBe('90 days ago');
    expect(relativeDays('2025-03-15', '2025-03-12')).toBe('in 3 days');
  });

  it('counts across a clock change without off-by-one', () => {
    expect(daysSince('2025-03-29', '2025-03-31')).toBe(2);
  });
});
