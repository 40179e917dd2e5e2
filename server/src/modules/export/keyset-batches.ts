import { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { KeysetSort } from '../../common/database/keyset';
import { rawAndEntities } from '../../common/database/plain-rows';

export const EXPORT_BATCH = 1000;

/**
 * Every row of a filtered query in the list's own order, a batch at a time, each batch one
 * keyset range scan after the last row seen: memory holds one batch, however long the list.
 */
export async function* keysetBatches<T extends ObjectLiteral & { id: string }>(
  filtered: SelectQueryBuilder<T>,
  sort: KeysetSort,
  batchSize = EXPORT_BATCH,
): AsyncGenerator<T[]> {
  const alias = filtered.alias;
  const direction = sort.desc ? 'DESC' : 'ASC';
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const page = filtered.clone().addSelect(sort.keyAsText, 'export_sort_key');
    if (after) {
      page.andWhere(`(${sort.key}, ${alias}.id) ${sort.desc ? '<' : '>'} (:exportKey${sort.cast}, :exportId::uuid)`, { exportKey: after.key, exportId: after.id });
    }
    page.orderBy(sort.key, direction).addOrderBy(`${alias}.id`, direction).limit(batchSize);
    const { raw, entities } = await rawAndEntities(page);
    if (entities.length) yield entities;
    if (entities.length < batchSize) return;
    after = { key: raw[entities.length - 1].export_sort_key as string, id: entities[entities.length - 1].id };
  }
}
