import { performance } from 'node:perf_hooks';
import { AuthUser } from './auth-user';

/**
 * The signed-in users the JWT strategy looked up, kept for a few seconds so that a burst of
 * requests (a page sends three or four at once) does not repeat the same lookup each time
 * (profiled: the lookup was the largest single cost of a small request, issue 15).
 *
 * How long a change can take to bite:
 * - In this process, at once: every change to a user's access (role, departments, deactivation,
 *   password, SSO role) calls `invalidating`, which drops their entries after it commits.
 * - Made by another server process or straight in the database: at most TTL_MS, as the entry
 *   expires. Keep it seconds, never minutes.
 * Entries are keyed by user and token version, so a token from before a version bump never finds
 * the newer entry; a refused lookup (deactivated, stale version) is never kept.
 */
export class AuthUserCache {
  static readonly TTL_MS = 5_000;
  /** A bound on memory: past it the cache starts again empty (one lookup per active user). */
  static readonly MAX_ENTRIES = 10_000;

  private readonly entries = new Map<string, { user: AuthUser; expires: number }>();
  /** Bumped by every invalidation: a lookup that began before one does not store what it read. */
  private generation = 0;

  constructor(private readonly ttlMs = AuthUserCache.TTL_MS) {}

  /** The user for this token (from the cache while fresh, else from `load`); a copy each time. */
  async get(userId: string, tokenVersion: number, load: () => Promise<AuthUser | null | undefined>): Promise<AuthUser | null> {
    const key = `${userId}:${tokenVersion}`;
    const at = performance.now();
    const hit = this.entries.get(key);
    if (hit && hit.expires > at) return copy(hit.user);
    const generation = this.generation;
    const user = await load();
    if (!user) {
      this.entries.delete(key);
      return null;
    }
    if (generation === this.generation) {
      if (this.entries.size >= AuthUserCache.MAX_ENTRIES) this.entries.clear();
      this.entries.set(key, { user: copy(user), expires: at + this.ttlMs });
    }
    return copy(user);
  }

  /** Forgets the user's entries (every token version), and any lookup still in flight. */
  invalidate(userId: string): void {
    this.generation++;
    const prefix = `${userId}:`;
    for (const key of this.entries.keys()) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** Forgets everyone (the statement-counting tests: every request then pays its sign-in lookup, as it did before the cache). */
  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  /** Awaits a change to the user's access, then (committed or not) forgets their entries. */
  async invalidating<T>(userId: string, change: Promise<T>): Promise<T> {
    try {
      return await change;
    } finally {
      this.invalidate(userId);
    }
  }
}

/** Each request gets its own copy, so nothing one request does to req.user reaches another. */
const copy = (user: AuthUser): AuthUser => ({ ...user, departmentIds: [...user.departmentIds] });
