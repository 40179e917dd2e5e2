import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { assertUuid } from './assert-uuid';
import { Connection, decodeCursor, pageSize, toConnection } from './connection';

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
  const [{ raw, entities }, counted] = await Promise.all([page.getRawAndEntities(), counting]);
  const keys = new Map(entities.map((e, i) => [e.id, raw[i].sort_key as string]));
  const connection = toConnection(entities, limit, counted?.count ?? 0, (row) => keys.get(row.id) ?? null);
  if (!counting) {
    Object.defineProperty(connection, 'totalCount', { get: () => { throw new Error('totalCount was not counted: the query did not ask for it'); } });
  }
  return connection;
}
