import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** The events a webhook can subscribe to. */
export const WEBHOOK_EVENTS = [
  'organisation.created', 'organisation.updated',
  'engagement.created', 'engagement.updated',
  'opportunity.created', 'opportunity.updated',
] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number] | 'webhook.test';

/** `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the receiver recomputes it with the shared secret. */
export function signPayload(secret: string, timestamp: number, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex')}`;
}

/** What a receiver should do (and what the tests do). */
export function verifySignature(secret: string, timestamp: string | number, body: string, signature: string): boolean {
  const expected = Buffer.from(signPayload(secret, Number(timestamp), body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const newWebhookSecret = (): string => `whsec_${randomBytes(24).toString('base64url')}`;

/** Wait before retry n (1-based) after a failed attempt: 1 min, 5 min, 30 min, 2 h, 12 h; then give up. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000, 12 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When to try again after `attempts` failed attempts, or null once it is time to give up. */
export function nextAttemptAfter(attempts: number, failedAt: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}

/** A problem with the URL (for the `url` field), or null when it is acceptable. https only; plain http to this machine outside production. */
export function webhookUrlProblem(text: string, production: boolean): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'url must be a full URL, e.g. https://example.ac.uk/hooks/bce';
  }
  if (url.username || url.password) return 'url must not carry a user name or password';
  if (url.protocol === 'https:') return null;
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
  if (url.protocol === 'http:' && local && !production) return null;
  return production || !local ? 'url must start with https://' : 'url must use http or https';
}
