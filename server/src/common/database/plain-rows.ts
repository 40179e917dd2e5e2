import { EntityMetadata, ObjectLiteral, SelectQueryBuilder, ValueTransformer } from 'typeorm';
import { DriverUtils } from 'typeorm/driver/DriverUtils';

/**
 * Column types whose value from pg is already what TypeORM would hydrate: pg parses ints, booleans,
 * timestamptz, jsonb and text[]; dates stay text (see data-source-options); bigints stay text
 * unless a transformer (penceColumn) turns them into numbers, as TypeORM would.
 */
const PLAIN_TYPES = new Set(['uuid', 'text', 'int', 'integer', 'boolean', 'timestamptz', 'date', 'bigint', 'jsonb']);

/** A selected column: its property, its database name, and its transformer's `from`, if any. */
export interface PlainColumn {
  readonly property: string;
  readonly database: string;
  readonly from?: (value: unknown) => unknown;
}

const plain = new WeakMap<EntityMetadata, readonly PlainColumn[] | null>();

/**
 * The entity's selected columns when its rows can be built straight from pg's row objects (worked
 * out once per entity), else null: relations, embedded columns, listeners, non-plain types or
 * chains of transformers are left to TypeORM.
 */
export function plainColumns(metadata: EntityMetadata): readonly PlainColumn[] | null {
  let columns = plain.get(metadata);
  if (columns === undefined) plain.set(metadata, (columns = buildPlainColumns(metadata)));
  return columns;
}

function buildPlainColumns(metadata: EntityMetadata): readonly PlainColumn[] | null {
  const ok = !metadata.afterLoadListeners.length && !metadata.eagerRelations.length && !metadata.relations.length && metadata.columns.every((c) =>
    !c.embeddedMetadata && !c.relationMetadata && !Array.isArray(c.transformer) && typeof c.type === 'string' && PLAIN_TYPES.has(c.type)
    && (!c.isArray || c.type === 'text'));
  if (!ok) return null;
  return metadata.columns.filter((c) => c.isSelect).map((c) => {
    const transformer = c.transformer as ValueTransformer | undefined;
    return { property: c.propertyName, database: c.databaseName, ...(transformer && { from: (v: unknown) => transformer.from(v) }) };
  });
}

/** An instance of the entity from a row, reading column i under keys[i] (a value absent from the row stays unset, as in TypeORM). */
export function hydrate<T>(metadata: EntityMetadata, columns: readonly PlainColumn[], row: Record<string, unknown>, keys: readonly string[]): T {
  const entity = metadata.create() as Record<string, unknown>;
  for (let i = 0; i < columns.length; i++) {
    const value = row[keys[i]];
    if (value === undefined) continue;
    const column = columns[i];
    entity[column.property] = column.from ? column.from(value) : value;
  }
  return entity as T;
}

/**
 * `getRawAndEntities()` for a single-table query (no selected joins), building the entities from
 * the raw rows it already returns rather than through TypeORM's transformer: that hydration was
 * a tenth of the server's CPU on the pipeline board (profiled, issue 15). Any other query is
 * left to TypeORM.
 */
export async function rawAndEntities<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): Promise<{ raw: Record<string, unknown>[]; entities: T[] }> {
  const map = query.expressionMap;
  const metadata = map.mainAlias?.hasMetadata ? map.mainAlias.metadata : undefined;
  const columns = metadata && plainColumns(metadata);
  const simple = columns && !map.joinAttributes.some((j) => j.isSelected) && !map.relationIdAttributes.length;
  if (!simple) return query.getRawAndEntities();
  const driver = query.connection.driver;
  const keys = columns.map((c) => DriverUtils.buildAlias(driver, undefined, map.mainAlias!.name, c.database));
  const raw: Record<string, unknown>[] = await query.getRawMany();
  return { raw, entities: raw.map((row) => hydrate<T>(metadata, columns, row, keys)) };
}
