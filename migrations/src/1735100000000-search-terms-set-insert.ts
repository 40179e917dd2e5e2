import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search terms of new records written once a statement rather than once a row. The row trigger
 * of 1734900000000 ran a plpgsql call and an INSERT into search_terms for each organisation: about half
 * of an INSERT of 8,500 organisations at 10,000 held (3.5 s of 6.5 s, 0.4 ms a row); the same
 * terms written set-wise took 0.45 s. An AFTER INSERT … FOR EACH STATEMENT trigger reads the statement's new rows
 * from a transition table and writes all their terms in one INSERT … SELECT. Updates and deletes
 * keep the row trigger: PostgreSQL allows no transition table on an UPDATE OF <columns> trigger,
 * and those paths write one record at a time.
 */
/** The columns whose change rewrites a record's terms (as 1734900000000 has them). */
const WATCHED: Record<string, string> = {
  organisations: 'name, legal_name, trading_names, aliases, confidential, department_id, deleted_at',
  contacts: 'first_name, last_name, deleted_at, erased_at',
};

export class SearchTermsSetInsert1735100000000 implements MigrationInterface {
  name = 'SearchTermsSetInsert1735100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION bce_search_terms_insert() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_TABLE_NAME = 'organisations' THEN
          INSERT INTO public.search_terms (term, tier, kind, record_id, confidential, department_id)
          SELECT t.term, t.tier, 0, n.id, n.confidential, n.department_id
            FROM new_rows n, public.bce_search_terms(ARRAY[n.name, n.legal_name] || n.trading_names || n.aliases) t
           WHERE n.deleted_at IS NULL;
        ELSE
          INSERT INTO public.search_terms (term, tier, kind, record_id)
          SELECT t.term, t.tier, 1, n.id
            FROM new_rows n, public.bce_search_terms(ARRAY[n.first_name || ' ' || n.last_name, n.last_name]) t
           WHERE n.deleted_at IS NULL AND n.erased_at IS NULL;
        END IF;
        RETURN NULL;
      END $$`);
    for (const table of Object.keys(WATCHED)) {
      await q.query(`DROP TRIGGER ${table}_search_terms ON ${table}`);
      await q.query(`CREATE TRIGGER ${table}_search_terms AFTER DELETE OR UPDATE OF ${WATCHED[table]} ON ${table} FOR EACH ROW EXECUTE FUNCTION bce_search_terms_keep()`);
      await q.query(`CREATE TRIGGER ${table}_search_terms_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
        FOR EACH STATEMENT EXECUTE FUNCTION bce_search_terms_insert()`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of Object.keys(WATCHED)) {
      await q.query(`DROP TRIGGER ${table}_search_terms_insert ON ${table}`);
      await q.query(`DROP TRIGGER ${table}_search_terms ON ${table}`);
      await q.query(`CREATE TRIGGER ${table}_search_terms AFTER INSERT OR DELETE OR UPDATE OF ${WATCHED[table]} ON ${table} FOR EACH ROW EXECUTE FUNCTION bce_search_terms_keep()`);
    }
    await q.query(`DROP FUNCTION bce_search_terms_insert()`);
  }
}
