import { createHmac } from 'node:crypto';
import { MAX_ATTEMPTS, nextAttemptAfter, signPayload, verifySignature, webhookUrlProblem } from './webhook-signing';

describe('webhook signing', () => {
  it('signs "<timestamp>.<body>" with HMAC-SHA256, hex, prefixed sha256=', () => {
    const body = '{"id":"1"}';
    const expected = createHmac('sha256', 'shh').update(`1700000000.${body}`).digest('hex');
    expect(signPayload('shh', 1700000000, body)).toBe(`sha256=${expected}`);
    expect(verifySignature('shh', '1700000000', body, `sha256=${expected}`)).toBe(true);
  });

  it('a different secret, timestamp or body fails verification', () => {
    const sig = signPayload('shh', 1, 'a');
    expect(verifySignature('other', 1, 'a', sig)).toBe(false);
    expect(verifySignature('shh', 2, 'a', sig)).toBe(false);
    expect(verifySignature('shh', 1, 'b', sig)).toBe(false);
    expect(verifySignature('shh', 1, 'a', 'sha256=short')).toBe(false);
  });
});

describe('retry schedule', () => {
  it('waits 1 min, 5 min, 30 min, 2 h, 12 h, then gives up', () => {
    const t = new Date('2026-06-01T10:00:00Z');
    const minutes = [1, 2, 3, 4, 5].map((n) => (nextAttemptAfter(n, t)!.getTime() - t.getTime()) / 60_000);
    expect(minutes).toEqual([1, 5, 30, 120, 720]);
    expect(nextAttemptAfter(6, t)).toBeNull();
    expect(MAX_ATTEMPTS).toBe(6);
  });
});

describe('webhook URLs', () => {
  it('wants https; plain http only to this machine and only outside production', () => {
    expect(webhookUrlProblem('https://example.ac.uk/hook', true)).toBeNull();
    expect(webhookUrlProblem('http://localhost:8080/hook', false)).toBeNull();
    expect(webhookUrlProblem('http://127.0.0.1:8080/hook', false)).toBeNull();
    expect(webhookUrlProblem('http://localhost:8080/hook', true)).toMatch(/https/);
    expect(webhookUrlProblem('http://example.ac.uk/hook', false)).toMatch(/https/);
    expect(webhookUrlProblem('ftp://localhost/x', false)).toMatch(/http/);
    expect(webhookUrlProblem('not a url', false)).toMatch(/full URL/);
    expect(webhookUrlProblem('https://u:p@example.ac.uk/', false)).toMatch(/password/);
  });
});
