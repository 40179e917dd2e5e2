import { Reflector } from '@nestjs/core';
import { ExecutionContextHost } from '@nestjs/core/helpers/execution-context-host';
import passport from 'passport';
import { Strategy } from 'passport-strategy';
import { AppConfig } from '../../config/env';
import { AuthGuard, strategiesFor } from './auth.guard';
import { AuthUser } from './auth-user';
import { Public, Role, Roles } from './roles';

const KEY = `bce_live_${'a'.repeat(32)}_${'b'.repeat(43)}`;
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2ln';
const staff: AuthUser = { id: 'u1', email: 'u1@example.ac.uk', role: Role.staff, departmentIds: [] };
const keyUser: AuthUser = { id: 'u2', email: 'u2@example.ac.uk', role: Role.viewer, departmentIds: [], apiKeyId: 'k1' };

/** A stand-in for a real strategy: accepts exactly one credential, else fails; records each attempt. */
class Fake extends Strategy {
  constructor(readonly name: string, private readonly accept: (req: { headers: Record<string, string> }) => AuthUser | Error | undefined, readonly tried: string[]) {
    super();
  }
  authenticate(req: { headers: Record<string, string> }): void {
    this.tried.push(this.name);
    const user = this.accept(req);
    if (user instanceof Error) this.error(user);
    else if (user) this.success(user);
    else this.fail(401);
  }
}

describe('strategiesFor', () => {
  it('sends a JWT, or no credentials at all, to the JWT strategy alone', () => {
    expect(strategiesFor({ headers: { authorization: `Bearer ${JWT}` } })).toEqual(['jwt']);
    expect(strategiesFor({ headers: {} })).toEqual(['jwt']);
    expect(strategiesFor({ headers: { authorization: 'Bearer bce_live_nope' } })).toEqual(['jwt']);
  });

  it('tries a key-shaped credential as a key first, then as a JWT (the old chain)', () => {
    expect(strategiesFor({ headers: { authorization: `Bearer ${KEY}` } })).toEqual(['api-key', 'jwt']);
    expect(strategiesFor({ headers: { 'x-api-key': KEY, authorization: `Bearer ${JWT}` } })).toEqual(['api-key', 'jwt']);
  });
});

describe('AuthGuard', () => {
  const tried: string[] = [];
  beforeAll(() => {
    passport.use(new Fake('jwt', (req) => (req.headers.authorization === `Bearer ${JWT}` ? staff : req.headers.authorization === 'Bearer broken' ? new Error('lookup failed') : undefined), tried));
    passport.use(new Fake('api-key', (req) => ((req.headers['x-api-key'] ?? req.headers.authorization) === KEY || req.headers.authorization === `Bearer ${KEY}` ? keyUser : undefined), tried));
  });
  beforeEach(() => (tried.length = 0));

  class Resolver {
    @Roles(Role.admin, Role.staff) write() {}
    @Roles(Role.admin) adminOnly() {}
    @Public() login() {}
    undecorated() {}
  }
  const guard = new AuthGuard(new Reflector(), { rateLimitPerMinute: 0 } as AppConfig);
  const call = (handler: keyof Resolver, headers: Record<string, string>) => {
    const req: { headers: Record<string, string>; user?: AuthUser } = { headers };
    const context = new ExecutionContextHost([req, {}], Resolver, Resolver.prototype[handler]);
    return { req, result: guard.canActivate(context) };
  };
  const code = (promise: Promise<unknown>) => promise.then(() => 'ok', (e) => e.extensions?.code ?? e.message);

  it('signs in a good JWT with one strategy, and sets req.user', async () => {
    const { req, result } = call('write', { authorization: `Bearer ${JWT}` });
    await expect(result).resolves.toBe(true);
    expect(req.user).toEqual(staff);
    expect(tried).toEqual(['jwt']);
  });

  it('refuses a bad, missing or key-shaped-but-unknown token as UNAUTHENTICATED', async () => {
    expect(await code(call('write', { authorization: 'Bearer not.a.token' }).result)).toBe('UNAUTHENTICATED');
    expect(await code(call('write', {}).result)).toBe('UNAUTHENTICATED');
    const unknownKey = `bce_live_${'c'.repeat(32)}_${'d'.repeat(43)}`;
    expect(await code(call('write', { authorization: `Bearer ${unknownKey}` }).result)).toBe('UNAUTHENTICATED');
    expect(tried).toEqual(['jwt', 'jwt', 'api-key', 'jwt']);
  });

  it('signs in an API key, by header or bearer, and still checks its role', async () => {
    expect(await code(call('adminOnly', { 'x-api-key': KEY }).result)).toBe('FORBIDDEN');
    const { req, result } = call('write', { authorization: `Bearer ${KEY}` });
    expect(await code(result)).toBe('FORBIDDEN');
    expect(req.user).toEqual(keyUser);
  });

  it('falls back to the bearer JWT when the X-API-Key is refused, as the one chain did', async () => {
    const unknownKey = `bce_live_${'c'.repeat(32)}_${'d'.repeat(43)}`;
    expect(await code(call('write', { 'x-api-key': unknownKey, authorization: `Bearer ${JWT}` }).result)).toBe('ok');
    expect(tried).toEqual(['api-key', 'jwt']);
  });

  it('refuses a role not listed, and an operation with neither @Roles nor @Public', async () => {
    expect(await code(call('adminOnly', { authorization: `Bearer ${JWT}` }).result)).toBe('FORBIDDEN');
    expect(await code(call('undecorated', { authorization: `Bearer ${JWT}` }).result)).toBe('FORBIDDEN');
  });

  it('lets @Public through without credentials', async () => {
    expect(await code(call('login', {}).result)).toBe('ok');
    expect(tried).toEqual([]);
  });

  it('says SERVICE_UNAVAILABLE, not UNAUTHENTICATED, when the lookup cannot reach the database; UNAUTHENTICATED for other errors', async () => {
    expect(await code(call('write', { authorization: 'Bearer broken' }).result)).toBe('UNAUTHENTICATED');
    passport.use(new Fake('jwt', () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }), tried));
    expect(await code(call('write', { authorization: `Bearer ${JWT}` }).result)).toBe('SERVICE_UNAVAILABLE');
  });
});
