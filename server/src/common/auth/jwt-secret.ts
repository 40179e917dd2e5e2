import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const JWT_SECRET = Symbol('JWT_SECRET');

/** As JWT_SECRET must be (env.ts): shorter secrets can be guessed offline from one signed token. */
export const MIN_SECRET_LENGTH = 32;

/**
 * JWT_SECRET when set (required in production); otherwise a random secret kept in the data
 * folder, so a local install's sessions survive a restart without shipping a fixed secret. A kept
 * secret that is too short (edited by hand, truncated) is replaced: sessions end, guessing does not start.
 */
export function resolveJwtSecret(configured: string | undefined, dataDir: string): string {
  if (configured) return configured;
  const file = path.join(dataDir, 'jwt-secret');
  if (fs.existsSync(file)) {
    const kept = fs.readFileSync(file, 'utf8').trim();
    if (kept.length >= MIN_SECRET_LENGTH) return kept;
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(48).toString('base64url');
  fs.writeFileSync(file, secret, { mode: 0o600 });
  fs.chmodSync(file, 0o600);
  return secret;
}
