// Helpers shared by the integration and e2e global setups (plain CommonJS: they run before ts-jest).
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

/** A free TCP port on loopback. */
const freePort = () =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

// Same rule as server/src/config/embedded-postgres.ts: running as root, PostgreSQL runs as
// `postgres`, who must traverse every folder above its binaries and data: add o+x, nothing more.
const allowTraversal = (target) => {
  for (let dir = path.resolve(target); ; dir = path.dirname(dir)) {
    const mode = fs.statSync(dir).mode;
    if (!(mode & 0o001)) fs.chmodSync(dir, mode | 0o001);
    if (path.dirname(dir) === dir) return;
  }
};

module.exports = { freePort, allowTraversal };
