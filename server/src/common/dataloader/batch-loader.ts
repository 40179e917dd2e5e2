import DataLoader from 'dataloader';

/**
 * Batches every load requested before the next I/O turn (setImmediate rather than the default
 * microtask), so one GraphQL level costs one query per relation whatever the data's size.
 */
export class BatchLoader<K, V> extends DataLoader<K, V> {
  constructor(batch: DataLoader.BatchLoadFn<K, V>) {
    super(batch, { batchScheduleFn: (callback) => setImmediate(callback) });
  }
}

/** Rows grouped under each key, in the keys' order (an empty list for a key with none). */
export const byKey = <T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): T[][] => {
  const groups = new Map<K, T[]>();
  for (const row of rows) groups.set(keyOf(row), [...(groups.get(keyOf(row)) ?? []), row]);
  return keys.map((k) => groups.get(k) ?? []);
};

/** The row for each key, in the keys' order (null for a key with none). */
export const oneByKey = <T, K>(keys: readonly K[], rows: T[], keyOf: (row: T) => K): Array<T | null> => {
  const map = new Map(rows.map((r) => [keyOf(r), r]));
  return keys.map((k) => map.get(k) ?? null);
};
