import { Client } from 'pg';
import { Progress } from './progress';
import { ScalePlan } from './plan';

/** What every table family needs: the connection, the counts, this run's id tag and where numbering starts. */
export interface ScaleRun {
  db: Client;
  /** db and the others: one connection per core for chunks loaded in parallel. */
  connections: Client[];
  plan: ScalePlan;
  /** Hex, new each run: ids are md5(tag:kind:n), so a row's id follows from its number and --append never collides. */
  tag: string;
  progress: Progress;
  /** Stage ids by position (1 Enquiry … 4 Negotiation, 5 Won, 6 Lost), read from the migrations' seed. */
  stages: string[];
}

/** SQL text literal (the lists are ours, but names like O'Neill need their quote doubled). */
export const lit = (s: string) => `'${s.replace(/'/g, "''")}'`;
export const arrayLit = (items: readonly string[]) => `ARRAY[${items.map(lit).join(', ')}]::text[]`;

/**
 * The id of row `n` (an SQL integer expression) of a kind: computable anywhere, so references need
 * no join. An md5 with the version (4) and variant (8) digits set, so it is a UUID the API's
 * validators accept (IsUUID refuses a bare md5).
 */
export const idOf = (run: ScaleRun, kind: string, n: string) =>
  `overlay(overlay(md5(${lit(`${run.tag}:${kind}:`)} || (${n})) placing '4' from 13) placing '8' from 17)::uuid`;

/** One element of a list at random, `r` a uniform [0, 1) column. */
export const pick = (items: readonly string[], r: string) => `(${arrayLit(items)})[1 + floor(${r} * ${items.length})::int]`;

/** A weighted choice; `r` one uniform [0, 1) column so the branches agree. NULL is written as null. */
export function weighted(r: string, choices: Array<[string | null, number]>): string {
  const total = choices.reduce((s, [, w]) => s + w, 0);
  let at = 0;
  const arms = choices.slice(0, -1).map(([value, w]) => {
    at += w / total;
    return `WHEN ${r} < ${at.toFixed(6)} THEN ${value === null ? 'NULL' : lit(value)}`;
  });
  const last = choices[choices.length - 1][0];
  return `CASE ${arms.join(' ')} ELSE ${last === null ? 'NULL' : lit(last)} END`;
}

/**
 * Numbers from..to with `k` uniform random columns r1..rk, as a subquery `g` PostgreSQL will not
 * flatten (volatile targets), so each r is drawn once per row however often it is used.
 */
export const series = (from: number, to: number, k: number) =>
  `(SELECT n, ${Array.from({ length: k }, (_, i) => `random() AS r${i + 1}`).join(', ')} FROM generate_series(${from}, ${to}) AS n) g`;

/** The user who owns or did something: skewed so a few staff do much of the work. */
export const userNumber = (plan: ScalePlan, r: string) => `(1 + floor(power(${r}, 1.5) * ${plan.users})::int)`;
/** A user's first department, by number (users are spread over departments round-robin). */
export const departmentOfUser = (plan: ScalePlan, u: string) => `(1 + ((${u}) - 1) % ${plan.departments})`;
/** An organisation for an activity: a long tail, so some organisations are far busier than others. */
export const busyOrganisation = (plan: ScalePlan, r: string) => `(1 + floor(power(${r}, 2) * ${plan.organisations})::int)`;

/**
 * Runs `work(from, to, db)` over 1..total in chunks, one transaction each (setseed first, so a
 * run is repeatable for its tag), moving the progress bar; returns the seconds it took. With
 * `parallel`, chunks go to every connection at once (one per core): only for tables whose rows
 * do not refer to each other, as chunks may commit in any order; with `firstAlone` too, the first
 * chunk is committed before the others start (rows may refer to rows of the first chunk).
 */
export async function chunked(run: ScaleRun, label: string, total: number, size: number,
  work: (from: number, to: number, db: Client) => Promise<void>, { parallel = false, firstAlone = false } = {}): Promise<number> {
  const started = Date.now();
  run.progress.start(label, total);
  let next = 1;
  let done = 0;
  let failed = false;
  const worker = async (db: Client, chunks = Infinity) => {
    for (let i = 0; i < chunks && next <= total && !failed; i++) {
      const from = next;
      const to = Math.min(total, from + size - 1);
      next = to + 1;
      await db.query('BEGIN');
      try {
        await db.query('SELECT setseed($1)', [seedFor(`${run.tag}:${label}:${from}`)]);
        await work(from, to, db);
        await db.query('COMMIT');
      } catch (error) {
        failed = true;
        await db.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      done += to - from + 1;
      run.progress.tick(done);
    }
  };
  if (firstAlone) await worker(run.db, 1);
  await Promise.all((parallel ? run.connections : [run.db]).map((db) => worker(db)));
  const seconds = (Date.now() - started) / 1000;
  run.progress.end(seconds);
  return seconds;
}

function seedFor(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
  return h / 2 ** 32;
}

/** Days as the institution counts them: the UK calendar, whatever zone the database session is in. */
export const UK_TODAY = `(now() AT TIME ZONE 'Europe/London')::date`;
export const ukDay = (instant: string) => `((${instant}) AT TIME ZONE 'Europe/London')::date`;
/** A UK wall-clock time (a timestamp without zone, e.g. day + 9 hours) as the instant it was in the UK. */
export const ukClock = (local: string) => `((${local}) AT TIME ZONE 'Europe/London')`;
