import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The going-cold snapshot (server/src/modules/relationship-health/going-cold-snapshot.sql.ts):
 * health inputs per organisation and visibility bucket as of one UK day, the scores of the two
 * shared views that fell, and the day and moment they were computed. Filled by the server's
 * GoingColdRefresher (on start when stale, then daily), so up() only creates empty tables.
 * No foreign keys: it is a derived copy, rebuilt whole, and must never hold up an erasure or a
 * merge; reads join organisations live.
 */
export class GoingColdSnapshot1734850000000 implements MigrationInterface {
  name = 'GoingColdSnapshot1734850000000';

  async up(q: QueryRunner): Promise<void> {
    const windows = (as: string) => `
        ${as}_last_on date,
        ${as}_engagements_365 int NOT NULL,
        ${as}_departments uuid[] NOT NULL,
        ${as}_recent_90 int NOT NULL,
        ${as}_prior_90 int NOT NULL,
        ${as}_contacts uuid[] NOT NULL,
        ${as}_won_pence_730 bigint NOT NULL`;
    await q.query(`
      CREATE TABLE IF NOT EXISTS going_cold_buckets (
        organisation_id uuid NOT NULL,
        confidential boolean NOT NULL,
        department_id uuid,
        ${windows('cur')},
        ${windows('past')},
        open_weighted_pence bigint NOT NULL,
        CHECK (confidential = (department_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX IF NOT EXISTS going_cold_buckets_organisation_idx ON going_cold_buckets (organisation_id)`);
    await q.query(`CREATE INDEX IF NOT EXISTS going_cold_buckets_department_idx ON going_cold_buckets (department_id, organisation_id) WHERE confidential`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS going_cold_scores (
        organisation_id uuid NOT NULL,
        view text NOT NULL CHECK (view IN ('open', 'all', 'department')),
        department_id uuid CHECK ((view = 'department') = (department_id IS NOT NULL)),
        score int NOT NULL,
        previous_score int NOT NULL,
        won_pence_730 bigint NOT NULL,
        fall int GENERATED ALWAYS AS (previous_score - score) STORED,
        UNIQUE NULLS NOT DISTINCT (view, department_id, organisation_id)
      )`);
    // The list is read biggest fall first: a page of the index, not every score (a department's view is small).
    await q.query(`CREATE INDEX IF NOT EXISTS going_cold_scores_fall_idx ON going_cold_scores (view, fall DESC) WHERE department_id IS NULL`);
    await q.query(`
      CREATE TABLE IF NOT EXISTS going_cold_snapshot (
        id boolean PRIMARY KEY DEFAULT true CHECK (id),
        as_of date NOT NULL,
        computed_at timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS going_cold_snapshot`);
    await q.query(`DROP TABLE IF EXISTS going_cold_scores`);
    await q.query(`DROP TABLE IF EXISTS going_cold_buckets`);
  }
}
