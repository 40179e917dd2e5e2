import type { Request, Response } from 'express';

/**
 * The OIDC flow's state, nonce and PKCE verifier travel in one short-lived cookie (signed by
 * OidcService), not in a server session: any replica can finish the flow, and a callback only
 * succeeds in the browser that started it (no login CSRF). HttpOnly; SameSite=Lax, so it is sent
 * on the IdP's top-level redirect back; Secure whenever the CRM is served over https.
 */
export const STATE_COOKIE = 'bce_sso_oidc';
export const STATE_TTL_SECONDS = 600;
const COOKIE_PATH = '/auth/oidc';

export function setStateCookie(res: Response, value: string, secure: boolean): void {
  res.cookie(STATE_COOKIE, value, { httpOnly: true, secure, sameSite: 'lax', path: COOKIE_PATH, maxAge: STATE_TTL_SECONDS * 1000 });
}

export function clearStateCookie(res: Response, secure: boolean): void {
  res.clearCookie(STATE_COOKIE, { httpOnly: true, secure, sameSite: 'lax', path: COOKIE_PATH });
}

/** The cookie's value (no cookie-parser in the app: one cookie is read here and nowhere else). */
export function readStateCookie(req: Request): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === STATE_COOKIE) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
