import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync, IsEmail, IsUrl } from 'class-validator';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SsoConfig, ssoConfig, SsoEnv } from './sso-config';
import { MIN_SECRET_LENGTH } from '../common/auth/jwt-secret';

const toBool = ({ value }: { value: unknown }) =>
  value === undefined || value === '' ? undefined : ['1', 'true', 'yes', 'on'].includes(String(value).toLowerCase()) ? true
    : ['0', 'false', 'no', 'off'].includes(String(value).toLowerCase()) ? false : value;

/** The process environment the app accepts; validated once at start so a bad value stops the start. */
export class Env {
  @IsOptional() @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @Transform(({ value }) => (value === undefined || value === '' ? 3000 : Number(value)))
  @IsInt() @Min(1) @Max(65535)
  PORT = 3000;

  @IsOptional() @Matches(/^postgres(ql)?:\/\/.+/, { message: 'DATABASE_URL must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @IsOptional() @IsString()
  DATA_DIR?: string;

  @IsOptional() @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional() @MinLength(10, { message: 'ADMIN_PASSWORD must be at least 10 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(toBool) @IsOptional() @IsBoolean({ message: 'DEMO_DATA must be true or false' })
  DEMO_DATA?: boolean;

  @IsOptional() @MinLength(MIN_SECRET_LENGTH, { message: `JWT_SECRET must be at least ${MIN_SECRET_LENGTH} characters` })
  JWT_SECRET?: string;

  @IsOptional() @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** GraphQL requests one user (or API key) may make a minute; 0 switches the limit off. */
  @Transform(({ value }) => (value === undefined || value === '' ? 1200 : Number(value)))
  @IsInt({ message: 'RATE_LIMIT_PER_MINUTE must be a whole number (0 switches the limit off)' }) @Min(0) @Max(1_000_000)
  RATE_LIMIT_PER_MINUTE = 1200;

  /**
   * Which proxies in front of the server to believe about the client's address (X-Forwarded-For),
   * as Express reads it: a hop count ("1"), "loopback", or addresses/subnets. Unset: none, so the
   * sign-in throttle counts the address the connection came from.
   */
  @IsOptional() @Matches(/^(\d{1,2}|(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+)(\s*,\s*(loopback|linklocal|uniquelocal|[0-9a-fA-F.:/]+))*)$/, {
    message: 'TRUST_PROXY must be a hop count (e.g. 1), "loopback", or comma-separated addresses/subnets',
  })
  TRUST_PROXY?: string;

  /** How long an import worker holds a batch between chunks; a killed server's batch is resumed after it. */
  @Transform(({ value }) => (value === undefined || value === '' ? 30 : Number(value)))
  @IsInt({ message: 'IMPORT_LEASE_SECONDS must be a whole number of seconds' }) @Min(1) @Max(3600)
  IMPORT_LEASE_SECONDS = 30;

  // Single sign-on (docs/sso.md). Cross-checks (all-or-nothing groups, PUBLIC_URL) are in sso-config.ts.
  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'PUBLIC_URL must be the http(s) URL people open the CRM at' })
  PUBLIC_URL?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'OIDC_ISSUER must be the identity provider\'s issuer URL' })
  OIDC_ISSUER?: string;

  @IsOptional() @IsString() OIDC_CLIENT_ID?: string;
  @IsOptional() @IsString() OIDC_CLIENT_SECRET?: string;
  @IsOptional() @Matches(/(^|\s)openid(\s|$)/, { message: 'OIDC_SCOPES must include openid' }) OIDC_SCOPES?: string;
  @IsOptional() @IsString() OIDC_GROUPS_CLAIM?: string;
  @IsOptional() @IsString() OIDC_LABEL?: string;

  @IsOptional() @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] }, { message: 'SAML_ENTRY_POINT must be the identity provider\'s single sign-on URL' })
  SAML_ENTRY_POINT?: string;

  @IsOptional() @IsString() SAML_IDP_CERT?: string;
  @IsOptional() @IsString() SAML_ISSUER?: string;
  @IsOptional() @IsString() SAML_IDP_ISSUER?: string;
  @IsOptional() @IsString() SAML_GROUPS_ATTRIBUTE?: string;
  @IsOptional() @IsString() SAML_LABEL?: string;

  @IsOptional() @IsIn(['admin', 'manager', 'staff', 'viewer'], { message: 'SSO_DEFAULT_ROLE must be admin, manager, staff or viewer' })
  SSO_DEFAULT_ROLE?: string;

  @IsOptional() @IsString() SSO_GROUP_ROLES?: string;
  @IsOptional() @Matches(/^[A-Z0-9]{2,12}$/, { message: 'SSO_DEFAULT_DEPARTMENT must be a department code (2-12 capital letters or digits)' })
  SSO_DEFAULT_DEPARTMENT?: string;

  @Transform(toBool) @IsOptional() @IsBoolean({ message: 'LOCAL_LOGIN must be true or false' })
  LOCAL_LOGIN?: boolean;

  @IsOptional() @IsString() BREAK_GLASS_EMAILS?: string;
}

export interface AppConfig {
  nodeEnv: Env['NODE_ENV'];
  port: number;
  /** Undefined means: start the embedded PostgreSQL. */
  databaseUrl?: string;
  dataDir: string;
  adminEmail?: string;
  adminPassword?: string;
  demoData: boolean;
  jwtSecret?: string;
  logLevel: string;
  importLeaseSeconds: number;
  rateLimitPerMinute: number;
  /** Express's `trust proxy` setting, or false. */
  trustProxy: number | string | false;
  /** Where the built Angular client lives; served at / when present. */
  clientDir: string;
  /** Single sign-on and whether password sign-in is on. */
  sso: SsoConfig;
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, repoRoot = findRepoRoot()): AppConfig {
  const env = plainToInstance(Env, { ...source }, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new ConfigError('Invalid configuration: JWT_SECRET is required when NODE_ENV=production');
  }
  const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
  const sso = errors.length ? undefined : ssoConfig(env as SsoEnv, (property, message) => lines.push(`  ${property}: ${message}`), env.NODE_ENV === 'production');
  if (lines.length || !sso) throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR ?? path.join(repoRoot, '.data')),
    adminEmail: env.ADMIN_EMAIL,
    adminPassword: env.ADMIN_PASSWORD,
    demoData: env.DEMO_DATA ?? !env.DATABASE_URL,
    jwtSecret: env.JWT_SECRET,
    logLevel: env.LOG_LEVEL,
    importLeaseSeconds: env.IMPORT_LEASE_SECONDS,
    rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
    trustProxy: env.TRUST_PROXY === undefined ? false : /^\d+$/.test(env.TRUST_PROXY) ? Number(env.TRUST_PROXY) : env.TRUST_PROXY,
    clientDir: path.join(repoRoot, 'dist', 'client', 'browser'),
    sso,
  };
}

/** The repo root: the nearest folder above this file holding nx.json (or the cwd in a container). */
export function findRepoRoot(from = __dirname): string {
  let dir = from;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'nx.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
}
