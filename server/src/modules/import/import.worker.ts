import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { PollingLoop } from '../../common/background/polling-loop';
import { returning } from '../../common/database/returning';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { analyzeIfStale, BatchRow, commitChunk, LeaseLost, parsePhase, previewChunk, undoChunk } from './import.phases';
import { importerFor } from './importers';

const ACTIVE = `('parsing', 'previewing', 'committing', 'undoing')`;
const IDLE_POLL_MS = 1000;

/**
 * Works through import batches in the background, in this process, one batch at a time. A batch
 * is held under a lease (import_batches.lease_until) renewed with every chunk; another replica,
 * or this server after a restart, takes over a batch whose lease has run out. No extra broker:
 * PostgreSQL's FOR UPDATE SKIP LOCKED is the queue.
 */
@Injectable()
export class ImportWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly owner = randomUUID();
  private readonly loop = new PollingLoop(() => this.runNext(), IDLE_POLL_MS, (err) => this.logger.error({ err }, 'import worker failed to claim a batch'));

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('ImportWorker');
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
    // Let the next server take over at once rather than wait for the lease to run out.
    await this.db.query(`UPDATE import_batches SET lease_until = NULL, lease_owner = NULL WHERE lease_owner = $1`, [this.owner]).catch(() => undefined);
  }

  /** Called when a batch gets work, so it starts without waiting for the next poll. */
  wake(): void {
    this.loop.wake();
  }

  /** Claims one batch with work to do and works it to the end of its phase. Returns false when there was none. */
  async runNext(): Promise<boolean> {
    const [batch]: BatchRow[] = await this.db.query(
      `UPDATE import_batches b SET lease_until = now() + make_interval(secs => $1), lease_owner = $2,
              phase_started_at = CASE WHEN b.lease_owner IS DISTINCT FROM $2 AND b.rows_done > 0 THEN now() ELSE b.phase_started_at END,
              phase_rows_at_start = CASE WHEN b.lease_owner IS DISTINCT FROM $2 AND b.rows_done > 0 THEN b.rows_done ELSE b.phase_rows_at_start END
        WHERE b.id = (SELECT id FROM import_batches WHERE status IN ${ACTIVE} AND (lease_until IS NULL OR lease_until < now())
                       ORDER BY updated_at LIMIT 1 FOR UPDATE SKIP LOCKED)
        RETURNING b.id, b.entity, b.status, b.file_type, b.headers, b.mapping, b.commit_after_preview, b.cursor_row, b.department_id, b.created_by`,
      [this.config.importLeaseSeconds, this.owner],
    ).then((r) => returning<BatchRow>(r));
    if (!batch) return false;
    try {
      await this.work(batch);
    } catch (err) {
      if (err instanceof LeaseLost || this.loop.stopped) return true;
      this.logger.error({ err, batchId: batch.id }, 'import batch failed');
      await this.db.query(`UPDATE import_batches SET status = 'failed', error = $2, lease_until = NULL, lease_owner = NULL WHERE id = $1`,
        [batch.id, `The import stopped: ${(err as Error).message}`]);
      return true;
    }
    await this.db.query(`UPDATE import_batches SET lease_until = NULL, lease_owner = NULL, updated_at = now() WHERE id = $1 AND lease_owner = $2`, [batch.id, this.owner]);
    return true;
  }

  /** One transaction: the work and the lease renewal; false (nothing written) when another worker owns the batch now. */
  private async chunk(batchId: string, work: (tx: EntityManager) => Promise<unknown>): Promise<{ held: boolean; result: unknown }> {
    // Shutting down: stop between chunks; the batch is picked up from here by the next start.
    if (this.loop.stopped) return { held: false, result: null };
    return this.db.transaction(async (tx) => {
      const [held] = returning(await tx.query(
        `UPDATE import_batches SET lease_until = now() + make_interval(secs => $3) WHERE id = $1 AND lease_owner = $2 RETURNING id`,
        [batchId, this.owner, this.config.importLeaseSeconds]));
      if (!held) return { held: false, result: null };
      return { held: true, result: await work(tx) };
    });
  }

  private async work(batch: BatchRow): Promise<void> {
    if (batch.status === 'parsing') {
      await parsePhase(async (work) => (await this.chunk(batch.id, work)).held, this.db.manager, batch);
      return;
    }
    const step = batch.status === 'previewing' ? previewChunk : batch.status === 'committing' ? commitChunk : undoChunk;
    if (batch.status === 'previewing' && batch.cursor_row === 0) await this.analyze(batch);
    while (!this.loop.stopped) {
      const { held, result } = await this.chunk(batch.id, async (tx) => {
        const [fresh]: BatchRow[] = await tx.query(
          `SELECT id, entity, status, file_type, headers, mapping, commit_after_preview, cursor_row, department_id, created_by FROM import_batches WHERE id = $1`, [batch.id]);
        // The phase moved on (preview finished into commit): the next claim picks the new phase up.
        if (fresh.status !== batch.status) return false;
        return step(tx, fresh);
      });
      if (!held) throw new LeaseLost();
      if (!result) break;
    }
    if (!this.loop.stopped && (batch.status === 'committing' || batch.status === 'undoing')) await this.analyze(batch);
  }

  /** Fresh planner statistics for the importer's table when many of its rows changed (analyzeIfStale); a failure only loses them. */
  private async analyze(batch: BatchRow): Promise<void> {
    try {
      if (await analyzeIfStale(this.db.manager, importerFor(batch.entity).table)) this.logger.info({ batchId: batch.id, entity: batch.entity }, 'import: table analyzed');
    } catch (err) {
      this.logger.warn({ err, batchId: batch.id }, 'import: ANALYZE of the imported table failed');
    }
  }
}
