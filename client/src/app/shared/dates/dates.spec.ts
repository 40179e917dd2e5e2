import { describe, expect, it } from 'vitest';
import { addDaysIso, daysSince, formatDateTime, formatIsoDate, formatLocalDate, formatNumericDate, fromIsoDate, parseUkDate, relativeDays, todayForPicker, todayIso, toIsoDate } from './dates';

describe('todayIso', () => {
  it('is the UK calendar date, zero-padded, whatever zone the browser is in', () => {
    expect(todayIso(new Date('2025-01-05T00:30:00Z'))).toBe('2025-01-05');
    expect(todayIso(new Date('2025-12-31T23:59:00Z'))).toBe('2025-12-31');
  });

  it('follows British Summer Time across both clock changes', () => {
    // BST 2026: 01:00 UTC 29 March to 01:00 UTC 25 October.
    expect(todayIso(new Date('2026-03-29T00:30:00Z'))).toBe('2026-03-29');
    expect(todayIso(new Date('2026-03-29T23:30:00Z'))).toBe('2026-03-30');
    expect(todayIso(new Date('2026-07-31T23:30:00Z'))).toBe('2026-08-01'); // 00:30 BST, a new academic year
    expect(todayIso(new Date('2026-10-24T23:30:00Z'))).toBe('2026-10-25');
    expect(todayIso(new Date('2026-10-25T23:30:00Z'))).toBe('2026-10-25'); // GMT again
  });

  it('gives the date picker that UK day at local midnight', () => {
    const picked = todayForPicker(new Date('2026-07-31T23:30:00Z'));
    expect([picked.getFullYear(), picked.getMonth() + 1, picked.getDate(), picked.getHours()]).toEqual([2026, 8, 1, 0]);
  });
});

describe('addDaysIso', () => {
  it('moves by calendar days over a clock change and a month end', () => {
    expect(addDaysIso('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDaysIso('2026-10-25', 7)).toBe('2026-11-01');
    expect(addDaysIso('2026-08-01', -1)).toBe('2026-07-31');
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

describe('parseUkDate', () => {
  it('reads the day first, as people in the UK write it', () => {
    expect(parseUkDate('03/04/2025')).toEqual(new Date(2025, 3, 3));
    expect(parseUkDate(' 3/4/25 ')).toEqual(new Date(2025, 3, 3));
    expect(parseUkDate('03-04-2025')).toEqual(new Date(2025, 3, 3));
    expect(parseUkDate('03.04.2025')).toEqual(new Date(2025, 3, 3));
  });

  it('also takes an ISO date', () => {
    expect(parseUkDate('2025-04-03')).toEqual(new Date(2025, 3, 3));
  });

  it('refuses days that do not exist and text that is not a date', () => {
    expect(parseUkDate('31/02/2025')).toBeNull();
    expect(parseUkDate('13/13/2025')).toBeNull();
    expect(parseUkDate('next week')).toBeNull();
    expect(parseUkDate('')).toBeNull();
  });
});

describe('toIsoDate and fromIsoDate', () => {
  it('turn a picked day into the API form and back, in the local calendar', () => {
    expect(toIsoDate(new Date(2025, 0, 5))).toBe('2025-01-05');
    expect(fromIsoDate('2025-01-05')).toEqual(new Date(2025, 0, 5));
    expect(toIsoDate(null)).toBeNull();
    expect(fromIsoDate(null)).toBeNull();
    expect(fromIsoDate('2025-02-30')).toBeNull();
  });
});

describe('formatLocalDate', () => {
  it('shows a timestamp as its day, with a fallback when absent', () => {
    expect(formatLocalDate(new Date(2025, 2, 12, 15, 0).toISOString())).toBe('12 Mar 2025');
    expect(formatLocalDate(null)).toBe('—');
    expect(formatLocalDate('2026-07-31T23:30:00Z')).toBe('1 Aug 2026'); // 00:30 BST
  });

  it('shows times on UK clocks', () => {
    expect(formatDateTime('2026-07-01T13:05:00Z')).toBe('1 Jul 2026, 14:05');
    expect(formatDateTime('2026-12-01T13:05:00Z')).toBe('1 Dec 2026, 13:05');
  });
});

describe('formatNumericDate', () => {
  it('writes the day first, in digits', () => {
    expect(formatNumericDate('2026-03-12T12:00:00')).toBe('12/03/2026');
    expect(formatNumericDate(null)).toBe('—');
    expect(formatNumericDate('soon')).toBe('soon');
  });
});
