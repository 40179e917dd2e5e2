/**
 * The one place the server asks what time it is. Everything that needs "now" or "today" reads it
 * here (today through ukToday()), so a test can pin the clock, e.g. to 00:30 BST on 1 August, and
 * see the whole server agree about which day it is. Instants written by PostgreSQL (created_at,
 * a transaction's now()) are the database's own and are converted with ukDateSql.
 */
let pinned: number | null = null;

export function now(): Date {
  return new Date(pinned ?? Date.now());
}

/** Tests only: stop the clock at `at` (an instant), or let it run again with null. */
export function pinClock(at: Date | string | null): void {
  pinned = at === null ? null : new Date(at).getTime();
  if (pinned !== null && Number.isNaN(pinned)) throw new Error(`pinClock: not an instant: ${String(at)}`);
}
