// The read hotspots of issue 15 (docs/performance-hotspots.md) against the seed:scale database:
// the unscoped timeline and going cold, through the built server in production mode, beside the
// statements the server runs for them timed through `pg` (the floor: the same SQL, no HTTP or
// GraphQL). Prints the table of scale.bench.mjs; asserts nothing.
//   node server/bench/hotspots.bench.mjs [--requests 50] [--concurrency 1] [--seconds 30]
import { parseArgs } from 'node:util';
import pg from 'pg';
import { BENCH_PASSWORD, ensureBenchUsers, graphqlClient, load, openDatabase, startServer } from './scale/app.mjs';
import { measure } from './scale/load.mjs';
import { header, row } from './scale/report.mjs';

const { values: args } = parseArgs({ options: { requests: { type: 'string', default: '50' }, concurrency: { type: 'string', default: '1' }, seconds: { type: 'string', default: '30' } } });
const settings = { requests: Number(args.requests), concurrency: Number(args.concurrency), seconds: Number(args.seconds), warmup: 3 };

const TIMELINE = '{ timeline(first: 20) { totalCount edges { node { kind occurredOn } } } }';
const GOING_COLD = '{ goingCold(first: 10) { organisationId score previousScore lastEngagedOn organisation { id name } } }';

/** The statements `run(db)` sends, captured from the app's own code, to time as the floor. */
async function statementsOf(pool, run) {
  const sent = [];
  const db = {
    query: async (sql, params) => (sent.push([sql, params]), (await pool.query(sql, params)).rows),
    getRepository: () => ({ findBy: async () => [] }),
  };
  await run(db);
  return sent;
}

const db = await openDatabase();
const cleanups = [() => db.stop()];
try {
  const pool = new pg.Pool({ connectionString: db.url, max: 8 });
  pool.on('error', () => undefined);
  cleanups.unshift(() => pool.end());
  const { rows: [scale] } = await pool.query(`SELECT (SELECT count(*)::int FROM organisations) AS organisations, (SELECT count(*)::int FROM engagements) AS engagements`);
  const users = await ensureBenchUsers(pool);
  const server = await startServer(db.url);
  cleanups.unshift(() => server.stop());
  const client = graphqlClient(server.url);
  const signIn = async (u) => (await client.request('mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }', { e: u.email, p: BENCH_PASSWORD })).login.accessToken;
  console.log(`Scale: ${scale.organisations.toLocaleString('en-GB')} organisations, ${scale.engagements.toLocaleString('en-GB')} engagements (${db.where}); `
    + `${settings.requests} requests an operation (or ${settings.seconds} s) at concurrency ${settings.concurrency}\n`);
  console.log(header());

  const { timelinePage } = load('modules/timeline/timeline.sql.js');
  const { RelationshipHealthService } = load('modules/relationship-health/relationship-health.service.js');
  for (const who of ['staff', 'admin']) {
    const token = await signIn(users[who]);
    const user = { id: users[who].id, role: who, departmentIds: users[who].departmentIds };
    const cases = [
      [`timeline: everyone, first 20 (${who})`, TIMELINE, (d) => timelinePage(d, user, { first: 20 })],
      [`going cold, first 10 (${who})`, GOING_COLD, (d) => new RelationshipHealthService(d).goingCold(user, 10)],
    ];
    for (const [name, query, run] of cases) {
      const statements = await statementsOf(pool, run);
      const graphql = await measure(() => client.request(query, {}, token), settings);
      const floor = await measure(() => Promise.all(statements.map(([sql, params]) => pool.query(sql, params))), settings);
      console.log(row({ name, graphql, floor, ratio: graphql.p50 / floor.p50 }));
      for (const [sql, params] of statements) {
        const plan = (await pool.query(`EXPLAIN (ANALYZE) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']);
        console.log(`  ${sql.replace(/\s+/g, ' ').trim().slice(0, 70)}…: ${plan.find((l) => l.startsWith('Execution Time'))}`);
      }
    }
  }
} finally {
  for (const cleanup of cleanups) await cleanup();
}
