import type { ApiKeyItemFragment, CreateApiKeyInput, Role } from '../../../graphql/generated';
import { addDaysIso, formatLocalDate, fromIsoDate, todayIso, toIsoDate } from '../../../shared/dates/dates';

/** The server refuses an expiry more than this many days ahead (api-key-secret.ts). */
export const MAX_KEY_LIFETIME_DAYS = 730;

export interface ApiKeyFormValue {
  name: string;
  role: Role;
  departmentIds: string[];
  /** The last UK day the key works (a date picker Date, not yet the instant the API takes). */
  expiresAt: Date | null;
}

/** The picker's bounds and default, as UK days: tomorrow, a year ahead, and the last day the server still takes. */
export function expiryBounds(now: Date = new Date()): { min: Date; initial: Date; max: Date } {
  const today = todayIso(now);
  return {
    min: fromIsoDate(addDaysIso(today, 1))!,
    initial: fromIsoDate(addDaysIso(today, 365))!,
    // The key runs to the end of its day, so the last day offered ends inside the two years.
    max: fromIsoDate(addDaysIso(today, MAX_KEY_LIFETIME_DAYS - 1))!,
  };
}

/** 23:59:59 on UK clocks (GMT or BST) of an ISO day: a key "expiring 12 Mar" works all of 12 Mar. */
export function endOfUkDay(isoDay: string): Date {
  const next = addDaysIso(isoDay, 1);
  const utcMidnight = Date.parse(`${next}T00:00:00Z`);
  // UK midnight is UTC midnight in winter and 23:00 UTC the evening before in summer.
  const ukMidnight = [utcMidnight - 3_600_000, utcMidnight].find((t) => todayIso(new Date(t)) === next && todayIso(new Date(t - 1)) === isoDay) ?? utcMidnight;
  return new Date(ukMidnight - 1000);
}

export function toCreateApiKeyInput(value: ApiKeyFormValue): CreateApiKeyInput {
  const day = toIsoDate(value.expiresAt);
  if (!day) throw new Error('An API key needs an expiry date');
  return { name: value.name.trim(), role: value.role, departmentIds: [...value.departmentIds], expiresAt: endOfUkDay(day).toISOString() };
}

export type ApiKeyStatus = 'live' | 'expired' | 'revoked';

export function apiKeyStatus(key: Pick<ApiKeyItemFragment, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): ApiKeyStatus {
  if (key.revokedAt) return 'revoked';
  return Date.parse(key.expiresAt) <= now.getTime() ? 'expired' : 'live';
}

/** What the list's status column says: "Live", "Expired", "Revoked 12 Mar 2026". */
export function apiKeyStatusText(key: Pick<ApiKeyItemFragment, 'revokedAt' | 'expiresAt'>, now: Date = new Date()): string {
  const status = apiKeyStatus(key, now);
  if (status === 'revoked') return `Revoked ${formatLocalDate(key.revokedAt)}`;
  return status === 'expired' ? 'Expired' : 'Live';
}

/** As the server lists them: keys still in force first, then newest first. */
export function sortApiKeys<K extends Pick<ApiKeyItemFragment, 'revokedAt' | 'expiresAt' | 'createdAt'>>(keys: readonly K[], now: Date = new Date()): K[] {
  const live = (k: K) => (apiKeyStatus(k, now) === 'live' ? 0 : 1);
  return [...keys].sort((a, b) => live(a) - live(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt));
}
