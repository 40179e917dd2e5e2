import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on: which identity-provider account (provider + its stable subject) is which user,
 * and the SAML requests in flight, so a response is accepted only for a request we sent, once,
 * whichever replica receives it. Users created by SSO have no password_hash (already nullable).
 */
export class Sso1734100000000 implements MigrationInterface {
  name = 'Sso1734100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE user_identities (
        provider text NOT NULL CHECK (provider IN ('oidc', 'saml')),
        subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 1000),
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        email text,
        created_at timestamptz NOT NULL DEFAULT now(),
        last_sign_in_at timestamptz,
        PRIMARY KEY (provider, subject)
      )`);
    await q.query(`CREATE INDEX user_identities_user_idx ON user_identities (user_id)`);
    await q.query(`
      CREATE TABLE saml_requests (
        id text PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 200),
        value text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE saml_requests`);
    await q.query(`DROP TABLE user_identities`);
  }
}
