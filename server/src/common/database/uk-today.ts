/** Today's date in the UK (the institution's calendar), whatever the database server's time zone. */
export const UK_TODAY_SQL = `(now() AT TIME ZONE 'Europe/London')::date`;
