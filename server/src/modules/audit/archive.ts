import { EntityManager } from 'typeorm';
import { recordAudit, AuditEntry } from './audit';

const TABLES = { organisation: 'organisations', contact: 'contacts', engagement: 'engagements', opportunity: 'opportunities' } as const;

/**
 * Archives (soft deletes) or restores one record, bumping its version and writing the audit event
 * in the caller's transaction. Returns false when it was already in that state (nothing written).
 * Whether the caller may see the record is the caller's check.
 */
export async function setArchived(
  tx: EntityManager,
  entityType: keyof typeof TABLES & AuditEntry['entityType'],
  id: string,
  archived: boolean,
  actorId: string,
): Promise<boolean> {
  const result = await tx.query(
    `UPDATE ${TABLES[entityType]} SET deleted_at = ${archived ? 'now()' : 'NULL'}, version = version + 1, updated_at = now()
      WHERE id = $1 AND deleted_at IS ${archived ? 'NULL' : 'NOT NULL'}`,
    [id],
  );
  if (!result[1]) return false;
  await recordAudit(tx, { actorId, entityType, entityId: id, action: archived ? 'archive' : 'restore' });
  return true;
}
