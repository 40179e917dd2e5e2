import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource, EntityManager } from 'typeorm';
import { NAME_SIMILARITY } from './duplicate-rule';
import { PairRow, reasonsOf } from './duplicate-reasons';
import { organisationPairsOfSql } from './duplicates.sql';
import { PollingLoop } from '../../common/background/polling-loop';
import { AREA_NAME_KEY_TRGM_INDEX, flushGinPending } from '../../common/database/gin-pending';

/**
 * Organisations rescanned per transaction. Each chunk pays fixed costs (planning, two hash joins
 * over organisations to score the pairs), which 50 a chunk made a fifth of the time; but a chunk's
 * time also grows with how alike names are in an area (4,000 near-identical names in one postcode
 * area took over a minute a chunk at 500), and shutdown waits for the chunk under way. 100 keeps
 * most of the gain with a chunk of seconds at worst.
 */
export const SCAN_CHUNK = 100;
const IDLE_POLL_MS = 2000;
/** pg_try_advisory_xact_lock key: one scanning transaction at a time across every replica. */
export const SCAN_LOCK_KEY = 733_300_001;
const NO_ID = '00000000-0000-0000-0000-000000000000';

/** Where the scan has got to, as exact text (a JS Date would drop the microseconds and rescan forever). */
interface Mark {
  at: string;
  id: string;
}

/**
 * Keeps organisation_duplicate_pairs current in the background. Each pass takes organisations
 * created or changed since the high-water mark (duplicate_scan_state, in (updated_at, id) order),
 * a chunk at a time, and in one transaction per chunk: deletes every pair involving them,
 * computes their pairs with the duplicates rule, stores them and advances the mark. Pairs are
 * symmetric, so a renamed organisation's rescan also drops the pairs the other side had with it.
 * Archived and merged organisations get no pairs (and the list also filters them when it reads).
 */
@Injectable()
export class DuplicateScanner implements OnApplicationBootstrap, OnApplicationShutdown {
  // Stops between chunks on shutdown; the mark is where the next start carries on from.
  private readonly loop = new PollingLoop(async () => !!(await this.scanChunk()), IDLE_POLL_MS, (err) => this.logger.error({ err }, 'duplicate scan failed'));

  constructor(
    private readonly db: DataSource,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('DuplicateScanner');
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /**
   * Scans until nothing is left that was committed before the call; returns how many
   * organisations it scanned itself (0: nothing had changed). For tests and the bench, which must
   * not depend on the background loop's timing. Waits while another scanner holds the lock.
   */
  async runUntilIdle(): Promise<number> {
    let scanned = 0;
    for (;;) {
      const n = await this.scanChunk();
      if (n === null) await new Promise((resolve) => setTimeout(resolve, 20));
      else if (n === 0) return scanned;
      else scanned += n;
    }
  }

  /** One chunk in one transaction. Returns how many organisations it rescanned, or null when another scanner holds the lock. */
  async scanChunk(): Promise<number | null> {
    return this.db.transaction(async (tx) => {
      const [{ locked }] = await tx.query(`SELECT pg_try_advisory_xact_lock($1) AS locked`, [SCAN_LOCK_KEY]);
      if (!locked) return null;
      const { mark, horizon } = await this.position(tx);
      const chunk: Array<{ id: string; at: string }> = await tx.query(
        `SELECT id, updated_at::text AS at FROM organisations
          WHERE (updated_at, id) > ($1::timestamptz, $2::uuid) AND updated_at < $3::timestamptz
          ORDER BY updated_at, id LIMIT $4`,
        [mark.at, mark.id, horizon, SCAN_CHUNK],
      );
      if (!chunk.length) return 0;
      const ids = chunk.map((o) => o.id);
      await tx.query(`DELETE FROM organisation_duplicate_pairs WHERE a_id = ANY($1::uuid[]) OR b_id = ANY($1::uuid[])`, [ids]);
      await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(NAME_SIMILARITY)]);
      // New and renamed organisations wait in the index's pending list: into the index before 500 probes.
      await flushGinPending(tx, AREA_NAME_KEY_TRGM_INDEX);
      const pairs: PairRow[] = await tx.query(organisationPairsOfSql, [ids]);
      if (pairs.length) {
        await tx.query(
          `INSERT INTO organisation_duplicate_pairs (a_id, b_id, score, reasons)
           SELECT a_id, b_id, score, reasons FROM jsonb_to_recordset($1::jsonb) AS x(a_id uuid, b_id uuid, score numeric, reasons jsonb)
           ON CONFLICT (a_id, b_id) DO UPDATE SET score = EXCLUDED.score, reasons = EXCLUDED.reasons, found_at = now()`,
          [JSON.stringify(pairs.map((p) => ({ a_id: p.a_id, b_id: p.b_id, score: p.score, reasons: reasonsOf(p) })))],
        );
      }
      const last = chunk[chunk.length - 1];
      await tx.query(
        `UPDATE duplicate_scan_state SET scanned_updated_at = $1::timestamptz, scanned_id = $2, last_scanned_at = now() WHERE kind = 'organisation'`,
        [last.at, last.id],
      );
      return chunk.length;
    });
  }

  /**
   * The mark, and the horizon: only rows changed before every other open transaction began are
   * taken. updated_at is set to now(), the writer's transaction start, so a row of a transaction
   * still open could commit later with an updated_at below a mark already passed; stopping at the
   * oldest open transaction's start means nothing is skipped. (Sessions of another database role
   * hide their xact_start; the app uses one role.)
   */
  private async position(tx: EntityManager): Promise<{ mark: Mark; horizon: string }> {
    const [row] = await tx.query(
      `SELECT coalesce(s.scanned_updated_at, '-infinity')::text AS at, coalesce(s.scanned_id, $1::uuid) AS id,
              (SELECT least(now(), min(a.xact_start)) FROM pg_stat_activity a
                WHERE a.datname = current_database() AND a.backend_type = 'client backend' AND a.pid <> pg_backend_pid() AND a.xact_start IS NOT NULL)::text AS horizon
         FROM duplicate_scan_state s WHERE s.kind = 'organisation'`,
      [NO_ID],
    );
    return { mark: { at: row.at, id: row.id }, horizon: row.horizon };
  }
}
