import { randomBytes } from 'node:crypto';
import * as os from 'node:os';
import { PinoLogger } from 'nestjs-pino';
import { Client } from 'pg';
import { DuplicateScanner } from '../../modules/duplicates/duplicate-scanner';
import { withDataSource } from '../../runtime/database';
import { seedContacts } from './contacts';
import { seedEngagements, seedTasks } from './engagements';
import { seedOpportunities } from './opportunities';
import { seedOrganisations } from './organisations';
import { seedPeople } from './people';
import { ScalePlan, scalePlan } from './plan';
import { Progress, silentProgress } from './progress';
import { ScaleRun } from './sql';

export interface ScaleSeedOptions {
  organisations: number;
  /** Add to a database that already holds records (otherwise refused). */
  append?: boolean;
  /**
   * Run the app's duplicate scan over the new organisations (true), or mark them scanned and leave
   * organisation_duplicate_pairs without their pairs (false). Unset: run it up to
   * DUPLICATE_SCAN_LIMIT organisations; beyond, its time grows faster than the data (4.8 s at
   * 2,000, 65 s at 10,000), and left undone the server would grind through it under a benchmark.
   */
  duplicateScan?: boolean;
  progress?: Progress;
  /** Told once the database has been found fit to fill. */
  onStart?: (plan: ScalePlan) => void;
}

export interface ScaleSeedResult {
  plan: ScalePlan;
  tag: string;
  /** Seconds per step, in the order they ran. */
  seconds: Record<string, number>;
  totalSeconds: number;
  /** Rows in each table afterwards (everything, not only this run's). */
  rows: Record<string, number>;
  /** Whether the duplicate scan ran (otherwise the organisations were marked scanned). */
  duplicateScan: boolean;
}

export const DUPLICATE_SCAN_LIMIT = 20_000;

/** The database already holds records and neither --append nor --force was given. */
export class ScaleSeedRefused extends Error {}

const RECORD_TABLES = ['organisations', 'contacts', 'engagements', 'opportunities', 'tasks', 'departments', 'users'];
const COUNTED = [...RECORD_TABLES, 'user_departments', 'affiliations', 'consent_records', 'engagement_contacts', 'engagement_staff',
  'opportunity_stage_history', 'opportunity_contacts', 'opportunity_instalments', 'audit_events', 'organisation_duplicate_pairs'];

/**
 * Fills a migrated database with generated records in the proportions of scalePlan, table
 * family by table family, in server-side INSERT … SELECT chunks; then VACUUM ANALYZE (fresh
 * statistics and visibility maps, so the planner and autovacuum do not change the picture under
 * a benchmark) and the duplicate scan the server would otherwise run in the background.
 */
export async function seedScale(url: string, options: ScaleSeedOptions): Promise<ScaleSeedResult> {
  const plan = scalePlan(options.organisations);
  const progress = options.progress ?? silentProgress;
  const started = Date.now();
  // One connection per core (at most four): chunks of the big tables load in parallel.
  const connections = Array.from({ length: Math.max(1, Math.min(4, os.cpus().length)) }, () => new Client({ connectionString: url }));
  const [db] = connections;
  try {
    for (const c of connections) {
      await c.connect();
      // A lost chunk on a crash costs nothing here: the run is redone, and the load is much faster.
      await c.query('SET synchronous_commit = off');
    }
    const existing = await db.query(`SELECT ${RECORD_TABLES.map((t) => `(SELECT count(*) FROM (SELECT 1 FROM ${t} LIMIT 1) x)`).join(' + ')} AS n`);
    if (Number(existing.rows[0].n) > 0 && !options.append) {
      throw new ScaleSeedRefused('The database already holds records: refusing to add generated data to it (pass --append or --force to add anyway).');
    }
    options.onStart?.(plan);
    const run: ScaleRun = { db, connections, plan, tag: randomBytes(6).toString('hex'), progress, stages: await boardStages(db) };
    const seconds: Record<string, number> = {};
    Object.assign(seconds, await seedPeople(run));
    seconds.organisations = await seedOrganisations(run);
    seconds.contacts = await seedContacts(run);
    seconds.engagements = await seedEngagements(run);
    seconds.tasks = await seedTasks(run);
    seconds.opportunities = await seedOpportunities(run);
    seconds.vacuumAnalyze = await timed(progress, 'VACUUM ANALYZE', 1, () => db.query('VACUUM ANALYZE'));
    const scan = options.duplicateScan ?? plan.organisations <= DUPLICATE_SCAN_LIMIT;
    if (scan) seconds.duplicateScan = await scanDuplicates(url, progress, plan.organisations);
    else await markScanned(db);
    const counts = await db.query(`SELECT ${COUNTED.map((t) => `(SELECT count(*)::int FROM ${t}) AS ${t}`).join(', ')}`);
    return { plan, tag: run.tag, seconds, totalSeconds: (Date.now() - started) / 1000, rows: counts.rows[0], duplicateScan: scan };
  } finally {
    await Promise.all(connections.map((c) => c.end().catch(() => undefined)));
  }
}

/** Stage ids by board position as the generator uses them: four open stages, then won, then lost. */
async function boardStages(db: Client): Promise<string[]> {
  const { rows } = await db.query(`SELECT id, outcome FROM opportunity_stages WHERE deleted_at IS NULL ORDER BY position, name`);
  const open = rows.filter((s) => s.outcome === 'open').map((s) => s.id as string);
  const won = rows.find((s) => s.outcome === 'won')?.id;
  const lost = rows.find((s) => s.outcome === 'lost')?.id;
  if (!open.length || !won || !lost) throw new Error('opportunity_stages needs at least one open, one won and one lost stage');
  return [...[0, 1, 2, 3].map((i) => open[Math.min(i, open.length - 1)]), won, lost];
}

async function timed(progress: Progress, label: string, total: number, work: () => Promise<unknown>): Promise<number> {
  const started = Date.now();
  progress.start(label, total);
  await work();
  const seconds = (Date.now() - started) / 1000;
  progress.tick(total);
  progress.end(seconds);
  return seconds;
}

/** Moves the scanner's high-water mark past every organisation, so the server does not start scanning them. */
async function markScanned(db: Client): Promise<void> {
  await db.query(`UPDATE duplicate_scan_state s SET scanned_updated_at = o.updated_at, scanned_id = o.id, last_scanned_at = now()
                    FROM (SELECT updated_at, id FROM organisations ORDER BY updated_at DESC, id DESC LIMIT 1) o WHERE s.kind = 'organisation'`);
}

/** The app's own duplicate scanner, run to the end here, so its pairs are what the server would have found. */
async function scanDuplicates(url: string, progress: Progress, total: number): Promise<number> {
  const started = Date.now();
  const quiet = { setContext: () => undefined, error: () => undefined } as unknown as PinoLogger;
  await withDataSource(url, async (ds) => {
    const scanner = new DuplicateScanner(ds, quiet);
    progress.start('duplicate scan', total);
    let done = 0;
    for (;;) {
      const n = await scanner.scanChunk();
      if (n === 0) break;
      done += n ?? 0;
      progress.tick(Math.min(done, total));
    }
  });
  const seconds = (Date.now() - started) / 1000;
  progress.end(seconds);
  return seconds;
}
