import { GraphQLError, GraphQLFormattedError } from 'graphql';

/** The stable `extensions.code` values clients rely on (API.md). */
export enum ErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
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
export const forbidden = (message = 'You do not have permission to do this') => new AppError(ErrorCode.FORBIDDEN, message);
export const notFound = (what: string, id: string) => new AppError(ErrorCode.NOT_FOUND, `${what} ${id} was not found`);
export const conflict = (message: string, extra: Record<string, unknown> = {}) => new AppError(ErrorCode.CONFLICT, message, extra);
export const badInput = (fields: FieldError[]) =>
  new AppError(ErrorCode.BAD_USER_INPUT, `Invalid input: ${fields.map((f) => `${f.field} (${f.messages.join('; ')})`).join(', ')}`, { fields });
export const badField = (field: string, message: string) => badInput([{ field, messages: [message] }]);

// Codes that graphql-js and Apollo raise for malformed requests: safe to pass through.
const REQUEST_ERROR_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'OPERATION_RESOLUTION_FAILURE']);
// e.g. Variable "$i" got invalid value "x" at "i.type"; …  or  Variable "$first" got invalid value …
const VARIABLE_ERROR = /^Variable "\$(\w+)" got invalid value .*?(?: at "([\w.[\]]+)")?;/;
const CLIENT_CODES = new Set<string>(Object.values(ErrorCode));

/**
 * Shapes every error the API returns: known errors keep their message and code, anything else
 * becomes a generic INTERNAL_SERVER_ERROR. Stack traces never leave the server.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown, log: (e: unknown) => void = () => undefined): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const code = String(formatted.extensions?.code ?? '');
  const { stacktrace: _drop, ...extensions } = formatted.extensions ?? {};
  if (original instanceof AppError || (CLIENT_CODES.has(code) && code !== ErrorCode.INTERNAL_SERVER_ERROR) || REQUEST_ERROR_CODES.has(code)) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions };
  }
  const variableError = VARIABLE_ERROR.exec(formatted.message);
  if (variableError) {
    // graphql-js refused a variable (wrong type, unknown enum value): name the input field it was about.
    const field = (variableError[2] ?? variableError[1]).split('.').pop()!.replace(/\[\d+\]$/, '');
    return { message: formatted.message, locations: formatted.locations, extensions: { code: ErrorCode.BAD_USER_INPUT, fields: [{ field, messages: [formatted.message] }] } };
  }
  log(original);
  return { message: 'Internal server error', path: formatted.path, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } };
}
