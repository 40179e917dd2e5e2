import { EntityManager } from 'typeorm';
import { returning } from '../../common/database/returning';
import { Role } from '../../common/auth/roles';
import { User } from './user.entity';

/** Every statement the user module runs, in one place (sign-in included). */

const COLUMNS = `id, email, name, role, token_version AS "tokenVersion", last_sign_in_at AS "lastSignInAt",
  created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt", version`;
const toUser = (row: object) => Object.assign(new User(), row);

export async function listUsers(tx: EntityManager, includeInactive: boolean): Promise<User[]> {
  const rows = await tx.query(`SELECT ${COLUMNS} FROM users ${includeInactive ? '' : 'WHERE deleted_at IS NULL'} ORDER BY lower(name), email`);
  return rows.map(toUser);
}

export async function findUser(tx: EntityManager, id: string, opts: { lock?: boolean } = {}): Promise<User | null> {
  const [row] = await tx.query(`SELECT ${COLUMNS} FROM users WHERE id = $1 ${opts.lock ? 'FOR UPDATE' : ''}`, [id]);
  return row ? toUser(row) : null;
}

/** The live user with this email and their password hash, for sign-in. */
export async function findForSignIn(tx: EntityManager, email: string): Promise<(User & { passwordHash: string | null }) | null> {
  const [row] = await tx.query(`SELECT ${COLUMNS}, password_hash AS "passwordHash" FROM users WHERE lower(email) = $1 AND deleted_at IS NULL`, [email]);
  return row ? toUser(row) as User & { passwordHash: string | null } : null;
}

export async function passwordHashOf(tx: EntityManager, id: string): Promise<string | null> {
  const [row] = await tx.query(`SELECT password_hash AS "passwordHash" FROM users WHERE id = $1 AND deleted_at IS NULL`, [id]);
  return row?.passwordHash ?? null;
}

export const recordSignIn = (tx: EntityManager, id: string) => tx.query(`UPDATE users SET last_sign_in_at = now() WHERE id = $1`, [id]);

export async function emailTaken(tx: EntityManager, email: string): Promise<boolean> {
  return (await tx.query('SELECT 1 FROM users WHERE lower(email) = $1', [email])).length > 0;
}

export async function insertUser(tx: EntityManager, input: { email: string; name: string; role: Role; passwordHash: string }): Promise<User> {
  const [row] = await tx.query(`INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4) RETURNING ${COLUMNS}`,
    [input.email, input.name, input.role, input.passwordHash]);
  return toUser(row);
}

export async function liveDepartmentCount(tx: EntityManager, ids: string[]): Promise<number> {
  const [row] = await tx.query('SELECT count(*)::int AS n FROM departments WHERE id = ANY($1) AND deleted_at IS NULL', [ids]);
  return row.n;
}

export async function departmentIdsOf(tx: EntityManager, userId: string): Promise<string[]> {
  const rows: Array<{ id: string }> = await tx.query('SELECT department_id AS id FROM user_departments WHERE user_id = $1 ORDER BY department_id', [userId]);
  return rows.map((r) => r.id);
}

/** Replaces the user's department links with `ids`. */
export async function setDepartments(tx: EntityManager, userId: string, ids: string[]): Promise<void> {
  await tx.query('DELETE FROM user_departments WHERE user_id = $1 AND NOT (department_id = ANY($2::uuid[]))', [userId, ids]);
  await tx.query('INSERT INTO user_departments (user_id, department_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [userId, ids]);
}

/**
 * The active admins, locked until the transaction ends, so two admins demoting each other at the
 * same moment cannot both pass the "someone else is still an admin" check.
 */
export async function lockActiveAdmins(tx: EntityManager): Promise<string[]> {
  const rows: Array<{ id: string }> = await tx.query(`SELECT id FROM users WHERE role = 'admin' AND deleted_at IS NULL ORDER BY id FOR UPDATE`);
  return rows.map((r) => r.id);
}

/** Sets or clears the deactivation mark; deactivating also ends every session. Null when already so. */
export async function setActive(tx: EntityManager, id: string, active: boolean): Promise<User | null> {
  const [row] = returning<object>(await tx.query(
    `UPDATE users SET deleted_at = ${active ? 'NULL' : 'now()'}, token_version = token_version + ${active ? 0 : 1}, version = version + 1, updated_at = now()
      WHERE id = $1 AND deleted_at IS ${active ? 'NOT NULL' : 'NULL'} RETURNING ${COLUMNS}`,
    [id],
  ));
  return row ? toUser(row) : null;
}

/** A new password; every token issued before it stops working. */
export async function setPassword(tx: EntityManager, id: string, passwordHash: string): Promise<User | null> {
  const [row] = returning<object>(await tx.query(
    `UPDATE users SET password_hash = $2, token_version = token_version + 1, version = version + 1, updated_at = now()
      WHERE id = $1 AND deleted_at IS NULL RETURNING ${COLUMNS}`,
    [id, passwordHash],
  ));
  return row ? toUser(row) : null;
}
