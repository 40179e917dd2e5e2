import { GraphQLError } from 'graphql';
import { AppError, badInput, ErrorCode, formatError } from './errors';

describe('formatError', () => {
  it('should keep an AppError message, code and fields but drop the stack trace', () => {
    const err = badInput([{ field: 'postcode', messages: ['postcode must be a valid UK postcode'] }]);
    const out = formatError({ message: err.message, extensions: { ...err.extensions, stacktrace: ['at x'] } }, err);
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'postcode', messages: ['postcode must be a valid UK postcode'] }] });
  });

  it('should hide an unexpected error behind INTERNAL_SERVER_ERROR and log it', () => {
    const logged: unknown[] = [];
    const cause = new Error('relation "x" does not exist');
    const wrapped = new GraphQLError(cause.message, { originalError: cause });
    const out = formatError({ message: cause.message, extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['secret'] } }, wrapped, (e) => logged.push(e));
    expect(out).toEqual({ message: 'Internal server error', path: undefined, extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR } });
    expect(logged).toEqual([cause]);
  });

  it('should pass graphql validation errors through', () => {
    const out = formatError({ message: 'Cannot query field "x"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, new GraphQLError('x'));
    expect(out.message).toBe('Cannot query field "x"');
  });

  it('should expose the code on AppError', () => {
    expect(new AppError(ErrorCode.CONFLICT, 'stale').extensions.code).toBe('CONFLICT');
  });
});

describe('formatError for refused variables', () => {
  it('turns a graphql-js variable coercion error into BAD_USER_INPUT naming the input field', () => {
    const message = 'Variable "$i" got invalid value "spaceship" at "i.type"; Value "spaceship" does not exist in "OrganisationType" enum.';
    const out = formatError({ message, extensions: { code: 'INTERNAL_SERVER_ERROR' } }, new GraphQLError(message));
    expect(out.extensions).toEqual({ code: 'BAD_USER_INPUT', fields: [{ field: 'type', messages: [message] }] });
  });

  it('names the variable itself when the whole variable is wrong', () => {
    const message = 'Variable "$first" got invalid value "ten"; Int cannot represent non-integer value: "ten"';
    const out = formatError({ message, extensions: {} }, new GraphQLError(message));
    expect(out.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'first' }] });
  });
});
