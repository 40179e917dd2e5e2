import { ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import type { Request } from 'express';
import passport from 'passport';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { RequestRateLimit } from '../http/request-rate-limit';
import { forbidden, isDatabaseUnavailable, serviceUnavailable, unauthenticated } from '../graphql/errors';
import { parseApiKey } from '../../modules/integrations/api-key-secret';
import { AuthUser } from './auth-user';
import { PUBLIC_KEY, Role, ROLES_KEY } from './roles';

/**
 * The passport strategies to try for this request's credentials, in order. A JWT (nearly every
 * request) goes straight to the JWT strategy. Text shaped like an API key (X-API-Key, or a bearer
 * `bce_live_…`) tries the key and then, as before, the bearer token as a JWT: the same answer the
 * one chain ['api-key', 'jwt'] gave every request, without the failed key attempt on each JWT
 * (profiled, issue 15).
 */
export function strategiesFor(req: Pick<Request, 'headers'>): string[] {
  const auth = req.headers.authorization;
  const header = req.headers['x-api-key'];
  // What ApiKeyStrategy reads: the X-API-Key header if given, else the bearer token.
  const text = typeof header === 'string' ? header : auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
  return parseApiKey(text) ? ['api-key', 'jwt'] : ['jwt'];
}

/**
 * The one gate for every operation: @Public ones pass; all others need a valid bearer token and a
 * role listed in @Roles (an API key, see api-key.strategy.ts, counts as a token). An operation with neither decorator is refused (fail closed).
 * Each signed-in caller's requests are also counted against the per-minute rate limit here, once
 * per HTTP request however many operations it holds (login has its own throttle).
 */
@Injectable()
export class AuthGuard {
  private readonly rateLimit: RequestRateLimit;
  private readonly counted = new WeakSet<object>();

  constructor(private readonly reflector: Reflector, @Inject(APP_CONFIG) config: AppConfig) {
    this.rateLimit = new RequestRateLimit(config.rateLimitPerMinute);
  }

  getRequest(context: ExecutionContext): Request & { user: AuthUser } {
    return context.getType<string>() === 'graphql' ? GqlExecutionContext.create(context).getContext().req : context.switchToHttp().getRequest();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const req = this.getRequest(context);
    const user = await this.authenticate(req);
    req.user = user;
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!this.counted.has(req)) {
      this.counted.add(req);
      this.rateLimit.take(user.apiKeyId ? `api-key:${user.apiKeyId}` : `user:${user.id}`);
    }
    if (!roles || !roles.includes(user.role)) throw forbidden(`Your role (${user.role}) cannot do this`);
    return true;
  }

  /** Passport's answer for the request's credentials (strategiesFor), through handleRequest. */
  private authenticate(req: Request): Promise<AuthUser> {
    return new Promise((resolve, reject) => {
      const done = (err: unknown, user: AuthUser | false | undefined) => {
        try {
          resolve(this.handleRequest(err, user));
        } catch (error) {
          reject(error);
        }
      };
      // With a callback passport answers through it and never touches the response.
      passport.authenticate(strategiesFor(req), { session: false }, done)(req, undefined, (err?: unknown) => (err ? reject(err) : done(null, false)));
    });
  }

  handleRequest<T>(err: unknown, user: T | false | null | undefined): T {
    // The user lookup could not reach the database: that is not a bad token, so do not sign them out.
    if (err && isDatabaseUnavailable(err)) throw serviceUnavailable();
    if (err || !user) throw unauthenticated();
    return user;
  }
}
