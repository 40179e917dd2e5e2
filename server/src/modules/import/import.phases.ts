import { EntityManager } from 'typeorm';
import { suggestMapping, ImportEntity } from './column-mapping';
import { ImportContext, Importer, ParsedRow, RowToMatch } from './importer';
import { importerFor } from './importers';
import { readRows, FileType, StoredCell } from './read-spreadsheet';

/**
 * The work of an import, one chunk per transaction: each chunk's rows, records, audit events and
 * the batch's progress are written together, so a server killed mid-import leaves whole chunks
 * or nothing, and the next worker carries on from the first row without an outcome.
 */
export const CHUNK_ROWS = 500;
/**
 * The commit's chunk. Its statements are already set-wise (one INSERT, one audit INSERT, one
 * outcome UPDATE a chunk), so what a chunk costs beyond its rows is the transaction and a dozen
 * round trips; a multiple of CHUNK_ROWS, so progress still moves in whole preview-sized steps.
 * Nearly all of a chunk's time is the organisations INSERT itself (its indexes: four GIN, three of
 * them trigram): the bench's floor, the same rows in one bare INSERT, costs about as much
 * (server/bench/scale/import-commit.mjs).
 */
export const COMMIT_CHUNK_ROWS = 2000;
const PARSE_CHUNK_ROWS = 1000;

export interface BatchRow {
  id: string;
  entity: ImportEntity;
  status: string;
  file_type: FileType;
  headers: string[];
  mapping: Array<string | null> | null;
  commit_after_preview: boolean;
  cursor_row: number;
  department_id: string | null;
  created_by: string;
}

const contextOf = (batch: BatchRow): ImportContext => ({ actorId: batch.created_by, batchId: batch.id, departmentId: batch.department_id });

/** Readable column names: a blank header becomes "Column 3". */
export const headerNames = (cells: StoredCell[]) => cells.map((c, i) => (c === null || String(c).trim() === '' ? `Column ${i + 1}` : String(c).replace(/^\uFEFF/, '').trim()));

/** A saved mapping for exactly these headers, else suggestions from the header words. */
async function initialMapping(tx: EntityManager, entity: ImportEntity, headers: string[]): Promise<Array<string | null>> {
  const [saved] = await tx.query(`SELECT mapping FROM import_mappings WHERE entity = $1 AND headers = $2::text[] ORDER BY created_at DESC LIMIT 1`, [entity, headers]);
  return saved ? saved.mapping : suggestMapping(entity, headers);
}

/**
 * Reads the stored file and keeps every row. Re-reading after a restart skips rows already kept
 * (the row number is the spreadsheet line, so it is stable).
 */
export async function parsePhase(run: (work: (tx: EntityManager) => Promise<void>) => Promise<boolean>, tx0: EntityManager, batch: BatchRow): Promise<void> {
  const [{ content }] = await tx0.query(`SELECT content FROM import_files WHERE batch_id = $1`, [batch.id]);
  let headers: string[] | null = batch.headers.length ? batch.headers : null;
  let pending: Array<{ line: number; cells: StoredCell[] }> = [];
  let read = 0;
  const flush = async () => {
    const rows = pending;
    pending = [];
    const more = await run(async (tx) => {
      if (rows.length) {
        await tx.query(
          `INSERT INTO import_rows (batch_id, row_number, cells)
           SELECT $1, r.n, r.cells FROM jsonb_to_recordset($2::jsonb) AS r(n int, cells jsonb) ON CONFLICT DO NOTHING`,
          [batch.id, JSON.stringify(rows.map((r) => ({ n: r.line, cells: r.cells })))],
        );
      }
      await tx.query(`UPDATE import_batches SET rows_done = $2, rows_total = $2 WHERE id = $1`, [batch.id, read]);
    });
    if (!more) throw new LeaseLost();
  };
  for await (const row of readRows(content, batch.file_type)) {
    if (!headers) {
      headers = headerNames(row.cells);
      const mapping = await initialMapping(tx0, batch.entity, headers);
      await tx0.query(`UPDATE import_batches SET headers = $2, mapping = $3 WHERE id = $1`, [batch.id, headers, JSON.stringify(mapping)]);
      continue;
    }
    pending.push(row);
    read++;
    if (pending.length >= PARSE_CHUNK_ROWS) await flush();
  }
  await flush();
  await run(async (tx) => {
    if (!headers) return void (await tx.query(`UPDATE import_batches SET status = 'failed', error = 'The file is empty: it needs a header row and at least one row' WHERE id = $1`, [batch.id]));
    if (!read) return void (await tx.query(`UPDATE import_batches SET status = 'failed', error = 'The file has a header row but no rows below it' WHERE id = $1`, [batch.id]));
    await enterPhase(tx, batch.id, 'mapping', read);
  });
}

export class LeaseLost extends Error {}

/** Moves the batch to a phase with fresh progress counters. */
export async function enterPhase(tx: EntityManager, batchId: string, status: string, rowsTotal: number): Promise<void> {
  await tx.query(
    `UPDATE import_batches SET status = $2, rows_total = $3, rows_done = 0, cursor_row = 0, phase_started_at = now(), phase_rows_at_start = 0, updated_at = now() WHERE id = $1`,
    [batchId, status, rowsTotal],
  );
}

const countRows = async (tx: EntityManager, batchId: string, where = 'TRUE') =>
  Number((await tx.query(`SELECT count(*)::int AS n FROM import_rows WHERE batch_id = $1 AND ${where}`, [batchId]))[0].n);

/** One chunk of the dry run: what each row will do and why. Returns false when no rows were left. */
export async function previewChunk(tx: EntityManager, batch: BatchRow): Promise<boolean> {
  const importer = importerFor(batch.entity);
  const rows: Array<{ row_number: number; cells: StoredCell[] }> = await tx.query(
    `SELECT row_number, cells FROM import_rows WHERE batch_id = $1 AND row_number > $2 ORDER BY row_number LIMIT ${CHUNK_ROWS}`,
    [batch.id, batch.cursor_row],
  );
  if (!rows.length) {
    await enterPhase(tx, batch.id, batch.commit_after_preview ? 'committing' : 'previewed', batch.commit_after_preview ? await countRows(tx, batch.id) : 0);
    return false;
  }
  const mapping = batch.mapping ?? [];
  const parsed = rows.map((r) => {
    const byField: Record<string, StoredCell> = {};
    mapping.forEach((field, i) => { if (field) byField[field] = r.cells[i] ?? null; });
    return { rowNumber: r.row_number, values: {}, parsed: importer.parse(byField) } as RowToMatch & { parsed: ParsedRow };
  });
  for (const p of parsed) p.values = p.parsed.values;
  if (importer.prepare) await importer.prepare(tx, parsed, contextOf(batch));
  const importable = parsed.filter((p) => p.parsed.importable);

  // The first row of the file to carry each key; later rows with that key describe the same record
  // (unless the importer says two such rows cannot be one record, or only may be).
  const keyed = importable.flatMap((p) => p.parsed.keys.map((key) => ({ key, n: p.rowNumber })));
  const firstRowOf = new Map<string, number>();
  if (keyed.length) {
    await tx.query(
      `INSERT INTO import_row_keys (batch_id, key, row_number) SELECT $1, k.key, min(k.n) FROM jsonb_to_recordset($2::jsonb) AS k(key text, n int) GROUP BY k.key ON CONFLICT DO NOTHING`,
      [batch.id, JSON.stringify(keyed)],
    );
    const firsts: Array<{ key: string; row_number: number }> = await tx.query(
      `SELECT key, row_number FROM import_row_keys WHERE batch_id = $1 AND key = ANY($2::text[])`, [batch.id, [...new Set(keyed.map((k) => k.key))]]);
    for (const f of firsts) firstRowOf.set(f.key, f.row_number);
  }
  const valuesOf = await earlierValues(tx, batch.id, parsed, [...firstRowOf.values()]);
  const existing = await importer.match(tx, importable);

  const updates = parsed.map((p) => {
    const base = { n: p.rowNumber, values: p.values, problems: p.parsed.problems, match_id: null as string | null, match_reason: null as string | null, match_score: null as number | null, match_row: null as number | null, match_proposed: false };
    if (!p.parsed.importable) return { ...base, decision: 'skip' };
    const found = existing.get(p.rowNumber);
    // A proposed match is shown with the row, which is created as new unless a person accepts it.
    if (found) return { ...base, decision: found.proposed ? 'create' : 'match', match_id: found.id, match_reason: found.reason, match_score: found.score, match_proposed: !!found.proposed };
    const earlier = earlierRowOf(importer, p, firstRowOf, valuesOf);
    if (earlier) return { ...base, decision: earlier.proposed ? 'create' : 'match', match_reason: 'earlier_row', match_score: 1, match_row: earlier.row, match_proposed: earlier.proposed };
    return { ...base, decision: 'create' };
  });
  await tx.query(
    `UPDATE import_rows r SET "values" = u.values, problems = u.problems, decision = u.decision, decided_by_user = false,
            match_id = u.match_id, match_reason = u.match_reason, match_score = u.match_score, match_row = u.match_row, match_proposed = u.match_proposed
       FROM jsonb_to_recordset($2::jsonb) AS u(n int, "values" jsonb, problems jsonb, decision text, match_id uuid, match_reason text, match_score real, match_row int, match_proposed boolean)
      WHERE r.batch_id = $1 AND r.row_number = u.n`,
    [batch.id, JSON.stringify(updates)],
  );
  await tx.query(`UPDATE import_batches SET cursor_row = $2, rows_done = rows_done + $3 WHERE id = $1`, [batch.id, rows[rows.length - 1].row_number, rows.length]);
  return true;
}

/** The values of the earlier rows named (this chunk's from memory, earlier chunks' as the preview stored them). */
async function earlierValues(tx: EntityManager, batchId: string, chunk: Array<RowToMatch>, rowNumbers: number[]): Promise<Map<number, Record<string, unknown>>> {
  const values = new Map(chunk.map((p) => [p.rowNumber, p.values]));
  const missing = [...new Set(rowNumbers)].filter((n) => !values.has(n));
  if (missing.length) {
    const stored: Array<{ row_number: number; values: Record<string, unknown> }> = await tx.query(
      `SELECT row_number, "values" FROM import_rows WHERE batch_id = $1 AND row_number = ANY($2::int[])`, [batchId, missing]);
    for (const s of stored) values.set(s.row_number, s.values ?? {});
  }
  return values;
}

/** The earlier row this one describes again: by the strongest key they share whose first row can be the same record. */
function earlierRowOf(importer: Importer, p: RowToMatch & { parsed: ParsedRow }, firstRowOf: Map<string, number>, valuesOf: Map<number, Record<string, unknown>>) {
  for (const key of p.parsed.keys) {
    const row = firstRowOf.get(key);
    if (row === undefined || row >= p.rowNumber) continue;
    const same = importer.sameRecord?.(key, p.values, valuesOf.get(row) ?? {}) ?? 'same';
    if (same !== 'distinct') return { row, proposed: same === 'proposed' };
  }
  return null;
}

/** One chunk of the commit: creates, merges and skips, each row's outcome recorded with it. */
export async function commitChunk(tx: EntityManager, batch: BatchRow): Promise<boolean> {
  const importer = importerFor(batch.entity);
  const ctx = contextOf(batch);
  const rows: Array<{ row_number: number; values: Record<string, unknown>; decision: string; match_id: string | null; match_row: number | null }> = await tx.query(
    `SELECT row_number, "values", decision, match_id, match_row FROM import_rows
      WHERE batch_id = $1 AND outcome IS NULL ORDER BY row_number LIMIT ${COMMIT_CHUNK_ROWS}`,
    [batch.id],
  );
  if (!rows.length) {
    await tx.query(`UPDATE import_batches SET status = 'committed', updated_at = now() WHERE id = $1`, [batch.id]);
    return false;
  }
  const outcome = new Map<number, { outcome: string; record_id: string | null; previous: unknown }>();
  const recordOf = new Map<number, string>();
  // Rows of earlier chunks that later rows of this chunk were matched to.
  const earlierRows = [...new Set(rows.map((r) => r.match_row).filter((n): n is number => n !== null))];
  if (earlierRows.length) {
    const done: Array<{ row_number: number; record_id: string | null }> = await tx.query(
      `SELECT row_number, record_id FROM import_rows WHERE batch_id = $1 AND row_number = ANY($2::int[]) AND record_id IS NOT NULL`, [batch.id, earlierRows]);
    for (const d of done) if (d.record_id) recordOf.set(d.row_number, d.record_id);
  }
  const matchIds = rows.map((r) => r.match_id).filter((id): id is string => !!id);
  const live = new Set<string>(matchIds.length
    ? (await tx.query(`SELECT id FROM ${importer.table} WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, [matchIds])).map((r: { id: string }) => r.id)
    : []);

  const toCreate = rows.filter((r) => r.decision === 'create');
  for (const [n, id] of await importer.create(tx, toCreate.map((r) => ({ rowNumber: r.row_number, values: r.values })), ctx)) {
    recordOf.set(n, id);
    outcome.set(n, { outcome: 'created', record_id: id, previous: null });
  }
  const toFill: Array<RowToMatch & { recordId: string }> = [];
  for (const r of rows) {
    if (r.decision === 'skip' || !r.decision) outcome.set(r.row_number, { outcome: 'skipped', record_id: null, previous: null });
    if (r.decision !== 'match') continue;
    let target = r.match_id ? (live.has(r.match_id) ? r.match_id : null) : (r.match_row !== null ? recordOf.get(r.match_row) ?? null : null);
    if (!target) {
      // The record it matched was archived since the preview, or the earlier row was skipped: create it.
      const [[, id]] = [...await importer.create(tx, [{ rowNumber: r.row_number, values: r.values }], ctx)];
      outcome.set(r.row_number, { outcome: 'created', record_id: id, previous: null });
      target = id;
    } else {
      toFill.push({ rowNumber: r.row_number, values: r.values, recordId: target });
    }
    recordOf.set(r.row_number, target);
  }
  const fillTarget = new Map(toFill.map((f) => [f.rowNumber, f.recordId]));
  for (const [n, filled] of await importer.fillGaps(tx, toFill, ctx)) {
    outcome.set(n, { outcome: filled ? 'merged' : 'unchanged', record_id: fillTarget.get(n)!, previous: filled });
  }
  await tx.query(
    `UPDATE import_rows r SET outcome = o.outcome, record_id = o.record_id, previous = o.previous
       FROM jsonb_to_recordset($2::jsonb) AS o(n int, outcome text, record_id uuid, previous jsonb)
      WHERE r.batch_id = $1 AND r.row_number = o.n`,
    [batch.id, JSON.stringify([...outcome].map(([n, o]) => ({ n, ...o })))],
  );
  await tx.query(`UPDATE import_batches SET rows_done = rows_done + $2 WHERE id = $1`, [batch.id, rows.length]);
  return true;
}

/**
 * A table is analyzed before a preview matches rows against it, and after a commit or undo wrote
 * to it, once the rows changed since its last ANALYZE pass STALE_ROWS + STALE_SHARE of the rows it
 * then held: autovacuum's rule (50 + a tenth), applied at once rather than whenever its worker
 * next looks (a minute or more). Till then the planner plans the matching (MATCH_SQL's probes,
 * their partial indexes on deleted_at IS NULL) for the table as it was: 2,000 records imported
 * into an empty table left its name probes planned as scans of it. ANALYZE reads a fixed sample
 * (30,000 rows), about a second at 100,000 organisations, and only when this much has changed.
 */
export const STALE_SHARE = 0.1;
export const STALE_ROWS = 500;

/** ANALYZE `table` when its statistics are stale as STALE_SHARE says; true when it ran. */
export async function analyzeIfStale(db: EntityManager, table: string): Promise<boolean> {
  const [stats] = await db.query(
    `SELECT s.n_mod_since_analyze::float8 AS changed, greatest(c.reltuples, 0)::float8 AS counted
       FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid WHERE s.relid = $1::regclass`, [table]);
  if (!stats || stats.changed < STALE_ROWS + STALE_SHARE * stats.counted) return false;
  await db.query(`ANALYZE ${table}`);
  return true;
}

/** One chunk of undo: archive what was created, clear what was filled in. */
export async function undoChunk(tx: EntityManager, batch: BatchRow): Promise<boolean> {
  const importer = importerFor(batch.entity);
  const ctx = contextOf(batch);
  const rows: Array<{ row_number: number; outcome: string; record_id: string; previous: Record<string, unknown> | null }> = await tx.query(
    `SELECT row_number, outcome, record_id, previous FROM import_rows
      WHERE batch_id = $1 AND outcome IN ('created', 'merged') AND undone_at IS NULL ORDER BY row_number DESC LIMIT ${CHUNK_ROWS}`,
    [batch.id],
  );
  if (!rows.length) {
    await tx.query(`UPDATE import_batches SET status = 'undone', updated_at = now() WHERE id = $1`, [batch.id]);
    return false;
  }
  await importer.undoCreated(tx, rows.filter((r) => r.outcome === 'created').map((r) => r.record_id), ctx);
  for (const r of rows) if (r.outcome === 'merged' && r.previous) await importer.undoFilled(tx, r.record_id, r.previous, ctx);
  await tx.query(`UPDATE import_rows SET undone_at = now() WHERE batch_id = $1 AND row_number = ANY($2::int[])`, [batch.id, rows.map((r) => r.row_number)]);
  await tx.query(`UPDATE import_batches SET rows_done = rows_done + $2 WHERE id = $1`, [batch.id, rows.length]);
  return true;
}
