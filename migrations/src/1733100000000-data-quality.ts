import { MigrationInterface, QueryRunner } from 'typeorm';

// The actions as 1733000000000-merge left them ('unmerge' added there).
const AUDIT_ACTIONS = ['create', 'update', 'archive', 'restore', 'merge', 'move', 'unmerge'];
const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const ORGANISATION_NAME_KEY = `(lower(name) COLLATE "C"), id`;
const CONTACT_NAME_KEY = `(lower(last_name || ' ' || first_name) COLLATE "C"), id`;

/**
 * Data quality: partial indexes for the "fix these" lists (live records missing a field, in the
 * lists' default name order, so a filtered page is an index range scan even over 20,000 rows), and
 * the 'export' audit action: every list or full export is recorded with who, what and how many rows.
 * "No engagement since" uses engagements_organisation_timeline_idx and engagement_contacts_contact_idx;
 * stale opportunities use opportunities_expected_close_idx.
 */
export class DataQuality1733100000000 implements MigrationInterface {
  name = 'DataQuality1733100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX organisations_missing_sector_idx ON organisations (${ORGANISATION_NAME_KEY}) WHERE sector IS NULL AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX organisations_missing_size_band_idx ON organisations (${ORGANISATION_NAME_KEY}) WHERE size_band IS NULL AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX organisations_missing_postcode_idx ON organisations (${ORGANISATION_NAME_KEY}) WHERE postcode IS NULL AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX contacts_lawful_basis_idx ON contacts (${CONTACT_NAME_KEY}) WHERE (lawful_basis IS NULL OR lawful_basis = 'consent') AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX consent_records_live_idx ON consent_records (contact_id) WHERE withdrawn_at IS NULL`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check,
      ADD CONSTRAINT audit_events_action_check CHECK (action IN (${inList([...AUDIT_ACTIONS, 'export'])}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_events WHERE action = 'export'`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check,
      ADD CONSTRAINT audit_events_action_check CHECK (action IN (${inList(AUDIT_ACTIONS)}))`);
    for (const index of ['consent_records_live_idx', 'contacts_lawful_basis_idx', 'organisations_missing_postcode_idx', 'organisations_missing_size_band_idx', 'organisations_missing_sector_idx']) {
      await q.query(`DROP INDEX ${index}`);
    }
  }
}
