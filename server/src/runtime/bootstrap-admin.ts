import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { hashPassword } from '../modules/user/password';

export interface AdminAccount {
  email: string;
  /** Set only when the password was generated now, so it can be shown once. */
  generatedPassword?: string;
  passwordFile?: string;
}

/**
 * Makes sure at least one admin exists. The password is ADMIN_PASSWORD when given, otherwise a
 * random one: no fixed password ever ships. Outside production it is also kept in
 * DATA_DIR/initial-admin-password (0600) so a developer who missed the banner can find it.
 */
export async function ensureAdmin(
  db: DataSource,
  opts: { email?: string; password?: string; dataDir: string; production: boolean },
): Promise<AdminAccount | null> {
  const existing = await db.query(`SELECT 1 FROM users WHERE role = 'admin' AND deleted_at IS NULL LIMIT 1`);
  if (existing.length) return null;
  const email = (opts.email ?? 'admin@bce.local').toLowerCase();
  const generated = opts.password ? undefined : randomBytes(12).toString('base64url');
  const passwordHash = await hashPassword(opts.password ?? generated!);
  await db.query(
    `INSERT INTO users (email, name, role, password_hash) VALUES ($1, 'Administrator', 'admin', $2)
     ON CONFLICT ((lower(email))) DO UPDATE SET role = 'admin', password_hash = EXCLUDED.password_hash, deleted_at = NULL`,
    [email, passwordHash],
  );
  let passwordFile: string | undefined;
  if (generated && !opts.production) {
    passwordFile = path.join(opts.dataDir, 'initial-admin-password');
    fs.mkdirSync(opts.dataDir, { recursive: true });
    fs.writeFileSync(passwordFile, `${email}\n${generated}\n`, { mode: 0o600 });
  }
  return { email, generatedPassword: generated, passwordFile };
}
