import { formatIsoDate, todayIso } from '../../../shared/dates/dates';

/** "Since 1 Mar 2021", "7 Jan 2019 – 28 Feb 2021", "Left 28 Feb 2021". */
export function affiliationPeriod(fromDate: string | null | undefined, toDate: string | null | undefined, current: boolean): string {
  const from = fromDate ? formatIsoDate(fromDate) : '';
  const to = toDate ? formatIsoDate(toDate) : '';
  if (from && (current || !to)) return current ? `Since ${from}` : from;
  if (from && to) return `${from} – ${to}`;
  if (to) return current ? `Until ${to}` : `Left ${to}`;
  return current ? 'Current' : 'Past';
}

/**
 * Still working there: no end date, or one in the future (as the schema documents `current`). A
 * role ended today is past, so "End" moves it to Past at once.
 */
export function isCurrentAffiliation(toDate: string | null | undefined, today: string = todayIso()): boolean {
  return !toDate || toDate.slice(0, 10) > today;
}
