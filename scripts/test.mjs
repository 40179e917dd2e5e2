// `npm test`: install what the tests need, build, then run every check and suite:
// schema/codegen freshness, lint, server unit, client unit, server integration (real PostgreSQL),
// and browser e2e (Debian's Chromium). Ends with "N passed, N failed"; exits non-zero on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nxEnv } from './nx-env.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const results = path.join(root, 'tmp', 'test-results');
fs.rmSync(results, { recursive: true, force: true });
fs.mkdirSync(results, { recursive: true });

const tally = { passed: 0, failed: 0 };
const lines = [];
const started = Date.now();

function run(cmd, args, extraEnv = {}) {
  process.stdout.write(`\n$ ${cmd} ${args.join(' ')}\n`);
  const r = spawnSync(cmd, args, { cwd: root, env: { ...nxEnv, ...extraEnv }, stdio: 'inherit' });
  return r.status === 0;
}

/** A check counts as one test. */
function check(name, ok) {
  tally[ok ? 'passed' : 'failed'] += 1;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
  return ok;
}

/** A suite's counts come from its JSON report; a crash without failures still counts as one failure. */
function suite(name, ok, reportFile) {
  let passed = 0;
  let failed = 0;
  if (fs.existsSync(reportFile)) {
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    passed = report.numPassedTests ?? 0;
    failed = (report.numFailedTests ?? 0) + (report.numRuntimeErrorTestSuites ?? 0);
  }
  if (!ok && failed === 0) failed = 1;
  if (passed + failed === 0) failed = 1; // an empty suite proves nothing
  tally.passed += passed;
  tally.failed += failed;
  lines.push(`${failed ? 'FAIL' : 'ok  '} ${name}: ${passed} passed, ${failed} failed`);
}

function ensureChromium() {
  if (fs.existsSync('/usr/bin/chromium')) return true;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const apt = (args) => run(sudo[0] ?? 'apt-get', sudo.length ? ['apt-get', ...args] : args, { DEBIAN_FRONTEND: 'noninteractive' });
  return apt(['update']) && apt(['install', '-y', '--no-install-recommends', 'chromium']) && fs.existsSync('/usr/bin/chromium');
}

const chromium = check('Chromium installed (/usr/bin/chromium)', ensureChromium());
const built = check('build (server, client)', run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'server', 'client', '--outputStyle=static']));

if (built) {
  check('server/schema.graphql matches the code', run('node', ['scripts/check-schema.mjs']));
  check('client GraphQL types are current (codegen)', run('node', ['client/scripts/codegen-check.mjs']));
  check('client initial JavaScript ≤ 250 kB gzipped', run('node', ['client/scripts/check-weight.mjs']));
}
check('lint (server, client, e2e)', run('npx', ['nx', 'run-many', '-t', 'lint', '--outputStyle=static']));
// ts-jest compiles the browser tests file by file without type checking; this catches type errors in them.
check('e2e types', run('npx', ['tsc', '--noEmit', '-p', 'e2e/tsconfig.json']));

const jestJson = (name) => ['--json', `--outputFile=${path.join(results, `${name}.json`)}`];
suite('server unit', run('npx', ['jest', '-c', 'server/jest.config.js', ...jestJson('server-unit')]), path.join(results, 'server-unit.json'));
suite('client unit', run('npx', ['vitest', 'run', '--config', 'client/vitest.config.ts', '--reporter=default', '--reporter=json',
  `--outputFile.json=${path.join(results, 'client-unit.json')}`]), path.join(results, 'client-unit.json'));
suite('server integration', run('npx', ['jest', '-c', 'server/jest.integration.config.js', '--runInBand', ...jestJson('server-integration')]),
  path.join(results, 'server-integration.json'));
// The scale benchmark at a tiny scale: every operation must answer without errors and the JSON be written; timings are not judged.
check('scale bench smoke (npm run bench at --orgs 300)', built && run('node', ['server/bench/scale.bench.mjs', '--smoke', '--out', path.join(results, 'scale-bench-smoke.json')])
  && fs.existsSync(path.join(results, 'scale-bench-smoke.json')));
if (built && chromium) {
  suite('e2e (Chromium)', run('npx', ['jest', '-c', 'e2e/jest.config.js', '--runInBand', ...jestJson('e2e')]), path.join(results, 'e2e.json'));
} else {
  check('e2e (Chromium): not run, build or Chromium missing', false);
}

process.stdout.write(`\n${lines.join('\n')}\n\nTook ${Math.round((Date.now() - started) / 1000)} s\n${tally.passed} passed, ${tally.failed} failed\n`);
process.exit(tally.failed ? 1 : 0);
