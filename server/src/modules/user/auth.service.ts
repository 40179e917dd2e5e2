import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { unauthenticated } from '../../common/graphql/errors';
import { JwtPayload } from '../../common/auth/auth-user';
import { LoginThrottle } from './login-throttle';
import { verifyPassword } from './password';
import { User } from './user.entity';

@Injectable()
export class AuthService {
  constructor(private readonly db: DataSource, private readonly jwt: JwtService, private readonly throttle: LoginThrottle) {}

  /** Checks the password and issues a signed token; the same message for unknown email and wrong password. */
  async login(email: string, password: string, ip: string): Promise<{ accessToken: string; user: User }> {
    const normalised = email.trim().toLowerCase();
    this.throttle.assertAllowed(normalised, ip);
    const user = await this.db
      .getRepository(User)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('lower(u.email) = :email', { email: normalised })
      .getOne();
    if (!(await verifyPassword(user?.passwordHash, password)) || !user) {
      this.throttle.recordFailure(normalised, ip);
      throw unauthenticated('Email or password is incorrect');
    }
    this.throttle.recordSuccess(normalised);
    const payload: JwtPayload = { sub: user.id, role: user.role };
    return { accessToken: await this.jwt.signAsync(payload), user };
  }
}
