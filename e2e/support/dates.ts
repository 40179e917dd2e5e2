/** The academic year a day falls in, "2025/26" (1 August to 31 July). */
export function academicYearOf(day: Date): string {
  const start = day.getMonth() >= 7 ? day.getFullYear() : day.getFullYear() - 1;
  return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
}
