import { EntityManager } from 'typeorm';
import { Role } from '../../common/auth/roles';

/** Every statement single sign-on runs, in one place. */

export interface SsoUserRow {
  id: string;
  email: string;
  role: Role;
  tokenVersion: number;
  deactivated: boolean;
}

const USER = `u.id, u.email, u.role, u.token_version AS "tokenVersion", u.deleted_at IS NOT NULL AS deactivated`;

/** The user this IdP account is linked to (deactivated ones too), locked for the sign-in. */
export async function userByIdentity(tx: EntityManager, provider: string, subject: string): Promise<SsoUserRow | null> {
  const [row] = await tx.query(
    `SELECT ${USER} FROM user_identities i JOIN users u ON u.id = i.user_id WHERE i.provider = $1 AND i.subject = $2 FOR UPDATE OF u`,
    [provider, subject],
  );
  return row ?? null;
}

export async function userByEmail(tx: EntityManager, email: string): Promise<SsoUserRow | null> {
  const [row] = await tx.query(`SELECT ${USER} FROM users u WHERE lower(u.email) = $1 FOR UPDATE`, [email]);
  return row ?? null;
}

export async function insertSsoUser(tx: EntityManager, input: { email: string; name: string; role: Role }): Promise<SsoUserRow> {
  const [row] = await tx.query(
    `INSERT INTO users AS u (email, name, role, password_hash) VALUES ($1, $2, $3, NULL) RETURNING ${USER}`,
    [input.email, input.name, input.role],
  );
  return row;
}

export async function linkIdentity(tx: EntityManager, userId: string, provider: string, subject: string, email: string | null): Promise<void> {
  await tx.query(
    `INSERT INTO user_identities (provider, subject, user_id, email, last_sign_in_at) VALUES ($1, $2, $3, $4, now())
     ON CONFLICT (provider, subject) DO UPDATE SET email = EXCLUDED.email, last_sign_in_at = now()`,
    [provider, subject, userId, email],
  );
}

export async function setRole(tx: EntityManager, userId: string, role: Role): Promise<void> {
  await tx.query(`UPDATE users SET role = $2, version = version + 1, updated_at = now() WHERE id = $1`, [userId, role]);
}

/** Joins the department with this code, when it exists and is live; false when it does not. */
export async function joinDepartmentByCode(tx: EntityManager, userId: string, code: string): Promise<boolean> {
  const rows = await tx.query(
    `INSERT INTO user_departments (user_id, department_id) SELECT $1, id FROM departments WHERE code = $2 AND deleted_at IS NULL
     ON CONFLICT DO NOTHING RETURNING department_id`,
    [userId, code],
  );
  return rows.length > 0;
}
