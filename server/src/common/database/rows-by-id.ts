import { DataSource, EntityMetadata, EntityTarget, In, ObjectLiteral } from 'typeorm';
import { hydrate, plainColumns } from './plain-rows';

const selects = new WeakMap<EntityMetadata, string | null>();

/** The SELECT for an entity's rows by id (alias `t`), or null when its columns need TypeORM's hydration (worked out once per entity). */
function plainSelect(metadata: EntityMetadata): string | null {
  let select = selects.get(metadata);
  if (select === undefined) {
    const columns = plainColumns(metadata);
    select = columns && `SELECT ${columns.map((c) => `t.${c.database} AS "${c.property}"`).join(', ')} FROM ${metadata.tableName} t`;
    selects.set(metadata, select);
  }
  return select;
}

/** How rows are picked by default: by their own ids. */
const BY_ID = 't.id = ANY($1::uuid[])';

/**
 * An entity's rows by id, as its repository's `find({ where: { id: In(ids) } })` gives them (the
 * columns it selects, as instances of the entity) but from one prepared statement text and pg's
 * own row objects: building and hydrating a TypeORM query was most of the CPU of a small to-one
 * loader (profiled, issue 15). `where` adds a condition on `t` whose parameters ($2 on) follow the
 * ids in each call, e.g. visibleSql('t', 2). `ids` says how the ids ($1) pick rows, when not by
 * `t.id`: e.g. the opportunities of the stage stays $1. For entities of plain columns only
 * (plainColumns); any other falls back to find, which cannot take `where` or `ids`.
 */
export function rowsById<T extends ObjectLiteral>(
  db: DataSource,
  entity: EntityTarget<T>,
  { withDeleted = false, where, ids: picked = BY_ID }: { withDeleted?: boolean; where?: string; ids?: string } = {},
) {
  const metadata = db.getMetadata(entity);
  const select = plainSelect(metadata);
  const columns = plainColumns(metadata);
  if (!select && (where || picked !== BY_ID)) throw new Error(`rowsById: ${metadata.name} is not plain, so it cannot take a where or ids rule`);
  const deleted = !withDeleted && metadata.deleteDateColumn ? ` AND t.${metadata.deleteDateColumn.databaseName} IS NULL` : '';
  const sql = select && `${select} WHERE ${picked}${deleted}${where ? ` AND ${where}` : ''}`;
  const keys = columns?.map((c) => c.property) ?? [];
  return async (ids: readonly string[], ...params: unknown[]): Promise<T[]> => {
    if (!sql || !columns) return db.getRepository(entity).find({ where: { id: In([...ids]) } as never, withDeleted });
    const rows: Record<string, unknown>[] = await db.query(sql, [[...ids], ...params]);
    return rows.map((row) => hydrate<T>(metadata, columns, row, keys));
  };
}

/** For the tests: whether rowsById reads this entity with its own SELECT (true) or falls back to find. */
export const readsPlainRows = (db: DataSource, entity: EntityTarget<ObjectLiteral>) => plainSelect(db.getMetadata(entity)) !== null;
