// Import commit of a spreadsheet (CSV) that has been previewed: time from commitImport to
// COMMITTED, as rows/s, beside a floor (the same organisations and their audit rows written by one
// INSERT each, rolled back). Each run is undone and its records deleted afterwards, so the
// seed:scale database keeps its size from one run (and one bench) to the next.
import { performance } from 'node:perf_hooks';
import { clientOperation } from './documents.mjs';
import { spreadsheet, until } from './import-preview.mjs';
import { measure } from './load.mjs';
import { load } from './app.mjs';

const { SCAN_LOCK_KEY } = load('modules/duplicates/duplicate-scanner.js');

const START = clientOperation('StartImport');
const PREVIEW = clientOperation('PreviewImport');
const COMMIT = clientOperation('CommitImport');
const UNDO = clientOperation('UndoImport');
// Progress only while it runs (as the client's bar polls); the summary, which counts every row, once at the end.
const PROGRESS = `query($id: ID!) { importBatch(id: $id) { status error rowsDone rowsTotal } }`;
const SUMMARY = `query($id: ID!) { importBatch(id: $id) { summary { rows created merged unchanged skipped } } }`;
const MAPPING = ['name', 'companiesHouseNumber', 'website', 'postcode'];

/** The floor: what the commit's new organisations and their audit rows cost as two set-wise statements. */
const FLOOR_SQL = [
  `CREATE TEMP TABLE floor_rows ON COMMIT DROP AS
     SELECT gen_random_uuid() AS id, v."name", v."companiesHouseNumber" AS ch, v."website", v."postcode"
       FROM jsonb_to_recordset($1::jsonb) AS v("name" text, "companiesHouseNumber" text, "website" text, "postcode" text)`,
  `INSERT INTO organisations (id, name, type, companies_house_number, website, postcode) SELECT id, name, 'employer', ch, website, postcode FROM floor_rows`,
  `INSERT INTO audit_events (actor_id, entity_type, entity_id, action, changes)
     SELECT $1, 'organisation', id, 'create', jsonb_build_object('name', jsonb_build_object('old', null, 'new', name)) FROM floor_rows`,
];

/** Deletes what a bench import left: its created organisations, the audit rows of the run, the batch. */
async function purge(pool, batchId, actorId, since) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // The duplicate scanner's lock: it is rescanning these very organisations, and deleting them under it deadlocks.
    await client.query('SELECT pg_advisory_xact_lock($1)', [SCAN_LOCK_KEY]);
    const { rows } = await client.query(`SELECT record_id FROM import_rows WHERE batch_id = $1 AND outcome = 'created'`, [batchId]);
    const ids = rows.map((r) => r.record_id);
    await client.query(`DELETE FROM audit_events WHERE actor_id = $1 AND occurred_at >= $2`, [actorId, since]);
    await client.query(`DELETE FROM organisations WHERE id = ANY($1::uuid[])`, [ids]);
    await client.query(`DELETE FROM import_batches WHERE id = $1`, [batchId]);
    await client.query('COMMIT');
  } catch (e) {
    await client.query('ROLLBACK');
    throw e;
  } finally {
    client.release();
  }
}

/** Times `runs` commits of `rows` previewed rows through the API (and their undo), and the floor. */
export async function importCommit({ gql, upload, pool, fixtures, rows, runs, actorId }) {
  const file = spreadsheet(rows, fixtures.held);
  let summary = null;
  let undo = null;
  let progressSteps = 0;
  let created = [];
  const graphql = await measure(async (i) => {
    const since = (await pool.query('SELECT now() AS t')).rows[0].t;
    const { startImport } = await upload(START, { entity: 'ORGANISATIONS' }, { name: `scale-bench-commit-${rows}-${i}.csv`, content: file.content });
    await until(gql, startImport.id, ['MAPPING']);
    await gql(PREVIEW, { id: startImport.id, mapping: MAPPING });
    await until(gql, startImport.id, ['PREVIEWED']);
    const started = performance.now();
    await gql(COMMIT, { id: startImport.id });
    // What the client's progress bar would see: each distinct rowsDone on the way.
    const seen = new Set();
    for (;;) {
      const batch = (await gql(PROGRESS, { id: startImport.id })).importBatch;
      if (batch.status === 'FAILED') throw new Error(`import failed: ${batch.error}`);
      if (batch.status === 'COMMITTING') seen.add(batch.rowsDone);
      if (batch.status === 'COMMITTED') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const ms = performance.now() - started;
    progressSteps = seen.size;
    summary = (await gql(SUMMARY, { id: startImport.id })).importBatch.summary;
    console.log(`  commit run ${i + 1}: ${(ms / 1000).toFixed(1)} s, ${Math.round(rows / (ms / 1000)).toLocaleString('en-GB')} rows/s, ${seen.size} progress steps seen`);
    created = (await pool.query(`SELECT "values" FROM import_rows WHERE batch_id = $1 AND outcome = 'created'`, [startImport.id])).rows.map((r) => r.values);
    const undoStarted = performance.now();
    await gql(UNDO, { id: startImport.id });
    await until(gql, startImport.id, ['UNDONE']);
    undo = performance.now() - undoStarted;
    await purge(pool, startImport.id, actorId, since);
    return ms;
  }, { requests: runs, concurrency: 1 });
  const floor = graphql.error ? null : await measure(async () => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const started = performance.now();
      await client.query(FLOOR_SQL[0], [JSON.stringify(created)]);
      await client.query(FLOOR_SQL[1]);
      await client.query(FLOOR_SQL[2], [actorId]);
      return performance.now() - started;
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  }, { requests: runs, concurrency: 1 });
  return { graphql, floor, summary, undoMs: undo, progressSteps };
}
