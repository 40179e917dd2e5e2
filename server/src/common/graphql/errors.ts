import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { literalField } from './literal-errors';

/** The stable `extensions.code` values clients rely on (API.md). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  /** The database cannot be reached (stopped, restarting, connection lost): try again shortly. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}

// Socket errors and SQLSTATEs that mean "no database right now" rather than a fault in the request:
// class 08 (connection exception), 57P01–57P03 (shutting down, crashed, not yet accepting).
const UNAVAILABLE_SOCKET = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGE = /^(Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection ended unexpectedly)/i;

// What TypeORM throws when the pool dropped a transaction's connection under it (the database went
// away mid-transaction). A misused query runner throws the same, so these are also logged.
const RELEASED_RUNNER = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);
const isReleasedRunner = (error: unknown) => RELEASED_RUNNER.has((error as { name?: string } | null)?.name ?? '');

// A thrown value that is not an Error to graphql-js (a driver error from another realm is not, as
// under jest) reaches formatError only as this description of it: its code is read from the text.
const NON_ERROR_VALUE = /^Unexpected error value: \{.*\bcode: "([A-Z0-9]+)"/s;
const unavailableCode = (code: string) => UNAVAILABLE_SOCKET.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code);

/** Whether an error (or the driver error TypeORM wraps) says the database is unreachable. */
export function isDatabaseUnavailable(error: unknown): boolean {
  if (isReleasedRunner(error)) return true;
  for (let e: any = error, depth = 0; e && depth < 4; e = e.driverError ?? e.cause, depth++) {
    const code = typeof e.code === 'string' ? e.code : '';
    if (unavailableCode(code)) return true;
    if (typeof e.message === 'string' && (UNAVAILABLE_MESSAGE.test(e.message) || unavailableCode(NON_ERROR_VALUE.exec(e.message)?.[1] ?? ''))) return true;
  }
  return false;
}

export interface FieldError {
  field: string;
  messages: string[];
}

/** An error meant for the client: its message and extensions are shown as they are. */
export class AppError extends GraphQLError {
  constructor(readonly code: ErrorCode, message: string, extra: Record<string, unknown> = {}) {
    super(message, { extensions: { code, ...extra } });
  }
}

export const unauthenticated = (message = 'Sign in to continue') => new AppError(ErrorCode.UNAUTHENTICATED, message);
export const DATABASE_UNAVAILABLE_MESSAGE = 'The database is not available at the moment. Try again shortly.';
export const serviceUnavailable = () => new AppError(ErrorCode.SERVICE_UNAVAILABLE, DATABASE_UNAVAILABLE_MESSAGE);
export const forbidden = (message = 'You do not have permission to do this') => new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string, id: string) => new AppError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`);
export const conflict = (message: string, extra: Record<string, unknown> = {}) => new AppError(ErrorCode.CONFLICT, message, extra);
/** Over a rate limit: HTTP 429 with Retry-After, so proxies and integrations back off without reading the body. */
export const tooManyRequests = (message: string, retryAfterSeconds: number) =>
  new AppError(ErrorCode.TOO_MANY_REQUESTS, message, {
    retryAfterSeconds,
    http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
  });
export const badInput = (fields: FieldError[]) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${fields.map((f) => `${f.field} (${f.messages.join('; ')})`).join(', ')}`, { fields });
export const badField = (field: string, message: string) => badInput([{ field, messages: [message] }]);

/**
 * Refuses a request before it runs (from an Apollo plugin). Apollo answers an error thrown there
 * with HTTP 500 unless it carries its own status; a refusal is the client's fault, so 400.
 */
export const refuseRequest = (message: string) => new AppError(ErrorCode.BAD_USER_INPUT, message, { http: { status: 400 } });

// Codes that graphql-js and Apollo raise for malformed requests: safe to pass through.
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);
const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));
// graphql-js's wording when it refuses a variable, e.g.
//   Variable "$i" got invalid value "x" at "i.type"; Value "x" does not exist in "OrganisationType" enum.
//   Variable "$i" got invalid value { … }; Field "bogus" is not defined by type "CreateOrganisationInput".
//   Variable "$i" of required type "CreateOrganisationInput!" was not provided.
const VARIABLE_ERROR = /^Variable "\$(\w+)" (?:got invalid value .*?(?: at "([\w.[\]]+)")?; (?:Field "(\w+)" )?|of (?:required|non-null) type )/s;

/**
 * The input field a refused variable is about, named as class-validator names it (the field
 * itself, e.g. `type` for `$i.type`), or the variable's name when the whole of it is wrong.
 */
export function refusedVariableField(message: string): string | undefined {
  const match = VARIABLE_ERROR.exec(message);
  if (!match) return undefined;
  const [, variable, at, field] = match;
  return field ?? (at ? at.split('.').pop()!.replace(/(\[\d+\])+$/, '') : variable);
}

/**
 * Shapes every error the API returns: known errors keep their message and code, anything else
 * becomes a generic INTERNAL_SERVER_ERROR. Stack traces never leave the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void = () => undefined): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = String(formatted.extensions?.code ?? '');
  const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
  const field = original instanceof AppError ? undefined : refusedVariableField(formatted.message);
  if (field) {
    // graphql-js refused a variable (missing, null, wrong type, unknown field or enum value): name the field, as validation does.
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ field, messages: [formatted.message] }] } };
  }
  if (/^Too many errors processing variables/.test(formatted.message)) {
    // graphql-js gives up after 50 refused values (e.g. a list of 500 bad enum values): the client's fault too.
    return { message: formatted.message, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [] } };
  }
  const constraint = constraintField(original);
  if (constraint) return { message: `Invalid input: ${constraint.field} (${constraint.message})`, path: formatted.path, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ field: constraint.field, messages: [constraint.message] }] } };
  if (code === 'BAD_REQUEST') {
    // Apollo's word for a request it cannot read (no query, a mutation over GET): to clients that is bad input too.
    return { message: formatted.message, extensions: { ...extensions, code: ErrorCode.BAD_USER_INPUT } };
  }
  const literal = code === 'GRAPHQL_VALIDATION_FAILED' ? literalField(error) : undefined;
  if (literal) {
    const message = `Invalid value for "${literal}": ${formatted.message}`;
    return { message, locations: formatted.locations, extensions: { ...extensions, fields: [{ field: literal, messages: [message] }] } };
  }
  if (original instanceof AppError || (CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) || REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  if (isDatabaseUnavailable(original)) {
    if (isReleasedRunner(original)) log(original);
    // Not a bug to log with a stack: the request could not reach the database. A transaction cut off
    // before its commit is rolled back by PostgreSQL, so nothing of it is half-written.
    return { message: DATABASE_UNAVAILABLE_MESSAGE, path: formatted.path, extensions: { code: ErrorCode.SERVICE_UNAVAILABLE } };
  }
  log(original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}

const camel = (column: string) => column.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/**
 * A database refusal that is the client's fault, with the field it is about: a reference to a row
 * that does not exist (23503) or a null where a value is required (23502).
 */
export function constraintField(error: unknown): { field: string; message: string } | undefined {
  const driver = (error as { driverError?: { code?: string; column?: string; detail?: string } } | undefined)?.driverError;
  if (driver?.code === '23503' && /is not present in table/.test(driver.detail ?? '')) {
    const column = /Key \((\w+)\)=/.exec(driver.detail ?? '')?.[1];
    if (column) return { field: camel(column), message: 'refers to a record that does not exist' };
  }
  if (driver?.code === '23502' && driver.column) return { field: camel(driver.column), message: 'must not be null' };
  return undefined;
}
