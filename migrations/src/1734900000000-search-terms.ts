import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search's name tiers (exact, prefix, word prefix) from an index of name terms, so a three-letter
 * search at 100,000 organisations and 500,000 people reads a short range of one btree instead of
 * fetching and re-keying the thousands of records a trigram probe finds.
 *
 * `search_terms` holds, for every live organisation and contact, each name's bce_name_key (tier 1:
 * a name starts here) and each later word onward of it (tier 2: a later word starts here): "Robinson
 * Cyber Security plc" gives "robinson cyber security" (1), "cyber security" (2), "security" (2). A
 * typed key k is then an exact name (term = k, tier 1), a name prefix (term LIKE k%, tier 1) or a
 * word prefix (tier 2) — one range scan of search_terms_term_idx, index-only, with what visibility
 * needs beside it. Names: an organisation's name, legal name, trading names and aliases; a person's
 * full name and last name (as search ranks them). Triggers keep it: every write path (forms,
 * imports, merges, erasure, deletion) goes through the tables.
 */
export class SearchTerms1734900000000 implements MigrationInterface {
  name = 'SearchTerms1734900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE search_terms (
      term text COLLATE "C" NOT NULL,
      tier smallint NOT NULL CHECK (tier IN (1, 2)),
      kind smallint NOT NULL CHECK (kind IN (0, 1)),
      record_id uuid NOT NULL,
      confidential boolean NOT NULL DEFAULT false,
      department_id uuid)`);
    await q.query(`COMMENT ON TABLE search_terms IS 'Name terms for search (kind 0 organisation, 1 contact); kept by triggers, never written by the app'`);
    // Schema-qualified: index builds and triggers may run with search_path pg_catalog only.
    await q.query(`CREATE FUNCTION bce_search_terms(names text[]) RETURNS TABLE (term text, tier smallint)
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT t, min(tr)::smallint FROM (
          SELECT left(array_to_string(w[i:], ' '), 200) AS t, CASE WHEN i = 1 THEN 1 ELSE 2 END AS tr
            FROM unnest(names) AS n, string_to_array(public.bce_name_key(n), ' ') AS w, generate_subscripts(w, 1) AS i
           WHERE n IS NOT NULL) x
         WHERE t <> ''
         GROUP BY t
      $$`);
    await q.query(`CREATE FUNCTION bce_search_terms_keep() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE record_kind smallint := CASE TG_TABLE_NAME WHEN 'organisations' THEN 0 ELSE 1 END;
      BEGIN
        IF TG_OP <> 'INSERT' THEN
          DELETE FROM public.search_terms s WHERE s.kind = record_kind AND s.record_id = OLD.id;
        END IF;
        IF TG_OP = 'DELETE' THEN RETURN NULL; END IF;
        IF TG_TABLE_NAME = 'organisations' THEN
          IF NEW.deleted_at IS NULL THEN
            INSERT INTO public.search_terms (term, tier, kind, record_id, confidential, department_id)
            SELECT t.term, t.tier, 0, NEW.id, NEW.confidential, NEW.department_id
              FROM public.bce_search_terms(ARRAY[NEW.name, NEW.legal_name] || NEW.trading_names || NEW.aliases) t;
          END IF;
        ELSIF NEW.deleted_at IS NULL AND NEW.erased_at IS NULL THEN
          INSERT INTO public.search_terms (term, tier, kind, record_id)
          SELECT t.term, t.tier, 1, NEW.id FROM public.bce_search_terms(ARRAY[NEW.first_name || ' ' || NEW.last_name, NEW.last_name]) t;
        END IF;
        RETURN NULL;
      END $$`);
    await q.query(`CREATE TRIGGER organisations_search_terms AFTER INSERT OR DELETE OR UPDATE OF name, legal_name, trading_names, aliases, confidential, department_id, deleted_at
      ON organisations FOR EACH ROW EXECUTE FUNCTION bce_search_terms_keep()`);
    await q.query(`CREATE TRIGGER contacts_search_terms AFTER INSERT OR DELETE OR UPDATE OF first_name, last_name, deleted_at, erased_at
      ON contacts FOR EACH ROW EXECUTE FUNCTION bce_search_terms_keep()`);
    await q.query(`INSERT INTO search_terms (term, tier, kind, record_id, confidential, department_id)
      SELECT t.term, t.tier, 0, o.id, o.confidential, o.department_id
        FROM organisations o, bce_search_terms(ARRAY[o.name, o.legal_name] || o.trading_names || o.aliases) t WHERE o.deleted_at IS NULL`);
    await q.query(`INSERT INTO search_terms (term, tier, kind, record_id)
      SELECT t.term, t.tier, 1, c.id
        FROM contacts c, bce_search_terms(ARRAY[c.first_name || ' ' || c.last_name, c.last_name]) t WHERE c.deleted_at IS NULL AND c.erased_at IS NULL`);
    // The search's range scan, index-only; the record's own terms, for the triggers.
    await q.query(`CREATE INDEX search_terms_term_idx ON search_terms (term) INCLUDE (tier, kind, record_id, confidential, department_id)`);
    await q.query(`CREATE INDEX search_terms_record_idx ON search_terms (record_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER contacts_search_terms ON contacts`);
    await q.query(`DROP TRIGGER organisations_search_terms ON organisations`);
    await q.query(`DROP FUNCTION bce_search_terms_keep()`);
    await q.query(`DROP FUNCTION bce_search_terms(text[])`);
    await q.query(`DROP TABLE search_terms`);
  }
}
