import { MigrationInterface, QueryRunner } from 'typeorm';

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
/** HESA HE-BCI Table 1 head 1 (collaborative research, public funding) and Table 3 (regeneration) funding sources. */
const FUNDING_SOURCES = ['ukri', 'uk_government', 'eu_government', 'other_public',
  'erdf', 'esf', 'other_eu_regeneration', 'uk_shared_prosperity_fund', 'uk_central_government', 'local_regional', 'other_regeneration'];
const IP_INCOME_TYPES = ['licence', 'other_ip', 'sale_of_shares'];
const ORGANISATION_TYPES = ['employer', 'partner', 'funder', 'school_college', 'public_body', 'community'];
const COMMERCIAL = ['employer', 'partner'];
const SIZE_BANDS = ['micro', 'small', 'medium', 'large', ''];

/**
 * HE-BCI on HESA's basis: the figures an opportunity records for the return (funding source,
 * in-kind contribution, CPD learner days, IP income type, the KTP grant/company split), its
 * income instalments, the euro rate the SME thresholds are converted at, and the partner map
 * reduced to organisation type → commercial or not (the SME test, not the size band, now
 * splits commercial partners).
 */
export class HeBciBasis1733600000000 implements MigrationInterface {
  name = 'HeBciBasis1733600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE opportunities
        ADD COLUMN funding_source text CHECK (funding_source IN (${list(FUNDING_SOURCES)})),
        ADD COLUMN in_kind_pence bigint CHECK (in_kind_pence >= 0),
        ADD COLUMN cpd_learner_days integer CHECK (cpd_learner_days >= 0),
        ADD COLUMN ip_income_type text CHECK (ip_income_type IN (${list(IP_INCOME_TYPES)})),
        ADD COLUMN ktp_grant_pence bigint CHECK (ktp_grant_pence >= 0),
        ADD COLUMN ktp_company_pence bigint CHECK (ktp_company_pence >= 0),
        ADD CONSTRAINT opportunities_ktp_split_both CHECK ((ktp_grant_pence IS NULL) = (ktp_company_pence IS NULL))`);
    await q.query(`CREATE TABLE opportunity_instalments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
        due_on date NOT NULL,
        received_on date,
        amount_pence bigint NOT NULL CHECK (amount_pence > 0),
        note text CHECK (length(note) <= 500),
        created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX opportunity_instalments_opportunity_idx ON opportunity_instalments (opportunity_id, coalesce(received_on, due_on))`);

    // One row: GBP per EUR for the EU SME thresholds (€50m turnover, €43m balance sheet).
    await q.query(`CREATE TABLE hebci_settings (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        gbp_per_eur numeric(10, 6) NOT NULL CHECK (gbp_per_eur > 0),
        rate_source text NOT NULL,
        rate_date date NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO hebci_settings (gbp_per_eur, rate_source, rate_date)
                   VALUES (0.82918, 'European Central Bank euro foreign exchange reference rate (EUR/GBP)', '2024-12-31')`);

    await q.query(`CREATE TABLE hebci_sector_map (
        organisation_type text PRIMARY KEY,
        commercial boolean NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO hebci_sector_map (organisation_type, commercial)
                   SELECT organisation_type, bool_or(partner_type <> 'non_commercial') FROM hebci_partner_map GROUP BY 1`);
    await q.query(`DROP TABLE hebci_partner_map`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE hebci_partner_map (
        organisation_type text NOT NULL,
        size_band text NOT NULL CHECK (size_band IN (${list(SIZE_BANDS)})),
        partner_type text NOT NULL CHECK (partner_type IN ('sme', 'other_commercial', 'non_commercial')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_type, size_band))`);
    const rows = ORGANISATION_TYPES.flatMap((type) => SIZE_BANDS.map((band) => [type, band,
      !COMMERCIAL.includes(type) ? 'non_commercial' : ['micro', 'small', 'medium'].includes(band) ? 'sme' : 'other_commercial']));
    await q.query(`INSERT INTO hebci_partner_map (organisation_type, size_band, partner_type) SELECT * FROM unnest($1::text[], $2::text[], $3::text[])`,
      [rows.map((r) => r[0]), rows.map((r) => r[1]), rows.map((r) => r[2])]);
    await q.query(`UPDATE hebci_partner_map pm SET partner_type = 'non_commercial' FROM hebci_sector_map s
                    WHERE s.organisation_type = pm.organisation_type AND NOT s.commercial`);
    await q.query(`DROP TABLE hebci_sector_map`);
    await q.query(`DROP TABLE hebci_settings`);
    await q.query(`DROP TABLE opportunity_instalments`);
    await q.query(`
      ALTER TABLE opportunities
        DROP CONSTRAINT opportunities_ktp_split_both,
        DROP COLUMN ktp_company_pence, DROP COLUMN ktp_grant_pence, DROP COLUMN ip_income_type,
        DROP COLUMN cpd_learner_days, DROP COLUMN in_kind_pence, DROP COLUMN funding_source`);
  }
}
