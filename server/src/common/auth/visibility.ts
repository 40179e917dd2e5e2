import { AuthUser } from './auth-user';
import { MANAGERS } from './roles';

/**
 * Confidential records are seen only by their department, managers and admins. Every query that
 * returns, counts or nests engagements, tasks or organisations goes through these helpers.
 */
export const seesAllConfidential = (user: AuthUser): boolean => MANAGERS.includes(user.role);

/** A TypeORM where-fragment for `alias` (a table with confidential + department_id) and its parameters. */
export function visibleTo(alias: string, user: AuthUser): [string, Record<string, unknown>] {
  if (seesAllConfidential(user)) return ['TRUE', {}];
  return [`(NOT ${alias}.confidential OR ${alias}.department_id = ANY(:visibleDepartments))`, { visibleDepartments: user.departmentIds }];
}

/** The same rule for raw SQL with positional parameters: `$n` is the user's department ids (null = sees all). */
export const visibleSql = (alias: string, n: number) =>
  `($${n}::uuid[] IS NULL OR NOT ${alias}.confidential OR ${alias}.department_id = ANY($${n}::uuid[]))`;
export const visibleParam = (user: AuthUser): string[] | null => (seesAllConfidential(user) ? null : user.departmentIds);
