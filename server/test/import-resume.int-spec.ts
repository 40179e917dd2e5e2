import { ChildProcess, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Client } from 'pg';
import { createDatabase } from './support/test-app';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freePort } = require('../../scripts/test-support.cjs');

/**
 * The built server, killed with SIGKILL in the middle of a commit: the database holds whole
 * 500-row chunks (every row with an outcome has its organisation, and no organisation exists
 * without its row), and the next server resumes the import and finishes it without duplicates.
 */
const MAIN = path.resolve(__dirname, '../../dist/server/server/src/main.js');
const ROWS = 10_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bce-resume-'));

describe('import: a server killed mid-commit', () => {
  let database: { url: string; drop(): Promise<void> };
  let server: ChildProcess | null = null;
  let baseUrl = '';
  let token = '';
  const db = () => new Client({ connectionString: database.url });

  const start = async () => {
    const port: number = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    server = spawn(process.execPath, [MAIN], {
      env: { ...process.env, NODE_ENV: 'test', PORT: String(port), DATABASE_URL: database.url, DEMO_DATA: 'false', LOG_LEVEL: 'error',
        ADMIN_EMAIL: 'admin@resume.ac.uk', ADMIN_PASSWORD: 'resume-admin-password', IMPORT_LEASE_SECONDS: '2', DATA_DIR: dataDir, JWT_SECRET: 'resume-test-secret-resume-test-secret-0123' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    for (;;) {
      const up = await fetch(`${baseUrl}/health`).then((r) => r.ok).catch(() => false);
      if (up) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ query, variables }) });
    const body = await res.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const batchOf = async (id: string) => (await gql(`query($id: ID!) { importBatch(id: $id) { status rowsDone rowsTotal summary { created } } }`, { id })).importBatch;
  const until = async (id: string, done: (b: { status: string; rowsDone: number }) => boolean) => {
    for (;;) {
      const b = await batchOf(id);
      if (done(b)) return b;
      await new Promise((r) => setTimeout(r, 20));
    }
  };

  beforeAll(async () => {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first (npm test does)`);
    database = await createDatabase();
  });
  afterAll(async () => {
    server?.kill('SIGKILL');
    await database.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('leaves whole chunks, and the next server finishes the import exactly once', async () => {
    await start();
    token = (await gql(`mutation { login(email: "admin@resume.ac.uk", password: "resume-admin-password") { accessToken } }`)).login.accessToken;
    const csv = ['Name,Postcode', ...Array.from({ length: ROWS }, (_, i) => `Resume Test Company ${i + 1},NE1 ${1 + (i % 9)}AA`)].join('\n');
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation($file: Upload!) { startImport(file: $file, entity: ORGANISATIONS) { id } }', variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob([csv], { type: 'text/csv' }), 'resume.csv');
    const uploaded = await (await fetch(`${baseUrl}/graphql`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' }, body: form })).json();
    const id = uploaded.data.startImport.id;
    await until(id, (b) => b.status === 'MAPPING');
    await gql(`mutation($id: ID!) { previewImport(id: $id, mapping: ["name", "postcode"]) { id } }`, { id });
    await until(id, (b) => b.status === 'PREVIEWED');
    await gql(`mutation($id: ID!) { commitImport(id: $id) { id } }`, { id });
    await until(id, (b) => b.status === 'COMMITTING' && b.rowsDone > 0);
    server!.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));

    const c = db();
    await c.connect();
    try {
      const count = async (sql: string) => Number((await c.query(sql)).rows[0].n);
      const withOutcome = await count(`SELECT count(*) AS n FROM import_rows WHERE outcome IS NOT NULL`);
      expect(withOutcome).toBeGreaterThan(0);
      expect(withOutcome).toBeLessThan(ROWS);
      expect(withOutcome % 500).toBe(0); // whole chunks
      expect(await count(`SELECT count(*) AS n FROM organisations`)).toBe(withOutcome);
      expect(await count(`SELECT rows_done AS n FROM import_batches`)).toBe(withOutcome);
      expect(await count(`SELECT count(*) AS n FROM import_rows r WHERE r.outcome = 'created' AND NOT EXISTS (SELECT 1 FROM organisations o WHERE o.id = r.record_id)`)).toBe(0);
    } finally {
      await c.end();
    }

    await start(); // the killed server's lease runs out (2 s) and this one takes the batch over
    const done = await until(id, (b) => b.status === 'COMMITTED');
    expect(done.summary.created).toBe(ROWS);
    const after = db();
    await after.connect();
    try {
      const { rows: [r] } = await after.query(`SELECT count(*)::int AS n, count(DISTINCT name)::int AS names FROM organisations WHERE deleted_at IS NULL`);
      expect(r).toEqual({ n: ROWS, names: ROWS });
    } finally {
      await after.end();
    }
  });
});
