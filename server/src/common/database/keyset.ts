import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { assertUuid } from './assert-uuid';
import { Connection, decodeCursor, pageSize, toConnection } from './connection';
import { rawAndEntities } from './plain-rows';

export interface KeysetSort {
  /** SQL of the sort key, matching an index on (key, id). */
  key: string;
  /** The key as text for the cursor (timestamps as text keep their microseconds). */
  keyAsText: string;
  /** How the cursor's text becomes comparable with `key` again, e.g. '::timestamptz' or '::text COLLATE "C"'. */
  cast: string;
  desc?: boolean;
}

/**
 * One page of a filtered query, keyset-paginated on (sort key, id), with the total matching count
 * (count(*), run alongside the page: the filters have no joins that could duplicate rows). With
 * `count: false` (the caller's query does not ask for totalCount) the count is not run, since it
 * reads every matching row, and reading totalCount throws rather than answer wrongly.
 */
export async function keysetPage<T extends ObjectLiteral & { id: string }>(
  filtered: SelectQueryBuilder<T>,
  sort: KeysetSort,
  args: { first?: number | null; after?: string | null },
  options: { count?: boolean } = {},
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const alias = filtered.alias;
  const counting = options.count === false ? undefined : filtered.clone().select('count(*)::int', 'count').getRawOne<{ count: number }>();
  const page = filtered.clone().addSelect(sort.keyAsText, 'sort_key');
  if (args.after) {
    const cursor = decodeCursor(args.after);
    assertUuid(cursor.id, 'after');
    page.andWhere(`(${sort.key}, ${alias}.id) ${sort.desc ? '<' : '>'} (:key${sort.cast}, :cursorId::uuid)`, { key: cursor.key, cursorId: cursor.id });
  }
  const direction = sort.desc ? 'DESC' : 'ASC';
  page.orderBy(sort.key, direction).addOrderBy(`${alias}.id`, direction).limit(limit + 1);
  const [{ raw, entities }, counted] = await Promise.all([rawAndEntities(page), counting]);
  const keys = new Map(entities.map((e, i) => [e.id, raw[i].sort_key as string]));
  const connection = toConnection(entities, limit, counted?.count ?? 0, (row) => keys.get(row.id) ?? null);
  if (!counting) uncounted(connection);
  return connection;
}

/**
 * The same page for each of several parents in one statement (row_number per parent, on the same
 * (sort key, id) order and cursor as keysetPage), and, when asked, one grouped count: what a
 * DataLoader needs to page a to-many field without N+1. `filtered` already restricts `parent`
 * (the column naming each row's parent) to `parents`.
 */
export async function keysetPagesPer<T extends ObjectLiteral & { id: string }>(
  filtered: SelectQueryBuilder<T>,
  sort: KeysetSort,
  args: { first?: number | null; after?: string | null },
  group: { parent: string; parents: readonly string[]; parentOf: (row: T) => string },
  options: { count?: boolean } = {},
): Promise<Map<string, Connection<T>>> {
  const limit = pageSize(args.first);
  const alias = filtered.alias;
  const direction = sort.desc ? 'DESC' : 'ASC';
  const counting = options.count === false ? undefined : filtered.clone().select(group.parent, 'parent').addSelect('count(*)::int', 'count')
    .groupBy(group.parent).getRawMany<{ parent: string; count: number }>();
  const ranked = filtered.clone().select(`${alias}.id`, 'id')
    .addSelect(`row_number() OVER (PARTITION BY ${group.parent} ORDER BY ${sort.key} ${direction}, ${alias}.id ${direction})`, 'rn');
  if (args.after) {
    const cursor = decodeCursor(args.after);
    assertUuid(cursor.id, 'after');
    ranked.andWhere(`(${sort.key}, ${alias}.id) ${sort.desc ? '<' : '>'} (:afterKey${sort.cast}, :afterId::uuid)`, { afterKey: cursor.key, afterId: cursor.id });
  }
  const page = filtered.clone().addSelect(sort.keyAsText, 'sort_key')
    .andWhere(`${alias}.id IN (SELECT ranked.id FROM (${ranked.getQuery()}) ranked WHERE ranked.rn <= :limitPlusOne)`)
    .setParameters({ ...ranked.getParameters(), limitPlusOne: limit + 1 })
    .orderBy(sort.key, direction).addOrderBy(`${alias}.id`, direction);
  const [{ raw, entities }, counted] = await Promise.all([rawAndEntities(page), counting]);
  const keys = new Map(entities.map((e, i) => [e.id, raw[i].sort_key as string]));
  const rows = new Map<string, T[]>();
  for (const row of entities) rows.set(group.parentOf(row), [...(rows.get(group.parentOf(row)) ?? []), row]);
  const totals = new Map((counted ?? []).map((c) => [c.parent, c.count]));
  return new Map(group.parents.map((parent) => {
    const connection = toConnection(rows.get(parent) ?? [], limit, totals.get(parent) ?? 0, (row) => keys.get(row.id) ?? null);
    if (!counting) uncounted(connection);
    return [parent, connection];
  }));
}

/** Reading totalCount of a page whose count was not run throws rather than answer wrongly. */
function uncounted<T>(connection: Connection<T>): void {
  Object.defineProperty(connection, 'totalCount', { get: () => { throw new Error('totalCount was not counted: the query did not ask for it'); } });
}
