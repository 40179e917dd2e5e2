import { addDays, addMonths, twelveMonthsBefore, ukDate, ukToday, ukWallClock } from './uk-dates';

describe('ukToday', () => {
  it('should give the UK date, not the UTC one, late on a summer evening', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(ukToday(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
  });

  it('should give the same date as UTC in winter (GMT)', () => {
    expect(ukToday(new Date('2025-01-15T23:30:00Z'))).toBe('2025-01-15');
  });
});

describe('the UK day across both clock changes of 2026', () => {
  // BST began at 01:00 UTC on Sunday 29 March 2026 and ends at 01:00 UTC on Sunday 25 October 2026.
  it.each([
    ['2026-03-28T23:59:00Z', '2026-03-28'], // 23:59 GMT, the last minute before the spring change's day
    ['2026-03-29T00:30:00Z', '2026-03-29'], // 00:30 GMT: still winter time
    ['2026-03-29T23:30:00Z', '2026-03-30'], // 00:30 BST on Monday
    ['2026-07-31T22:59:00Z', '2026-07-31'], // 23:59 BST on 31 July: the old academic year
    ['2026-07-31T23:30:00Z', '2026-08-01'], // 00:30 BST on 1 August: the new one
    ['2026-10-24T23:30:00Z', '2026-10-25'], // 00:30 BST on the autumn change's day
    ['2026-10-25T00:30:00Z', '2026-10-25'], // 01:30 BST, half an hour before the clocks go back
    ['2026-10-25T23:30:00Z', '2026-10-25'], // 23:30 GMT: winter, the same as UTC again
  ])('%s is %s in the UK', (instant, day) => {
    expect(ukDate(new Date(instant))).toBe(day);
  });
});

describe('addDays', () => {
  it('should move by calendar days, over a clock change and a leap day', () => {
    expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
    expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2026-08-01', -1)).toBe('2026-07-31');
  });

  it('should refuse anything but an ISO date', () => {
    expect(() => addDays('1/8/2026', 1)).toThrow('not an ISO date');
  });
});

describe('ukWallClock', () => {
  it('should read an instant as UK clocks show it, for spreadsheets', () => {
    expect(ukWallClock(new Date('2026-07-01T13:00:00Z')).toISOString()).toBe('2026-07-01T14:00:00.000Z');
    expect(ukWallClock(new Date('2026-12-01T13:00:00Z')).toISOString()).toBe('2026-12-01T13:00:00.000Z');
    expect(ukWallClock(new Date('2026-07-31T23:30:00Z')).toISOString()).toBe('2026-08-01T00:30:00.000Z');
  });
});

describe('twelveMonthsBefore', () => {
  it('should go back one calendar year', () => {
    expect(twelveMonthsBefore('2025-03-31')).toBe('2024-03-31');
  });

  it('should turn 29 February into 28 February of the year before', () => {
    expect(twelveMonthsBefore('2024-02-29')).toBe('2023-02-28');
  });

  it('should refuse anything but an ISO date', () => {
    expect(() => twelveMonthsBefore('31/03/2025')).toThrow('not an ISO date');
  });
});

describe(addMonths.name, () => {
  it('should give the same day next month', () => {
    expect(addMonths('2026-03-15', 1)).toBe('2026-04-15');
  });
  it('should clamp 31 January to the end of February, 28th or 29th', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2028-01-31', 1)).toBe('2028-02-29');
  });
  it('should cross the year end both ways', () => {
    expect(addMonths('2025-12-31', 1)).toBe('2026-01-31');
    expect(addMonths('2026-01-15', -72)).toBe('2020-01-15');
  });
});
