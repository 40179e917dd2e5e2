import { yearIncome } from './hebci-income';

describe('yearIncome', () => {
  const ktp = { valuePence: 9_000_000, starts: '2025-08-01', ends: '2028-07-31', instalments: [] };

  it('should spread a contract without instalments by days, the years adding up to the value', () => {
    const years = [['2025-08-01', '2026-07-31'], ['2026-08-01', '2027-07-31'], ['2027-08-01', '2028-07-31']].map(([f, t]) => yearIncome(ktp, f, t));
    expect(years.map((y) => [y.rule, y.amountPence])).toEqual([['day_spread', 2_997_263], ['day_spread', 2_997_263], ['day_spread', 3_005_474]]);
    expect(years.reduce((s, y) => s + y.amountPence, 0)).toBe(9_000_000);
  });

  it('should count only the instalments falling in the year', () => {
    const c = { ...ktp, instalments: [{ day: '2025-09-01', amountPence: 100 }, { day: '2026-07-31', amountPence: 200 }, { day: '2026-08-01', amountPence: 700 }] };
    const y = yearIncome(c, '2025-08-01', '2026-07-31');
    expect([y.rule, y.amountPence, y.share(1_000)]).toEqual(['instalments', 300, 300]);
    expect(yearIncome(c, '2026-08-01', '2027-07-31').amountPence).toBe(700);
  });

  it('should count nothing for a contract outside the year', () => {
    expect(yearIncome(ktp, '2024-08-01', '2025-07-31').amountPence).toBe(0);
  });
});
