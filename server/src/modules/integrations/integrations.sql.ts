import { EntityManager } from 'typeorm';
import { returning } from '../../common/database/returning';
import { Role } from '../../common/auth/roles';

/** Every statement the integrations module runs (API keys, webhooks, deliveries), in one place. */

export interface ApiKeyRow {
  id: string;
  name: string;
  role: Role;
  prefix: string;
  departmentIds: string[];
  createdBy: string;
  createdAt: Date;
  expiresAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}

const KEY_COLUMNS = `k.id, k.name, k.role, k.prefix, k.created_by AS "createdBy", k.created_at AS "createdAt", k.expires_at AS "expiresAt",
  k.last_used_at AS "lastUsedAt", k.revoked_at AS "revokedAt",
  COALESCE((SELECT array_agg(kd.department_id ORDER BY kd.department_id) FROM api_key_departments kd WHERE kd.api_key_id = k.id), '{}') AS "departmentIds"`;

export async function insertApiKey(tx: EntityManager, k: { id: string; name: string; role: Role; prefix: string; hash: Buffer; createdBy: string; expiresAt: Date; departmentIds: string[] }): Promise<ApiKeyRow> {
  await tx.query(`INSERT INTO api_keys (id, name, role, prefix, secret_hash, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [k.id, k.name, k.role, k.prefix, k.hash, k.createdBy, k.expiresAt]);
  for (const d of k.departmentIds) await tx.query(`INSERT INTO api_key_departments (api_key_id, department_id) VALUES ($1, $2)`, [k.id, d]);
  return (await findApiKey(tx, k.id))!;
}

export async function findApiKey(tx: EntityManager, id: string): Promise<ApiKeyRow | null> {
  const [row] = await tx.query(`SELECT ${KEY_COLUMNS} FROM api_keys k WHERE k.id = $1`, [id]);
  return row ?? null;
}

export const listApiKeys = (tx: EntityManager): Promise<ApiKeyRow[]> =>
  tx.query(`SELECT ${KEY_COLUMNS} FROM api_keys k ORDER BY k.revoked_at IS NOT NULL, k.created_at DESC`);

export async function revokeApiKey(tx: EntityManager, id: string, by: string, at: Date): Promise<boolean> {
  const rows = returning(await tx.query(`UPDATE api_keys SET revoked_at = $3, revoked_by = $2 WHERE id = $1 AND revoked_at IS NULL RETURNING id`, [id, by, at]));
  return rows.length > 0;
}

/**
 * The principal behind a key, if the key is live at `at`: not revoked, not expired, and its
 * creator still an active user (records written through the key are theirs in the audit trail).
 */
export async function apiKeyPrincipal(tx: EntityManager, id: string, at: Date): Promise<{ hash: Buffer; userId: string; email: string; role: Role; departmentIds: string[] } | null> {
  const [row] = await tx.query(
    `SELECT k.secret_hash AS hash, u.id AS "userId", u.email, k.role,
            COALESCE((SELECT array_agg(kd.department_id) FROM api_key_departments kd WHERE kd.api_key_id = k.id), '{}') AS "departmentIds"
       FROM api_keys k JOIN users u ON u.id = k.created_by AND u.deleted_at IS NULL
      WHERE k.id = $1 AND k.revoked_at IS NULL AND k.expires_at > $2`,
    [id, at],
  );
  return row ?? null;
}

/** Stamps last use at most once a minute per key, so a busy integration costs one cheap no-op UPDATE. */
export const touchApiKey = (tx: EntityManager, id: string, at: Date) =>
  tx.query(`UPDATE api_keys SET last_used_at = $2 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`, [id, at]);

export interface WebhookRow {
  id: string;
  name: string;
  url: string;
  events: string[];
  active: boolean;
  includeConfidential: boolean;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
}

const HOOK_COLUMNS = `id, name, url, events, active, include_confidential AS "includeConfidential", created_by AS "createdBy", created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function insertWebhook(tx: EntityManager, w: { name: string; url: string; events: string[]; secret: string; active: boolean; includeConfidential: boolean; createdBy: string }): Promise<WebhookRow> {
  const [row] = await tx.query(
    `INSERT INTO webhooks (name, url, events, secret, active, include_confidential, created_by) VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${HOOK_COLUMNS}`,
    [w.name, w.url, w.events, w.secret, w.active, w.includeConfidential, w.createdBy]);
  return row;
}

export async function findWebhook(tx: EntityManager, id: string): Promise<WebhookRow | null> {
  const [row] = await tx.query(`SELECT ${HOOK_COLUMNS} FROM webhooks WHERE id = $1 AND deleted_at IS NULL`, [id]);
  return row ?? null;
}

export const listWebhooks = (tx: EntityManager): Promise<WebhookRow[]> =>
  tx.query(`SELECT ${HOOK_COLUMNS} FROM webhooks WHERE deleted_at IS NULL ORDER BY lower(name), created_at`);

export async function updateWebhook(tx: EntityManager, id: string, w: Partial<Pick<WebhookRow, 'name' | 'url' | 'events' | 'active' | 'includeConfidential'>>): Promise<WebhookRow | null> {
  const [row] = returning<WebhookRow>(await tx.query(
    `UPDATE webhooks SET name = COALESCE($2, name), url = COALESCE($3, url), events = COALESCE($4, events), active = COALESCE($5, active),
            include_confidential = COALESCE($6, include_confidential), updated_at = now()
      WHERE id = $1 AND deleted_at IS NULL RETURNING ${HOOK_COLUMNS}`,
    [id, w.name ?? null, w.url ?? null, w.events ?? null, w.active ?? null, w.includeConfidential ?? null]));
  return row ?? null;
}

export async function deleteWebhook(tx: EntityManager, id: string): Promise<boolean> {
  const rows = returning(await tx.query(`UPDATE webhooks SET deleted_at = now(), active = false WHERE id = $1 AND deleted_at IS NULL RETURNING id`, [id]));
  if (rows.length) await tx.query(`UPDATE webhook_deliveries SET status = 'failed', next_attempt_at = NULL, last_error = 'webhook deleted' WHERE webhook_id = $1 AND status = 'pending'`, [id]);
  return rows.length > 0;
}

/**
 * The outbox: one pending delivery per active webhook that wants `event` (and, for a confidential
 * record, only those flagged to include confidential records). Runs in the caller's transaction.
 */
export async function enqueueDeliveries(tx: EntityManager, event: string, payloadFor: (deliveryId: string) => object, confidential: boolean, at: Date): Promise<number> {
  const hooks: Array<{ id: string }> = await tx.query(`SELECT id FROM webhooks w WHERE ${webhooksWantingSql('w', '$1', '$2')}`, [event, confidential]);
  return enqueueDeliveriesTo(tx, hooks.map((h) => h.id), event, payloadFor, at);
}

/**
 * Which webhooks want an event (SQL `event`, text) about a record (SQL `confidential`, boolean): for a
 * write that finds them within its own statement, then queues with enqueueDeliveriesTo.
 */
export const webhooksWantingSql = (alias: string, event: string, confidential: string) =>
  `${alias}.active AND ${alias}.deleted_at IS NULL AND ${event} = ANY(${alias}.events) AND (NOT ${confidential} OR ${alias}.include_confidential)`;

/** The outbox rows for webhooks already chosen by webhooksWantingSql, in the caller's transaction. */
export async function enqueueDeliveriesTo(tx: EntityManager, webhookIds: string[], event: string, payloadFor: (deliveryId: string) => object, at: Date): Promise<number> {
  for (const id of webhookIds) await insertDelivery(tx, id, event, payloadFor, at);
  return webhookIds.length;
}

export async function insertDelivery(tx: EntityManager, webhookId: string, event: string, payloadFor: (deliveryId: string) => object, at: Date): Promise<string> {
  const [{ id }] = await tx.query(`SELECT gen_random_uuid() AS id`);
  await tx.query(`INSERT INTO webhook_deliveries (id, webhook_id, event, payload, next_attempt_at) VALUES ($1, $2, $3, $4, $5)`,
    [id, webhookId, event, JSON.stringify(payloadFor(id)), at]);
  return id;
}

export interface DueDelivery {
  id: string;
  webhookId: string;
  event: string;
  payload: object;
  attempts: number;
  url: string;
  secret: string;
}

/**
 * Claims up to `limit` deliveries due at `at`, leasing each for `leaseMs` (pushing next_attempt_at
 * on), so another worker or a crash mid-send leaves it to be tried again, never lost.
 */
export async function claimDueDeliveries(tx: EntityManager, at: Date, leaseMs: number, limit: number): Promise<DueDelivery[]> {
  return returning<DueDelivery>(await tx.query(
    `UPDATE webhook_deliveries d SET next_attempt_at = $1::timestamptz + make_interval(secs => $2 / 1000.0)
       FROM webhooks w
      WHERE w.id = d.webhook_id AND d.id IN (
              SELECT id FROM webhook_deliveries WHERE status = 'pending' AND next_attempt_at <= $1
               ORDER BY next_attempt_at LIMIT $3 FOR UPDATE SKIP LOCKED)
      RETURNING d.id, d.webhook_id AS "webhookId", d.event, d.payload, d.attempts, w.url, w.secret`,
    [at, leaseMs, limit]));
}

export async function recordAttempt(tx: EntityManager, id: string, r: { ok: boolean; statusCode: number | null; error: string | null; responseMs: number; nextAttemptAt: Date | null; at: Date }): Promise<void> {
  await tx.query(
    `UPDATE webhook_deliveries SET attempts = attempts + 1, last_status_code = $2, last_error = $3, last_response_ms = $4,
            status = CASE WHEN $5 THEN 'delivered' WHEN $6::timestamptz IS NULL THEN 'failed' ELSE 'pending' END,
            next_attempt_at = CASE WHEN $5 THEN NULL ELSE $6::timestamptz END,
            delivered_at = CASE WHEN $5 THEN $7::timestamptz ELSE delivered_at END
      WHERE id = $1`,
    [id, r.statusCode, r.error, r.responseMs, r.ok, r.nextAttemptAt, r.at]);
}

export interface DeliveryRow {
  id: string;
  webhookId: string;
  event: string;
  status: string;
  attempts: number;
  nextAttemptAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  lastResponseMs: number | null;
  createdAt: Date;
  deliveredAt: Date | null;
}

const DELIVERY_COLUMNS = `id, webhook_id AS "webhookId", event, status, attempts, next_attempt_at AS "nextAttemptAt", last_status_code AS "lastStatusCode",
  last_error AS "lastError", last_response_ms AS "lastResponseMs", created_at AS "createdAt", delivered_at AS "deliveredAt"`;

export const listDeliveries = (tx: EntityManager, webhookId: string, limit: number): Promise<DeliveryRow[]> =>
  tx.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at DESC, id LIMIT $2`, [webhookId, limit]);

/** Redelivery: the same delivery (same id and body) goes back in the queue, due now, with its attempts counted on. */
export async function requeueDelivery(tx: EntityManager, id: string, at: Date): Promise<DeliveryRow | null> {
  const [row] = returning<DeliveryRow>(await tx.query(
    `UPDATE webhook_deliveries d SET status = 'pending', next_attempt_at = $2
      WHERE d.id = $1 AND EXISTS (SELECT 1 FROM webhooks w WHERE w.id = d.webhook_id AND w.deleted_at IS NULL)
      RETURNING ${DELIVERY_COLUMNS}`, [id, at]));
  return row ?? null;
}

export async function findDelivery(tx: EntityManager, id: string): Promise<DeliveryRow | null> {
  const [row] = await tx.query(`SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries WHERE id = $1`, [id]);
  return row ?? null;
}
