import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/common/database/data-source-options';
import { createDatabase } from './support/test-app';

describe('migrations', () => {
  it('run up on an empty database, down to nothing, and up again', async () => {
    const database = await createDatabase();
    const db = await new DataSource(dataSourceOptions(database.url)).initialize();
    const tables = async () =>
      (await db.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'migrations' ORDER BY 1`)).map(
        (r: { tablename: string }) => r.tablename,
      );
    try {
      const applied = await db.runMigrations({ transaction: 'each' });
      expect(applied.length).toBe(db.migrations.length);
      expect(await tables()).toEqual(expect.arrayContaining(['departments', 'organisations', 'user_departments', 'users']));

      for (let i = 0; i < applied.length; i++) await db.undoLastMigration({ transaction: 'each' });
      expect(await tables()).toEqual([]);
      expect(await db.query(`SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm'`)).toEqual([]);

      const again = await db.runMigrations({ transaction: 'each' });
      expect(again.map((m) => m.name)).toEqual(applied.map((m) => m.name));
      expect(await db.showMigrations()).toBe(false);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });

  it('leave the entities and the schema in agreement (no pending schema diff on tables and columns)', async () => {
    const database = await createDatabase();
    const db = await new DataSource(dataSourceOptions(database.url)).initialize();
    try {
      await db.runMigrations({ transaction: 'each' });
      const diff = await db.driver.createSchemaBuilder().log();
      // Indexes and CHECKs written by hand are invisible to entities; columns and types must match.
      const columnChanges = diff.upQueries.map((q) => q.query).filter((q) => /ADD COLUMN|DROP COLUMN|ALTER COLUMN|CREATE TABLE/i.test(q));
      expect(columnChanges).toEqual([]);
    } finally {
      await db.destroy();
      await database.drop();
    }
  });
});
