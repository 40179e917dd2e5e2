import { AuthUserCache } from '../../src/common/auth/auth-user-cache';
import { DuplicateScanner } from '../../src/modules/duplicates/duplicate-scanner';
import { ImportWorker } from '../../src/modules/import/import.worker';
import { GoingColdRefresher } from '../../src/modules/relationship-health/going-cold-refresher';
import { TestApp } from './test-app';

/**
 * Counts the SQL statements the app sends (TypeORM's logger hook sees every query), for the no
 * N+1 tests. The background workers are stopped first: their polling would land in the count.
 * `measure` runs a request and says how many statements it took, its sign-in lookup included
 * (the cached sign-in is dropped first, so a count never depends on what ran just before).
 */
export async function statementCounter(t: TestApp) {
  await t.app.get(ImportWorker).onApplicationShutdown();
  await t.app.get(DuplicateScanner).onApplicationShutdown();
  await t.app.get(GoingColdRefresher).onApplicationShutdown();
  let statements = 0;
  const logger = t.db.logger;
  (t.db as any).logger = new Proxy(logger, {
    get: (target, prop) => (prop === 'logQuery'
      ? (q: string) => { statements += 1; if (process.env.SHOW_SQL) process.stdout.write(`SQL ${q.replace(/\s+/g, ' ').slice(0, 60)}\n`); }
      : (target as any)[prop]),
  });
  return {
    async measure<T>(request: () => Promise<T>): Promise<{ statements: number; result: T }> {
      t.app.get(AuthUserCache).clear();
      statements = 0;
      const result = await request();
      return { statements, result };
    },
  };
}
