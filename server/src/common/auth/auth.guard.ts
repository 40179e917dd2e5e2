import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { AuthGuard as PassportGuard } from '@nestjs/passport';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { RequestRateLimit } from '../http/request-rate-limit';
import { forbidden, isDatabaseUnavailable, serviceUnavailable, unauthenticated } from '../graphql/errors';
import { AuthUser } from './auth-user';
import { PUBLIC_KEY, Role, ROLES_KEY } from './roles';

/**
 * The one gate for every operation: @Public ones pass; all others need a valid bearer token and a
 * role listed in @Roles (an API key, see api-key.strategy.ts, counts as a token). An operation with neither decorator is refused (fail closed).
 * Each signed-in caller's requests are also counted against the per-minute rate limit here, once
 * per HTTP request however many operations it holds (login has its own throttle).
 */
@Injectable()
export class AuthGuard extends PassportGuard(['api-key', 'jwt']) {
  private readonly rateLimit: RequestRateLimit;
  private readonly counted = new WeakSet<object>();

  constructor(private readonly reflector: Reflector, @Inject(APP_CONFIG) config: AppConfig) {
    super();
    this.rateLimit = new RequestRateLimit(config.rateLimitPerMinute);
  }

  getRequest(context: ExecutionContext) {
    return context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext().req : context.switchToHttp().getRequest();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    const req = this.getRequest(context);
    const user: AuthUser = req.user;
    if (!this.counted.has(req)) {
      this.counted.add(req);
      this.rateLimit.take(user.apiKeyId ? `api-key:${user.apiKeyId}` : `user:${user.id}`);
    }
    if (!roles || !roles.includes(user.role)) throw forbidden(`Your role (${user.role}) cannot do this`);
    return true;
  }

  handleRequest<T>(err: unknown, user: T): T {
    // The user lookup could not reach the database: that is not a bad token, so do not sign them out.
    if (err && isDatabaseUnavailable(err)) throw serviceUnavailable();
    if (err || !user) throw unauthenticated();
    return user;
  }
}
