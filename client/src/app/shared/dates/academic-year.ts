/**
 * UK academic years run 1 August to 31 July and are written "2025/26" (as the API and HESA write
 * them). The same rules as the server's report-filter.ts.
 */

const PATTERN = /^(\d{4})\/(\d{2})$/;
const pad = (n: number) => String(n).padStart(2, '0');

export interface DayRange {
  /** ISO day, inclusive. */
  from: string;
  /** ISO day, inclusive. */
  to: string;
}

/** "2025/26" is well formed only when the two years follow each other. */
export function isAcademicYear(text: string | null | undefined): text is string {
  const m = text ? PATTERN.exec(text) : null;
  return !!m && (Number(m[1]) + 1) % 100 === Number(m[2]);
}

/** The academic year starting 1 August of `startYear`: 2025 → "2025/26". */
export function academicYearStarting(startYear: number): string {
  return `${startYear}/${pad((startYear + 1) % 100)}`;
}

/** The academic year an ISO day falls in: 31 Jul 2026 is in 2025/26, 1 Aug 2026 in 2026/27. */
export function academicYearOf(isoDay: string): string {
  const [y, m] = isoDay.split('-').map(Number);
  return academicYearStarting(m >= 8 ? y : y - 1);
}

/** "2025/26" → 1 Aug 2025 to 31 Jul 2026. */
export function academicYearRange(year: string): DayRange {
  const start = Number(year.slice(0, 4));
  return { from: `${start}-08-01`, to: `${start + 1}-07-31` };
}

/** The year before: "2025/26" → "2024/25". */
export function previousAcademicYear(year: string): string {
  return academicYearStarting(Number(year.slice(0, 4)) - 1);
}

/**
 * The years to offer in a picker, newest first: next year (budgets are set ahead), this year, and
 * `back` earlier ones.
 */
export function academicYearOptions(today: string, back = 5): string[] {
  const current = Number(academicYearOf(today).slice(0, 4));
  return Array.from({ length: back + 2 }, (_, i) => academicYearStarting(current + 1 - i));
}
