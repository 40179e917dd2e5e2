import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { Request } from 'express';
import { Strategy } from 'passport-strategy';
import { DataSource } from 'typeorm';
import { now } from '../dates/clock';
import { apiKeyPrincipal, touchApiKey } from '../../modules/integrations/integrations.sql';
import { parseApiKey, secretMatches } from '../../modules/integrations/api-key-secret';
import { AuthUser } from './auth-user';

type Verify = (key: { id: string; secret: string }, done: (err: unknown, user?: AuthUser | false) => void) => void;

/** Passes (fail) on anything that is not an API key, so the JWT strategy gets its turn. */
class ApiKeyPassport extends Strategy {
  name = 'api-key';
  constructor(private readonly verify: Verify) {
    super();
  }

  authenticate(req: Request): void {
    const auth = req.headers.authorization;
    const header = req.headers['x-api-key'];
    const text = typeof header === 'string' ? header : auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const key = parseApiKey(text);
    if (!key) return this.fail(401);
    this.verify(key, (err, user) => (err ? this.error(err as Error) : user ? this.success(user) : this.fail(401)));
  }
}

/**
 * An integration's API key (`Authorization: Bearer bce_live_…` or `X-API-Key`) acts as a principal
 * with the key's role and departments, so role checks and confidential visibility apply as to a
 * user. Its id is the admin who created it (the audit trail names them) and the key stops working
 * if they are deactivated; revocation and expiry (on the server clock) take effect at once.
 */
@Injectable()
export class ApiKeyStrategy extends PassportStrategy(ApiKeyPassport, 'api-key') {
  constructor(private readonly db: DataSource) {
    super();
  }

  async validate(key: { id: string; secret: string }): Promise<AuthUser | false> {
    const at = now();
    const row = await apiKeyPrincipal(this.db.manager, key.id, at);
    if (!row || !secretMatches(key.secret, row.hash)) return false;
    await touchApiKey(this.db.manager, key.id, at);
    return { id: row.userId, email: row.email, role: row.role, departmentIds: row.departmentIds, apiKeyId: key.id };
  }
}
