import { Injectable } from '@nestjs/common';
import { createSecretKey } from 'node:crypto';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { DataSource } from 'typeorm';
import { AuthUser, JwtPayload } from './auth-user';
import { AuthUserCache } from './auth-user-cache';
import { JWT_SECRET } from './jwt-secret';
import { Inject } from '@nestjs/common';

/**
 * Accepts a bearer token only while its user is active and the token's version is the user's
 * current one: deactivation and password resets bump the version, so old tokens fail on their
 * very next request (in this process; see AuthUserCache for other processes). The user, role and
 * departments come from the database, not the token, so a demotion bites as soon as the cached
 * lookup is dropped: at once when made through this server, within seconds otherwise.
 */
@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy) {
  constructor(private readonly db: DataSource, @Inject(JWT_SECRET) secret: string, private readonly cache: AuthUserCache) {
    // A KeyObject, not the string: given a string, jsonwebtoken first tries (and fails) to read it as
    // a public key on every verify, which cost more CPU than the rest of authentication (profiled).
    super({ jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(), secretOrKey: createSecretKey(Buffer.from(secret, 'utf8')) as unknown as string, ignoreExpiration: false, algorithms: ['HS256'] });
  }

  async validate(payload: JwtPayload): Promise<AuthUser | false> {
    const user = await this.cache.get(payload.sub, payload.tv ?? 1, () => this.lookup(payload));
    return user ?? false;
  }

  private async lookup(payload: JwtPayload): Promise<AuthUser | undefined> {
    const [row] = await this.db.query(
      `SELECT u.id, u.email, u.role, COALESCE(array_agg(ud.department_id) FILTER (WHERE ud.department_id IS NOT NULL), '{}') AS "departmentIds"
         FROM users u LEFT JOIN user_departments ud ON ud.user_id = u.id
        WHERE u.id = $1 AND u.deleted_at IS NULL AND u.token_version = $2 GROUP BY u.id`,
      [payload.sub, payload.tv ?? 1],
    );
    return row;
  }
}
