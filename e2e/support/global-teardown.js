const fs = require('node:fs');

// SIGTERM lets the server close and stop its PostgreSQL; then the data folder goes.
module.exports = async () => {
  const state = globalThis.__BCE_E2E__;
  if (!state) return;
  const exited = new Promise((resolve) => state.server.once('exit', resolve));
  state.server.kill('SIGTERM');
  await Promise.race([exited, new Promise((r) => setTimeout(r, 15000))]);
  if (state.server.exitCode === null) state.server.kill('SIGKILL');
  // Let go of the child's pipes, or Jest waits on them after the run.
  state.server.stdout?.destroy();
  state.server.stderr?.destroy();
  state.server.unref();
  fs.rmSync(state.dataDir, { recursive: true, force: true });
};
