import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { forbidden, unauthenticated } from '../../common/graphql/errors';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { JwtPayload } from '../../common/auth/auth-user';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password';
import { User } from './user.entity';
import { findForSignIn, recordSignIn } from './user.sql';

export const LOCAL_LOGIN_OFF = 'Password sign-in is turned off here: use "Sign in with your institution"';

@Injectable()
export class AuthService {
  constructor(
    private readonly db: DataSource, private readonly jwt: JwtService, private readonly throttle: LoginThrottle,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Checks the password and issues a signed token; the same message for unknown email, wrong
   * password and a deactivated user, so sign-in reveals nothing about which accounts exist.
   * With LOCAL_LOGIN=false only the break-glass accounts may use a password; everyone else (and
   * any failed attempt) hears that password sign-in is off, so the break-glass emails stay secret.
   */
  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; user: User }> {
    const normalised = email.trim().toLowerCase();
    this.throttle.assertAllowed(normalised, ip);
    const user = await findForSignIn(this.db.manager, normalised);
    const { localLogin, breakGlassEmails } = this.config.sso;
    const verified = (await verifyPassword(user?.passwordHash, password)) && user;
    if (!verified) this.throttle.recordFailure(normalised, ip);
    if (!localLogin && !(verified && breakGlassEmails.includes(normalised))) throw forbidden(LOCAL_LOGIN_OFF);
    if (!verified) throw unauthenticated('Email or password is incorrect');
    this.throttle.recordSuccess(normalised);
    await recordSignIn(this.db.manager, verified.id);
    const { passwordHash: _hash, ...signedIn } = verified;
    return { accessToken: await this.issueToken(verified), user: Object.assign(new User(), signedIn) };
  }

  /** A token for the user's current token version (after a password change, the new one). */
  issueToken(user: Pick<User, 'id' | 'role' | 'tokenVersion'>): Promise<string> {
    const payload: JwtPayload = { sub: user.id, role: user.role, tv: user.tokenVersion };
    return this.jwt.signAsync(payload);
  }
}
