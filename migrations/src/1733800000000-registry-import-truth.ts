import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Registry truth for imports, duplicates and merges:
 * - every Companies House number format (R0…, IP12345R) fits the check, in the normalised form
 *   server/src/modules/organisation/companies-house-number.ts writes;
 * - bce_distinct_companies(): two records that cannot be one organisation (different numbers, or a
 *   dissolved and a live company), the SQL twin of company-register.ts distinctCompanies();
 * - an import row can carry a match that is only proposed (a similar name with no postcode area
 *   to confirm it), for a person to accept in the preview;
 * - stored duplicate pairs that the rule now rules out are removed.
 */
export class RegistryImportTruth1733800000000 implements MigrationInterface {
  name = 'RegistryImportTruth1733800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations DROP CONSTRAINT organisations_companies_house_number_check`);
    await q.query(`ALTER TABLE organisations ADD CONSTRAINT organisations_companies_house_number_check
      CHECK (companies_house_number ~ '^([0-9]{8}|[A-Z]{2}[0-9]{6}|R0[0-9]{6}|(IP|SP|NP)[0-9]{5}R)$')`);
    await q.query(`
      CREATE FUNCTION bce_company_gone(status text) RETURNS boolean
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT status IN ('dissolved', 'removed', 'converted_closed', 'closed') $$`);
    await q.query(`
      CREATE FUNCTION bce_distinct_companies(ch_a text, status_a text, ch_b text, status_b text) RETURNS boolean
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT CASE WHEN ch_a IS NOT NULL AND ch_b IS NOT NULL THEN ch_a <> ch_b
                          ELSE coalesce(bce_company_gone(status_a) <> bce_company_gone(status_b), false) END $$`);
    await q.query(`ALTER TABLE import_rows ADD COLUMN match_proposed boolean NOT NULL DEFAULT false`);
    await q.query(`
      DELETE FROM organisation_duplicate_pairs p USING organisations a, organisations b
       WHERE a.id = p.a_id AND b.id = p.b_id
         AND bce_distinct_companies(a.companies_house_number, a.company_status, b.companies_house_number, b.company_status)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE import_rows DROP COLUMN match_proposed`);
    await q.query(`DROP FUNCTION bce_distinct_companies(text, text, text, text)`);
    await q.query(`DROP FUNCTION bce_company_gone(text)`);
    await q.query(`ALTER TABLE organisations DROP CONSTRAINT organisations_companies_house_number_check`);
    await q.query(`ALTER TABLE organisations ADD CONSTRAINT organisations_companies_house_number_check
      CHECK (companies_house_number ~ '^([0-9]{8}|[A-Z]{2}[0-9]{6})$')`);
  }
}
