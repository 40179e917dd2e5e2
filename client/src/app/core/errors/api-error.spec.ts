import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { describe, expect, it } from 'vitest';
import { fieldKey, fieldMessages, hasErrorCode, NETWORK_MESSAGE, toApiError, UNKNOWN_MESSAGE } from './api-error';

describe('toApiError', () => {
  it('reads the code, message and object-shaped field messages of BAD_USER_INPUT', () => {
    const error = new CombinedGraphQLErrors({
      data: null,
      errors: [
        {
          message: 'Invalid input',
          extensions: { code: 'BAD_USER_INPUT', fields: { postcode: ['postcode must be a valid UK postcode, e.g. NE1 7RU'], website: ['bad'] } },
        },
      ],
    });
    const api = toApiError(error);
    expect(api.code).toBe('BAD_USER_INPUT');
    expect(api.fields).toEqual({ postcode: ['postcode must be a valid UK postcode, e.g. NE1 7RU'], website: ['bad'] });
  });

  it('accepts the list shape [{ field, messages }] and strips an "input." prefix', () => {
    const api = toApiError({
      errors: [{ message: 'x', extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'input.companiesHouseNumber', messages: ['taken'] }] } }],
    });
    expect(api.fields).toEqual({ companiesHouseNumber: ['taken'] });
  });

  it('prefers CONFLICT over a generic error in the same response', () => {
    const api = toApiError({
      errors: [
        { message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
        { message: 'stale version', extensions: { code: 'CONFLICT' } },
      ],
    });
    expect(api.code).toBe('CONFLICT');
    expect(api.message).toBe('stale version');
  });

  it('never shows an internal error message to the user', () => {
    const api = toApiError({ errors: [{ message: 'relation "x" does not exist', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(api.message).toBe(UNKNOWN_MESSAGE);
  });

  it('reads GraphQL errors from an HTTP error body (HttpErrorResponse.error)', () => {
    const api = toApiError({ status: 400, error: { errors: [{ message: 'Too many', extensions: { code: 'TOO_MANY_REQUESTS' } }] } });
    expect(api).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Too many', fields: {} });
  });

  it('reports a failed connection as NETWORK', () => {
    expect(toApiError({ status: 0, message: 'Http failure response' })).toEqual({ code: 'NETWORK', message: NETWORK_MESSAGE, fields: {} });
  });

  it('treats an unrecognised code as UNKNOWN', () => {
    expect(toApiError({ errors: [{ message: 'odd', extensions: { code: 'SOMETHING_ELSE' } }] }).code).toBe('UNKNOWN');
  });
});

describe('fieldMessages', () => {
  it('drops empty and non-string messages and merges duplicates', () => {
    expect(fieldMessages([{ field: 'name', messages: ['a', '', 3] }, { field: 'name', messages: ['a', 'b'] }])).toEqual({ name: ['a', 'b'] });
  });

  it('returns nothing for a missing fields extension', () => {
    expect(fieldMessages(undefined)).toEqual({});
  });
});

describe('fieldKey', () => {
  it('keeps the last path segment', () => {
    expect(fieldKey('input.postcode')).toBe('postcode');
    expect(fieldKey('name')).toBe('name');
  });
});

describe('hasErrorCode', () => {
  it('finds a code among several errors', () => {
    const error = { errors: [{ message: 'a', extensions: { code: 'FORBIDDEN' } }, { message: 'b', extensions: { code: 'UNAUTHENTICATED' } }] };
    expect(hasErrorCode(error, 'UNAUTHENTICATED')).toBe(true);
    expect(hasErrorCode(error, 'CONFLICT')).toBe(false);
  });
});
