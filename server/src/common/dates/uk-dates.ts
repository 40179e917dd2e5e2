import { now as clockNow } from './clock';

const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The ISO date ("2025-03-31") of an instant in the UK calendar (Europe/London, BST-aware). */
export function ukDate(instant: Date): string {
  // en-CA formats as YYYY-MM-DD.
  return UK_DAY.format(instant);
}

const UK_CLOCK = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
});

/**
 * The UK wall-clock time of an instant as a Date whose UTC fields read it (14:00 BST → 14:00Z), for
 * spreadsheets, which have no time zones: Excel shows a consent given at 14:00 BST as 14:00.
 */
export function ukWallClock(instant: Date): Date {
  const part = Object.fromEntries(UK_CLOCK.formatToParts(instant).map((p) => [p.type, Number(p.value)]));
  return new Date(Date.UTC(part.year, part.month - 1, part.day, part.hour, part.minute, part.second, instant.getUTCMilliseconds()));
}

/** Today's ISO date in the UK calendar ("2025-03-31"), as the institution counts days; the server's clock unless told. */
export function ukToday(now: Date = clockNow()): string {
  return ukDate(now);
}

/** A calendar day moved by whole days ("2025-03-31", 1 → "2025-04-01"); BST plays no part in day arithmetic. */
export function addDays(isoDay: string, days: number): string {
  const ms = Date.parse(`${isoDay}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(isoDay) || Number.isNaN(ms)) throw new Error(`not an ISO date: ${isoDay}`);
  return new Date(ms + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * The same day `months` calendar months later (earlier when negative), clamped to the end of a
 * shorter month: 31 January + 1 → 28 (or 29) February, as the ICO counts a subject access
 * request's one month, and 29 February − 12 → 28 February, as PostgreSQL's interval does.
 */
export function addMonths(isoDay: string, months: number): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match || !Number.isInteger(months)) throw new Error(`not an ISO date: ${isoDay}`);
  const index = Number(match[1]) * 12 + Number(match[2]) - 1 + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(match[3]), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The same day twelve months earlier; 29 February falls back to 28 February (as PostgreSQL's interval does). */
export function twelveMonthsBefore(isoDay: string): string {
  return addMonths(isoDay, -12);
}
