import { MigrationInterface, QueryRunner } from 'typeorm';

// The actions as 1733100000000-data-quality left them ('export' added there).
const AUDIT_ACTIONS = ['create', 'update', 'archive', 'restore', 'merge', 'move', 'unmerge', 'export'];
const inList = (values: string[]) => values.map((v) => `'${v}'`).join(', ');
const LEGAL_FORMS = ['limited_company', 'llp', 'sole_trader', 'partnership', 'charity', 'public_body', 'university_college', 'other'];
const CHANNELS = ['email', 'phone', 'sms', 'post', 'in_person', 'online', 'unspecified'];

/**
 * Privacy (UK GDPR and PECR): the evidence and date of a contact's lawful basis, the channel of
 * each consent, the organisation's legal form (sole traders and non-LLP partnerships are
 * individuals under PECR), subject access requests with their one-month deadline, the erasure log
 * (counts only, never the erased values), retention rules and the decisions of their review queue.
 */
export class Privacy1734200000000 implements MigrationInterface {
  name = 'Privacy1734200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contacts
      ADD COLUMN lawful_basis_evidence text CHECK (length(lawful_basis_evidence) <= 2000),
      ADD COLUMN lawful_basis_on date,
      ADD COLUMN erased_at timestamptz`);
    await q.query(`ALTER TABLE consent_records ADD COLUMN channel text NOT NULL DEFAULT 'unspecified' CHECK (channel IN (${inList(CHANNELS)}))`);
    // Existing consents: the channel as far as the method says it; the rest stay 'unspecified' for a person to check.
    await q.query(`UPDATE consent_records SET channel = CASE
        WHEN method ~* '(e-?mail|newsletter)' THEN 'email'
        WHEN method ~* '(sms|text message)' THEN 'sms'
        WHEN method ~* '(phone|call)' THEN 'phone'
        WHEN method ~* '(post|letter)' THEN 'post'
        WHEN method ~* '(in person|event|signed|face to face)' THEN 'in_person'
        WHEN method ~* '(web|online|form)' THEN 'online'
        ELSE 'unspecified' END`);
    await q.query(`ALTER TABLE organisations ADD COLUMN legal_form text CHECK (legal_form IN (${inList(LEGAL_FORMS)}))`);
    // What Companies House already says; sole traders and partnerships are not on the register, so a person sets them.
    await q.query(`UPDATE organisations SET legal_form = CASE
        WHEN company_category ~* 'limited liability partnership' THEN 'llp'
        WHEN company_category ~* 'charitable incorporated' THEN 'charity'
        WHEN company_category ~* '(limited company|public limited)' THEN 'limited_company'
        END WHERE company_category IS NOT NULL`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check,
      ADD CONSTRAINT audit_events_action_check CHECK (action IN (${inList([...AUDIT_ACTIONS, 'erase'])}))`);

    await q.query(`
      CREATE TABLE subject_access_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid REFERENCES contacts (id),
        requester text NOT NULL CHECK (length(btrim(requester)) BETWEEN 1 AND 500),
        received_on date NOT NULL,
        due_on date NOT NULL CHECK (due_on >= received_on),
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'completed')),
        completed_on date CHECK (completed_on IS NULL OR completed_on >= received_on),
        last_exported_at timestamptz,
        last_exported_by uuid REFERENCES users (id),
        created_by uuid REFERENCES users (id),
        completed_by uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK ((status = 'completed') = (completed_on IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX subject_access_requests_due_idx ON subject_access_requests (status, due_on, id)`);
    await q.query(`CREATE INDEX subject_access_requests_contact_idx ON subject_access_requests (contact_id)`);

    await q.query(`
      CREATE TABLE erasures (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        contact_id uuid NOT NULL UNIQUE REFERENCES contacts (id),
        erased_by uuid REFERENCES users (id),
        erased_at timestamptz NOT NULL DEFAULT now(),
        source text NOT NULL CHECK (source IN ('request', 'retention')),
        counts jsonb NOT NULL DEFAULT '{}'
      )`);

    await q.query(`
      CREATE TABLE retention_rules (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        record_type text NOT NULL CHECK (record_type IN ('contact')),
        period_months int NOT NULL CHECK (period_months BETWEEN 1 AND 1200),
        description text NOT NULL CHECK (length(btrim(description)) BETWEEN 1 AND 300),
        active boolean NOT NULL DEFAULT true,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`INSERT INTO retention_rules (record_type, period_months, description) VALUES ('contact', 72, 'Contacts with no engagement for 6 years')`);
    await q.query(`
      CREATE TABLE retention_reviews (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        rule_id uuid NOT NULL REFERENCES retention_rules (id) ON DELETE CASCADE,
        record_type text NOT NULL CHECK (record_type IN ('contact')),
        record_id uuid NOT NULL,
        decision text NOT NULL CHECK (decision IN ('keep', 'archive', 'erase')),
        keep_until date CHECK ((decision = 'keep') = (keep_until IS NOT NULL)),
        decided_by uuid REFERENCES users (id),
        decided_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX retention_reviews_record_idx ON retention_reviews (record_type, record_id, keep_until DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['retention_reviews', 'retention_rules', 'erasures', 'subject_access_requests']) await q.query(`DROP TABLE ${table}`);
    await q.query(`DELETE FROM audit_events WHERE action = 'erase'`);
    await q.query(`ALTER TABLE audit_events DROP CONSTRAINT audit_events_action_check,
      ADD CONSTRAINT audit_events_action_check CHECK (action IN (${inList(AUDIT_ACTIONS)}))`);
    await q.query(`ALTER TABLE organisations DROP COLUMN legal_form`);
    await q.query(`ALTER TABLE consent_records DROP COLUMN channel`);
    await q.query(`ALTER TABLE contacts DROP COLUMN erased_at, DROP COLUMN lawful_basis_on, DROP COLUMN lawful_basis_evidence`);
  }
}
