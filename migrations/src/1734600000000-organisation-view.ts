import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the organisation page's timeline (issue 15, at 100,000 organisations):
 * - an organisation's live opportunities carrying what visibility needs, so its moves and their
 *   count start from an index-only scan (replaces opportunities_organisation_idx, same key);
 * - each opportunity's stage stays carrying their id and mover, so the stays behind a scoped timeline page
 *   and its count are read from the index alone (replaces opportunity_stage_history_opportunity_idx,
 *   same key).
 * IF [NOT] EXISTS throughout, so a half-applied run can be run again.
 */
export class OrganisationView1734600000000 implements MigrationInterface {
  name = 'OrganisationView1734600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS opportunities_organisation_visible_idx ON opportunities (organisation_id, created_at DESC, id DESC)
      INCLUDE (department_id, confidential) WHERE deleted_at IS NULL`);
    await q.query(`DROP INDEX IF EXISTS opportunities_organisation_idx`);
    await q.query(`CREATE INDEX IF NOT EXISTS opportunity_stage_history_opportunity_moves_idx ON opportunity_stage_history (opportunity_id, entered_at) INCLUDE (id, moved_by)`);
    await q.query(`DROP INDEX IF EXISTS opportunity_stage_history_opportunity_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS opportunity_stage_history_opportunity_idx ON opportunity_stage_history (opportunity_id, entered_at)`);
    await q.query(`DROP INDEX IF EXISTS opportunity_stage_history_opportunity_moves_idx`);
    await q.query(`CREATE INDEX IF NOT EXISTS opportunities_organisation_idx ON opportunities (organisation_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`DROP INDEX IF EXISTS opportunities_organisation_visible_idx`);
  }
}
