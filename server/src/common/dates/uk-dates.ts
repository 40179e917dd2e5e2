const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The ISO date ("2025-03-31") of an instant in the UK calendar (Europe/London, BST-aware). */
export function ukDate(instant: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return UK_DAY.format(instant);
}

/** Today's ISO date in the UK calendar ("2025-03-31"), as the institution counts days. */
export function ukToday(now: Date = new Date()): string {
  return ukDate(now);
}

/** The same day twelve months earlier; 29 February falls back to 28 February (as PostgreSQL's interval does). */
export function twelveMonthsBefore(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) throw new Error(`not an ISO date: ${isoDay}`);
  const year = Number(match[1]) - 1;
  const month = Number(match[2]);
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${year}-${match[2]}-${String(day).padStart(2, '0')}`;
}
