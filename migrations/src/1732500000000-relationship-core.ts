import { MigrationInterface, QueryRunner } from 'typeorm';

const BASE = `
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz,
  version int NOT NULL DEFAULT 1`;

/**
 * The relationship core: contacts and their affiliations, engagements, tasks, confidentiality and
 * the audit trail. Confidential rows carry the department that may see them.
 */
export class RelationshipCore1732500000000 implements MigrationInterface {
  name = 'RelationshipCore1732500000000';

  async up(q: QueryRunner): Promise<void> {
    // array_to_string is only STABLE; emails are plain text, so this wrapper may be IMMUTABLE and indexed.
    await q.query(`CREATE FUNCTION bce_join_text(text[]) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE
      AS $$ SELECT array_to_string($1, ' ') $$`);

    await q.query(`ALTER TABLE organisations
      ADD COLUMN department_id uuid REFERENCES departments (id),
      ADD COLUMN confidential boolean NOT NULL DEFAULT false,
      ADD CONSTRAINT organisations_confidential_department CHECK (NOT confidential OR department_id IS NOT NULL)`);
    await q.query(`CREATE INDEX organisations_department_idx ON organisations (department_id)`);
    // Search now also matches the website (domain), e.g. "siemens.co.uk".
    await q.query(`DROP INDEX organisations_search_trgm_idx`);
    await q.query(`CREATE INDEX organisations_search_trgm_idx ON organisations USING gin (
      (name || ' ' || coalesce(legal_name, '') || ' ' || coalesce(postcode, '') || ' ' || coalesce(replace(postcode, ' ', ''), '') || ' ' || coalesce(companies_house_number, '') || ' ' || coalesce(website, ''))
      gin_trgm_ops)`);

    await q.query(`
      CREATE TABLE contacts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
        last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
        emails text[] NOT NULL DEFAULT '{}',
        phones text[] NOT NULL DEFAULT '{}',
        job_title text CHECK (length(job_title) <= 200),
        preferred_channel text CHECK (preferred_channel IN ('email', 'phone', 'in_person', 'video', 'post')),
        lawful_basis text CHECK (lawful_basis IN ('consent', 'contract', 'legal_obligation', 'vital_interests', 'public_task', 'legitimate_interests')),
        marketing_opt_in boolean NOT NULL DEFAULT false,
        tags text[] NOT NULL DEFAULT '{}',
        owner_id uuid REFERENCES users (id),
        ${BASE}
      )`);
    await q.query(`CREATE INDEX contacts_name_sort_idx ON contacts ((lower(last_name || ' ' || first_name) COLLATE "C"), id)`);
    await q.query(`CREATE INDEX contacts_search_trgm_idx ON contacts USING gin ((first_name || ' ' || last_name || ' ' || bce_join_text(emails)) gin_trgm_ops)`);
    await q.query(`CREATE INDEX contacts_emails_idx ON contacts USING gin (emails)`);
    await q.query(`CREATE INDEX contacts_owner_idx ON contacts (owner_id)`);

    await q.query(`
      CREATE TABLE consent_records (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        purpose text NOT NULL CHECK (length(purpose) BETWEEN 1 AND 200),
        method text NOT NULL CHECK (length(method) BETWEEN 1 AND 200),
        given_at timestamptz NOT NULL,
        withdrawn_at timestamptz CHECK (withdrawn_at IS NULL OR withdrawn_at >= given_at),
        recorded_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX consent_records_contact_idx ON consent_records (contact_id, given_at DESC)`);

    await q.query(`
      CREATE TABLE affiliations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid NOT NULL REFERENCES contacts (id),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        role text CHECK (length(role) <= 200),
        from_date date,
        to_date date CHECK (to_date IS NULL OR from_date IS NULL OR to_date >= from_date),
        is_primary boolean NOT NULL DEFAULT false,
        ${BASE}
      )`);
    await q.query(`CREATE INDEX affiliations_organisation_idx ON affiliations (organisation_id, to_date DESC NULLS FIRST)`);
    await q.query(`CREATE INDEX affiliations_contact_idx ON affiliations (contact_id, to_date DESC NULLS FIRST)`);

    await q.query(`
      CREATE TABLE engagements (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        type text NOT NULL CHECK (type IN ('meeting', 'call', 'email', 'visit', 'event', 'enquiry', 'placement_visit', 'note')),
        occurred_on date NOT NULL,
        summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 300),
        details text CHECK (length(details) <= 20000),
        organisation_id uuid REFERENCES organisations (id),
        department_id uuid NOT NULL REFERENCES departments (id),
        confidential boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users (id),
        ${BASE}
      )`);
    // The timeline: an organisation's engagements newest first, keyset on (occurred_on, created_at, id).
    await q.query(`CREATE INDEX engagements_organisation_timeline_idx ON engagements (organisation_id, occurred_on DESC, created_at DESC, id DESC)`);
    await q.query(`CREATE INDEX engagements_department_idx ON engagements (department_id, occurred_on DESC)`);
    await q.query(`CREATE INDEX engagements_created_by_idx ON engagements (created_by, occurred_on DESC)`);
    await q.query(`CREATE INDEX engagements_occurred_idx ON engagements (occurred_on DESC, created_at DESC, id DESC)`);
    await q.query(`CREATE TABLE engagement_contacts (
        engagement_id uuid NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
        contact_id uuid NOT NULL REFERENCES contacts (id),
        PRIMARY KEY (engagement_id, contact_id))`);
    await q.query(`CREATE INDEX engagement_contacts_contact_idx ON engagement_contacts (contact_id)`);
    await q.query(`CREATE TABLE engagement_staff (
        engagement_id uuid NOT NULL REFERENCES engagements (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id),
        PRIMARY KEY (engagement_id, user_id))`);
    await q.query(`CREATE INDEX engagement_staff_user_idx ON engagement_staff (user_id)`);

    await q.query(`
      CREATE TABLE tasks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
        notes text CHECK (length(notes) <= 5000),
        due_on date,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'cancelled')),
        completed_at timestamptz,
        assignee_id uuid NOT NULL REFERENCES users (id),
        organisation_id uuid REFERENCES organisations (id),
        contact_id uuid REFERENCES contacts (id),
        engagement_id uuid REFERENCES engagements (id),
        department_id uuid NOT NULL REFERENCES departments (id),
        confidential boolean NOT NULL DEFAULT false,
        created_by uuid REFERENCES users (id),
        ${BASE}
      )`);
    await q.query(`CREATE INDEX tasks_assignee_open_idx ON tasks (assignee_id, due_on) WHERE status = 'open' AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX tasks_organisation_idx ON tasks (organisation_id, status)`);
    await q.query(`CREATE INDEX tasks_contact_idx ON tasks (contact_id)`);
    await q.query(`CREATE INDEX tasks_engagement_idx ON tasks (engagement_id)`);

    await q.query(`
      CREATE TABLE audit_events (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid REFERENCES users (id),
        entity_type text NOT NULL,
        entity_id uuid NOT NULL,
        action text NOT NULL CHECK (action IN ('create', 'update', 'archive', 'restore', 'merge')),
        changes jsonb NOT NULL DEFAULT '{}'
      )`);
    await q.query(`CREATE INDEX audit_events_entity_idx ON audit_events (entity_type, entity_id, id DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_events', 'tasks', 'engagement_staff', 'engagement_contacts', 'engagements', 'affiliations', 'consent_records', 'contacts']) {
      await q.query(`DROP TABLE ${table}`);
    }
    await q.query(`DROP INDEX organisations_search_trgm_idx`);
    await q.query(`CREATE INDEX organisations_search_trgm_idx ON organisations USING gin (
      (name || ' ' || coalesce(legal_name, '') || ' ' || coalesce(postcode, '') || ' ' || coalesce(replace(postcode, ' ', ''), '') || ' ' || coalesce(companies_house_number, ''))
      gin_trgm_ops)`);
    await q.query(`ALTER TABLE organisations DROP CONSTRAINT organisations_confidential_department, DROP COLUMN confidential, DROP COLUMN department_id`);
    await q.query(`DROP FUNCTION bce_join_text(text[])`);
  }
}
