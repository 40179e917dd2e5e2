import { AuthUser } from './auth-user';
import { AuthUserCache } from './auth-user-cache';
import { Role } from './roles';

const alice: AuthUser = { id: 'u1', email: 'alice@test.ac.uk', role: Role.staff, departmentIds: ['d1'] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('AuthUserCache', () => {
  it('looks a user up once while fresh, and again once the entry expires', async () => {
    const cache = new AuthUserCache(40);
    const load = jest.fn(async () => alice);
    expect(await cache.get('u1', 1, load)).toEqual(alice);
    expect(await cache.get('u1', 1, load)).toEqual(alice);
    expect(load).toHaveBeenCalledTimes(1);
    await sleep(60);
    await cache.get('u1', 1, load);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('keeps the default time to live to seconds', () => {
    expect(AuthUserCache.TTL_MS).toBeLessThanOrEqual(10_000);
  });

  it('keys by token version: a token from before a bump never finds the newer entry', async () => {
    const cache = new AuthUserCache();
    await cache.get('u1', 2, async () => alice);
    expect(await cache.get('u1', 1, async () => null)).toBeNull();
  });

  it('never keeps a refused lookup (deactivated, stale token version)', async () => {
    const cache = new AuthUserCache();
    const load = jest.fn(async () => null);
    expect(await cache.get('u1', 1, load)).toBeNull();
    expect(await cache.get('u1', 1, load)).toBeNull();
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('forgets a user on invalidation: a deactivated user is refused on the next lookup', async () => {
    const cache = new AuthUserCache();
    await cache.get('u1', 1, async () => alice);
    await cache.get('u2', 1, async () => ({ ...alice, id: 'u2' }));
    await cache.invalidating('u1', Promise.resolve('deactivated'));
    expect(await cache.get('u1', 1, async () => null)).toBeNull();
    const other = jest.fn(async () => null);
    expect(await cache.get('u2', 1, other)).toMatchObject({ id: 'u2' });
    expect(other).not.toHaveBeenCalled();
  });

  it('invalidates after a change that failed too (nothing stale can survive a rollback either)', async () => {
    const cache = new AuthUserCache();
    await cache.get('u1', 1, async () => alice);
    await expect(cache.invalidating('u1', Promise.reject(new Error('rolled back')))).rejects.toThrow('rolled back');
    const load = jest.fn(async () => alice);
    await cache.get('u1', 1, load);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('does not store a lookup that was in flight when the user changed (it may have read the old row)', async () => {
    const cache = new AuthUserCache();
    let finish!: (u: AuthUser) => void;
    const pending = cache.get('u1', 1, () => new Promise<AuthUser>((r) => (finish = r)));
    cache.invalidate('u1');
    finish(alice);
    expect(await pending).toEqual(alice);
    const demoted = { ...alice, role: Role.viewer };
    expect(await cache.get('u1', 1, async () => demoted)).toEqual(demoted);
  });

  it('forgets everyone on clear', async () => {
    const cache = new AuthUserCache();
    await cache.get('u1', 1, async () => alice);
    cache.clear();
    expect(await cache.get('u1', 1, async () => null)).toBeNull();
  });

  it('hands each request its own copy', async () => {
    const cache = new AuthUserCache();
    const first = (await cache.get('u1', 1, async () => alice))!;
    first.departmentIds.push('d2');
    first.role = Role.admin;
    expect(await cache.get('u1', 1, async () => null)).toEqual(alice);
  });
});
