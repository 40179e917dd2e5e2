import { MigrationInterface, QueryRunner } from 'typeorm';

const ACTIONS_BEFORE = ['create', 'update', 'archive', 'restore', 'merge', 'move'];
const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Duplicates and merging: a merged record is archived with a pointer to the record it was merged
 * into; `merges` keeps what each merge changed (both records' values before, which rows moved and
 * which duplicate link rows were removed) so an admin can undo it exactly; `duplicate_dismissals`
 * holds the pairs a person judged "not a duplicate", stored once per unordered pair (a_id < b_id).
 */
export class Merge1733000000000 implements MigrationInterface {
  name = 'Merge1733000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE organisations ADD COLUMN merged_into_id uuid REFERENCES organisations (id)`);
    await q.query(`ALTER TABLE contacts ADD COLUMN merged_into_id uuid REFERENCES contacts (id)`);
    await q.query(`CREATE INDEX organisations_merged_into_idx ON organisations (merged_into_id) WHERE merged_into_id IS NOT NULL`);
    await q.query(`CREATE INDEX contacts_merged_into_idx ON contacts (merged_into_id) WHERE merged_into_id IS NOT NULL`);

    // Duplicate candidates for contacts: the same email (any case) and similar names at one organisation.
    await q.query(`CREATE FUNCTION bce_lower_text(text[]) RETURNS text[] LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT coalesce(array_agg(lower(x)), '{}') FROM unnest($1) x $$`);
    await q.query(`CREATE INDEX contacts_emails_lower_idx ON contacts USING gin (bce_lower_text(emails)) WHERE deleted_at IS NULL`);

    await q.query(`
      CREATE TABLE duplicate_dismissals (
        kind text NOT NULL CHECK (kind IN ('organisation', 'contact')),
        a_id uuid NOT NULL,
        b_id uuid NOT NULL CHECK (a_id < b_id),
        dismissed_by uuid REFERENCES users (id),
        dismissed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (kind, a_id, b_id)
      )`);

    await q.query(`
      CREATE TABLE merges (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        kind text NOT NULL CHECK (kind IN ('organisation', 'contact')),
        survivor_id uuid NOT NULL,
        merged_id uuid NOT NULL CHECK (merged_id <> survivor_id),
        survivor_before jsonb NOT NULL,
        merged_before jsonb NOT NULL,
        survivor_version_after int NOT NULL,
        moved jsonb NOT NULL DEFAULT '{}',
        removed jsonb NOT NULL DEFAULT '{}',
        merged_by uuid REFERENCES users (id),
        merged_at timestamptz NOT NULL DEFAULT now(),
        undone_by uuid REFERENCES users (id),
        undone_at timestamptz
      )`);
    // History newest first, keyset on (merged_at, id).
    await q.query(`CREATE INDEX merges_history_idx ON merges (merged_at DESC, id DESC)`);
    await q.query(`CREATE INDEX merges_survivor_idx ON merges (survivor_id)`);
    await q.query(`CREATE INDEX merges_merged_idx ON merges (merged_id)`);

    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check,
      ADD CONSTRAINT audit_events_action_check CHECK (action IN (${inList([...ACTIONS_BEFORE, 'unmerge'])}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM audit_events WHERE action = 'unmerge'`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check,
      ADD CONSTRAINT audit_events_action_check CHECK (action IN (${inList(ACTIONS_BEFORE)}))`);
    await q.query(`DROP TABLE merges`);
    await q.query(`DROP TABLE duplicate_dismissals`);
    await q.query(`DROP INDEX contacts_emails_lower_idx`);
    await q.query(`DROP FUNCTION bce_lower_text(text[])`);
    await q.query(`DROP INDEX contacts_merged_into_idx`);
    await q.query(`DROP INDEX organisations_merged_into_idx`);
    await q.query(`ALTER TABLE contacts DROP COLUMN merged_into_id`);
    await q.query(`ALTER TABLE organisations DROP COLUMN merged_into_id`);
  }
}
