/** The calendar year an academic year (1 August – 31 July) starts in, for a given day. */
export function academicYearStart(day: Date): number {
  return day.getMonth() >= 7 ? day.getFullYear() : day.getFullYear() - 1;
}
