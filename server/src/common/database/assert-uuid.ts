import { badField } from '../graphql/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is bad input (rather than a database error). */
export function assertUuid(value: string, field: string): void {
  if (!UUID.test(value)) throw badField(field, `${field} must be an id`);
}
