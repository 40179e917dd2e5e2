import { MigrationInterface, QueryRunner } from 'typeorm';

/** How many area buckets the import's name probes are split into (server/src/modules/import/importers/organisation.importer.ts). */
const BUCKETS = 16;

/**
 * The import preview's name probe (a similar name in the row's postcode area) read
 * organisations_area_name_key_trgm_idx, whose area column is a separate GIN key: the probe still
 * decodes the country-wide posting lists of the name's trigrams ("eng", "ing" of every
 * "Engineering") and only intersects them with the area's list, ~2.2 ms CPU a row at 100,000
 * organisations (117 index pages): 93% of a 10,000-row preview. A GIN index holding only some
 * areas' records has posting lists that short: 0.12 ms for the same probe in one area's index.
 *
 * So one partial trigram index per bucket of postcode areas (bce_area_bucket: from the area's letters,
 * 0 to BUCKETS-1; NULL without a postcode area), probed with the bucket as a constant; the
 * area itself is still compared on the heap row. A record is in exactly one of them (or none, with
 * no area: those are organisations_unplaced_name_key_trgm_idx's), so an insert places its name's
 * trigrams in one index more, not sixteen. Fast update with a 1 MB pending list, flushed before
 * the probes, as the other name trigram indexes (1734400000000-duplicate-scan-index).
 */
export class ImportMatchAreaBuckets1735500000000 implements MigrationInterface {
  name = 'ImportMatchAreaBuckets1735500000000';

  async up(q: QueryRunner): Promise<void> {
    // Arithmetic on the area's (one or two) letters, not hashtext: an index predicate must give the
    // same bucket on every server and version the database will ever be restored or upgraded to.
    await q.query(`CREATE FUNCTION bce_area_bucket(area text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT (ascii(area) * 7 + ascii(substr(area, 2, 1))) % ${BUCKETS}
    $$`);
    for (let b = 0; b < BUCKETS; b++) {
      await q.query(`CREATE INDEX organisations_bucket${b}_name_key_trgm_idx ON organisations
        USING gin (bce_name_key(name) gin_trgm_ops) WITH (fastupdate = on, gin_pending_list_limit = 1024)
        WHERE deleted_at IS NULL AND bce_area_bucket(bce_postcode_area(postcode)) = ${b}`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (let b = 0; b < BUCKETS; b++) await q.query(`DROP INDEX organisations_bucket${b}_name_key_trgm_idx`);
    await q.query(`DROP FUNCTION bce_area_bucket(text)`);
  }
}
