import { describe, expect, it } from 'vitest';
import { apiKeyStatus, apiKeyStatusText, endOfUkDay, expiryBounds, sortApiKeys, toCreateApiKeyInput } from './api-key-form';

describe('endOfUkDay', () => {
  it('ends the day on UK clocks in winter (GMT) and in summer (BST)', () => {
    expect(endOfUkDay('2026-12-07').toISOString()).toBe('2026-12-07T23:59:59.000Z');
    expect(endOfUkDay('2026-07-31').toISOString()).toBe('2026-07-31T22:59:59.000Z');
  });

  it('gets the days of the clock changes right', () => {
    expect(endOfUkDay('2026-03-29').toISOString()).toBe('2026-03-29T22:59:59.000Z'); // BST from 01:00 UTC
    expect(endOfUkDay('2026-10-25').toISOString()).toBe('2026-10-25T23:59:59.000Z'); // GMT from 01:00 UTC
  });
});

describe('expiryBounds', () => {
  it('offers tomorrow to just inside two years, a year ahead by default, in UK days', () => {
    const { min, initial, max } = expiryBounds(new Date('2026-07-31T23:30:00Z')); // 00:30 BST on 1 Aug
    const day = (d: Date) => [d.getFullYear(), d.getMonth() + 1, d.getDate()];
    expect(day(min)).toEqual([2026, 8, 2]);
    expect(day(initial)).toEqual([2027, 8, 1]);
    expect(day(max)).toEqual([2028, 7, 30]);
  });
});

describe('toCreateApiKeyInput', () => {
  it('trims the name and sends the end of the chosen UK day', () => {
    expect(toCreateApiKeyInput({ name: '  SITS nightly sync ', role: 'viewer', departmentIds: ['d1'], expiresAt: new Date(2027, 0, 31) }))
      .toEqual({ name: 'SITS nightly sync', role: 'viewer', departmentIds: ['d1'], expiresAt: '2027-01-31T23:59:59.000Z' });
  });

  it('refuses a missing expiry rather than sending none', () => {
    expect(() => toCreateApiKeyInput({ name: 'x', role: 'viewer', departmentIds: [], expiresAt: null })).toThrow();
  });
});

describe('apiKeyStatus', () => {
  const now = new Date('2026-12-07T12:00:00Z');
  it('is revoked before expired, expired once the instant has passed, live otherwise', () => {
    expect(apiKeyStatus({ revokedAt: '2026-12-01T10:00:00Z', expiresAt: '2026-01-01T00:00:00Z' }, now)).toBe('revoked');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: '2026-12-07T12:00:00Z' }, now)).toBe('expired');
    expect(apiKeyStatus({ revokedAt: null, expiresAt: '2027-12-07T12:00:00Z' }, now)).toBe('live');
  });

  it('says when a key was revoked, as a UK day', () => {
    expect(apiKeyStatusText({ revokedAt: '2026-07-31T23:30:00Z', expiresAt: '2027-01-01T00:00:00Z' }, now)).toBe('Revoked 1 Aug 2026');
    expect(apiKeyStatusText({ revokedAt: null, expiresAt: '2027-01-01T00:00:00Z' }, now)).toBe('Live');
  });
});

describe('sortApiKeys', () => {
  it('lists keys in force first, newest first, as the server does', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const key = (name: string, createdAt: string, extra: { revokedAt?: string; expiresAt?: string } = {}) => ({ name, createdAt, revokedAt: extra.revokedAt ?? null, expiresAt: extra.expiresAt ?? '2027-12-01T00:00:00Z' });
    const sorted = sortApiKeys([
      key('old live', '2026-01-01T00:00:00Z'),
      key('new revoked', '2026-12-07T10:00:00Z', { revokedAt: '2026-12-07T11:00:00Z' }),
      key('expired', '2025-01-01T00:00:00Z', { expiresAt: '2026-01-01T00:00:00Z' }),
      key('new live', '2026-12-06T00:00:00Z'),
    ], now);
    expect(sorted.map((k) => k.name)).toEqual(['new live', 'old live', 'new revoked', 'expired']);
  });
});
