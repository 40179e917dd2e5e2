// `npm run bench`: the operations of issue 15 against the seed:scale database, through the built
// server in production mode, beside their raw-SQL floor through `pg`. Prints a table and writes
// JSON (tmp/bench/scale.json unless --out). Asserts nothing about timings. "srv CPU" is the
// server process's CPU ms per operation (from /proc), which other load on the machine hardly moves.
//   node server/bench/scale.bench.mjs [--concurrency 4] [--requests 200] [--seconds 30] [--warmup 5] [--import-runs 3] [--out FILE]
//   --only TEXT: just the operations whose name contains TEXT (case-insensitive; "import" for the import preview and commit)
//   --import-rows N: the spreadsheet's rows for the import preview and commit (10,000); --import-runs N: how many of each (3)
//   BENCH_SMOKE=1 (or --smoke): a throwaway database of --orgs 300, a few requests each: does every operation answer?
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_PASSWORD, ensureBenchUsers, graphqlClient, load, openDatabase, root, startServer } from './scale/app.mjs';
import { readFixtures } from './scale/fixtures.mjs';
import { importCommit } from './scale/import-commit.mjs';
import { importPreview } from './scale/import-preview.mjs';
import { measure } from './scale/load.mjs';
import { operations } from './scale/operations.mjs';
import { header, row, writeJson } from './scale/report.mjs';

const { values: args } = parseArgs({
  options: {
    smoke: { type: 'boolean', default: process.env.BENCH_SMOKE === '1' }, orgs: { type: 'string', default: '300' },
    concurrency: { type: 'string' }, requests: { type: 'string' }, seconds: { type: 'string' }, warmup: { type: 'string' }, out: { type: 'string' },
    only: { type: 'string' }, 'import-rows': { type: 'string' }, 'import-runs': { type: 'string' }, 'deep-rows': { type: 'string' },
  },
});
const smoke = args.smoke;
const num = (value, env, normal, small) => Number(value ?? process.env[env] ?? (smoke ? small : normal));
const settings = {
  smoke,
  concurrency: num(args.concurrency, 'BENCH_CONCURRENCY', 4, 2),
  requests: num(args.requests, 'BENCH_REQUESTS', 200, 4),
  // Per operation and side: a slow operation at full scale stops early rather than hold up the run.
  seconds: num(args.seconds, 'BENCH_SECONDS', 30, 30),
  warmup: num(args.warmup, 'BENCH_WARMUP', 5, 1),
  importRows: num(args['import-rows'], 'BENCH_IMPORT_ROWS', 10_000, 200),
  importRuns: num(args['import-runs'], 'BENCH_IMPORT_RUNS', 3, 1),
  deepRows: num(args['deep-rows'], 'BENCH_DEEP_ROWS', 2_000, 30),
};
/** --only: a subset while working on one operation; every operation otherwise. */
const chosen = (name) => !args.only || name.toLowerCase().includes(args.only.toLowerCase());
const out = path.resolve(args.out ?? path.join(root, 'tmp/bench', smoke ? 'scale-smoke.json' : 'scale.json'));
const started = new Date();
/** Which code was measured, so a later run can be compared with this one. */
const gitCommit = () => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
};

const db = await openDatabase({ fresh: smoke });
const cleanups = [() => db.stop()];
const results = [];
let failed = false;
try {
  if (smoke) {
    await load('runtime/database.js').runMigrations(db.url);
    await load('seed/scale/generate.js').seedScale(db.url, { organisations: Number(args.orgs) });
  }
  // The app's search threshold (SEARCH_THRESHOLD_SQL), so the floor's `<%` finds what the app's does.
  const pool = new pg.Pool({ connectionString: db.url, max: settings.concurrency * 8, options: '-c pg_trgm.word_similarity_threshold=0.5' });
  // An idle connection dropped when the database stops is no failure of the bench.
  pool.on('error', () => undefined);
  cleanups.unshift(() => pool.end());
  const { rows: [scale] } = await pool.query(`SELECT ${['organisations', 'contacts', 'engagements', 'opportunities', 'tasks', 'departments', 'users']
    .map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}, version() AS postgres`);
  if (!scale.organisations) throw new Error(`${db.where} holds no organisations: run \`npm run seed:scale -- --orgs N\` first`);
  const users = await ensureBenchUsers(pool);

  const server = await startServer(db.url);
  cleanups.unshift(() => server.stop());
  // The server takes today's going-cold snapshot in the background when it has none (about a
  // minute at 100,000 organisations): measure the steady state, not requests racing that pass.
  for (let waited = 0; !(await pool.query(`SELECT 1 FROM going_cold_snapshot WHERE as_of >= (now() AT TIME ZONE 'Europe/London')::date`)).rowCount; waited++) {
    if (waited === 0) console.log('Waiting for the server to take the going-cold snapshot…');
    if (waited > 1200) throw new Error('the going-cold snapshot was not taken in 10 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const client = graphqlClient(server.url);
  const signIn = async (user) => (await client.request('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }',
    { e: user.email, p: BENCH_PASSWORD })).login.accessToken;
  const token = await signIn(users.staff);
  const gql = (query, variables) => client.request(query, variables, token);
  // Imports are for managers and admins.
  const adminToken = await signIn(users.admin);

  console.log(`Scale: ${scale.organisations.toLocaleString('en-GB')} organisations, ${scale.contacts.toLocaleString('en-GB')} contacts, `
    + `${scale.engagements.toLocaleString('en-GB')} engagements, ${scale.opportunities.toLocaleString('en-GB')} opportunities (${db.where})`);
  console.log(`Server: production build, signed in as a staff member of one department (imports: an admin); ${settings.requests} requests an operation (or ${settings.seconds} s) at concurrency ${settings.concurrency}`
    + ` (floor: the same through pg); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} on ${os.cpus().length} cores\n`);
  const fixtures = await readFixtures(pool, users.staff);
  console.log(header());
  for (const op of (await operations({ gql, pool, user: users.staff, fixtures, deepRows: settings.deepRows })).filter((o) => chosen(o.name))) {
    const opts = { requests: settings.requests, concurrency: settings.concurrency, warmup: settings.warmup, seconds: settings.seconds };
    const sameData = op.same ? await Promise.all([op.graphql(0), op.floor(0)]).then(([g, f]) => op.same(g, f)).catch((e) => `not compared: ${e.message}`) : null;
    const cpuBefore = server.cpuMs();
    const graphql = await measure(op.graphql, opts);
    // The server's CPU per operation (warm-up calls included in both the time and the count).
    const cpuAfter = server.cpuMs();
    graphql.serverCpuMs = cpuBefore === null || cpuAfter === null || !graphql.requests ? null : (cpuAfter - cpuBefore) / (graphql.requests + opts.warmup);
    const floor = graphql.error ? null : await measure(op.floor, opts);
    const error = graphql.error ?? floor?.error ?? null;
    const result = { name: op.name, graphql, floor, ratio: floor ? graphql.p50 / floor.p50 : null, sameData, error };
    failed ||= !!error;
    results.push(result);
    console.log(row(result));
  }
  const imp = !chosen('import preview') ? null : await importPreview({ gql: (q, v) => client.request(q, v, adminToken), upload: (q, v, f) => client.upload(q, v, f, adminToken), pool, fixtures, rows: settings.importRows, runs: settings.importRuns });
  const importResult = imp && {
    name: `import preview of ${settings.importRows.toLocaleString('en-GB')} rows (req/s: rows/s)`,
    graphql: { ...imp.graphql, perSecond: settings.importRows / (imp.graphql.p50 / 1000) },
    floor: imp.sql, ratio: imp.graphql.p50 / imp.sql.p50, error: imp.graphql.error ?? imp.sql.error, summary: imp.summary,
  };
  if (importResult) {
    failed ||= !!importResult.error;
    results.push(importResult);
    console.log(row(importResult));
  }
  if (importResult?.summary) console.log(`  preview decided: ${JSON.stringify(importResult.summary)}`);
  const commit = !chosen('import commit') ? null : await importCommit({ gql: (q, v) => client.request(q, v, adminToken), upload: (q, v, f) => client.upload(q, v, f, adminToken), pool, fixtures, rows: settings.importRows, runs: settings.importRuns, actorId: users.admin.id });
  const commitResult = commit && {
    name: `import commit of ${settings.importRows.toLocaleString('en-GB')} rows (req/s: rows/s)`,
    graphql: { ...commit.graphql, perSecond: settings.importRows / (commit.graphql.p50 / 1000) },
    floor: commit.floor, ratio: commit.floor && commit.graphql.p50 / commit.floor.p50, error: commit.graphql.error ?? commit.floor?.error ?? null,
    summary: commit.summary, undoMs: commit.undoMs, progressSteps: commit.progressSteps,
  };
  if (commitResult) {
    failed ||= !!commitResult.error;
    results.push(commitResult);
    console.log(row(commitResult));
    if (!commitResult.error) {
      console.log(`  committed: ${JSON.stringify(commitResult.summary)}; the progress bar moved ${commitResult.progressSteps} times; undo of the last run ${(commitResult.undoMs / 1000).toFixed(1)} s`);
    }
  }

  writeJson(out, {
    startedAt: started.toISOString(), seconds: (Date.now() - started.getTime()) / 1000, commit: gitCommit(), settings, scale,
    machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, loadAverageAtEnd: os.loadavg(), memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version },
    operations: results,
  });
  console.log(`\nWritten to ${path.relative(process.cwd(), out) || out}`);
} catch (error) {
  failed = true;
  console.error(`scale bench failed: ${error.stack ?? error}`);
} finally {
  for (const cleanup of cleanups) await cleanup().catch((e) => console.error(`cleanup: ${e.message}`));
}
process.exit(failed ? 1 : 0);
