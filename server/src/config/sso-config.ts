import { Role } from '../common/auth/roles';

/** The single sign-on variables of Env (env.ts), already checked one by one. */
export interface SsoEnv {
  PUBLIC_URL?: string;
  OIDC_ISSUER?: string;
  OIDC_CLIENT_ID?: string;
  OIDC_CLIENT_SECRET?: string;
  OIDC_SCOPES?: string;
  OIDC_GROUPS_CLAIM?: string;
  OIDC_LABEL?: string;
  SAML_ENTRY_POINT?: string;
  SAML_IDP_CERT?: string;
  SAML_ISSUER?: string;
  SAML_IDP_ISSUER?: string;
  SAML_GROUPS_ATTRIBUTE?: string;
  SAML_LABEL?: string;
  SSO_DEFAULT_ROLE?: string;
  SSO_GROUP_ROLES?: string;
  SSO_DEFAULT_DEPARTMENT?: string;
  LOCAL_LOGIN?: boolean;
  BREAK_GLASS_EMAILS?: string;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scopes: string;
  groupsClaim: string;
  label: string;
  /** Where the identity provider sends people back: PUBLIC_URL/auth/oidc/callback. */
  redirectUri: string;
}

export interface SamlConfig {
  entryPoint: string;
  /** The identity provider's signing certificate(s), PEM. */
  idpCerts: string[];
  /** Our SP entity id (the audience the IdP must name). */
  issuer: string;
  idpIssuer?: string;
  groupsAttribute: string;
  label: string;
  /** PUBLIC_URL/auth/saml/acs. */
  acsUrl: string;
}

export interface SsoConfig {
  publicUrl?: string;
  oidc?: OidcConfig;
  saml?: SamlConfig;
  /** The role of a user provisioned on first sign-in when none of their groups maps to a role. */
  defaultRole: Role;
  /** IdP group (lower case) → role. Empty: roles are managed in the CRM only. */
  groupRoles: Map<string, Role>;
  /** Code of the department new SSO users join, if any. */
  defaultDepartment?: string;
  /** Password sign-in; when off only breakGlassEmails may use a password. */
  localLogin: boolean;
  breakGlassEmails: string[];
}

type Report = (property: string, message: string) => void;

const ROLES = new Set<string>(Object.values(Role));

/** "bce-admins=admin, staff=staff" → group → role; each bad pair is reported. */
export function parseGroupRoles(text: string | undefined, report: Report): Map<string, Role> {
  const map = new Map<string, Role>();
  for (const pair of (text ?? '').split(',').map((p) => p.trim()).filter(Boolean)) {
    const at = pair.lastIndexOf('=');
    const group = pair.slice(0, at).trim().toLowerCase();
    const role = pair.slice(at + 1).trim();
    if (at < 1 || !group || !ROLES.has(role)) {
      report('SSO_GROUP_ROLES', `"${pair}" is not group=role (role one of admin, manager, staff, viewer)`);
    } else {
      map.set(group, role as Role);
    }
  }
  return map;
}

/** A PEM certificate, or its bare base64 body (as IdP metadata shows it); several separated by commas. */
export function parseCerts(text: string): string[] {
  const pems = text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g);
  if (pems) return pems;
  return text.split(',').map((body) => body.replace(/\s+/g, '')).filter(Boolean)
    .map((body) => `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`);
}

const stripSlash = (url: string) => url.replace(/\/+$/, '');

/** The SSO settings, checked together: a provider is all-or-nothing, and needs PUBLIC_URL for its callback. */
export function ssoConfig(env: SsoEnv, report: Report, production = false): SsoConfig {
  const publicUrl = env.PUBLIC_URL ? stripSlash(env.PUBLIC_URL) : undefined;
  let publicUrlReported = false;
  const needPublicUrl = (message: string) => {
    if (!publicUrlReported) report('PUBLIC_URL', message);
    publicUrlReported = true;
  };
  const group = (names: Array<keyof SsoEnv>): boolean => {
    const set = names.filter((n) => env[n]);
    if (!set.length) return false;
    for (const name of names.filter((n) => !env[n])) report(name, `is required when ${set.join(', ')} ${set.length > 1 ? 'are' : 'is'} set`);
    if (set.length !== names.length) return false;
    if (!publicUrl) needPublicUrl('is required for single sign-on (the callback URLs are built from it)');
    // The state cookie is Secure in production: over plain http the browser would never send it back.
    else if (production && !publicUrl.startsWith('https:')) needPublicUrl('must be https:// in production for single sign-on');
    return !publicUrlReported;
  };

  const oidc = group(['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET']) ? {
    issuer: env.OIDC_ISSUER!,
    clientId: env.OIDC_CLIENT_ID!,
    clientSecret: env.OIDC_CLIENT_SECRET!,
    scopes: env.OIDC_SCOPES ?? 'openid email profile',
    groupsClaim: env.OIDC_GROUPS_CLAIM ?? 'groups',
    label: env.OIDC_LABEL ?? 'Sign in with your institution',
    redirectUri: `${publicUrl}/auth/oidc/callback`,
  } : undefined;

  let saml: SamlConfig | undefined;
  if (group(['SAML_ENTRY_POINT', 'SAML_IDP_CERT'])) {
    const idpCerts = parseCerts(env.SAML_IDP_CERT!);
    if (!idpCerts.length) report('SAML_IDP_CERT', 'must be the identity provider\'s signing certificate (PEM or base64)');
    saml = {
      entryPoint: env.SAML_ENTRY_POINT!,
      idpCerts,
      issuer: env.SAML_ISSUER ?? `${publicUrl}/auth/saml/metadata`,
      idpIssuer: env.SAML_IDP_ISSUER,
      groupsAttribute: env.SAML_GROUPS_ATTRIBUTE ?? 'groups',
      label: env.SAML_LABEL ?? 'Sign in with your institution (SAML)',
      acsUrl: `${publicUrl}/auth/saml/acs`,
    };
  }

  const localLogin = env.LOCAL_LOGIN ?? true;
  const breakGlassEmails = (env.BREAK_GLASS_EMAILS ?? '').split(',').map((e) => e.trim().toLowerCase()).filter(Boolean);
  for (const email of breakGlassEmails.filter((e) => !/^[^@\s]+@[^@\s]+$/.test(e))) report('BREAK_GLASS_EMAILS', `"${email}" is not an email address`);
  if (!localLogin && !oidc && !saml) report('LOCAL_LOGIN', 'cannot be false unless OIDC or SAML sign-in is configured (nobody could sign in)');

  return {
    publicUrl, oidc, saml,
    defaultRole: (env.SSO_DEFAULT_ROLE as Role | undefined) ?? Role.viewer,
    groupRoles: parseGroupRoles(env.SSO_GROUP_ROLES, report),
    defaultDepartment: env.SSO_DEFAULT_DEPARTMENT,
    localLogin,
    breakGlassEmails,
  };
}
