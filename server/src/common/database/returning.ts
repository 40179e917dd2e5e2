/**
 * The rows of an `UPDATE/DELETE … RETURNING` run through EntityManager.query: TypeORM's PostgreSQL
 * driver returns those as [rows, rowCount], and INSERT/SELECT as rows.
 */
export function returning<T>(result: unknown): T[] {
  return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T[];
}
