/** What an identity provider told us about the person signing in, whichever protocol it spoke. */
export interface SsoProfile {
  provider: 'oidc' | 'saml';
  /** The provider's stable id for the person (OIDC `sub`, SAML NameID). */
  subject: string;
  email: string | null;
  name: string | null;
  groups: string[];
}

/**
 * Why a single sign-on did not complete. The code travels to the sign-in page as ?error=…; the
 * page words it, so nothing the IdP said is echoed into the UI.
 */
export type SsoFailure = 'state' | 'idp' | 'no_email' | 'deactivated' | 'not_configured' | 'failed';

export class SsoError extends Error {
  constructor(readonly failure: SsoFailure, message: string) {
    super(message);
  }
}

/** A claim or attribute as a list of strings: IdPs send one value, several, or none. */
export function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
  return typeof value === 'string' && value.trim() ? [value.trim()] : [];
}
