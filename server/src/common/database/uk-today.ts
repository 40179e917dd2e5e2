/** The UK calendar day (Europe/London, so BST-aware) of a timestamptz SQL expression. */
export function ukDateSql(instantExpr: string): string {
  return `((${instantExpr}) AT TIME ZONE 'Europe/London')::date`;
}

/**
 * The instant a UK calendar day starts (midnight Europe/London, 23:00 UTC the day before in BST), so
 * a timestamptz column is compared with a day range without a cast that would defeat its index:
 * `closed_at >= ukDayStartSql('$1')` and `closed_at < ukDayStartSql('$2::date + 1')`.
 */
export function ukDayStartSql(dayExpr: string): string {
  return `(((${dayExpr})::date)::timestamp AT TIME ZONE 'Europe/London')`;
}

/**
 * Today's date in the UK by the database's clock, whatever the server's time zone. Only for
 * rankings (search activity) where the request has no "today" to pass; everything a person sees
 * as a date passes ukToday() from the server's clock as a parameter instead.
 */
export const UK_TODAY_SQL = ukDateSql('now()');
