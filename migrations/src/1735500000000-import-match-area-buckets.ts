import { MigrationInterface, QueryRunner } from 'typeorm';

/** How many area buckets the import's name probes are split into (server/src/common/database/gin-pending.ts AREA_BUCKETS). */
const BUCKETS = 16;

/**
 * The import preview's name probe (a similar name in the row's postcode area) read
 * organisations_area_name_key_trgm_idx, whose area column is a separate GIN key: the probe still
 * decodes the country-wide posting lists of the name's trigrams ("eng", "ing" of every
 * "Engineering") and only intersects them with the area's list, ~2.2 ms CPU a row at 100,000
 * organisations (117 index pages): 93% of a 10,000-row preview. A GIN index holding only some
 * areas' records has posting lists that short: 0.12 ms for the same probe in one area's index.
 *
 * So each live organisation with a postcode area has a row in organisation_area_names (its area
 * and name key, kept by triggers), and that table one partial trigram index per bucket of areas
 * (bce_area_bucket, 0 to BUCKETS-1), probed with the bucket as a constant. On a table of their own,
 * not on organisations: sixteen more indexes there doubled the planning time of every query on
 * organisations (the list page 1.4 → 2.7 ms at 100,000), and the stored key spares the recheck
 * recomputing bce_name_key. Fast update with a 1 MB pending list, flushed before the probes, as
 * the other name trigram indexes (1734400000000-duplicate-scan-index). New organisations are
 * written once a statement (a transition table), as search_terms' (1735100000000).
 */
export class ImportMatchAreaBuckets1735500000000 implements MigrationInterface {
  name = 'ImportMatchAreaBuckets1735500000000';

  async up(q: QueryRunner): Promise<void> {
    // Arithmetic on the area's (one or two) letters, not hashtext: an index predicate must give the
    // same bucket on every server and version the database will ever be restored or upgraded to.
    await q.query(`CREATE FUNCTION bce_area_bucket(area text) RETURNS int LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT (ascii(area) * 7 + ascii(substr(area, 2, 1))) % ${BUCKETS}
    $$`);
    await q.query(`CREATE TABLE organisation_area_names (
      organisation_id uuid PRIMARY KEY REFERENCES organisations(id) ON DELETE CASCADE,
      area text NOT NULL,
      name_key text NOT NULL)`);
    for (let b = 0; b < BUCKETS; b++) {
      await q.query(`CREATE INDEX organisation_area_names_bucket${b}_idx ON organisation_area_names
        USING gin (name_key gin_trgm_ops) WITH (fastupdate = on, gin_pending_list_limit = 1024)
        WHERE bce_area_bucket(area) = ${b}`);
    }
    // An update of the name, postcode or archive mark rewrites the row (or removes it); a hard delete cascades.
    await q.query(`CREATE FUNCTION bce_organisation_area_names_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.deleted_at IS NULL AND public.bce_postcode_area(NEW.postcode) IS NOT NULL THEN
          INSERT INTO public.organisation_area_names (organisation_id, area, name_key)
          VALUES (NEW.id, public.bce_postcode_area(NEW.postcode), public.bce_name_key(NEW.name))
          ON CONFLICT (organisation_id) DO UPDATE SET area = EXCLUDED.area, name_key = EXCLUDED.name_key;
        ELSE
          DELETE FROM public.organisation_area_names WHERE organisation_id = NEW.id;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE FUNCTION bce_organisation_area_names_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO public.organisation_area_names (organisation_id, area, name_key)
        SELECT n.id, public.bce_postcode_area(n.postcode), public.bce_name_key(n.name)
          FROM new_rows n WHERE n.deleted_at IS NULL AND public.bce_postcode_area(n.postcode) IS NOT NULL;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER organisations_area_names AFTER UPDATE OF name, postcode, deleted_at ON organisations
      FOR EACH ROW WHEN (NEW.name IS DISTINCT FROM OLD.name OR NEW.postcode IS DISTINCT FROM OLD.postcode OR NEW.deleted_at IS DISTINCT FROM OLD.deleted_at)
      EXECUTE FUNCTION bce_organisation_area_names_keep()`);
    await q.query(`CREATE TRIGGER organisations_area_names_insert AFTER INSERT ON organisations REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION bce_organisation_area_names_insert()`);
    await q.query(`INSERT INTO organisation_area_names (organisation_id, area, name_key)
      SELECT id, bce_postcode_area(postcode), bce_name_key(name) FROM organisations
       WHERE deleted_at IS NULL AND bce_postcode_area(postcode) IS NOT NULL`);
    await q.query(`ANALYZE organisation_area_names`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER organisations_area_names_insert ON organisations`);
    await q.query(`DROP TRIGGER organisations_area_names ON organisations`);
    await q.query(`DROP FUNCTION bce_organisation_area_names_insert()`);
    await q.query(`DROP FUNCTION bce_organisation_area_names_keep()`);
    await q.query(`DROP TABLE organisation_area_names`);
    await q.query(`DROP FUNCTION bce_area_bucket(text)`);
  }
}
