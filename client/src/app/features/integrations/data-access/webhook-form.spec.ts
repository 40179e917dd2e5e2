import { describe, expect, it } from 'vitest';
import { changedWebhookFields, deliveryResponseText, deliveryStatusText, eventLabel, humaniseIntegrationMessage, nextRetryText, orderedEvents, toCreateWebhookInput, WEBHOOK_EVENTS } from './webhook-form';

const value = { name: ' Student records ', url: ' https://sits.example.ac.uk/hooks/bce ', events: ['opportunity.created', 'organisation.created'], active: true, includeConfidential: false };

describe('webhook events', () => {
  it('offers the six the server accepts, created and updated for each record', () => {
    expect(WEBHOOK_EVENTS).toEqual(['organisation.created', 'organisation.updated', 'engagement.created', 'engagement.updated', 'opportunity.created', 'opportunity.updated']);
    expect(eventLabel('engagement.updated')).toBe('Engagement updated');
    expect(eventLabel('webhook.test')).toBe('Test');
  });

  it('sends them in the server order, each once, dropping unknown ones', () => {
    expect(orderedEvents(['opportunity.updated', 'organisation.created', 'nonsense'])).toEqual(['organisation.created', 'opportunity.updated']);
  });
});

describe('toCreateWebhookInput', () => {
  it('trims the name and URL', () => {
    expect(toCreateWebhookInput(value)).toEqual({ name: 'Student records', url: 'https://sits.example.ac.uk/hooks/bce', events: ['organisation.created', 'opportunity.created'], active: true, includeConfidential: false });
  });
});

describe('changedWebhookFields', () => {
  const before = { name: 'Student records', url: 'https://sits.example.ac.uk/hooks/bce', events: ['organisation.created', 'opportunity.created'], active: true, includeConfidential: false };
  it('keeps only what changed, comparing events as a set', () => {
    expect(changedWebhookFields(before, value)).toEqual({});
    expect(changedWebhookFields(before, { ...value, events: ['engagement.created'], active: false })).toEqual({ events: ['engagement.created'], active: false });
  });
});

describe('humaniseIntegrationMessage', () => {
  it('names the field in words', () => {
    expect(humaniseIntegrationMessage('url', 'url must start with https://')).toBe('The URL must start with https://');
    expect(humaniseIntegrationMessage('input.expiresAt', 'expiresAt must be at most two years ahead')).toBe('The expiry date must be at most two years ahead');
    expect(humaniseIntegrationMessage('x', 'Something else')).toBe('Something else');
  });
});

describe('delivery log', () => {
  it('tells a retry from a first try and a given-up delivery', () => {
    expect(deliveryStatusText({ status: 'pending', attempts: 0 })).toBe('Pending');
    expect(deliveryStatusText({ status: 'pending', attempts: 2 })).toBe('Retrying');
    expect(deliveryStatusText({ status: 'delivered', attempts: 1 })).toBe('Delivered');
    expect(deliveryStatusText({ status: 'failed', attempts: 6 })).toBe('Failed — given up');
  });

  it('says what the receiver answered', () => {
    expect(deliveryResponseText({ attempts: 0, lastStatusCode: null, lastError: null, lastResponseMs: null })).toBe('—');
    expect(deliveryResponseText({ attempts: 1, lastStatusCode: 200, lastError: null, lastResponseMs: 35 })).toBe('HTTP 200 in 35 ms');
    expect(deliveryResponseText({ attempts: 2, lastStatusCode: null, lastError: 'timed out', lastResponseMs: null })).toBe('No answer: timed out');
  });

  it('shows the next retry on UK clocks, only for a pending delivery that has failed before', () => {
    expect(nextRetryText({ status: 'pending', attempts: 1, nextAttemptAt: '2026-07-01T13:05:00Z' })).toBe('1 Jul 2026, 14:05');
    expect(nextRetryText({ status: 'pending', attempts: 0, nextAttemptAt: '2026-07-01T13:05:00Z' })).toBe('—');
    expect(nextRetryText({ status: 'failed', attempts: 6, nextAttemptAt: '2026-07-01T13:05:00Z' })).toBe('—');
  });
});
