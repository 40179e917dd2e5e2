export const TOKEN_KEY = 'bce.token';

/** The `exp` claim of a JWT in milliseconds, or null when the token has none or cannot be read. */
export function tokenExpiry(token: string): number | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/').padEnd(Math.ceil(payload.length / 4) * 4, '='));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null;
  }
}

/** A token whose expiry has passed is as good as none: sending it would only earn UNAUTHENTICATED. */
export function isTokenExpired(token: string, now = Date.now()): boolean {
  const expiry = tokenExpiry(token);
  return expiry !== null && expiry <= now;
}

/** Reads and writes the bearer token; storage errors (private mode, quota) mean "no token". */
export class TokenStorage {
  constructor(private readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> | null) {}

  read(now = Date.now()): string | null {
    let token: string | null = null;
    try {
      token = this.storage?.getItem(TOKEN_KEY) ?? null;
    } catch {
      return null;
    }
    if (token && isTokenExpired(token, now)) {
      this.clear();
      return null;
    }
    return token || null;
  }

  write(token: string): void {
    try {
      this.storage?.setItem(TOKEN_KEY, token);
    } catch {
      // The session then lasts only as long as the page; signing in still works.
    }
  }

  clear(): void {
    try {
      this.storage?.removeItem(TOKEN_KEY);
    } catch {
      // nothing stored to remove
    }
  }
}
