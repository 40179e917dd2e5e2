import { Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PinoLogger } from 'nestjs-pino';
import { PollingLoop } from '../../common/background/polling-loop';
import { ukToday } from '../../common/dates/uk-dates';
import { RelationshipHealthService } from './relationship-health.service';

/** How often the refresher checks whether the snapshot's day is past: the first check after UK midnight refreshes it. */
const CHECK_MS = 60_000;

/**
 * Keeps the going-cold snapshot as of today (UK): on start when it is missing or from an earlier
 * day, then each day. A refresh takes about a minute at 100,000 organisations (one pass over the last
 * 455 days of engagements), in the background and in one transaction, so the dashboard reads
 * the previous day's list until the new one commits. Admins can also refresh it on demand
 * (the refreshGoingCold mutation).
 */
@Injectable()
export class GoingColdRefresher implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly loop = new PollingLoop(async () => { await this.refreshIfStale(); return false; }, CHECK_MS,
    (err) => this.logger.error({ err }, 'going-cold refresh failed'));

  constructor(
    private readonly health: RelationshipHealthService,
    private readonly logger: PinoLogger,
  ) {
    logger.setContext('GoingColdRefresher');
  }

  onApplicationBootstrap(): void {
    this.loop.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.loop.stop();
  }

  /** Refreshes when the snapshot is missing or not today's; true when it did. */
  async refreshIfStale(): Promise<boolean> {
    const day = await this.health.goingColdSnapshotDay();
    if (day !== null && day >= ukToday()) return false;
    const started = Date.now();
    await this.health.refreshGoingCold();
    this.logger.info({ ms: Date.now() - started }, 'going-cold snapshot refreshed');
    return true;
  }
}
