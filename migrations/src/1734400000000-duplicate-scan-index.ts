import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The duplicate rule pairs similar names only within one postcode area. Probing the name trigram
 * index alone walks the posting lists of every common trigram in the country ("eng", "ing" of
 * every "Engineering") and rechecks some fifty rows a probe, each recomputing bce_name_key: 2.4 ms
 * an organisation at 20,000, so the scanner managed ~300 organisations a second. With the postcode
 * area as a first (btree_gin) column of the same GIN index, the area's entry prunes the trigram
 * posting lists inside the index: ~0.6 ms a probe, about one row to recheck. The import's match
 * (which also accepts a row or record without a postcode) keeps the name-only index.
 *
 * Both name trigram indexes go back to GIN's fast update, bounded to 1 MB: placing every trigram
 * of every inserted row (fastupdate off, 1733200000000-import) was three quarters of the cost of an
 * import's INSERT. What made it off — every probe scanning the pending list — is now answered by
 * flushing the list in bulk before a run of probes (server/src/common/database/gin-pending.ts):
 * the duplicate scanner before each chunk, the import's matching before each chunk.
 */
export class DuplicateScanIndex1734400000000 implements MigrationInterface {
  name = 'DuplicateScanIndex1734400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(`CREATE INDEX organisations_area_name_key_trgm_idx ON organisations
      USING gin (bce_postcode_area(postcode), bce_name_key(name) gin_trgm_ops) WITH (fastupdate = on, gin_pending_list_limit = 1024) WHERE deleted_at IS NULL`);
    await q.query(`ALTER INDEX organisations_name_key_trgm_idx SET (fastupdate = on, gin_pending_list_limit = 1024)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER INDEX organisations_name_key_trgm_idx RESET (gin_pending_list_limit)`);
    await q.query(`ALTER INDEX organisations_name_key_trgm_idx SET (fastupdate = off)`);
    await q.query(`DROP INDEX organisations_area_name_key_trgm_idx`);
    await q.query(`DROP EXTENSION IF EXISTS btree_gin`);
  }
}
