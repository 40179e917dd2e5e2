import { plainToInstance, Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, MinLength, validateSync, IsEmail } from 'class-validator';
import * as fs from 'node:fs';
import * as path from 'node:path';

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

  @IsOptional() @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters' })
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
}

export class ConfigError extends Error {}

/** Reads and validates the environment; throws ConfigError naming every bad variable. */
export function loadConfig(source: NodeJS.ProcessEnv = process.env, repoRoot = findRepoRoot()): AppConfig {
  const env = plainToInstance(Env, { ...source }, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: false, forbidUnknownValues: false });
  if (env.NODE_ENV === 'production' && !env.JWT_SECRET) {
    throw new ConfigError('Invalid configuration: JWT_SECRET is required when NODE_ENV=production');
  }
  if (errors.length) {
    const lines = errors.map((e) => `  ${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
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
