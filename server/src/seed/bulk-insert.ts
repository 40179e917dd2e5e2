import { EntityManager } from 'typeorm';

/**
 * Inserts rows column-wise with unnest: one statement per table, not one per row. A column may
 * give an expression over `u.<name>` (unnest cannot carry arrays of arrays, so lists travel as text).
 */
export async function bulkInsert(tx: EntityManager, table: string, columns: Array<[string, string, string?]>, rows: unknown[][]) {
  if (!rows.length) return;
  const params = columns.map((_, i) => rows.map((r) => r[i]));
  const names = columns.map(([name]) => name);
  const unnest = columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ');
  const select = columns.map(([name, , expr]) => expr ?? `u.${name}`).join(', ');
  await tx.query(`INSERT INTO ${table} (${names.join(', ')}) SELECT ${select} FROM unnest(${unnest}) AS u(${names.join(', ')})`, params);
}
export const LIST = (name: string) => `CASE WHEN u.${name} = '' THEN '{}'::text[] ELSE string_to_array(u.${name}, ',') END`;

