import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the reads issue 15 measured as slow (docs/performance-hotspots.md):
 * - stage moves in timeline order (UK day, moment, id), so the unscoped timeline reads a page of
 *   moves from an index instead of sorting every stage stay;
 * - live engagements by (confidential, department), so the timeline's count is an index-only scan
 *   whoever asks;
 * - live engagements per organisation by date, carrying what visibility and breadth need, so
 *   relationship health scans the recent window of each organisation without touching the heap.
 */
export class ReadHotspots1734300000000 implements MigrationInterface {
  name = 'ReadHotspots1734300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX opportunity_stage_history_timeline_idx
      ON opportunity_stage_history (((entered_at AT TIME ZONE 'Europe/London')::date) DESC, entered_at DESC, id DESC)`);
    await q.query(`CREATE INDEX engagements_visibility_idx ON engagements (confidential, department_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX engagements_organisation_health_idx ON engagements (organisation_id, occurred_on)
      INCLUDE (department_id, confidential) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX engagements_organisation_health_idx`);
    await q.query(`DROP INDEX engagements_visibility_idx`);
    await q.query(`DROP INDEX opportunity_stage_history_timeline_idx`);
  }
}
