// Starts and stops the real, built app (dist/) exactly as `npm start` runs it: its own embedded
// PostgreSQL in a fresh data folder under tmp/, migrations, an admin whose password we choose.
// The shared global setup starts one with demo data; a spec may start its own (an empty install).
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../..');
const { freePort } = require('../../scripts/test-support.cjs');

/**
 * @param {{ demoData: boolean, adminEmail: string, adminPassword: string, prefix?: string, port?: number, env?: Record<string, string>, webhookWorker?: boolean }} options
 * @returns {Promise<{ server: import('node:child_process').ChildProcess, dataDir: string, baseUrl: string }>}
 */
async function startAppServer({ demoData, adminEmail, adminPassword, prefix = 'e2e-data-', port: chosenPort, env: extraEnv = {}, webhookWorker = false }) {
  const main = path.join(root, 'dist/server/server/src/main.js');
  const client = path.join(root, 'dist/client/browser/index.html');
  for (const file of [main, client]) if (!fs.existsSync(file)) throw new Error(`${file} is missing: build first (npm test does)`);
  fs.mkdirSync(path.join(root, 'tmp'), { recursive: true });
  fs.chmodSync(path.join(root, 'tmp'), 0o755);
  const dataDir = fs.mkdtempSync(path.join(root, 'tmp', prefix));
  fs.chmodSync(dataDir, 0o755);
  const port = chosenPort ?? (await freePort());
  const env = { ...process.env, PORT: String(port), DATA_DIR: dataDir, ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD: adminPassword, DEMO_DATA: String(demoData), LOG_LEVEL: 'warn', ...extraEnv };
  delete env.DATABASE_URL;
  // Jest sets NODE_ENV=test, under which the server leaves its webhook worker off (its own tests
  // drive it by hand); a journey that needs deliveries sent asks for the app as `npm start` runs it.
  if (webhookWorker && env.NODE_ENV === 'test') delete env.NODE_ENV;
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
    if (i > 600) {
      server.kill('SIGKILL');
      throw new Error(`server did not become healthy in 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { server, dataDir, baseUrl };
}

/** SIGTERM lets the server close and stop its PostgreSQL; then the data folder goes. */
async function stopAppServer(state) {
  if (!state) return;
  const { server, dataDir } = state;
  if (server.exitCode === null) {
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  // Let go of the child's pipes, or Jest waits on them after the run.
  server.stdout?.destroy();
  server.stderr?.destroy();
  server.unref();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

module.exports = { startAppServer, stopAppServer };
