const fs = require('node:fs');

module.exports = async () => {
  const state = globalThis.__BCE_PG__;
  if (!state) return;
  await state.pg.stop();
  fs.rmSync(state.dir, { recursive: true, force: true });
};
