// Shared by the benchmark scripts: a throwaway embedded PostgreSQL, migrated and loaded by the
// caller, the built app booted over it, a signed-in admin, and a timer that prints p50/p95/max.
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

export const RUNS = Number(process.env.BENCH_RUNS ?? 50);

/** Runs `body` against a fresh database that `load(db)` filled; cleans everything up afterwards. */
export async function withBenchApp(name, load, body) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bce-bench-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres(path.join(dir, 'pg'), 'bench');
  try {
    await runMigrations(pg.url);
    const t0 = performance.now();
    await withDataSource(pg.url, async (db) => {
      await db.query(`INSERT INTO users (email, name, role, password_hash) VALUES ('bench@bce.local', 'Bench', 'admin', $1)`, [await hashPassword('bench-password')]);
      await load(db);
    });
    console.log(`${name}: loaded in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const config = { ...loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent' }), databaseUrl: pg.url, clientDir: '/nonexistent' };
    const app = await NestFactory.create(AppModule.forRoot({ config, databaseUrl: pg.url, jwtSecret: 'x'.repeat(40) }), { logger: false });
    await app.listen(0, '127.0.0.1');
    const url = `${await app.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    const gql = async (query, variables, token) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) }, body: JSON.stringify({ query, variables }) });
      const json = await res.json();
      if (json.errors) throw new Error(JSON.stringify(json.errors));
      return json.data;
    };
    const token = (await gql('mutation { login(email: "bench@bce.local", password: "bench-password") { accessToken } }')).login.accessToken;
    try {
      await body({ gql: (query, variables) => gql(query, variables, token), token, url, app });
    } finally {
      await app.close();
    }
  } finally {
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Times each [name, query, variables] case RUNS times and prints p50, p95 and max in ms. */
export async function timeCases(title, gql, cases) {
  console.log(`\n${title}, ${RUNS} runs each (ms)`);
  console.log('case'.padEnd(40), 'p50'.padStart(7), 'p95'.padStart(7), 'max'.padStart(7));
  for (const [name, query, variables] of cases) {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      await gql(query, variables);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const at = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))].toFixed(1);
    console.log(name.padEnd(40), at(0.5).padStart(7), at(0.95).padStart(7), at(1).padStart(7));
  }
}
