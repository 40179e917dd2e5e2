import { EntityManager } from 'typeorm';

/** The name trigram indexes on organisations: written through GIN's pending list (fastupdate), flushed before probing. */
export const AREA_NAME_KEY_TRGM_INDEX = 'organisations_area_name_key_trgm_idx';
/** The same, for the organisations without a postcode only (import matching: they may be anywhere). */
export const UNPLACED_NAME_KEY_TRGM_INDEX = 'organisations_unplaced_name_key_trgm_idx';
/** The buckets of postcode areas (bce_area_bucket) the import's area probes are split into: as many as 1735500000000-import-match-area-buckets made. */
export const AREA_BUCKETS = 16;
/** organisation_area_names' trigram indexes of the name keys, one a bucket of postcode areas (import matching: short posting lists). */
export const AREA_BUCKET_NAME_KEY_TRGM_INDEXES = Array.from({ length: AREA_BUCKETS }, (_, b) => `organisation_area_names_bucket${b}_idx`);

/**
 * Moves a GIN index's pending list into the index proper, in bulk, before a run of probes. With
 * fastupdate an insert only appends to the list (a quarter of the cost of placing every trigram),
 * but every probe scans the whole list; flushing first keeps the probes at index speed. Several
 * indexes are flushed in one round trip. Only the index's owner may flush: for another role this
 * does nothing and the probes are merely slower.
 */
export async function flushGinPending(tx: EntityManager, index: string | string[]): Promise<void> {
  await tx.query(
    `SELECT gin_clean_pending_list(c.oid) FROM unnest($1::text[]) AS i(name) JOIN pg_class c ON c.oid = to_regclass(i.name) WHERE pg_has_role(c.relowner, 'USAGE')`,
    [[index].flat()],
  );
}
