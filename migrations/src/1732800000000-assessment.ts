import { MigrationInterface, QueryRunner } from 'typeorm';
// The file is the framework's first version; later edits are new versions in the table.
import SEED_FRAMEWORK from '../../server/src/modules/assessment/framework/jisc-crm-framework.json';

const BASE = `
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version int NOT NULL DEFAULT 1`;

/**
 * The CRM maturity self-assessment: framework versions (the full text as jsonb; an admin's edit
 * adds a version, never changes one), assessments answered against one version, each
 * respondent's answers, and the action plan. Version 1 of the framework is the file in the repo.
 */
export class Assessment1732800000000 implements MigrationInterface {
  name = 'Assessment1732800000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE assessment_frameworks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        version int NOT NULL CHECK (version >= 1),
        content jsonb NOT NULL,
        is_current boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX assessment_frameworks_version_key ON assessment_frameworks (version)`);
    // At most one current version.
    await q.query(`CREATE UNIQUE INDEX assessment_frameworks_current_key ON assessment_frameworks (is_current) WHERE is_current`);
    await q.query(`INSERT INTO assessment_frameworks (version, content, is_current) VALUES (1, $1, true)`, [JSON.stringify(SEED_FRAMEWORK)]);

    await q.query(`
      CREATE TABLE assessments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        department_id uuid REFERENCES departments (id),
        framework_id uuid NOT NULL REFERENCES assessment_frameworks (id),
        status text NOT NULL DEFAULT 'in_progress' CHECK (status IN ('in_progress', 'completed')),
        lead_id uuid NOT NULL REFERENCES users (id),
        started_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        evidence jsonb,
        ${BASE},
        CONSTRAINT assessments_completed_at CHECK ((status = 'completed') = (completed_at IS NOT NULL))
      )`);
    // The list, newest first (keyset on started_at, id), and its scope filter.
    await q.query(`CREATE INDEX assessments_started_idx ON assessments (started_at DESC, id DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX assessments_department_idx ON assessments (department_id, started_at DESC) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX assessments_framework_idx ON assessments (framework_id)`);
    await q.query(`CREATE INDEX assessments_lead_idx ON assessments (lead_id)`);

    await q.query(`
      CREATE TABLE assessment_answers (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        respondent_id uuid NOT NULL REFERENCES users (id),
        statement_key text NOT NULL CHECK (length(statement_key) BETWEEN 1 AND 100),
        level int NOT NULL CHECK (level BETWEEN 1 AND 3),
        evidence text CHECK (length(evidence) <= 2000),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE UNIQUE INDEX assessment_answers_key ON assessment_answers (assessment_id, respondent_id, statement_key)`);
    await q.query(`CREATE INDEX assessment_answers_respondent_idx ON assessment_answers (respondent_id)`);

    await q.query(`
      CREATE TABLE assessment_actions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        assessment_id uuid NOT NULL REFERENCES assessments (id) ON DELETE CASCADE,
        dimension_key text NOT NULL CHECK (length(dimension_key) BETWEEN 1 AND 100),
        text text NOT NULL CHECK (length(text) BETWEEN 1 AND 1000),
        owner_id uuid REFERENCES users (id),
        due_on date,
        task_id uuid REFERENCES tasks (id),
        created_by uuid REFERENCES users (id),
        ${BASE}
      )`);
    await q.query(`CREATE INDEX assessment_actions_assessment_idx ON assessment_actions (assessment_id, created_at)`);
    await q.query(`CREATE INDEX assessment_actions_owner_idx ON assessment_actions (owner_id)`);
    await q.query(`CREATE UNIQUE INDEX assessment_actions_task_key ON assessment_actions (task_id) WHERE task_id IS NOT NULL`);

    // Evidence: enquiries in a period, and a task's follow-ups of an engagement (already indexed: tasks_engagement_idx).
    await q.query(`CREATE INDEX engagements_enquiry_idx ON engagements (occurred_on) WHERE type = 'enquiry' AND deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX engagements_enquiry_idx`);
    for (const table of ['assessment_actions', 'assessment_answers', 'assessments', 'assessment_frameworks']) await q.query(`DROP TABLE ${table}`);
  }
}
