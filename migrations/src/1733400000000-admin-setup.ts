import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Setting up an install without SQL: departments get a parent unit (faculty → school) and a code
 * that is unique only among live departments, so an archived department's code can be reused;
 * users get a token version (bumped to end every session at once: deactivation, password reset)
 * and the time of their last sign-in.
 */
export class AdminSetup1733400000000 implements MigrationInterface {
  name = 'AdminSetup1733400000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE departments ADD COLUMN parent_id uuid REFERENCES departments (id), ADD CONSTRAINT departments_not_own_parent CHECK (parent_id <> id)`);
    await q.query(`CREATE INDEX departments_parent_idx ON departments (parent_id)`);
    // Codes are upper case (the CHECK), so unique on code is unique case-insensitively.
    await q.query(`DROP INDEX departments_code_key`);
    await q.query(`CREATE UNIQUE INDEX departments_code_key ON departments (code) WHERE deleted_at IS NULL`);
    await q.query(`ALTER TABLE users ADD COLUMN token_version int NOT NULL DEFAULT 1, ADD COLUMN last_sign_in_at timestamptz`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users DROP COLUMN last_sign_in_at, DROP COLUMN token_version`);
    await q.query(`DROP INDEX departments_code_key`);
    await q.query(`CREATE UNIQUE INDEX departments_code_key ON departments (code)`);
    await q.query(`ALTER TABLE departments DROP CONSTRAINT departments_not_own_parent, DROP COLUMN parent_id`);
  }
}
