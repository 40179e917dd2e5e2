import { EntityManager } from 'typeorm';

/** The name trigram indexes on organisations: written through GIN's pending list (fastupdate), flushed before probing. */
export const AREA_NAME_KEY_TRGM_INDEX = 'organisations_area_name_key_trgm_idx';
/** The same, for the organisations without a postcode only (import matching: they may be anywhere). */
export const UNPLACED_NAME_KEY_TRGM_INDEX = 'organisations_unplaced_name_key_trgm_idx';

/**
 * Moves a GIN index's pending list into the index proper, in bulk, before a run of probes. With
 * fastupdate an insert only appends to the list (a quarter of the cost of placing every trigram),
 * but every probe scans the whole list; flushing first keeps the probes at index speed. Only the
 * index's owner may flush: for another role this does nothing and the probes are merely slower.
 */
export async function flushGinPending(tx: EntityManager, index: string): Promise<void> {
  await tx.query(
    `SELECT gin_clean_pending_list(c.oid) FROM pg_class c WHERE c.oid = to_regclass($1) AND pg_has_role(c.relowner, 'USAGE')`,
    [index],
  );
}
