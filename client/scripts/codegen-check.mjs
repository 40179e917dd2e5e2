// Fails when src/app/graphql/generated.ts is not what codegen would produce from the current
// server/schema.graphql and client/src/**/*.graphql: regenerates in memory, writes the fresh
// output to a temp file for inspection, and compares. Works from any working directory.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';

const clientDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(clientDir);

const { config } = await loadCodegenConfig({ configFilePath: path.join(clientDir, 'codegen.ts') });
const outputs = await generate({ ...config, cwd: clientDir, silent: true }, false);

let stale = 0;
for (const { filename, content } of outputs) {
  const committedPath = path.resolve(clientDir, filename);
  const committed = fs.existsSync(committedPath) ? fs.readFileSync(committedPath, 'utf8') : null;
  if (committed === content) {
    console.log(`codegen-check: ${path.relative(clientDir, committedPath)} is current`);
    continue;
  }
  stale += 1;
  const fresh = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bce-codegen-')), path.basename(filename));
  fs.writeFileSync(fresh, content);
  console.error(
    committed === null
      ? `codegen-check: ${committedPath} is missing`
      : `codegen-check: ${committedPath} is out of date (fresh output: ${fresh}; diff them to see what changed)`,
  );
}
if (stale) {
  console.error('Regenerate with: npx nx run client:codegen  (or: cd client && npx graphql-codegen --config codegen.ts)');
  process.exit(1);
}
