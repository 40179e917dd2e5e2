import { describe, expect, it } from 'vitest';
import { academicYearOf, academicYearOptions, academicYearRange, isAcademicYear, previousAcademicYear } from './academic-year';

describe('academic years', () => {
  it('puts 31 July in the year that is ending and 1 August in the next', () => {
    expect(academicYearOf('2026-07-31')).toBe('2025/26');
    expect(academicYearOf('2026-08-01')).toBe('2026/27');
    expect(academicYearOf('2026-01-15')).toBe('2025/26');
  });

  it('spans 1 August to 31 July', () => {
    expect(academicYearRange('2025/26')).toEqual({ from: '2025-08-01', to: '2026-07-31' });
  });

  it('crosses the century like the server does', () => {
    expect(academicYearOf('2100-03-01')).toBe('2099/00');
    expect(isAcademicYear('2099/00')).toBe(true);
    expect(previousAcademicYear('2100/01')).toBe('2099/00');
  });

  it('accepts only two consecutive years', () => {
    expect(isAcademicYear('2025/26')).toBe(true);
    expect(isAcademicYear('2025/27')).toBe(false);
    expect(isAcademicYear('2025-26')).toBe(false);
    expect(isAcademicYear('')).toBe(false);
    expect(isAcademicYear(null)).toBe(false);
  });

  it('offers next year, this year and five before, newest first', () => {
    expect(academicYearOptions('2026-02-10')).toEqual(['2026/27', '2025/26', '2024/25', '2023/24', '2022/23', '2021/22', '2020/21']);
    expect(academicYearOptions('2026-08-01', 1)).toEqual(['2027/28', '2026/27', '2025/26']);
  });
});
