import { visibleSql } from '../../common/auth/visibility';
import { webhooksWantingSql } from '../integrations/integrations.sql';

/**
 * Logging an engagement in one statement: the checks the service would otherwise make one round
 * trip each (department live, organisation visible to the user, contacts and staff live) guard the
 * INSERT, and the engagement's contacts, staff and audit event are written from its RETURNING row.
 * No row back means a check failed; the service then asks which one, for the error message.
 *
 * $1 type, $2 occurred_on, $3 summary, $4 details, $5 organisation_id, $6 department_id,
 * $7 confidential, $8 the user (created_by, actor), $9 contact ids, $10 staff ids,
 * $11 the user's departments (visibleParam), $12 the audit changes (as recordAudit writes them).
 * It also answers which webhooks want 'engagement.created' for it, for queueWebhookEventTo.
 */
export const LOG_ENGAGEMENT_SQL = `
  WITH checked AS (
    SELECT EXISTS (SELECT 1 FROM departments WHERE id = $6 AND deleted_at IS NULL)
       AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM organisations o WHERE o.id = $5 AND o.deleted_at IS NULL AND ${visibleSql('o', 11)}))
       AND (SELECT count(*) FROM contacts WHERE id = ANY($9::uuid[]) AND deleted_at IS NULL) = cardinality($9::uuid[])
       AND (SELECT count(*) FROM users WHERE id = ANY($10::uuid[]) AND deleted_at IS NULL) = cardinality($10::uuid[]) AS ok
  ), engagement AS (
    INSERT INTO engagements (type, occurred_on, summary, details, organisation_id, department_id, confidential, created_by)
    SELECT $1, $2::date, $3, $4, $5, $6, $7, $8 FROM checked WHERE ok
    RETURNING id, created_at, updated_at, deleted_at, version
  ), contacts AS (
    INSERT INTO engagement_contacts (engagement_id, contact_id) SELECT e.id, c FROM engagement e, unnest($9::uuid[]) c
  ), staff AS (
    INSERT INTO engagement_staff (engagement_id, user_id) SELECT e.id, s FROM engagement e, unnest($10::uuid[]) s
  ), audit AS (
    INSERT INTO audit_events (actor_id, entity_type, entity_id, action, changes) SELECT $8, 'engagement', e.id, 'create', $12::jsonb FROM engagement e
  )
  SELECT id, created_at AS "createdAt", updated_at AS "updatedAt", deleted_at AS "deletedAt", version,
         ARRAY(SELECT w.id FROM webhooks w WHERE ${webhooksWantingSql('w', `'engagement.created'`, '$7')}) AS "webhookIds"
    FROM engagement`;
