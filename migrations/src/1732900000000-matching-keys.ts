import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The keys that import matching and duplicate detection compare, as IMMUTABLE SQL functions with
 * expression indexes (no stored columns, so entities are unchanged). Companies House numbers are
 * already unique and indexed (organisations_ch_number_key). Each function must give the
 * same answer as its twin in server/src/modules/import/cells.ts (normaliseOrganisationName,
 * domainOf, postcodeArea); matching-keys.int-spec.ts holds them to it.
 */
export class MatchingKeys1732900000000 implements MigrationInterface {
  name = 'MatchingKeys1732900000000';

  async up(q: QueryRunner): Promise<void> {
    // "Smith & Sons Ltd." and "SMITH AND SONS LIMITED" → "smith sons".
    await q.query(`CREATE FUNCTION bce_name_key(name text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT btrim(regexp_replace(regexp_replace(regexp_replace(replace(lower(name), '&', ' and '),
        '[^a-z0-9 ]+', ' ', 'g'),
        '\\m(the|and|ltd|limited|plc|llp|llc|inc|cic|co|company|uk)\\M', ' ', 'g'),
        '\\s+', ' ', 'g'))
    $$`);
    // "https://www.Siemens.co.uk/careers" or "jo@siemens.co.uk" → "siemens.co.uk"; anything else → NULL.
    await q.query(`CREATE FUNCTION bce_domain(url text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT CASE WHEN d ~ '^[a-z0-9-]+(\\.[a-z0-9-]+)+$' THEN d END FROM (
        SELECT regexp_replace(split_part(split_part(split_part(split_part(
          CASE WHEN strpos(url, '@') > 0 THEN regexp_replace(lower(url), '^.*@', '')
               ELSE regexp_replace(lower(url), '^[a-z][a-z0-9+.-]*://', '') END,
          '/', 1), '?', 1), '#', 1), ':', 1), '^www\\.', '') AS d) x
    $$`);
    // "ne8 1ab" → "NE": the postcode area, the letters before the first digit.
    await q.query(`CREATE FUNCTION bce_postcode_area(postcode text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
      SELECT upper(substring(postcode from '^\\s*([A-Za-z]{1,2})[0-9]'))
    $$`);
    await q.query(`CREATE INDEX organisations_name_key_trgm_idx ON organisations USING gin (bce_name_key(name) gin_trgm_ops) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX organisations_name_key_idx ON organisations (bce_name_key(name)) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX organisations_domain_idx ON organisations (bce_domain(website)) WHERE deleted_at IS NULL AND website IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organisations_domain_idx`);
    await q.query(`DROP INDEX organisations_name_key_idx`);
    await q.query(`DROP INDEX organisations_name_key_trgm_idx`);
    await q.query(`DROP FUNCTION bce_postcode_area(text)`);
    await q.query(`DROP FUNCTION bce_domain(text)`);
    await q.query(`DROP FUNCTION bce_name_key(text)`);
  }
}
