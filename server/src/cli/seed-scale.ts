import 'reflect-metadata';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres } from '../config/embedded-postgres';
import { findRepoRoot, loadConfig } from '../config/env';
import { runMigrations } from '../runtime/database';
import { DUPLICATE_SCAN_LIMIT, seedScale, ScaleSeedRefused } from '../seed/scale/generate';
import { progressBar } from '../seed/scale/progress';

const USAGE = `Usage: npm run seed:scale -- [--orgs 100000] [--append | --force] [--duplicate-scan | --skip-duplicate-scan] [--data-dir .data-scale]
Fills DATABASE_URL, or else an embedded PostgreSQL in DATA_DIR/postgres (default .data-scale, not the app's .data),
with generated records in proportion: per 100,000 organisations 500,000 contacts, 2,000,000 engagements,
200,000 opportunities, 50,000 tasks, 50 departments and 2,000 staff. A database that already holds records is
refused unless --append (or --force) says to add to it; nothing is ever deleted. The app's duplicate scan runs over
the new organisations up to ${DUPLICATE_SCAN_LIMIT.toLocaleString('en-GB')} of them (its time grows faster than the data); beyond, or with
--skip-duplicate-scan, they are marked scanned without pairs, so the server does not scan them under a benchmark.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      orgs: { type: 'string', default: '100000' }, append: { type: 'boolean' }, force: { type: 'boolean' },
      'duplicate-scan': { type: 'boolean' }, 'skip-duplicate-scan': { type: 'boolean' }, 'data-dir': { type: 'string' }, help: { type: 'boolean' },
    },
  });
  if (values.help) return void process.stdout.write(`${USAGE}\n`);
  const organisations = Number(values.orgs?.replace(/[_,]/g, ''));
  if (!Number.isInteger(organisations) || organisations < 1) throw new Error(`--orgs must be a whole number of at least 1\n${USAGE}`);
  const config = loadConfig();
  const dataDir = path.resolve(values['data-dir'] ?? process.env.DATA_DIR ?? path.join(findRepoRoot(), '.data-scale'));
  const db = config.databaseUrl
    ? { url: config.databaseUrl, stop: async () => undefined, where: 'DATABASE_URL' }
    : { ...(await startEmbeddedPostgres(path.join(dataDir, 'postgres'), 'bce')), where: `the embedded PostgreSQL in ${dataDir}/postgres` };
  try {
    await runMigrations(db.url);
    const result = await seedScale(db.url, {
      organisations, append: values.append || values.force, progress: progressBar(),
      onStart: (plan) => process.stdout.write(`Generating into ${db.where}: ${Object.entries(plan).map(([k, n]) => `${n.toLocaleString('en-GB')} ${k}`).join(', ')}\n`),
      duplicateScan: values['skip-duplicate-scan'] ? false : values['duplicate-scan'],
    });
    process.stdout.write(`\nDone in ${result.totalSeconds.toFixed(1)} s (run ${result.tag}). Rows now:\n`);
    for (const [table, n] of Object.entries(result.rows)) process.stdout.write(`  ${table.padEnd(28)} ${Number(n).toLocaleString('en-GB').padStart(11)}\n`);
    if (!result.duplicateScan) process.stdout.write('Duplicate scan not run: the new organisations are marked scanned and have no duplicate pairs (--duplicate-scan runs it).\n');
  } finally {
    await db.stop();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ScaleSeedRefused ? '' : 'seed:scale failed: '}${error.message ?? error}\n`);
  process.exit(error instanceof ScaleSeedRefused ? 2 : 1);
});
