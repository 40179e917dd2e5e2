// The database under the benchmark and the built server in production mode over it.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const require = createRequire(import.meta.url);
export const root = path.resolve(import.meta.dirname, '../../..');
export const dist = path.join(root, 'dist/server/server/src');
require('reflect-metadata');
export const load = (module) => require(path.join(dist, module));

/** DATABASE_URL, or the embedded PostgreSQL seed:scale fills (DATA_DIR, default .data-scale), or with `fresh` a throwaway one. */
export async function openDatabase({ fresh = false } = {}) {
  const { startEmbeddedPostgres } = load('config/embedded-postgres.js');
  if (!fresh && process.env.DATABASE_URL) return { url: process.env.DATABASE_URL, where: 'DATABASE_URL', stop: async () => undefined };
  const dir = fresh ? fs.mkdtempSync(path.join(os.tmpdir(), 'bce-scale-bench-')) : path.resolve(process.env.DATA_DIR ?? path.join(root, '.data-scale'));
  if (fresh) fs.chmodSync(dir, 0o755);
  if (!fresh && !fs.existsSync(path.join(dir, 'postgres', 'PG_VERSION'))) {
    throw new Error(`no scale database in ${dir}: run \`npm run seed:scale -- --orgs N\` first (or set DATABASE_URL)`);
  }
  const pg = await startEmbeddedPostgres(path.join(dir, 'postgres'), 'bce');
  return {
    url: pg.url,
    where: fresh ? `a throwaway embedded PostgreSQL` : `the embedded PostgreSQL in ${dir}`,
    stop: async () => {
      await pg.stop();
      if (fresh) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** `node dist/…/main.js` as production runs it: NODE_ENV=production, a JWT secret, the per-user rate limit off. */
export async function startServer(databaseUrl) {
  const { freePort } = load('config/embedded-postgres.js');
  const port = await freePort();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bce-scale-server-'));
  // BENCH_SERVER_CPU_PROF=DIR: the server writes a V8 CPU profile there when it stops (summarise it with cpu-profile.mjs).
  // BENCH_SERVER_TRACE_GC=1: the server prints each garbage collection (server.output() holds them).
  const prof = process.env.BENCH_SERVER_TRACE_GC ? ['--trace-gc'] : process.env.BENCH_SERVER_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_SERVER_CPU_PROF)}`] : [];
  const child = spawn(process.execPath, [...prof, path.join(dist, 'main.js')], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production', JWT_SECRET: randomBytes(32).toString('hex'), RATE_LIMIT_PER_MINUTE: '0', DATABASE_URL: databaseUrl,
      PORT: String(port), LOG_LEVEL: 'warn', DEMO_DATA: 'false', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => (output += d));
  child.stderr.on('data', (d) => (output += d));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${base}/health`).then((r) => r.ok, () => false);
    if (ok) break;
    if (i > 600) throw new Error(`the server did not answer /health in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `${base}/graphql`,
    output: () => output,
    cpuMs: () => processCpuMs(child.pid),
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * The CPU time (user + system, ms) a process has used so far, from /proc (Linux); null elsewhere.
 * Unlike latency, it hardly moves when other work shares the cores.
 */
export function processCpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 a second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
  } catch {
    return null;
  }
}

/** GraphQL over HTTP; a response with errors throws, so an operation that fails is never timed as a success. */
export function graphqlClient(url) {
  const post = async (body, token, headers = { 'content-type': 'application/json' }) => {
    const res = await fetch(url, { method: 'POST', headers: { ...headers, ...(token && { authorization: `Bearer ${token}` }) }, body });
    const json = await res.json().catch(() => ({ errors: [{ message: `HTTP ${res.status}, not JSON` }] }));
    if (!res.ok || json.errors) throw new Error(`GraphQL ${res.status}: ${JSON.stringify(json.errors ?? json).slice(0, 500)}`);
    return json.data;
  };
  return {
    request: (query, variables, token) => post(JSON.stringify({ query, variables }), token),
    upload: (query, variables, file, token) => {
      const form = new FormData();
      form.append('operations', JSON.stringify({ query, variables: { ...variables, file: null } }));
      form.append('map', JSON.stringify({ 0: ['variables.file'] }));
      form.append('0', new Blob([file.content]), file.name);
      return post(form, token, { 'apollo-require-preflight': 'true' });
    },
  };
}

export const BENCH_PASSWORD = 'bench-password-2026';

/**
 * The bench's own sign-ins, made (or reset) in the database: a staff member in the busiest
 * department, who sees that department's confidential records and no others, and an admin.
 */
export async function ensureBenchUsers(pool) {
  const { hashPassword } = load('modules/user/password.js');
  const hash = await hashPassword(BENCH_PASSWORD);
  const { rows: [dept] } = await pool.query(`SELECT department_id AS id FROM engagements GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  const users = {};
  for (const [key, role] of [['staff', 'staff'], ['admin', 'admin']]) {
    const { rows: [u] } = await pool.query(
      `INSERT INTO users (email, name, role, password_hash) VALUES ($1, $2, $3, $4)
       ON CONFLICT ((lower(email))) DO UPDATE SET role = EXCLUDED.role, password_hash = EXCLUDED.password_hash, deleted_at = NULL RETURNING id, email`,
      [`bench.${key}@bce.local`, `Bench ${key}`, role, hash]);
    await pool.query(`INSERT INTO user_departments (user_id, department_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [u.id, dept.id]);
    users[key] = { id: u.id, email: u.email, departmentIds: [dept.id] };
  }
  return users;
}
