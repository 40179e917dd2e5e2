import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Integrations: API keys (a principal with a role and departments, stored only as a SHA-256 hash
 * of a high-entropy secret) and webhooks with their delivery outbox. A delivery row is written in
 * the same transaction as the record change, so a rolled-back write sends nothing.
 */
export class Integrations1734000000000 implements MigrationInterface {
  name = 'Integrations1734000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE api_keys (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        role text NOT NULL CHECK (role IN ('admin', 'manager', 'staff', 'viewer')),
        prefix text NOT NULL,
        secret_hash bytea NOT NULL,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        last_used_at timestamptz,
        revoked_at timestamptz,
        revoked_by uuid REFERENCES users(id)
      )`);
    await q.query(`
      CREATE TABLE api_key_departments (
        api_key_id uuid NOT NULL REFERENCES api_keys(id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES departments(id),
        PRIMARY KEY (api_key_id, department_id)
      )`);
    await q.query(`
      CREATE TABLE webhooks (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(btrim(name)) BETWEEN 1 AND 200),
        url text NOT NULL,
        events text[] NOT NULL CHECK (cardinality(events) > 0),
        secret text NOT NULL,
        active boolean NOT NULL DEFAULT true,
        include_confidential boolean NOT NULL DEFAULT false,
        created_by uuid NOT NULL REFERENCES users(id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz
      )`);
    await q.query(`
      CREATE TABLE webhook_deliveries (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        webhook_id uuid NOT NULL REFERENCES webhooks(id) ON DELETE CASCADE,
        event text NOT NULL,
        payload jsonb NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
        attempts int NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_status_code int,
        last_error text,
        last_response_ms int,
        created_at timestamptz NOT NULL DEFAULT now(),
        delivered_at timestamptz
      )`);
    await q.query(`CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
    await q.query(`CREATE INDEX webhook_deliveries_webhook_idx ON webhook_deliveries (webhook_id, created_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE webhook_deliveries`);
    await q.query(`DROP TABLE webhooks`);
    await q.query(`DROP TABLE api_key_departments`);
    await q.query(`DROP TABLE api_keys`);
  }
}
