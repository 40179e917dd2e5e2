/** Calendar months as the activity report speaks them: "2025-08". */

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const pad = (n: number) => String(n).padStart(2, '0');

/** Every month from the one `from` falls in to the one `to` falls in, inclusive: ["2025-11", "2025-12", "2026-01"]. */
export function monthsBetween(from: string, to: string): string[] {
  let [y, m] = from.split('-').map(Number);
  const [endY, endM] = to.split('-').map(Number);
  const months: string[] = [];
  while ((y < endY || (y === endY && m <= endM)) && months.length < 1200) {
    months.push(`${y}-${pad(m)}`);
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
  }
  return months;
}

/** "2025-08" → "Aug 2025". */
export function monthLabel(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return MONTH.format(new Date(Date.UTC(y, m - 1, 1)));
}

/** The first day of the month `back` months before the one `isoDay` falls in: ("2026-02-10", 11) → "2025-03-01". */
export function monthStartBefore(isoDay: string, back: number): string {
  const [y, m] = isoDay.split('-').map(Number);
  const index = y * 12 + (m - 1) - back;
  return `${Math.floor(index / 12)}-${pad((index % 12) + 1)}-01`;
}
