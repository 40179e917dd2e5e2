import { EntityManager } from 'typeorm';
import { now } from '../../common/dates/clock';
import { enqueueDeliveries, enqueueDeliveriesTo } from './integrations.sql';
import { WebhookEvent } from './webhook-signing';

/** The fields of a record every event carries; each module adds a few of its own (never details or notes). */
export interface WebhookRecord {
  id: string;
  confidential: boolean;
  departmentId: string | null;
  version: number;
  [field: string]: unknown;
}

/**
 * Call once per write path, inside its transaction: queues the event for every webhook that wants
 * it, so the delivery exists exactly when the write commits (a rolled-back write sends nothing).
 *
 * Confidential records are left out unless a webhook is flagged includeConfidential (only admins
 * register webhooks, and the flag is their explicit choice): a receiver is outside the CRM's own
 * department checks, so by default nothing confidential leaves it.
 */
export async function queueWebhookEvent(tx: EntityManager, event: Exclude<WebhookEvent, 'webhook.test'>, record: WebhookRecord): Promise<void> {
  const occurredAt = now().toISOString();
  await enqueueDeliveries(tx, event, (id) => ({ id, event, occurredAt, data: record }), record.confidential, now());
}

/** queueWebhookEvent for a write that already found the webhooks wanting it (webhooksWantingSql), saving a round trip. */
export async function queueWebhookEventTo(tx: EntityManager, webhookIds: string[], event: Exclude<WebhookEvent, 'webhook.test'>, record: WebhookRecord): Promise<void> {
  if (!webhookIds.length) return;
  const occurredAt = now().toISOString();
  await enqueueDeliveriesTo(tx, webhookIds, event, (id) => ({ id, event, occurredAt, data: record }), now());
}

/** The minimal record each event carries: ids, names and state, never free-text details. */
export const organisationEvent = (o: { id: string; name: string; relationshipStage: string; departmentId: string | null; confidential: boolean; version: number; updatedAt: Date }): WebhookRecord => ({
  id: o.id, name: o.name, relationshipStage: o.relationshipStage, departmentId: o.departmentId, confidential: o.confidential, version: o.version, updatedAt: o.updatedAt,
});

export const engagementEvent = (e: { id: string; type: string; occurredOn: string; organisationId: string | null; departmentId: string; confidential: boolean; version: number; updatedAt: Date }): WebhookRecord => ({
  id: e.id, type: e.type, occurredOn: e.occurredOn, organisationId: e.organisationId, departmentId: e.departmentId, confidential: e.confidential, version: e.version, updatedAt: e.updatedAt,
});

export const opportunityEvent = (o: { id: string; title: string; stageId: string; organisationId: string; valuePence: number; departmentId: string; confidential: boolean; version: number; updatedAt: Date }): WebhookRecord => ({
  id: o.id, title: o.title, stageId: o.stageId, organisationId: o.organisationId, valuePence: o.valuePence, departmentId: o.departmentId, confidential: o.confidential, version: o.version, updatedAt: o.updatedAt,
});
