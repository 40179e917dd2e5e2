/**
 * Turns whatever an Apollo call threw (a CombinedGraphQLErrors, an HttpErrorResponse whose body
 * holds GraphQL errors, a network failure) into one shape the UI can show: the stable code from
 * `extensions.code`, a message, and per-field messages from BAD_USER_INPUT's `extensions.fields`.
 */
import { SaveTimeoutError } from './save-timeout';

export type ApiErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'BAD_USER_INPUT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE'
  | 'INTERNAL_SERVER_ERROR'
  | 'NETWORK'
  | 'TIMEOUT'
  | 'UNKNOWN';

export interface ApiError {
  code: ApiErrorCode;
  message: string;
  /** Field name (e.g. "postcode") → messages; empty when the server named no field. */
  fields: Record<string, string[]>;
}

interface GraphqlErrorLike {
  message?: unknown;
  extensions?: Record<string, unknown> | null;
}

const KNOWN_CODES = new Set<string>([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'BAD_USER_INPUT',
  'TOO_MANY_REQUESTS',
  'SERVICE_UNAVAILABLE',
  'INTERNAL_SERVER_ERROR',
]);

// The most specific code wins when a response carries several errors.
const PRIORITY: ApiErrorCode[] = ['UNAUTHENTICATED', 'CONFLICT', 'BAD_USER_INPUT', 'FORBIDDEN', 'NOT_FOUND', 'TOO_MANY_REQUESTS', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR'];

export const NETWORK_MESSAGE = 'Cannot reach the server. Check your connection and try again.';
export const UNKNOWN_MESSAGE = 'Something went wrong. Try again in a moment.';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The GraphQL errors carried by an Apollo error, an HTTP error body, or a raw result. */
export function graphqlErrorsOf(error: unknown): GraphqlErrorLike[] {
  if (!isRecord(error)) return [];
  const candidates = [error['errors'], isRecord(error['error']) ? error['error']['errors'] : undefined, isRecord(error['result']) ? error['result']['errors'] : undefined];
  for (const candidate of candidates) {
    if (Array.isArray(candidate) && candidate.length) return candidate.filter(isRecord) as GraphqlErrorLike[];
  }
  return [];
}

/** A field path as the server names it ("input.postcode", "postcode") → the form's field name. */
export function fieldKey(path: string): string {
  const parts = path.split('.').filter(Boolean);
  return parts.length ? parts[parts.length - 1] : path;
}

function addMessages(into: Record<string, string[]>, field: unknown, messages: unknown): void {
  if (typeof field !== 'string' || !field) return;
  const list = (Array.isArray(messages) ? messages : [messages]).filter((m): m is string => typeof m === 'string' && m.length > 0);
  if (!list.length) return;
  const key = fieldKey(field);
  into[key] = [...(into[key] ?? []), ...list.filter((m) => !(into[key] ?? []).includes(m))];
}

/**
 * `extensions.fields` in either shape the server may send: an object `{ postcode: ['…'] }` or a
 * list `[{ field: 'postcode', messages: ['…'] }]`.
 */
export function fieldMessages(fields: unknown): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  if (Array.isArray(fields)) {
    for (const entry of fields) if (isRecord(entry)) addMessages(out, entry['field'] ?? entry['name'] ?? entry['path'], entry['messages'] ?? entry['message']);
  } else if (isRecord(fields)) {
    for (const [field, messages] of Object.entries(fields)) addMessages(out, field, messages);
  }
  return out;
}

function isNetworkFailure(error: unknown): boolean {
  if (!isRecord(error)) return false;
  const status = error['status'] ?? error['statusCode'];
  if (status === 0) return true;
  const name = String(error['name'] ?? '');
  return name === 'TypeError' && /fetch|network/i.test(String(error['message'] ?? ''));
}

export function toApiError(error: unknown): ApiError {
  const errors = graphqlErrorsOf(error);
  if (!errors.length) {
    if (error instanceof SaveTimeoutError) return { code: 'TIMEOUT', message: error.message, fields: {} };
    if (isNetworkFailure(error)) return { code: 'NETWORK', message: NETWORK_MESSAGE, fields: {} };
    const status = isRecord(error) ? Number(error['statusCode'] ?? error['status']) : NaN;
    if (status === 401) return { code: 'UNAUTHENTICATED', message: 'Sign in to continue', fields: {} };
    if (status === 429) return { code: 'TOO_MANY_REQUESTS', message: 'Too many requests. Try again in a few minutes.', fields: {} };
    return { code: 'UNKNOWN', message: UNKNOWN_MESSAGE, fields: {} };
  }
  const codeOf = (e: GraphqlErrorLike): ApiErrorCode => {
    const code = String(e.extensions?.['code'] ?? '');
    return KNOWN_CODES.has(code) ? (code as ApiErrorCode) : 'UNKNOWN';
  };
  const chosen = PRIORITY.map((code) => errors.find((e) => codeOf(e) === code)).find(Boolean) ?? errors[0];
  const code = codeOf(chosen);
  const fields: Record<string, string[]> = {};
  for (const e of errors) for (const [field, messages] of Object.entries(fieldMessages(e.extensions?.['fields']))) addMessages(fields, field, messages);
  const message =
    code === 'INTERNAL_SERVER_ERROR' || code === 'UNKNOWN' || typeof chosen.message !== 'string' || !chosen.message
      ? UNKNOWN_MESSAGE
      : chosen.message;
  return { code, message, fields };
}

/** True when any GraphQL error in `error` carries `code`. */
export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return graphqlErrorsOf(error).some((e) => e.extensions?.['code'] === code);
}

/** Every field message of a failed save as a list, or the error's own message when it has none. */
export function problemList(error: ApiError): string[] {
  const messages = Object.values(error.fields).flat();
  return messages.length ? messages : [error.message];
}
