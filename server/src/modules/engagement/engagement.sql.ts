import { visibleSql } from '../../common/auth/visibility';
import { INSERT_AUDIT_EVENTS } from '../audit/audit';
import { webhooksWantingSql } from '../integrations/integrations.sql';

/**
 * Logging an engagement in one statement: the checks the service would otherwise make one round
 * trip each (department live, organisation visible to the user, contacts and staff live) guard the
 * INSERT, and the engagement's contacts, staff and audit event are written from its RETURNING row.
 * It also finds the webhooks that want 'engagement.created' for it (for queueWebhookEventTo).
 *
 * Always one row: `ok` (the checks passed), `webhookIds`, and the engagement's generated columns,
 * null when nothing was written — because a check failed (the service then asks which, for the
 * error), or because $13 ("alone": the statement is its own transaction) was set and a webhook
 * wants the event, whose delivery must be written in the same transaction (the service then logs
 * it in one).
 *
 * $1 type, $2 occurred_on, $3 summary, $4 details, $5 organisation_id, $6 department_id,
 * $7 confidential, $8 the user (created_by, actor), $9 contact ids, $10 staff ids,
 * $11 the user's departments (visibleParam), $12 the audit changes (as recordAudit writes them), $13 alone.
 */
export const LOG_ENGAGEMENT_SQL = `
  WITH checked AS (
    SELECT EXISTS (SELECT 1 FROM departments WHERE id = $6 AND deleted_at IS NULL)
       AND ($5::uuid IS NULL OR EXISTS (SELECT 1 FROM organisations o WHERE o.id = $5 AND o.deleted_at IS NULL AND ${visibleSql('o', 11)}))
       AND (SELECT count(*) FROM contacts WHERE id = ANY($9::uuid[]) AND deleted_at IS NULL) = cardinality($9::uuid[])
       AND (SELECT count(*) FROM users WHERE id = ANY($10::uuid[]) AND deleted_at IS NULL) = cardinality($10::uuid[]) AS ok,
           ARRAY(SELECT w.id FROM webhooks w WHERE ${webhooksWantingSql('w', `'engagement.created'`, '$7::boolean')}) AS webhook_ids
  ), engagement AS (
    INSERT INTO engagements (type, occurred_on, summary, details, organisation_id, department_id, confidential, created_by)
    SELECT $1, $2::date, $3, $4, $5, $6, $7, $8 FROM checked WHERE ok AND NOT ($13::boolean AND cardinality(webhook_ids) > 0)
    RETURNING id, created_at, updated_at, deleted_at, version
  ), contacts AS (
    INSERT INTO engagement_contacts (engagement_id, contact_id) SELECT e.id, c FROM engagement e, unnest($9::uuid[]) c
  ), staff AS (
    INSERT INTO engagement_staff (engagement_id, user_id) SELECT e.id, s FROM engagement e, unnest($10::uuid[]) s
  ), audit AS (
    ${INSERT_AUDIT_EVENTS} SELECT $8, 'engagement', e.id, 'create', $12::jsonb FROM engagement e
  )
  SELECT c.ok, c.webhook_ids AS "webhookIds",
         e.id, e.created_at AS "createdAt", e.updated_at AS "updatedAt", e.deleted_at AS "deletedAt", e.version
    FROM checked c LEFT JOIN engagement e ON true`;
