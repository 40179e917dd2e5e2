import { EmbeddedPostgresError } from '../config/embedded-postgres';
import { ConfigError } from '../config/env';

export interface StartupFailure {
  /** The one line for stderr, e.g. "BCE CRM could not start: port 3000 is already in use (set PORT to use another)". */
  line: string;
  /** False for an error we did not foresee: a bug, whose stack is worth printing after the line. */
  foreseen: boolean;
}

interface SystemError {
  code?: string;
  syscall?: string;
  port?: number;
  address?: string;
  hostname?: string;
  message?: string;
  errors?: unknown[];
}

const UNREACHABLE = new Set(['ECONNREFUSED', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ECONNRESET']);
const NO_SUCH_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN']);
// PostgreSQL's SQLSTATEs for a login it refuses and a database that is not there.
const REFUSED_LOGIN = new Set(['28P01', '28000']);
const NO_SUCH_DATABASE = '3D000';

/** "host:port" from DATABASE_URL (never its password), when there is one. */
function databaseHost(databaseUrl: string | undefined): string | undefined {
  try {
    return databaseUrl ? new URL(databaseUrl).host : undefined;
  } catch {
    return undefined;
  }
}

function cause(error: unknown, databaseUrl: string | undefined): string | undefined {
  if (error instanceof ConfigError) {
    // "Invalid configuration:\n  PORT: …\n  DEMO_DATA: …" on one line.
    return error.message.replace(/:\s*\n\s*/, ': ').replace(/\s*\n\s*/g, '; ').replace(/^Invalid/, 'invalid');
  }
  if (error instanceof EmbeddedPostgresError) return error.message;
  // Node reports a failed connect to every address of a host as one AggregateError; its first says why.
  const e = ((error as SystemError)?.errors?.[0] ?? error) as SystemError;
  const code = e?.code ?? (error as SystemError)?.code;
  if (!code) return undefined;
  if (e.syscall === 'listen' && code === 'EADDRINUSE') return `port ${e.port} is already in use (set PORT to use another)`;
  if (e.syscall === 'listen' && code === 'EACCES') return `port ${e.port} needs privileges this user does not have (set PORT to use another)`;
  const at = databaseHost(databaseUrl) ?? (e.address ? `${e.address}:${e.port}` : e.hostname);
  const database = at ? `the database at ${at}` : 'the database';
  if (UNREACHABLE.has(code)) return `cannot reach ${database}: ${code}`;
  if (NO_SUCH_HOST.has(code)) return `cannot reach ${database}: ${code} (no such host)`;
  if (REFUSED_LOGIN.has(code)) return `${database} refused to sign in: ${e.message} (check the user and password in DATABASE_URL)`;
  if (code === NO_SUCH_DATABASE) return `${database} says: ${e.message} (create it, or fix its name in DATABASE_URL)`;
  return undefined;
}

/** Turns whatever stopped the start into the one line an operator needs. */
export function startupFailure(error: unknown, databaseUrl?: string): StartupFailure {
  const known = cause(error, databaseUrl);
  const message = known ?? String((error as Error)?.message ?? error).split('\n')[0];
  return { line: `BCE CRM could not start: ${message}`, foreseen: known !== undefined };
}
