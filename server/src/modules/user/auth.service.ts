import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../../common/graphql/errors';
import { JwtPayload } from '../../common/auth/auth-user';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password';
import { User } from './user.entity';
import { findForSignIn, recordSignIn } from './user.sql';

@Injectable()
export class AuthService {
  constructor(private readonly db: DataSource, private readonly jwt: JwtService, private readonly throttle: LoginThrottle) {}

  /**
   * Checks the password and issues a signed token; the same message for unknown email, wrong
   * password and a deactivated user, so sign-in reveals nothing about which accounts exist.
   */
  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; user: User }> {
    const normalised = email.trim().toLowerCase();
    this.throttle.assertAllowed(normalised, ip);
    const user = await findForSignIn(this.db.manager, normalised);
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      this.throttle.recordFailure(normalised, ip);
      throw unauthenticated('Email or password is incorrect');
    }
    this.throttle.recordSuccess(normalised);
    await recordSignIn(this.db.manager, user.id);
    const { passwordHash: _hash, ...signedIn } = user;
    return { accessToken: await this.issueToken(user), user: Object.assign(new User(), signedIn) };
  }

  /** A token for the user's current token version (after a password change, the new one). */
  issueToken(user: Pick<User, 'id' | 'role' | 'tokenVersion'>): Promise<string> {
    const payload: JwtPayload = { sub: user.id, role: user.role, tv: user.tokenVersion };
    return this.jwt.signAsync(payload);
  }
}
