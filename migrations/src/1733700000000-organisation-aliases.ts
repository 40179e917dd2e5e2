import { MigrationInterface, QueryRunner } from 'typeorm';

// The old and new organisations search expressions. The new one must stay identical to
// ORGANISATION_SEARCH_SQL in organisation.service.ts, or the index is not used.
const SEARCH_BEFORE = `(name || ' ' || coalesce(legal_name, '') || ' ' || coalesce(postcode, '') || ' ' || coalesce(replace(postcode, ' ', ''), '') || ' ' || coalesce(companies_house_number, '') || ' ' || coalesce(website, ''))`;
const SEARCH_AFTER = `(name || ' ' || coalesce(legal_name, '') || ' ' || bce_join_text(trading_names) || ' ' || bce_join_text(aliases) || ' ' || coalesce(postcode, '') || ' ' || coalesce(replace(postcode, ' ', ''), '') || ' ' || coalesce(companies_house_number, '') || ' ' || coalesce(website, ''))`;

/**
 * Aliases: the names people actually use ("M&S", "GSK", "BAE"), searched and ranked with the
 * name, legal name and trading names. The trigram search index now covers trading names and
 * aliases; bce_organisation_name_keys gives every one of those names as its bce_name_key so an
 * exact hit ("m&s" = "M&S", "GSK" = "GSK plc") is one GIN lookup however loose the trigram match is.
 */
export class OrganisationAliases1733700000000 implements MigrationInterface {
  name = 'OrganisationAliases1733700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN aliases text[] NOT NULL DEFAULT '{}'
      CONSTRAINT organisations_aliases_count CHECK (cardinality(aliases) <= 20)`);
    // Schema-qualified: index builds run functions with search_path pg_catalog only.
    await q.query(`CREATE FUNCTION bce_organisation_name_keys(name text, legal_name text, trading_names text[], aliases text[])
      RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT ARRAY(SELECT DISTINCT k FROM unnest(ARRAY[name, legal_name] || trading_names || aliases) AS n, public.bce_name_key(n) AS k WHERE k <> '')
      $$`);
    await q.query(`CREATE INDEX organisations_name_keys_idx ON organisations USING gin (bce_organisation_name_keys(name, legal_name, trading_names, aliases)) WHERE deleted_at IS NULL`);
    await q.query(`DROP INDEX organisations_search_trgm_idx`);
    await q.query(`CREATE INDEX organisations_search_trgm_idx ON organisations USING gin (${SEARCH_AFTER} gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organisations_search_trgm_idx`);
    await q.query(`CREATE INDEX organisations_search_trgm_idx ON organisations USING gin (${SEARCH_BEFORE} gin_trgm_ops)`);
    await q.query(`DROP INDEX organisations_name_keys_idx`);
    await q.query(`DROP FUNCTION bce_organisation_name_keys(text, text, text[], text[])`);
    await q.query(`ALTER TABLE organisations DROP COLUMN aliases`);
  }
}
