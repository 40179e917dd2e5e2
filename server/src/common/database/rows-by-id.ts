import { DataSource, EntityMetadata, EntityTarget, In, ObjectLiteral } from 'typeorm';

/** Column types whose value from pg is already what TypeORM would hydrate (dates stay text: see data-source-options). */
const PLAIN_TYPES = new Set(['uuid', 'text', 'int', 'integer', 'boolean', 'timestamptz', 'date']);

const selects = new WeakMap<EntityMetadata, string | null>();

/** The SELECT for an entity's rows by id, or null when its columns need TypeORM's hydration (worked out once per entity). */
function plainSelect(metadata: EntityMetadata): string | null {
  let select = selects.get(metadata);
  if (select === undefined) selects.set(metadata, (select = buildSelect(metadata)));
  return select;
}

function buildSelect(metadata: EntityMetadata): string | null {
  const plain = !metadata.afterLoadListeners.length && !metadata.eagerRelations.length && metadata.columns.every((c) =>
    !c.transformer && !c.embeddedMetadata && !c.relationMetadata && typeof c.type === 'string' && PLAIN_TYPES.has(c.type));
  if (!plain) return null;
  const columns = metadata.columns.filter((c) => c.isSelect).map((c) => `t.${c.databaseName} AS "${c.propertyName}"`);
  return `SELECT ${columns.join(', ')} FROM ${metadata.tableName} t WHERE t.id = ANY($1::uuid[])`;
}

/**
 * An entity's rows by id, as its repository's `find({ where: { id: In(ids) } })` gives them (the
 * columns it selects, as instances of the entity) but from one prepared statement text and pg's
 * own row objects: building and hydrating a TypeORM query was most of the CPU of a small to-one
 * loader (profiled, issue 15). For entities of plain columns only; any other falls back to find.
 */
export function rowsById<T extends ObjectLiteral>(db: DataSource, entity: EntityTarget<T>, { withDeleted = false } = {}) {
  const metadata = db.getMetadata(entity);
  const select = plainSelect(metadata);
  const sql = select && (withDeleted || !metadata.deleteDateColumn ? select : `${select} AND t.${metadata.deleteDateColumn.databaseName} IS NULL`);
  return async (ids: readonly string[]): Promise<T[]> => {
    if (!sql) return db.getRepository(entity).find({ where: { id: In([...ids]) } as never, withDeleted });
    const rows: object[] = await db.query(sql, [[...ids]]);
    return rows.map((row) => Object.assign(metadata.create() as T, row));
  };
}

/** For the tests: whether rowsById reads this entity with its own SELECT (true) or falls back to find. */
export const readsPlainRows = (db: DataSource, entity: EntityTarget<ObjectLiteral>) => plainSelect(db.getMetadata(entity)) !== null;
