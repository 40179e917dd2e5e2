import { describe, expect, it } from 'vitest';
import { NETWORK_MESSAGE } from '../errors/api-error';
import { signInErrorMessage } from './sign-in-messages';

describe('signInErrorMessage', () => {
  it('says the credentials are wrong on UNAUTHENTICATED', () => {
    expect(signInErrorMessage({ code: 'UNAUTHENTICATED', message: 'Email or password is incorrect', fields: {} })).toMatch(/incorrect/);
  });

  it("passes the server's throttling message on", () => {
    const message = 'Too many failed sign-in attempts. Try again in 15 minutes.';
    expect(signInErrorMessage({ code: 'TOO_MANY_REQUESTS', message, fields: {} })).toBe(message);
  });

  it('explains a lost connection', () => {
    expect(signInErrorMessage({ code: 'NETWORK', message: NETWORK_MESSAGE, fields: {} })).toBe(NETWORK_MESSAGE);
  });

  it('never shows an internal error text', () => {
    expect(signInErrorMessage({ code: 'INTERNAL_SERVER_ERROR', message: 'stack', fields: {} })).not.toContain('stack');
  });
});
