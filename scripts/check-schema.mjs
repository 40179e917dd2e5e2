// Fails when server/schema.graphql (the contract the client is generated from) differs from the code.
// Regenerate with `npm run schema`.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const tmp = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bce-schema-')), 'schema.graphql');
const r = spawnSync(process.execPath, ['dist/server/server/src/cli/print-schema.js', tmp], { stdio: 'inherit' });
if (r.status !== 0) process.exit(1);
if (fs.readFileSync(tmp, 'utf8') !== fs.readFileSync('server/schema.graphql', 'utf8')) {
  console.error('server/schema.graphql is stale: run `npm run schema` (then `npm run codegen`) and commit the result.');
  process.exit(1);
}
console.log('server/schema.graphql is current.');
