import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import { PollingLoop } from '../../common/background/polling-loop';
import { now } from '../../common/dates/clock';
import { APP_CONFIG } from '../../config/app-config.token';
import { AppConfig } from '../../config/env';
import { claimDueDeliveries, DueDelivery, recordAttempt } from './integrations.sql';
import { nextAttemptAfter, signPayload } from './webhook-signing';

const IDLE_POLL_MS = 5000;
const BATCH = 10;
export const DELIVERY_TIMEOUT_MS = 10_000;
/** Longer than the timeout: a claimed delivery is not claimed again while it is being sent. */
const LEASE_MS = DELIVERY_TIMEOUT_MS + 50_000;

/**
 * Sends queued webhook deliveries in the background, in this process, like the import worker:
 * PostgreSQL (FOR UPDATE SKIP LOCKED plus a lease on next_attempt_at) is the queue. A 2xx answer
 * within 10 s is a delivery; anything else is retried on the backoff schedule, then given up.
 * Not started under NODE_ENV=test: the tests call tick() themselves with the clock pinned.
 */
@Injectable()
export class WebhookWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop = new PollingLoop(() => this.tick().then((n) => n > 0), IDLE_POLL_MS, (err) => this.logger.error({ err }, 'webhook worker failed'));

  constructor(
    private readonly db: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('WebhookWorker');
  }

  onApplicationBootstrap(): void {
    if (this.config.nodeEnv !== 'test') this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  wake(): void {
    this.loop.wake();
  }

  /** Sends every delivery due now (up to a batch); returns how many it attempted. */
  async tick(): Promise<number> {
    const due = await this.db.transaction((tx) => claimDueDeliveries(tx, now(), LEASE_MS, BATCH));
    await Promise.all(due.map((d) => this.send(d)));
    return due.length;
  }

  private async send(d: DueDelivery): Promise<void> {
    const body = JSON.stringify(d.payload);
    const timestamp = Math.floor(now().getTime() / 1000);
    const started = Date.now();
    let statusCode: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
        headers: {
          'Content-Type': 'application/json',
          'User-Agent': 'BCE-CRM-Webhooks/1',
          'X-BCE-Event': d.event,
          'X-BCE-Delivery': d.id,
          'X-BCE-Timestamp': String(timestamp),
          'X-BCE-Signature': signPayload(d.secret, timestamp, body),
        },
      });
      statusCode = res.status;
      await res.body?.cancel().catch(() => undefined);
      if (!res.ok) error = `HTTP ${res.status}`;
    } catch (err) {
      const e = err as Error;
      error = e.name === 'TimeoutError' ? `no answer within ${DELIVERY_TIMEOUT_MS / 1000} s` : `${e.message}${(e.cause as Error)?.message ? `: ${(e.cause as Error).message}` : ''}`;
    }
    const ok = error === null;
    const at = now();
    await this.db.transaction((tx) => recordAttempt(tx, d.id, {
      ok, statusCode, error: error?.slice(0, 500) ?? null, responseMs: Date.now() - started, at,
      nextAttemptAt: ok ? null : nextAttemptAfter(d.attempts + 1, at),
    }));
    if (!ok) this.logger.warn({ deliveryId: d.id, webhookId: d.webhookId, statusCode, error }, 'webhook delivery failed');
  }
}
