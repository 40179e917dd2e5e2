import { EntityManager } from 'typeorm';
import { AuditAction, AuditChanges } from './audit-event.entity';

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** Field-by-field old → new for `fields`; a create is a change from nothing. */
export function diffFields<T extends object>(before: T | null, after: T, fields: ReadonlyArray<keyof T & string>): AuditChanges {
  const changes: AuditChanges = {};
  for (const field of fields) {
    const old = before ? before[field] : null;
    const now = after[field];
    if (!same(old, now) && !(before === null && (now === null || (Array.isArray(now) && !now.length)))) {
      changes[field] = { old: old ?? null, new: now ?? null };
    }
  }
  return changes;
}

export interface AuditEntry {
  actorId: string | null;
  entityType: 'organisation' | 'contact' | 'affiliation' | 'consent' | 'engagement' | 'task' | 'opportunity' | 'opportunity_stage' | 'export' | 'department' | 'user' | 'api_key' | 'webhook' | 'subject_access_request' | 'retention_rule' | 'retention_review';
  entityId: string;
  action: AuditAction;
  changes?: AuditChanges;
}

/**
 * The audit insert with its columns in the order every writer supplies them: recordAudit below
 * with VALUES, set-based writers (one statement for many rows, e.g. engagement.sql.ts) with a SELECT.
 */
export const INSERT_AUDIT_EVENTS = 'INSERT INTO audit_events (actor_id, entity_type, entity_id, action, changes)';

/** Writes one audit event inside the caller's transaction, so the change and its record stand or fall together. */
export async function recordAudit(tx: EntityManager, entry: AuditEntry): Promise<void> {
  if (entry.action === 'update' && entry.changes && !Object.keys(entry.changes).length) return;
  await tx.query(
    `${INSERT_AUDIT_EVENTS} VALUES ($1, $2, $3, $4, $5)`,
    [entry.actorId, entry.entityType, entry.entityId, entry.action, JSON.stringify(entry.changes ?? {})],
  );
}
