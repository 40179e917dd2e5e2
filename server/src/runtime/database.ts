import * as path from 'node:path';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../common/database/data-source-options';
import { AppConfig } from '../config/env';
import { startEmbeddedPostgres } from '../config/embedded-postgres';

export interface OpenDatabase {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** DATABASE_URL when set; otherwise the embedded PostgreSQL with its files in DATA_DIR/postgres. */
export async function openDatabase(config: AppConfig, log: (m: string) => void = () => undefined): Promise<OpenDatabase> {
  if (config.databaseUrl) return { url: config.databaseUrl, embedded: false, stop: async () => undefined };
  const db = await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'), 'bce', log);
  return { url: db.url, embedded: true, stop: db.stop };
}

/** A short-lived connection for start-up work (migrations, bootstrap, seeding). */
export async function withDataSource<T>(url: string, work: (db: DataSource) => Promise<T>): Promise<T> {
  const db = await new DataSource({ ...dataSourceOptions(url), extra: { max: 2 } }).initialize();
  try {
    return await work(db);
  } finally {
    await db.destroy();
  }
}

/** Applies pending migrations, each in its own transaction; returns their names. */
export function runMigrations(url: string): Promise<string[]> {
  return withDataSource(url, async (db) => (await db.runMigrations({ transaction: 'each' })).map((m) => m.name));
}
