import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The pipeline board reads live opportunities one stage at a time: a column's cards soonest to
 * close first, and the stage's count, total and weighted total. One index by (stage, close date
 * as the board sorts it, id) carrying what the totals and the visibility rule read makes the
 * column a range scan and the totals index-only scans of the open stages (not the won and lost
 * ones, which are most rows). It leads with stage_id, so it also does the plain stage index's job.
 * The stage report (reports.service.ts, pipeline by stage) reads the same index for its totals.
 */
export class PipelineBoard1734700000000 implements MigrationInterface {
  name = 'PipelineBoard1734700000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS opportunities_board_idx
      ON opportunities (stage_id, (coalesce(expected_close_date, '9999-12-31'::date)), id)
      INCLUDE (value_pence, probability, department_id, confidential) WHERE deleted_at IS NULL`);
    await q.query(`DROP INDEX IF EXISTS opportunities_stage_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX IF NOT EXISTS opportunities_stage_idx ON opportunities (stage_id) WHERE deleted_at IS NULL`);
    await q.query(`DROP INDEX IF EXISTS opportunities_board_idx`);
  }
}
