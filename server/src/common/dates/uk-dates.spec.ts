import { twelveMonthsBefore, ukToday } from './uk-dates';

describe('ukToday', () => {
  it('should give the UK date, not the UTC one, late on a summer evening', () => {
    // 23:30 UTC on 30 June is 00:30 on 1 July in British Summer Time.
    expect(ukToday(new Date('2025-06-30T23:30:00Z'))).toBe('2025-07-01');
  });

  it('should give the same date as UTC in winter (GMT)', () => {
    expect(ukToday(new Date('2025-01-15T23:30:00Z'))).toBe('2025-01-15');
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
