import { MigrationInterface, QueryRunner } from 'typeorm';

/** HE-BCI headings each opportunity type is returned under (null: not part of the return). */
const ACTIVITY_MAP: Array<[string, string | null]> = [
  ['collaborative_research', 'collaborative_research'],
  ['contract_research', 'contract_research'],
  ['ktp', 'collaborative_research'],
  ['consultancy', 'consultancy'],
  ['facilities_equipment', 'facilities_equipment'],
  ['cpd_short_course', 'cpd_continuing_education'],
  ['regeneration_community', 'regeneration'],
  ['ip_licensing', 'ip_licensing'],
  ['apprenticeship', null],
  ['placement_internship', null],
  ['sponsorship_philanthropy', null],
];
const ORGANISATION_TYPES = ['employer', 'partner', 'funder', 'school_college', 'public_body', 'community'];
const COMMERCIAL = ['employer', 'partner'];
const SIZE_BANDS = ['micro', 'small', 'medium', 'large', ''];
const CATEGORIES = ['collaborative_research', 'contract_research', 'consultancy', 'facilities_equipment', 'cpd_continuing_education', 'regeneration', 'ip_licensing'];

/**
 * Reports: the HE-BCI mapping (opportunity type → return heading; organisation type and size band
 * → partner type), seeded with defaults admins can edit, and indexes for the report aggregations.
 */
export class Reports1732700000000 implements MigrationInterface {
  name = 'Reports1732700000000';

  async up(q: QueryRunner): Promise<void> {
    const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
    await q.query(`CREATE TABLE hebci_activity_map (
        opportunity_type text PRIMARY KEY,
        category text CHECK (category IN (${list(CATEGORIES)})),
        updated_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`INSERT INTO hebci_activity_map (opportunity_type, category) SELECT * FROM unnest($1::text[], $2::text[])`,
      [ACTIVITY_MAP.map(([t]) => t), ACTIVITY_MAP.map(([, c]) => c)]);
    // size_band '' stands for "not recorded", so the key needs no NULL.
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

    // Won and closed business by date: win rates, top organisations, the HE-BCI year.
    await q.query(`CREATE INDEX opportunities_won_idx ON opportunities (won_at) WHERE deleted_at IS NULL AND won_at IS NOT NULL`);
    await q.query(`CREATE INDEX opportunities_closed_idx ON opportunities (closed_at) WHERE deleted_at IS NULL AND closed_at IS NOT NULL`);
    await q.query(`CREATE INDEX opportunities_organisation_won_idx ON opportunities (organisation_id) INCLUDE (value_pence) WHERE deleted_at IS NULL AND won_at IS NOT NULL`);
    // Activity over time by month, department and type.
    await q.query(`CREATE INDEX engagements_occurred_department_type_idx ON engagements (occurred_on, department_id, type) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const index of ['engagements_occurred_department_type_idx', 'opportunities_organisation_won_idx', 'opportunities_closed_idx', 'opportunities_won_idx']) {
      await q.query(`DROP INDEX ${index}`);
    }
    await q.query(`DROP TABLE hebci_partner_map`);
    await q.query(`DROP TABLE hebci_activity_map`);
  }
}
