/** The UK calendar day (Europe/London, so BST-aware) of a timestamptz SQL expression. */
export function ukDateSql(instantExpr: string): string {
  return `((${instantExpr}) AT TIME ZONE 'Europe/London')::date`;
}

/** Today's date in the UK (the institution's calendar), whatever the database server's time zone. */
export const UK_TODAY_SQL = ukDateSql('now()');
