import { Injectable } from '@nestjs/common';
import { now } from '../../common/dates/clock';
import { tooManyRequests } from '../../common/graphql/errors';

export const WINDOW_MS = 15 * 60 * 1000;
export const MAX_FAILURES_PER_EMAIL = 5;
// Higher per address, so one person on a shared campus network does not lock everyone out.
export const MAX_FAILURES_PER_IP = 20;

/**
 * Slows password guessing: after too many failed sign-ins for one email, or from one address,
 * within WINDOW_MS, further attempts are refused until the window passes. Kept in memory: with
 * several replicas each counts its own attempts, which still bounds guessing.
 */
@Injectable()
export class LoginThrottle {
  private readonly failures = new Map<string, number[]>();
  now: () => number = () => now().getTime();

  assertAllowed(email: string, ip: string): void {
    if (this.recent(emailKey(email)).length >= MAX_FAILURES_PER_EMAIL || this.recent(ipKey(ip)).length >= MAX_FAILURES_PER_IP) {
      throw tooManyRequests('Too many failed sign-in attempts. Try again in 15 minutes.', WINDOW_MS / 1000);
    }
  }

  recordFailure(email: string, ip: string): void {
    for (const key of [emailKey(email), ipKey(ip)]) this.failures.set(key, [...this.recent(key), this.now()]);
  }

  recordSuccess(email: string): void {
    this.failures.delete(emailKey(email));
  }

  private recent(key: string): number[] {
    const since = this.now() - WINDOW_MS;
    return (this.failures.get(key) ?? []).filter((t) => t > since);
  }
}

const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip:${ip}`;
