import { formatIsoDate } from '../../../shared/dates/dates';

/** "Since 1 Mar 2021", "7 Jan 2019 – 28 Feb 2021", "Left 28 Feb 2021". */
export function affiliationPeriod(fromDate: string | null | undefined, toDate: string | null | undefined, current: boolean): string {
  const from = fromDate ? formatIsoDate(fromDate) : '';
  const to = toDate ? formatIsoDate(toDate) : '';
  if (from && (current || !to)) return current ? `Since ${from}` : from;
  if (from && to) return `${from} – ${to}`;
  if (to) return current ? `Until ${to}` : `Left ${to}`;
  return current ? 'Current' : 'Past';
}
