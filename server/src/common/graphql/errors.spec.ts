import { GraphQLError } from 'graphql';
import { buildSchema, parse, validate } from 'graphql';
import { AppError, badInput, constraintField, ErrorCode, formatError, isDatabaseUnavailable, refusedVariableField } from './errors';

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

describe('refusedVariableField', () => {
  it.each([
    ['Variable "$i" of required type "CreateOrganisationInput!" was not provided.', 'i'],
    ['Variable "$i" of non-null type "CreateOrganisationInput!" must not be null.', 'i'],
    ['Variable "$i" got invalid value { type: "employer" }; Field "name" of required type "String!" was not provided.', 'name'],
    ['Variable "$i" got invalid value { colour: "red" }; Field "colour" is not defined by type "CreateOrganisationInput". Did you mean "town"?', 'colour'],
    ['Variable "$i" got invalid value null at "i.name"; Expected non-nullable type "String!" not to be null.', 'name'],
    ['Variable "$i" got invalid value "x" at "i.instalments[0].valuePence"; Pence must be a JSON number of pence, e.g. 1250000', 'valuePence'],
    ['Variable "$i" got invalid value 7 at "i.tags[2]"; String cannot represent a non string value: 7', 'tags'],
  ])('%s → %s', (message, field) => {
    expect(refusedVariableField(message)).toBe(field);
  });

  it('is undefined for any other message', () => {
    expect(refusedVariableField('Cannot query field "x" on type "Query".')).toBeUndefined();
    expect(refusedVariableField('relation "x" does not exist')).toBeUndefined();
  });
});

describe('formatError for requests Apollo cannot read', () => {
  it('reports BAD_REQUEST (no query, a mutation over GET) as BAD_USER_INPUT', () => {
    const message = 'GraphQL operations must contain a non-empty `query` or a `persistedQuery` extension.';
    const out = formatError({ message, extensions: { code: 'BAD_REQUEST' } }, new GraphQLError(message));
    expect(out).toEqual({ message, extensions: { code: ErrorCode.BAD_USER_INPUT } });
  });
});

describe('formatError for bad values written in the query', () => {
  const schema = buildSchema('type Query { count(first: Int): Int }');
  const format = (query: string) => {
    const [error] = validate(schema, parse(query));
    return formatError({ message: error.message, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }, error);
  };

  it('names the argument', () => {
    const out = format('{ count(first: "ten") }');
    expect(out.message).toBe('Invalid value for "first": Int cannot represent non-integer value: "ten"');
    expect(out.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED', fields: [{ field: 'first', messages: [out.message] }] });
  });

  it('leaves other validation errors as they are', () => {
    expect(format('{ count(last: 1) }').message).toBe('Unknown argument "last" on field "Query.count".');
  });
});

describe('isDatabaseUnavailable', () => {
  it('should recognise a lost or refused database connection, as pg and TypeORM report it', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable({ name: 'QueryFailedError', message: 'terminating connection due to administrator command', driverError: { code: '57P01' } })).toBe(true);
    expect(isDatabaseUnavailable({ name: 'QueryRunnerAlreadyReleasedError', message: 'Query runner already released.' })).toBe(true);
    expect(isDatabaseUnavailable({ code: '08006', message: 'connection failure' })).toBe(true);
    // graphql-js's description of a thrown value that is not an Error (a driver error from another realm).
    expect(isDatabaseUnavailable(new Error('Unexpected error value: { errno: -111, code: "ECONNREFUSED", syscall: "connect", address: "127.0.0.1", port: 5432 }'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Unexpected error value: { code: "23505", detail: "ECONNREFUSED" }'))).toBe(false);
  });

  it('should not excuse a real fault in the request as an outage', () => {
    expect(isDatabaseUnavailable({ name: 'QueryFailedError', message: 'duplicate key', driverError: { code: '23505' } })).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("Cannot read properties of undefined (reading 'id')"))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
  });

  it('should answer SERVICE_UNAVAILABLE for it, not an internal error', () => {
    const formatted = formatError({ message: 'x' }, Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }));
    expect(formatted).toEqual({ message: 'The database is not available at the moment. Try again shortly.', path: undefined, extensions: { code: 'SERVICE_UNAVAILABLE' } });
  });
});

describe('database refusals that are the client\'s fault (found by fuzzing)', () => {
  const pg = (driverError: Record<string, string>) => ({ driverError });

  it('a reference to a missing row names the field', () => {
    const err = pg({ code: '23503', detail: 'Key (owner_id)=(4ef6dab7-10c2-19c9-8000-0008af7713d9) is not present in table "users".' });
    expect(constraintField(err)).toEqual({ field: 'ownerId', message: 'refers to a record that does not exist' });
    const out = formatError({ message: 'insert or update violates foreign key', path: ['createContact'] }, new GraphQLError('x', { originalError: err as unknown as Error }));
    expect(out.extensions).toEqual({ code: ErrorCode.BAD_USER_INPUT, fields: [{ field: 'ownerId', messages: ['refers to a record that does not exist'] }] });
  });

  it('a null for a required column names the field', () => {
    expect(constraintField(pg({ code: '23502', column: 'marketing_opt_in' }))).toEqual({ field: 'marketingOptIn', message: 'must not be null' });
  });

  it('a row still referenced elsewhere, or any other database error, stays internal', () => {
    expect(constraintField(pg({ code: '23503', detail: 'Key (id)=(1) is still referenced from table "x".' }))).toBeUndefined();
    expect(constraintField(pg({ code: '42P01' }))).toBeUndefined();
    expect(formatError({ message: 'boom' }, new GraphQLError('boom', { originalError: new Error('boom') })).extensions).toEqual({ code: ErrorCode.INTERNAL_SERVER_ERROR });
  });

  it('graphql-js giving up after too many bad variable values is BAD_USER_INPUT', () => {
    const message = 'Too many errors processing variables, error limit reached. Execution aborted.';
    expect(formatError({ message }, new GraphQLError(message)).extensions?.code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
