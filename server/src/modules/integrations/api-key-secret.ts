import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';

/**
 * An API key reads `bce_live_<key id, 32 hex>_<secret, 43 base64url chars>`. The id finds the row
 * (no scan, no index over hashes); the 256-bit secret is kept only as its SHA-256 hash, which is
 * enough for a secret this random (no slow hash needed), and compared in constant time.
 */
const KEY_FORMAT = /^bce_live_([0-9a-f]{32})_([A-Za-z0-9_-]{43})$/;

export interface NewApiKey {
  id: string;
  /** What the list shows: enough to recognise the key, useless to use it. */
  prefix: string;
  /** The whole key: shown once, never stored. */
  key: string;
  hash: Buffer;
}

export const hashSecret = (secret: string): Buffer => createHash('sha256').update(secret, 'utf8').digest();

export function newApiKey(): NewApiKey {
  const id = randomUUID();
  const hex = id.replace(/-/g, '');
  const secret = randomBytes(32).toString('base64url');
  return { id, prefix: `bce_live_${hex.slice(0, 8)}`, key: `bce_live_${hex}_${secret}`, hash: hashSecret(secret) };
}

/** The key id and secret, or null when the text is not an API key at all (a JWT, say). */
export function parseApiKey(text: string | undefined | null): { id: string; secret: string } | null {
  const m = text ? KEY_FORMAT.exec(text.trim()) : null;
  if (!m) return null;
  const hex = m[1];
  return { id: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, secret: m[2] };
}

export function secretMatches(secret: string, storedHash: Buffer): boolean {
  const given = hashSecret(secret);
  return storedHash.length === given.length && timingSafeEqual(given, storedHash);
}

/** Keys must expire; at most this far ahead. */
export const MAX_KEY_LIFETIME_DAYS = 730;
