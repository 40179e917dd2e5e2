/** Dates as the API speaks them (ISO "2025-03-12") and as people read them ("12 Mar 2025"). */

const DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
// Instants are read on UK clocks, as the institution keeps time, wherever the browser is.
const LOCAL_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'Europe/London' });
const DATE_TIME = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/London' });

const pad = (n: number) => String(n).padStart(2, '0');

// en-CA formats as YYYY-MM-DD.
const UK_DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/**
 * Today as the institution counts days: the Europe/London date, as the server's ukToday() does, so
 * an engagement logged at 00:30 BST is today's (not yesterday's, as in UTC) and a laptop set to
 * another zone agrees with the server about what is in the future.
 */
export function todayIso(now: Date = new Date()): string {
  return UK_DAY.format(now);
}

/** Today's UK date as a date picker holds it (local midnight of that calendar day). */
export function todayForPicker(now: Date = new Date()): Date {
  return fromIsoDate(todayIso(now))!;
}

/** A calendar day moved by whole days: "2026-03-28", 1 → "2026-03-29" (no clock change can shift it). */
export function addDaysIso(isoDay: string, days: number): string {
  const d = new Date(`${isoDay.slice(0, 10)}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "2025-03-12" → "12 Mar 2025"; anything unparseable is shown as it came. */
export function formatIsoDate(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!match) return iso;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return Number.isNaN(date.getTime()) ? iso : DAY.format(date);
}

/** A timestamp on UK clocks (GMT or BST): "12 Mar 2025, 14:03". */
export function formatDateTime(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : DATE_TIME.format(date);
}

/** Whole days from an ISO date to today (positive in the past); null when unparseable. */
export function daysSince(iso: string, today: string = todayIso()): number | null {
  const a = Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
  const b = Date.parse(`${today}T00:00:00Z`);
  return Number.isNaN(a) || Number.isNaN(b) ? null : Math.round((b - a) / 86_400_000);
}

/** "today", "yesterday", "5 days ago", "in 3 days": next to a date, for a quick read. */
export function relativeDays(iso: string | null | undefined, today: string = todayIso()): string {
  if (!iso) return '';
  const days = daysSince(iso, today);
  if (days === null) return '';
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  return days > 0 ? `${days} days ago` : `in ${-days} days`;
}

/** A timestamp's UK day: "12 Mar 2025" (consent given, withdrawn); 00:30 BST on 1 August is 1 August. */
export function formatLocalDate(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : LOCAL_DAY.format(date);
}

/** A calendar day (a Date at local midnight, as the date picker gives it) → "2025-03-12". */
export function toIsoDate(date: Date | null | undefined): string | null {
  if (!date || Number.isNaN(date.getTime())) return null;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "2025-03-12" → that day at local midnight, for the date picker; null when absent or unparseable. */
export function fromIsoDate(iso: string | null | undefined): Date | null {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})/.exec(iso) : null;
  return match ? validDay(Number(match[1]), Number(match[2]), Number(match[3])) : null;
}

/**
 * What people type in a UK date field: "12/03/2025", "12/3/25", "12-03-2025", "12.03.2025" (day
 * first, never the US month-first reading), or ISO "2025-03-12". Null when it is not a real date.
 */
export function parseUkDate(text: string): Date | null {
  const value = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value);
  if (iso) return validDay(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const uk = /^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{2}|\d{4})$/.exec(value);
  if (!uk) return null;
  const year = uk[3].length === 2 ? 2000 + Number(uk[3]) : Number(uk[3]);
  return validDay(year, Number(uk[2]), Number(uk[1]));
}

/** The local-midnight Date for year/month/day, or null for a day that does not exist (31/02). */
function validDay(year: number, month: number, day: number): Date | null {
  const date = new Date(year, month - 1, day);
  return date.getFullYear() === year && date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

const NUMERIC_DAY = new Intl.DateTimeFormat('en-GB', { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'Europe/London' });

/** A timestamp's UK day as digits, day first: "12/03/2026" (as a spreadsheet shows it). */
export function formatNumericDate(iso: string | null | undefined, fallback = '—'): string {
  if (!iso) return fallback;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : NUMERIC_DAY.format(date);
}
