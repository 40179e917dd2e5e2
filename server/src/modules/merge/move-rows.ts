import { EntityManager } from 'typeorm';
import { MergeSpec } from './merge-spec';

/** Which rows a merge re-pointed, per table (ids; link tables: the owner ids, e.g. engagement ids). */
export type MovedRows = Record<string, string[]>;

/** What a merge removed because the survivor already had it, so undo can put it back. */
export interface RemovedRows {
  /** Link rows dropped as duplicates, per link table: owner ids whose (owner, merged) row was removed. */
  links: Record<string, string[]>;
  /** Moved affiliations archived because the survivor already had the same one. */
  affiliations: string[];
  /** Kept affiliations made primary because the archived twin was the primary one. */
  madePrimary: string[];
}

const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);
// UPDATE/DELETE … RETURNING through TypeORM's query() gives [rows, count].
const returned = (result: unknown): Array<{ id: string }> => (Array.isArray(result) && Array.isArray(result[0]) ? result[0] : []);

/**
 * Moves every row that points at `mergedId` to `survivorId`, archived rows too (nothing is lost),
 * and de-duplicates what the move made double. Returns exactly what changed, for undo.
 */
export async function moveRows(tx: EntityManager, spec: MergeSpec, survivorId: string, mergedId: string): Promise<{ moved: MovedRows; removed: RemovedRows }> {
  const moved: MovedRows = {};
  const removed: RemovedRows = { links: {}, affiliations: [], madePrimary: [] };
  for (const { table, column, versioned } of spec.rows) {
    const bump = versioned ? ', version = version + 1, updated_at = now()' : '';
    moved[table] = ids(returned(await tx.query(`UPDATE ${table} SET ${column} = $1${bump} WHERE ${column} = $2 RETURNING id`, [survivorId, mergedId])));
  }
  for (const { table, owner, column } of spec.links) {
    removed.links[table] = ids(returned(await tx.query(
      `DELETE FROM ${table} m WHERE m.${column} = $2 AND EXISTS (SELECT 1 FROM ${table} s WHERE s.${owner} = m.${owner} AND s.${column} = $1) RETURNING m.${owner} AS id`,
      [survivorId, mergedId],
    )));
    moved[table] = ids(returned(await tx.query(`UPDATE ${table} SET ${column} = $1 WHERE ${column} = $2 RETURNING ${owner} AS id`, [survivorId, mergedId])));
  }
  await dedupeAffiliations(tx, spec, survivorId, moved.affiliations ?? [], removed);
  return { moved, removed };
}

/**
 * The same person at the same organisation twice (same role and dates) after a move: the moved
 * twin is archived (kept, restorable); if it was the primary one, the kept twin becomes primary.
 */
async function dedupeAffiliations(tx: EntityManager, spec: MergeSpec, survivorId: string, movedIds: string[], removed: RemovedRows) {
  if (!movedIds.length) return;
  const partner = spec.affiliationPartner;
  const twins: Array<{ moved: string; kept: string; moved_primary: boolean; kept_primary: boolean }> = await tx.query(
    `SELECT DISTINCT ON (m.id) m.id AS moved, k.id AS kept, m.is_primary AS moved_primary, k.is_primary AS kept_primary
       FROM affiliations m JOIN affiliations k
         ON k.${spec.affiliationColumn} = $1 AND k.${partner} = m.${partner} AND k.id <> ALL($2::uuid[]) AND k.deleted_at IS NULL
        AND k.role IS NOT DISTINCT FROM m.role AND k.from_date IS NOT DISTINCT FROM m.from_date AND k.to_date IS NOT DISTINCT FROM m.to_date
      WHERE m.id = ANY($2::uuid[]) AND m.deleted_at IS NULL
      ORDER BY m.id, k.created_at`,
    [survivorId, movedIds],
  );
  for (const twin of twins) {
    await tx.query(`UPDATE affiliations SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = $1`, [twin.moved]);
    removed.affiliations.push(twin.moved);
    if (twin.moved_primary && !twin.kept_primary) {
      await tx.query(`UPDATE affiliations SET is_primary = true, version = version + 1, updated_at = now() WHERE id = $1`, [twin.kept]);
      removed.madePrimary.push(twin.kept);
    }
  }
}

/** Puts back exactly what moveRows changed: rows that still point at the survivor return to the merged record. */
export async function unmoveRows(tx: EntityManager, spec: MergeSpec, survivorId: string, mergedId: string, moved: MovedRows, removed: RemovedRows): Promise<void> {
  if (removed.madePrimary.length) {
    await tx.query(`UPDATE affiliations SET is_primary = false, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [removed.madePrimary]);
  }
  if (removed.affiliations.length) {
    await tx.query(`UPDATE affiliations SET deleted_at = NULL, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [removed.affiliations]);
  }
  for (const { table, column, versioned } of spec.rows) {
    const bump = versioned ? ', version = version + 1, updated_at = now()' : '';
    await tx.query(`UPDATE ${table} SET ${column} = $1${bump} WHERE id = ANY($3::uuid[]) AND ${column} = $2`, [mergedId, survivorId, moved[table] ?? []]);
  }
  for (const { table, owner, column } of spec.links) {
    await tx.query(`UPDATE ${table} SET ${column} = $1 WHERE ${owner} = ANY($3::uuid[]) AND ${column} = $2`, [mergedId, survivorId, moved[table] ?? []]);
    await tx.query(
      `INSERT INTO ${table} (${owner}, ${column}) SELECT unnest($2::uuid[]), $1 ON CONFLICT DO NOTHING`,
      [mergedId, removed.links[table] ?? []],
    );
  }
}
