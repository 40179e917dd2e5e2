import { MigrationInterface, QueryRunner } from 'typeorm';

const COMPANY_STATUSES = ['active', 'active_proposal_to_strike_off', 'dissolved', 'liquidation', 'administration', 'receivership',
  'voluntary_arrangement', 'insolvency_proceedings', 'converted_closed', 'removed', 'registered', 'closed'];
const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * What Companies House says of an organisation (status, category, incorporation date, every SIC
 * code), and what the EU/HESA SME test needs: headcount, turnover and balance sheet total for a
 * stated year, and the parent organisation (group) with the share it holds.
 */
export class OrganisationRegistryAndSize1733350000000 implements MigrationInterface {
  name = 'OrganisationRegistryAndSize1733350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE organisations
        ADD COLUMN company_status text CHECK (company_status IN (${list(COMPANY_STATUSES)})),
        ADD COLUMN company_category text CHECK (length(company_category) <= 200),
        ADD COLUMN incorporation_date date,
        ADD COLUMN sic_codes text[] NOT NULL DEFAULT '{}',
        ADD COLUMN headcount integer CHECK (headcount >= 0),
        ADD COLUMN turnover_pence bigint CHECK (turnover_pence >= 0),
        ADD COLUMN balance_sheet_pence bigint CHECK (balance_sheet_pence >= 0),
        ADD COLUMN size_year integer CHECK (size_year BETWEEN 1900 AND 2200),
        ADD COLUMN parent_id uuid REFERENCES organisations (id),
        ADD COLUMN parent_ownership_percent integer CHECK (parent_ownership_percent BETWEEN 0 AND 100),
        ADD CONSTRAINT organisations_parent_not_self CHECK (parent_id <> id)`);
    // Subsidiaries of a group (the organisation view lists them; the SME test reads the parent).
    await q.query(`CREATE INDEX organisations_parent_idx ON organisations (parent_id) WHERE parent_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX organisations_parent_idx`);
    await q.query(`
      ALTER TABLE organisations
        DROP CONSTRAINT organisations_parent_not_self,
        DROP COLUMN parent_ownership_percent, DROP COLUMN parent_id, DROP COLUMN size_year, DROP COLUMN balance_sheet_pence,
        DROP COLUMN turnover_pence, DROP COLUMN headcount, DROP COLUMN sic_codes, DROP COLUMN incorporation_date,
        DROP COLUMN company_category, DROP COLUMN company_status`);
  }
}
