import { academicYearOf } from './academic-year';

/**
 * Quarters of the academic (and, in most colleges and universities, financial) year: Q1 is
 * Aug–Oct, Q2 Nov–Jan, Q3 Feb–Apr, Q4 May–Jul.
 */
export interface AcademicQuarter {
  academicYear: string;
  quarter: 1 | 2 | 3 | 4;
  /** ISO days, inclusive. */
  from: string;
  to: string;
  /** "Q2 2025/26 (Nov–Jan)". */
  label: string;
}

const SHORT_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function academicQuarterOf(isoDay: string): AcademicQuarter {
  const [, m] = isoDay.split('-').map(Number);
  const academicYear = academicYearOf(isoDay);
  const startYear = Number(academicYear.slice(0, 4));
  const quarter = (Math.floor(((m - 8 + 12) % 12) / 3) + 1) as AcademicQuarter['quarter'];
  const firstIndex = startYear * 12 + 7 + (quarter - 1) * 3; // months since year 0; 7 = August
  const [fromY, fromM] = [Math.floor(firstIndex / 12), (firstIndex % 12) + 1];
  const [toY, toM] = [Math.floor((firstIndex + 2) / 12), ((firstIndex + 2) % 12) + 1];
  return {
    academicYear,
    quarter,
    from: `${fromY}-${pad(fromM)}-01`,
    to: `${toY}-${pad(toM)}-${pad(lastDayOf(toY, toM))}`,
    label: `Q${quarter} ${academicYear} (${SHORT_MONTHS[fromM - 1]}–${SHORT_MONTHS[toM - 1]})`,
  };
}

/** The same day a year earlier; 29 February becomes 28 February. */
export function sameDayLastYear(isoDay: string): string {
  const [y, m, d] = isoDay.split('-').map(Number);
  return `${y - 1}-${pad(m)}-${pad(Math.min(d, lastDayOf(y - 1, m)))}`;
}
