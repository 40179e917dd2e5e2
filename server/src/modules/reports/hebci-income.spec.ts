import { instalmentTotals, yearIncome, yearIncomeOf } from './hebci-income';

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

  it('should give the same year from instalments summed beforehand (as the report reads them) as from the list', () => {
    const c = { ...ktp, instalments: [{ day: '2025-07-31', amountPence: 50 }, { day: '2025-08-01', amountPence: 100 }, { day: '2026-07-31', amountPence: 200 }, { day: '2026-08-01', amountPence: 700 }] };
    for (const [from, to] of [['2024-08-01', '2025-07-31'], ['2025-08-01', '2026-07-31'], ['2026-08-01', '2027-07-31']]) {
      const listed = yearIncome(c, from, to);
      const summed = yearIncomeOf(c, instalmentTotals(c.instalments, from, to), from, to);
      expect([summed.rule, summed.amountPence, summed.share(12_345)]).toEqual([listed.rule, listed.amountPence, listed.share(12_345)]);
    }
    expect(instalmentTotals(c.instalments, '2025-08-01', '2026-07-31')).toEqual({ instalmentCount: 4, instalmentsPence: 1_050, instalmentsBeforePence: 50, instalmentsThroughPence: 350 });
  });
});
