// `npm run bench`: speed figures for the organisations list on a realistic volume.
// Starts a throwaway embedded PostgreSQL, loads N organisations, boots the built app and times
// GraphQL requests over HTTP. Prints figures; asserts nothing (targets are read by people).
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const require = createRequire(import.meta.url);
const dist = path.resolve(import.meta.dirname, '../../dist/server/server/src');
require('reflect-metadata');
const { startEmbeddedPostgres } = require(`${dist}/config/embedded-postgres.js`);
const { runMigrations, withDataSource } = require(`${dist}/runtime/database.js`);
const { loadConfig } = require(`${dist}/config/env.js`);
const { AppModule } = require(`${dist}/app.module.js`);
const { hashPassword } = require(`${dist}/modules/user/password.js`);
const { NestFactory } = require('@nestjs/core');

const N = Number(process.env.BENCH_ORGANISATIONS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 50);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bce-bench-'));
fs.chmodSync(dir, 0o755);
const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), 'bench');
try {
  await runMigrations(pg.url);
  const t0 = performance.now();
  await withDataSource(pg.url, async (db) => {
    await db.query(`INSERT INTO users (email, name, role, password_hash) VALUES ('bench@bce.local', 'Bench', 'admin', $1)`, [await hashPassword('bench-password')]);
    // Names from word lists so search has realistic selectivity.
    await db.query(`
      INSERT INTO organisations (name, type, relationship_stage, postcode, created_at, updated_at)
      SELECT (ARRAY['Tyne','Mersey','Solent','Pennine','Humber','Trent','Severn','Clyde','Thames','Wessex'])[1 + i % 10] || ' ' ||
             (ARRAY['Engineering','Digital','Logistics','Foods','Care','Energy','Robotics','Textiles','Media','Construction'])[1 + (i / 10) % 10] || ' ' ||
             (ARRAY['Ltd','Group','plc','Partners','Services'])[1 + (i / 100) % 5] || ' ' || i,
             (ARRAY['employer','partner','funder','school_college','public_body','community'])[1 + i % 6],
             (ARRAY['prospect','active','strategic_partner','dormant'])[1 + i % 4],
             'NE' || (1 + i % 99) || ' ' || (i % 10) || 'AB',
             now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
      FROM generate_series(1, $1) AS i`, [N]);
    await db.query('ANALYZE organisations');
  });
  console.log(`Loaded ${N.toLocaleString('en-GB')} organisations in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

  const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), databaseUrl: pg.url, clientDir: '/nonexistent' };
  const app = await NestFactory.create(AppModule.forRoot({ config, databaseUrl: pg.url, jwtSecret: 'x'.repeat(40) }), { logger: false });
  await app.listen(0, '127.0.0.1');
  const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
  const gql = async (query, variables, token) => {
    const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) }, body: JSON.stringify({ query, variables }) });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const token = (await gql('mutation { login(email: "bench@bce.local", password: "bench-password") { accessToken } }')).login.accessToken;
  const LIST = `query($first: Int, $after: String, $search: String, $filter: OrganisationFilter, $orderBy: OrganisationOrder) {
    organisations(first: $first, after: $after, search: $search, filter: $filter, orderBy: $orderBy) {
      totalCount edges { node { id name type relationshipStage postcode owner { name } } } pageInfo { endCursor hasNextPage } } }`;

  // A cursor deep in the list (page 1,000 of 25) to show keyset paging does not slow with depth.
  let deepCursor = null;
  for (let i = 0; i < 10; i++) deepCursor = (await gql(LIST, { first: 100, after: deepCursor, orderBy: { field: 'name', direction: 'asc' } }, token)).organisations.pageInfo.endCursor;

  const cases = [
    ['first page, by name', { first: 25, orderBy: { field: 'name', direction: 'asc' } }],
    ['page after 1,000 rows, by name', { first: 25, after: deepCursor, orderBy: { field: 'name', direction: 'asc' } }],
    ['newest first', { first: 25, orderBy: { field: 'createdAt', direction: 'desc' } }],
    ['search "robotics"', { first: 25, search: 'robotics' }],
    ['search "tyne eng"', { first: 25, search: 'tyne eng' }],
    ['filter type=funder, stage=active', { first: 25, filter: { types: ['funder'], stages: ['active'] } }],
  ];
  console.log(`\nGraphQL organisations query, ${RUNS} runs each (ms)`);
  console.log('case'.padEnd(36), 'p50'.padStart(7), 'p95'.padStart(7), 'max'.padStart(7));
  for (const [name, variables] of cases) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await gql(LIST, variables, token);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    console.log(name.padEnd(36), at(0.5).padStart(7), at(0.95).padStart(7), at(1).padStart(7));
  }
  await app.close();
} finally {
  await pg.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
