import type { CreateWebhookInput, UpdateWebhookInput, WebhookDeliveryItemFragment, WebhookItemFragment } from '../../../graphql/generated';
import { formatDateTime } from '../../../shared/dates/dates';

/** The events a webhook can subscribe to, grouped by record, in the server's order (webhook-signing.ts). */
export const WEBHOOK_EVENT_GROUPS = [
  { label: 'Organisations', events: [{ value: 'organisation.created', label: 'Created' }, { value: 'organisation.updated', label: 'Updated' }] },
  { label: 'Engagements', events: [{ value: 'engagement.created', label: 'Created' }, { value: 'engagement.updated', label: 'Updated' }] },
  { label: 'Opportunities', events: [{ value: 'opportunity.created', label: 'Created' }, { value: 'opportunity.updated', label: 'Updated' }] },
] as const;

export const WEBHOOK_EVENTS: readonly string[] = WEBHOOK_EVENT_GROUPS.flatMap((g) => g.events.map((e) => e.value));

const EVENT_LABELS: Record<string, string> = {
  'organisation.created': 'Organisation created',
  'organisation.updated': 'Organisation updated',
  'engagement.created': 'Engagement created',
  'engagement.updated': 'Engagement updated',
  'opportunity.created': 'Opportunity created',
  'opportunity.updated': 'Opportunity updated',
  'webhook.test': 'Test',
};

export const eventLabel = (event: string): string => EVENT_LABELS[event] ?? event;

export interface WebhookFormValue {
  name: string;
  url: string;
  events: string[];
  active: boolean;
  includeConfidential: boolean;
}

/** Events in the server's order, each once, whatever order they were ticked in. */
export const orderedEvents = (events: readonly string[]): string[] => WEBHOOK_EVENTS.filter((e) => events.includes(e));

export const toCreateWebhookInput = (v: WebhookFormValue): CreateWebhookInput => ({
  name: v.name.trim(),
  url: v.url.trim(),
  events: orderedEvents(v.events),
  active: v.active,
  includeConfidential: v.includeConfidential,
});

/** Only what changed; events compared as sets. */
export function changedWebhookFields(before: Pick<WebhookItemFragment, 'name' | 'url' | 'events' | 'active' | 'includeConfidential'>, after: WebhookFormValue): UpdateWebhookInput {
  const next = toCreateWebhookInput(after);
  const input: UpdateWebhookInput = {};
  if (next.name !== before.name) input.name = next.name;
  if (next.url !== before.url) input.url = next.url;
  if (next.events.join() !== orderedEvents(before.events).join()) input.events = next.events;
  if (next.active !== before.active) input.active = next.active;
  if (next.includeConfidential !== before.includeConfidential) input.includeConfidential = next.includeConfidential;
  return input;
}

/** Server messages start with the field's name ("url must start with https://"): say it in words. */
const FIELD_WORDS: Record<string, string> = { name: 'The name', url: 'The URL', events: 'The events', role: 'The role', expiresAt: 'The expiry date', departmentIds: 'The departments' };

export function humaniseIntegrationMessage(_field: string, message: string): string {
  return message.replace(/^(\w+) must/, (whole, name: string) => (FIELD_WORDS[name] ? `${FIELD_WORDS[name]} must` : whole));
}

export const DELIVERY_STATUS_LABELS: Record<string, string> = { pending: 'Pending', delivered: 'Delivered', failed: 'Failed' };

/** "Delivered", "Retrying" (pending after a failed attempt), "Pending", "Failed — given up". */
export function deliveryStatusText(d: Pick<WebhookDeliveryItemFragment, 'status' | 'attempts'>): string {
  if (d.status === 'pending') return d.attempts > 0 ? 'Retrying' : 'Pending';
  if (d.status === 'failed') return 'Failed — given up';
  return DELIVERY_STATUS_LABELS[d.status] ?? d.status;
}

/** What the receiver answered last: "HTTP 200 in 35 ms", "HTTP 500", "No answer: timed out", or "—" before any attempt. */
export function deliveryResponseText(d: Pick<WebhookDeliveryItemFragment, 'attempts' | 'lastStatusCode' | 'lastError' | 'lastResponseMs'>): string {
  if (!d.attempts) return '—';
  const took = d.lastResponseMs !== null && d.lastResponseMs !== undefined ? ` in ${d.lastResponseMs} ms` : '';
  if (d.lastStatusCode) return `HTTP ${d.lastStatusCode}${took}`;
  return d.lastError ? `No answer: ${d.lastError}` : `No answer${took}`;
}

/**
 * When it goes again, on UK clocks: only a pending delivery that has failed before has a retry (before
 * its first attempt, nextAttemptAt is when the worker may take it over, not a retry).
 */
export function nextRetryText(d: Pick<WebhookDeliveryItemFragment, 'status' | 'attempts' | 'nextAttemptAt'>): string {
  return d.status === 'pending' && d.attempts > 0 && d.nextAttemptAt ? formatDateTime(d.nextAttemptAt) : '—';
}
