import { tooManyRequests } from '../graphql/errors';
import { now } from '../dates/clock';

export const RATE_WINDOW_MS = 60_000;

/**
 * Requests per caller (a user, an API key) per minute. A sliding estimate over two fixed windows:
 * the last window's count weighs in by how much of it still overlaps the past minute, so a burst at a
 * window's edge cannot double the limit. Kept in memory per process, like the sign-in throttle:
 * with several replicas each enforces it on its own share of the traffic.
 */
export class RequestRateLimit {
  private readonly windows = new Map<string, { start: number; count: number; previous: number }>();

  /** `perMinute` 0 switches the limit off (benchmarks, a trusted single-tenant install). */
  constructor(private readonly perMinute: number, private readonly clock: () => number = () => now().getTime()) {}

  /** Counts one request for `key`; throws TOO_MANY_REQUESTS, saying when to try again, once over the limit. */
  take(key: string): void {
    if (this.perMinute <= 0) return;
    const at = this.clock();
    const start = at - (at % RATE_WINDOW_MS);
    let w = this.windows.get(key);
    if (!w || w.start !== start) {
      const previous = w && w.start === start - RATE_WINDOW_MS ? w.count : 0;
      w = { start, count: 0, previous };
      this.windows.set(key, w);
      if (this.windows.size > 50_000) this.forgetIdle(start);
    }
    const overlap = 1 - (at - start) / RATE_WINDOW_MS;
    if (w.count + w.previous * overlap >= this.perMinute) {
      const retryAfter = Math.max(1, Math.ceil((start + RATE_WINDOW_MS - at) / 1000));
      throw tooManyRequests(`Too many requests: at most ${this.perMinute} a minute. Try again in ${retryAfter} s.`, retryAfter);
    }
    w.count++;
  }

  private forgetIdle(start: number): void {
    for (const [key, w] of this.windows) if (w.start < start - RATE_WINDOW_MS) this.windows.delete(key);
  }
}
