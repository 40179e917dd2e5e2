import { MigrationInterface, QueryRunner } from 'typeorm';

const BASE = `
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version int NOT NULL DEFAULT 1`;

const TYPES = [
  'cpd_short_course', 'apprenticeship', 'contract_research', 'collaborative_research', 'consultancy', 'ktp',
  'facilities_equipment', 'placement_internship', 'sponsorship_philanthropy', 'regeneration_community', 'ip_licensing',
];
const AUDIT_ACTIONS = ['create', 'update', 'archive', 'restore', 'merge'];
const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

/**
 * Opportunities and the pipeline: stages (reference data admins edit, seeded here), opportunities
 * with money as integer pence, their contacts and the full stage history. Audit events gain the
 * 'move' action for stage transitions.
 */
export class Opportunities1732600000000 implements MigrationInterface {
  name = 'Opportunities1732600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE opportunity_stages (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        position int NOT NULL CHECK (position >= 0),
        default_probability int NOT NULL CHECK (default_probability BETWEEN 0 AND 100),
        outcome text NOT NULL CHECK (outcome IN ('open', 'won', 'lost')),
        ${BASE}
      )`);
    await q.query(`CREATE UNIQUE INDEX opportunity_stages_name_key ON opportunity_stages (lower(name)) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX opportunity_stages_position_idx ON opportunity_stages (position, name) WHERE deleted_at IS NULL`);
    await q.query(`INSERT INTO opportunity_stages (name, position, default_probability, outcome) VALUES
      ('Enquiry', 1, 10, 'open'), ('Qualified', 2, 25, 'open'), ('Proposal', 3, 50, 'open'), ('Negotiation', 4, 75, 'open'),
      ('Won', 5, 100, 'won'), ('Lost', 6, 0, 'lost')`);

    // value_pence stays a safe JavaScript integer (≤ 2^53 − 1), so the Pence scalar never loses a penny.
    await q.query(`
      CREATE TABLE opportunities (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        type text NOT NULL CHECK (type IN (${inList(TYPES)})),
        stage_id uuid NOT NULL REFERENCES opportunity_stages (id),
        value_pence bigint NOT NULL DEFAULT 0 CHECK (value_pence BETWEEN 0 AND 9007199254740991),
        probability int CHECK (probability BETWEEN 0 AND 100),
        expected_close_date date,
        start_date date,
        end_date date CHECK (end_date IS NULL OR start_date IS NULL OR end_date >= start_date),
        owner_id uuid REFERENCES users (id),
        department_id uuid NOT NULL REFERENCES departments (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        lost_reason text CHECK (length(lost_reason) <= 2000),
        confidential boolean NOT NULL DEFAULT false,
        won_at timestamptz,
        closed_at timestamptz,
        created_by uuid REFERENCES users (id),
        ${BASE}
      )`);
    // Filters (live rows only: archived opportunities are never listed or counted).
    await q.query(`CREATE INDEX opportunities_stage_idx ON opportunities (stage_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX opportunities_department_idx ON opportunities (department_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX opportunities_owner_idx ON opportunities (owner_id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX opportunities_type_idx ON opportunities (type) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX opportunities_expected_close_idx ON opportunities (expected_close_date) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX opportunities_title_trgm_idx ON opportunities USING gin (title gin_trgm_ops)`);
    // An organisation's opportunities newest first (Organisation.opportunities and the organisation filter).
    await q.query(`CREATE INDEX opportunities_organisation_idx ON opportunities (organisation_id, created_at DESC, id DESC) WHERE deleted_at IS NULL`);
    // Keyset sorts: (sort key, id), matching SORT_KEYS in opportunity.filter.ts.
    await q.query(`CREATE INDEX opportunities_created_sort_idx ON opportunities (created_at, id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX opportunities_title_sort_idx ON opportunities ((lower(title) COLLATE "C"), id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX opportunities_value_sort_idx ON opportunities (value_pence, id) WHERE deleted_at IS NULL`);
    await q.query(`CREATE INDEX opportunities_close_sort_idx ON opportunities ((coalesce(expected_close_date, '9999-12-31'::date)), id) WHERE deleted_at IS NULL`);

    await q.query(`CREATE TABLE opportunity_contacts (
        opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts (id),
        PRIMARY KEY (opportunity_id, contact_id))`);
    await q.query(`CREATE INDEX opportunity_contacts_contact_idx ON opportunity_contacts (contact_id)`);

    await q.query(`
      CREATE TABLE opportunity_stage_history (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        opportunity_id uuid NOT NULL REFERENCES opportunities (id) ON DELETE CASCADE,
        stage_id uuid NOT NULL REFERENCES opportunity_stages (id),
        entered_at timestamptz NOT NULL DEFAULT now(),
        left_at timestamptz CHECK (left_at IS NULL OR left_at >= entered_at),
        moved_by uuid REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX opportunity_stage_history_opportunity_idx ON opportunity_stage_history (opportunity_id, entered_at)`);
    await q.query(`CREATE INDEX opportunity_stage_history_stage_idx ON opportunity_stage_history (stage_id)`);
    // An opportunity is in exactly one stage at a time: at most one open history row.
    await q.query(`CREATE UNIQUE INDEX opportunity_stage_history_current_key ON opportunity_stage_history (opportunity_id) WHERE left_at IS NULL`);

    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check,
      ADD CONSTRAINT audit_events_action_check CHECK (action IN (${inList([...AUDIT_ACTIONS, 'move'])}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    // The records these events describe go with the tables below.
    await q.query(`DELETE FROM audit_events WHERE entity_type IN ('opportunity', 'opportunity_stage') OR action = 'move'`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check,
      ADD CONSTRAINT audit_events_action_check CHECK (action IN (${inList(AUDIT_ACTIONS)}))`);
    for (const table of ['opportunity_stage_history', 'opportunity_contacts', 'opportunities', 'opportunity_stages']) {
      await q.query(`DROP TABLE ${table}`);
    }
  }
}
