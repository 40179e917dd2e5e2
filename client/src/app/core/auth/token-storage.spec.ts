import { beforeEach, describe, expect, it } from 'vitest';
import { canWrite, isAdmin, isManager } from './roles';
import { isTokenExpired, TOKEN_KEY, TokenStorage, tokenExpiry } from './token-storage';

const jwt = (payload: object) => `h.${btoa(JSON.stringify(payload)).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')}.s`;

describe('tokenExpiry', () => {
  it('reads exp (seconds) as milliseconds', () => {
    expect(tokenExpiry(jwt({ sub: 'u1', exp: 1_700_000_000 }))).toBe(1_700_000_000_000);
  });

  it('returns null for a token it cannot read', () => {
    expect(tokenExpiry('not-a-jwt')).toBeNull();
    expect(tokenExpiry('a.%%%.c')).toBeNull();
    expect(tokenExpiry(jwt({ sub: 'u1' }))).toBeNull();
  });
});

describe('isTokenExpired', () => {
  it('compares exp with now', () => {
    const token = jwt({ exp: 1000 });
    expect(isTokenExpired(token, 999_000)).toBe(false);
    expect(isTokenExpired(token, 1_000_000)).toBe(true);
  });
});

describe('TokenStorage', () => {
  beforeEach(() => localStorage.clear());

  it(`keeps the token in localStorage under ${TOKEN_KEY}`, () => {
    const storage = new TokenStorage(localStorage);
    storage.write('abc');
    expect(localStorage.getItem('bce.token')).toBe('abc');
    expect(storage.read()).toBe('abc');
    storage.clear();
    expect(storage.read()).toBeNull();
  });

  it('forgets an expired token when reading it', () => {
    const storage = new TokenStorage(localStorage);
    storage.write(jwt({ exp: 10 }));
    expect(storage.read(20_000)).toBeNull();
    expect(localStorage.getItem(TOKEN_KEY)).toBeNull();
  });

  it('treats a storage that throws as empty', () => {
    const broken = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('denied');
      },
      removeItem: () => undefined,
    };
    const storage = new TokenStorage(broken);
    expect(() => storage.write('abc')).not.toThrow();
    expect(storage.read()).toBeNull();
  });
});

describe('roles', () => {
  it('lets admins, managers and staff write, not viewers', () => {
    expect(['admin', 'manager', 'staff', 'viewer'].map((r) => canWrite(r as never))).toEqual([true, true, true, false]);
    expect(canWrite(null)).toBe(false);
  });

  it('knows managers and admins', () => {
    expect(isManager('manager')).toBe(true);
    expect(isManager('staff')).toBe(false);
    expect(isAdmin('admin')).toBe(true);
    expect(isAdmin('manager')).toBe(false);
  });
});
