// `npm start`: build the server and the client (Nx caches unchanged projects), then run the app.
// With no DATABASE_URL the server starts its own embedded PostgreSQL in .data/.
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { nxEnv } from './nx-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const build = spawnSync('npx', ['nx', 'run-many', '-t', 'build', '-p', 'server', 'client', '--outputStyle=static'], { cwd: root, env: nxEnv, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const app = spawn(process.execPath, ['dist/server/server/src/main.js'], { cwd: root, stdio: 'inherit' });
// Ctrl-C reaches the whole process group; the server stops itself and its database, we wait for it.
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => app.kill(signal));
app.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
