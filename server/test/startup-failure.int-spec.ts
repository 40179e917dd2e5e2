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

interface Server {
  process: ChildProcess;
  /** Resolves once its stdout has said `text`. */
  said(text: string): Promise<void>;
  exited: Promise<Exit>;
}

const running = new Set<ChildProcess>();

/** Runs the server with only the given settings, none inherited from the test run. */
function startServer(env: Record<string, string>): Server {
  const child = spawn(process.execPath, [MAIN], { cwd: root, env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'silent', DEMO_DATA: 'false', ...env } });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const said = (text: string) => new Promise<void>((resolve) => {
    const check = () => stdout.includes(text) && resolve();
    check();
    child.stdout.on('data', check);
  });
  const exited = new Promise<Exit>((resolve) => child.on('exit', (code) => {
    running.delete(child);
    resolve({ code, stdout, stderrLines: stderr.split('\n').filter((line) => line.trim()) });
  }));
  return { process: child, said, exited };
}

/** Something else listening on a port (on every address, as the server would). */
function occupyPort(): Promise<net.Server> {
  return new Promise((resolve) => {
    const blocker = net.createServer();
    blocker.listen(0, () => resolve(blocker));
  });
}

const portOf = (server: net.Server) => (server.address() as net.AddressInfo).port;

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = await occupyPort();
  const port = portOf(server);
  await new Promise((resolve) => server.close(resolve));
  return port;
}

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
    // Only if an assertion failed with a server still up: never leave one running.
    for (const child of running) child.kill('SIGKILL');
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('exits 1 with one line when its port is in use, stopping the embedded PostgreSQL it had started', async () => {
    const blocker = await occupyPort();
    try {
      const port = portOf(blocker);
      const exit = await startServer({ PORT: String(port), DATA_DIR: dataDir }).exited;
      expect(exit.stdout).toContain(`Embedded PostgreSQL started (data in ${dataDir}/postgres)`);
      expect(exit.code).toBe(1);
      expect(exit.stderrLines).toEqual([`BCE CRM could not start: port ${port} is already in use (set PORT to use another)`]);
      expect(postgresProcessesUsing(dataDir)).toBe('');
    } finally {
      blocker.close();
    }
  }, 180_000);

  it("exits 1 with one line when another server's embedded PostgreSQL holds the same DATA_DIR, leaving that server running", async () => {
    const firstPort = await closedPort();
    const first = startServer({ PORT: String(firstPort), DATA_DIR: dataDir });
    await first.said('BCE CRM is running');

    const exit = await startServer({ PORT: String(await closedPort()), DATA_DIR: dataDir }).exited;
    expect(exit.code).toBe(1);
    expect(exit.stderrLines).toHaveLength(1);
    expect(exit.stderrLines[0]).toMatch(/^BCE CRM could not start: the embedded PostgreSQL in .* did not start: FATAL: lock file "postmaster.pid" already exists/);

    expect((await fetch(`http://127.0.0.1:${firstPort}/health`)).status).toBe(200);
    first.process.kill('SIGINT');
    expect((await first.exited).code).toBe(0);
    expect(postgresProcessesUsing(dataDir)).toBe('');
  }, 180_000);

  it('exits 1 with one line when the database in DATABASE_URL cannot be reached', async () => {
    const port = await closedPort();
    const exit = await startServer({ PORT: String(port), DATABASE_URL: `postgres://bce:secret@127.0.0.1:${port}/bce` }).exited;
    expect(exit.code).toBe(1);
    expect(exit.stderrLines).toEqual([`BCE CRM could not start: cannot reach the database at 127.0.0.1:${port}: ECONNREFUSED`]);
  }, 60_000);

  it('exits 1 with one line naming every bad setting', async () => {
    const exit = await startServer({ PORT: 'eighty', DEMO_DATA: 'perhaps', DATA_DIR: dataDir }).exited;
    expect(exit.code).toBe(1);
    expect(exit.stderrLines).toHaveLength(1);
    expect(exit.stderrLines[0]).toMatch(/^BCE CRM could not start: invalid configuration: PORT: .*; DEMO_DATA: DEMO_DATA must be true or false$/);
  }, 60_000);
});
