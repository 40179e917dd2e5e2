// Starts the real, built app (dist/) exactly as `npm start` runs it: its own embedded PostgreSQL
// in a fresh data folder, migrations, demo data, an admin whose password we choose.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const { freePort } = require('../../scripts/test-support.cjs');

module.exports = async () => {
  const main = path.join(root, 'dist/server/server/src/main.js');
  const client = path.join(root, 'dist/client/browser/index.html');
  for (const file of [main, client]) if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (npm test does)`);
  fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  fs.chmodSync(path.join(root, 'tmp'), 0o755);
  const dataDir = fs.mkdtempSync(path.join(root, 'tmp', 'e2e-data-'));
  fs.chmodSync(dataDir, 0o755);
  const port = await freePort();
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, ADMIN_EMAIL: 'admin@e2e.ac.uk', ADMIN_PASSWORD: 'e2e-admin-password', DEMO_DATA: 'true', LOG_LEVEL: 'warn' };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, [main], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  server.stdout.on('data', (d) => (output += d));
  server.stderr.on('data', (d) => (output += d));
  const baseUrl = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (server.exitCode !== null) throw new Error(`server exited during start:\n${output}`);
    try {
      const res = await fetch(`${baseUrl}/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (i > 600) throw new Error(`server did not become healthy in 60 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  globalThis.__BCE_E2E__ = { server, dataDir };
  process.env.E2E_BASE_URL = baseUrl;
  process.env.E2E_ADMIN_EMAIL = env.ADMIN_EMAIL;
  process.env.E2E_ADMIN_PASSWORD = env.ADMIN_PASSWORD;
};
