import { EntityManager } from 'typeorm';
import { returning } from '../../common/database/returning';
import { Department } from './department.entity';

/** Every statement the department module runs, in one place. */

const COLUMNS = `id, name, code, parent_id AS "parentId", created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt", version`;
const toDepartment = (row: object) => Object.assign(new Department(), row);

export async function listDepartments(tx: EntityManager, includeArchived: boolean): Promise<Department[]> {
  const rows = await tx.query(`SELECT ${COLUMNS} FROM departments ${includeArchived ? '' : 'WHERE deleted_at IS NULL'} ORDER BY lower(name), code`);
  return rows.map(toDepartment);
}

export async function findDepartment(tx: EntityManager, id: string, lock = false): Promise<Department | null> {
  const [row] = await tx.query(`SELECT ${COLUMNS} FROM departments WHERE id = $1 ${lock ? 'FOR UPDATE' : ''}`, [id]);
  return row ? toDepartment(row) : null;
}

export async function insertDepartment(tx: EntityManager, input: { code: string; name: string; parentId: string | null }): Promise<Department> {
  const [row] = await tx.query(`INSERT INTO departments (code, name, parent_id) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [input.code, input.name, input.parentId]);
  return toDepartment(row);
}

/**
 * Parent changes are serialised: two admins each moving one unit under the other would both pass
 * the cycle check on their own snapshot. The lock lasts until the transaction ends.
 */
export const lockDepartmentTree = (tx: EntityManager) => tx.query(`SELECT pg_advisory_xact_lock(hashtext('departments.parent_id'))`);

/** True when `newParentId` is `id` itself or sits under it: making it the parent of `id` would close a loop. */
export async function wouldCycle(tx: EntityManager, id: string, newParentId: string): Promise<boolean> {
  const rows = await tx.query(
    `WITH RECURSIVE up AS (
       SELECT id, parent_id FROM departments WHERE id = $2
       UNION
       SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id)
     SELECT 1 FROM up WHERE id = $1 LIMIT 1`,
    [id, newParentId],
  );
  return rows.length > 0;
}

export async function liveChildNames(tx: EntityManager, id: string): Promise<string[]> {
  const rows: Array<{ name: string }> = await tx.query(`SELECT name FROM departments WHERE parent_id = $1 AND deleted_at IS NULL ORDER BY lower(name)`, [id]);
  return rows.map((r) => r.name);
}

/** Sets or clears the archive mark, bumping the version; null when it was already in that state. */
export async function setDepartmentArchived(tx: EntityManager, id: string, archived: boolean): Promise<Department | null> {
  const [row] = returning<object>(await tx.query(
    `UPDATE departments SET deleted_at = ${archived ? 'now()' : 'NULL'}, version = version + 1, updated_at = now()
      WHERE id = $1 AND deleted_at IS ${archived ? 'NULL' : 'NOT NULL'} RETURNING ${COLUMNS}`,
    [id],
  ));
  return row ? toDepartment(row) : null;
}

/** Active users belonging to each department (for the list, and the warning before archiving). */
export async function memberCounts(tx: EntityManager, ids: readonly string[]): Promise<Map<string, number>> {
  const rows: Array<{ id: string; count: number }> = await tx.query(
    `SELECT ud.department_id AS id, count(*)::int AS count
       FROM user_departments ud JOIN users u ON u.id = ud.user_id AND u.deleted_at IS NULL
      WHERE ud.department_id = ANY($1) GROUP BY 1`,
    [[...ids]],
  );
  return new Map(rows.map((r) => [r.id, r.count]));
}
