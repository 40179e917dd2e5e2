import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';

// The built server (npm test builds before the integration suite), started as an operator would.
const root = path.resolve(__dirname, '../..');
const MAIN = path.join(root, 'dist/server/server/src/main.js');

interface Exit {
  code: number | null;
  stdout: string;
  stderrLines: string[];
}

const running = new Set<ChildProcess>();

/** Runs the server with only the given settings (none inherited from the test run) until it exits. */
function startServer(env: Record<string, string>): Promise<Exit> {
  const child = spawn(process.execPath, [MAIN], { cwd: root, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...env } });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve) => child.on('exit', (code) => {
    running.delete(child);
    resolve({ code, stdout, stderrLines: stderr.split('\n').filter((line) => line.trim()) });
  }));
}

/** A port something else listens on (on every address, as the server would). */
function occupyPort(): Promise<net.Server> {
  return new Promise((resolve) => {
    const blocker = net.createServer();
    blocker.listen(0, () => resolve(blocker));
  });
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;
const postgresProcessesUsing = (dataDir: string) => spawnSync('pgrep', ['-f', `postgres.*${dataDir}`], { encoding: 'utf8' }).stdout.trim();

describe('a server that cannot start', () => {
  let dataDir: string;
  beforeAll(() => {
    if (!fs.existsSync(MAIN)) throw new Error(`${MAIN} is missing: build the server first (npx nx run server:build)`);
    const base = path.join(root, 'tmp');
    fs.mkdirSync(base, { recursive: true });
    dataDir = fs.mkdtempSync(path.join(base, 'startup-failure-'));
  });
  afterEach(() => {
    // Only if an assertion failed with the server still up: never leave it running.
    for (const child of running) child.kill('SIGKILL');
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits 1 with one line when its port is in use, stopping the embedded PostgreSQL it had started', async () => {
    const blocker = await occupyPort();
    try {
      const port = portOf(blocker);
      const exit = await startServer({ PORT: String(port), DATA_DIR: dataDir });
      expect(exit.stdout).toContain(`Embedded PostgreSQL started (data in ${dataDir}/postgres)`);
      expect(exit.code).toBe(1);
      expect(exit.stderrLines).toEqual([`BCE CRM could not start: port ${port} is already in use (set PORT to use another)`]);
      expect(postgresProcessesUsing(dataDir)).toBe('');
    } finally {
      blocker.close();
    }
  }, 180_000);

  it('exits 1 with one line when the database in DATABASE_URL cannot be reached', async () => {
    const closed = await occupyPort();
    const port = portOf(closed);
    await new Promise((resolve) => closed.close(resolve));
    const exit = await startServer({ PORT: String(port), DATABASE_URL: `postgres://bce:secret@127.0.0.1:${port}/bce` });
    expect(exit.code).toBe(1);
    expect(exit.stderrLines).toEqual([`BCE CRM could not start: cannot reach the database at 127.0.0.1:${port}: ECONNREFUSED`]);
  }, 60_000);

  it('exits 1 with one line naming every bad setting', async () => {
    const exit = await startServer({ PORT: 'eighty', DEMO_DATA: 'perhaps', DATA_DIR: dataDir });
    expect(exit.code).toBe(1);
    expect(exit.stderrLines).toHaveLength(1);
    expect(exit.stderrLines[0]).toMatch(/^BCE CRM could not start: invalid configuration: PORT: .*; DEMO_DATA: DEMO_DATA must be true or false$/);
  }, 60_000);
});
