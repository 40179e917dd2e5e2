import { describe, expect, it } from 'vitest';
import { NETWORK_MESSAGE } from '../errors/api-error';
import { signInErrorMessage, ssoErrorMessage } from './sign-in-messages';

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

describe('ssoErrorMessage', () => {
  it('explains each failure the server names, and falls back for anything else', () => {
    expect(ssoErrorMessage('sso_state')).toMatch(/took too long|another browser/);
    expect(ssoErrorMessage('sso_deactivated')).toMatch(/deactivated/);
    expect(ssoErrorMessage('sso_no_email')).toMatch(/email address/);
    expect(ssoErrorMessage('<script>')).toBe('Sign-in with your institution did not work. Try again in a moment.');
  });

  it('says password sign-in is off when the server refuses it so', () => {
    const message = 'Password sign-in is turned off here: use "Sign in with your institution"';
    expect(signInErrorMessage({ code: 'FORBIDDEN', message, fields: {} })).toMatch(/turned off/);
    expect(signInErrorMessage({ code: 'FORBIDDEN', message: 'other', fields: {} })).toMatch(/cannot sign in/);
  });
});
