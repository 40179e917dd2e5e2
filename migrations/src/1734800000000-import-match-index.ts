import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The import matches a row's name against the organisations in its postcode area and those with no
 * postcode (which could be anywhere). The area's records come from organisations_area_name_key_trgm_idx;
 * the new partial index holds only the records without a postcode, so that probe no longer walks
 * the name trigrams of the whole country, and an insert with a postcode never touches it. Fast
 * update with a 1 MB pending list, flushed before the probes, as the other name trigram indexes
 * (1734400000000-duplicate-scan-index).
 *
 * organisations_name_key_trgm_idx goes: the area index holds the same trigrams (a GIN index
 * answers a condition on any of its columns alone, and still lists the records whose area is
 * NULL), so the country-wide probes (a row without a postcode, an organisation named in a
 * contacts or engagements file) read that one, and each organisation inserted places its name's
 * trigrams in one index fewer. Creating the partial index reads the table once (under a second at
 * 100,000 organisations); the down() rebuilds the dropped one (2.4 s at 100,000 on a loaded machine).
 */
export class ImportMatchIndex1734800000000 implements MigrationInterface {
  name = 'ImportMatchIndex1734800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS organisations_unplaced_name_key_trgm_idx ON organisations
      USING gin (bce_name_key(name) gin_trgm_ops) WITH (fastupdate = on, gin_pending_list_limit = 1024) WHERE deleted_at IS NULL AND postcode IS NULL`);
    await q.query(`DROP INDEX IF EXISTS organisations_name_key_trgm_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS organisations_name_key_trgm_idx ON organisations
      USING gin (bce_name_key(name) gin_trgm_ops) WITH (fastupdate = on, gin_pending_list_limit = 1024) WHERE deleted_at IS NULL`);
    await q.query(`DROP INDEX IF EXISTS organisations_unplaced_name_key_trgm_idx`);
  }
}
