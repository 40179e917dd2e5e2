import type { CacheItem, CacheProvider } from '@node-saml/passport-saml';
import { DataSource } from 'typeorm';
import { returning } from '../../common/database/returning';

/** How long a SAML request stays answerable: the IdP's response must come back within this. */
export const SAML_REQUEST_TTL_MS = 10 * 60 * 1000;

/**
 * node-saml's record of the AuthnRequests we sent (for InResponseTo), in PostgreSQL rather than
 * in memory, so any replica can receive the response and a response is accepted only once.
 */
export class SamlRequestCache implements CacheProvider {
  constructor(private readonly db: DataSource) {}

  async saveAsync(key: string, value: string): Promise<CacheItem | null> {
    await this.db.query(`DELETE FROM saml_requests WHERE created_at < now() - make_interval(secs => $1)`, [SAML_REQUEST_TTL_MS / 1000]);
    const [row] = await this.db.query(
      `INSERT INTO saml_requests (id, value) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING value, created_at AS "createdAt"`,
      [key, value],
    );
    return row ? { value: row.value, createdAt: new Date(row.createdAt).getTime() } : null;
  }

  async getAsync(key: string): Promise<string | null> {
    const [row] = await this.db.query(
      `SELECT value FROM saml_requests WHERE id = $1 AND created_at >= now() - make_interval(secs => $2)`,
      [key, SAML_REQUEST_TTL_MS / 1000],
    );
    return row?.value ?? null;
  }

  async removeAsync(key: string | null): Promise<string | null> {
    if (!key) return null;
    const [row] = returning<{ value: string }>(await this.db.query(`DELETE FROM saml_requests WHERE id = $1 RETURNING value`, [key]));
    return row?.value ?? null;
  }
}
