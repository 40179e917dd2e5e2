import { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { conflict, notFound } from '../graphql/errors';

/**
 * UPDATE … WHERE id AND version AND not archived, bumping the version. Zero rows means the record
 * is gone (NOT_FOUND) or someone else saved first (CONFLICT): never a silent overwrite.
 */
export async function versionedUpdate<T extends ObjectLiteral & { id: string; version: number; deletedAt: Date | null }>(
  tx: EntityManager,
  entity: EntityTarget<T>,
  label: string,
  id: string,
  version: number,
  changes: Record<string, unknown>,
): Promise<T> {
  const result = await tx
    .createQueryBuilder()
    .update(entity)
    .set({ ...changes, version: () => 'version + 1', updatedAt: () => 'now()' } as never)
    .where('id = :id AND version = :version AND deleted_at IS NULL', { id, version })
    .execute();
  const current = await tx.getRepository(entity).findOne({ where: { id } as never, withDeleted: true });
  if (!current || current.deletedAt) throw notFound(label, id);
  if (!result.affected) {
    throw conflict(`${label} was changed by someone else (you edited version ${version}, it is now version ${current.version}). Reload and apply your changes again.`, {
      currentVersion: current.version,
    });
  }
  return current;
}

/** Drops undefined keys: in an update input, absent means "leave as is", null means "clear". */
export const definedOnly = <T extends object>(input: T): Record<string, unknown> =>
  Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
