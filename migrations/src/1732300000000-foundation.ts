import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Foundation: users, departments and organisations.
 * Enums are text + CHECK rather than PostgreSQL enum types, so later migrations can add a value
 * inside a transaction.
 */
export class Foundation1732300000000 implements MigrationInterface {
  name = 'Foundation1732300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email text NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        password_hash text,
        role text NOT NULL CHECK (role IN ('admin', 'manager', 'staff', 'viewer')),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX users_email_key ON users (lower(email))`);

    await q.query(`
      CREATE TABLE departments (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        code text NOT NULL CHECK (code ~ '^[A-Z0-9]{2,12}$'),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        version int NOT NULL DEFAULT 1
      )`);
    await q.query(`CREATE UNIQUE INDEX departments_code_key ON departments (code)`);

    await q.query(`
      CREATE TABLE user_departments (
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        department_id uuid NOT NULL REFERENCES departments (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, department_id)
      )`);
    await q.query(`CREATE INDEX user_departments_department_idx ON user_departments (department_id)`);

    await q.query(`
      CREATE TABLE organisations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        legal_name text CHECK (length(legal_name) <= 200),
        trading_names text[] NOT NULL DEFAULT '{}',
        type text NOT NULL CHECK (type IN ('employer', 'partner', 'funder', 'school_college', 'public_body', 'community')),
        sector text CHECK (sector ~ '^[A-U]$'),
        size_band text CHECK (size_band IN ('micro', 'small', 'medium', 'large')),
        companies_house_number text CHECK (companies_house_number ~ '^([0-9]{8}|[A-Z]{2}[0-9]{6})$'),
        website text CHECK (length(website) <= 300),
        address_line1 text CHECK (length(address_line1) <= 200),
        address_line2 text CHECK (length(address_line2) <= 200),
        town text CHECK (length(town) <= 100),
        postcode text CHECK (length(postcode) <= 8),
        region text CHECK (region IN ('north_east', 'north_west', 'yorkshire_humber', 'east_midlands', 'west_midlands',
          'east_of_england', 'london', 'south_east', 'south_west', 'wales', 'scotland', 'northern_ireland')),
        relationship_stage text NOT NULL DEFAULT 'prospect'
          CHECK (relationship_stage IN ('prospect', 'active', 'strategic_partner', 'dormant')),
        relationship_roles text[] NOT NULL DEFAULT '{}',
        tags text[] NOT NULL DEFAULT '{}',
        owner_id uuid REFERENCES users (id),
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        deleted_at timestamptz,
        version int NOT NULL DEFAULT 1
      )`);
    // Keyset sorts: (sort key, id) so a page boundary is never ambiguous.
    await q.query(`CREATE INDEX organisations_name_sort_idx ON organisations ((lower(name) COLLATE "C"), id)`);
    await q.query(`CREATE INDEX organisations_created_sort_idx ON organisations (created_at, id)`);
    await q.query(`CREATE INDEX organisations_updated_sort_idx ON organisations (updated_at, id)`);
    // Filters.
    await q.query(`CREATE INDEX organisations_owner_idx ON organisations (owner_id)`);
    await q.query(`CREATE INDEX organisations_type_idx ON organisations (type)`);
    await q.query(`CREATE INDEX organisations_stage_idx ON organisations (relationship_stage)`);
    await q.query(`CREATE INDEX organisations_tags_idx ON organisations USING gin (tags)`);
    await q.query(`CREATE UNIQUE INDEX organisations_ch_number_key ON organisations (companies_house_number)
      WHERE companies_house_number IS NOT NULL AND deleted_at IS NULL`);
    await q.query(`CREATE INDEX organisations_postcode_idx ON organisations (replace(postcode, ' ', ''))`);
    // Search-as-you-type (ILIKE '%…%') and, later, typo-tolerant search.
    await q.query(`CREATE INDEX organisations_name_trgm_idx ON organisations USING gin (name gin_trgm_ops)`);
    await q.query(`CREATE INDEX organisations_legal_name_trgm_idx ON organisations USING gin (legal_name gin_trgm_ops)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE organisations`);
    await q.query(`DROP TABLE user_departments`);
    await q.query(`DROP TABLE departments`);
    await q.query(`DROP TABLE users`);
    await q.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
