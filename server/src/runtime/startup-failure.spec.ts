import { EmbeddedPostgresError } from '../config/embedded-postgres';
import { ConfigError } from '../config/env';
import { startupFailure } from './startup-failure';

const systemError = (message: string, fields: Record<string, unknown>) => Object.assign(new Error(message), fields);

describe('startupFailure', () => {
  it('names a port in use and how to choose another', () => {
    const error = systemError('listen EADDRINUSE: address already in use :::3000', { code: 'EADDRINUSE', syscall: 'listen', port: 3000 });
    expect(startupFailure(error)).toEqual({ line: 'BCE CRM could not start: port 3000 is already in use (set PORT to use another)', foreseen: true });
  });

  it('names a port this user may not open', () => {
    const error = systemError('listen EACCES: permission denied 0.0.0.0:80', { code: 'EACCES', syscall: 'listen', port: 80 });
    expect(startupFailure(error).line).toBe('BCE CRM could not start: port 80 needs privileges this user does not have (set PORT to use another)');
  });

  it('names an unreachable database by the host in DATABASE_URL, never its password', () => {
    const error = systemError('connect ECONNREFUSED 127.0.0.1:5433', { code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1', port: 5433 });
    const failure = startupFailure(error, 'postgres://bce:s3cret@db.example.ac.uk:5433/bce');
    expect(failure).toEqual({ line: 'BCE CRM could not start: cannot reach the database at db.example.ac.uk:5433: ECONNREFUSED', foreseen: true });
  });

  it('falls back to the address in the error, and reads the first of an AggregateError', () => {
    const refused = systemError('connect ECONNREFUSED ::1:5432', { code: 'ECONNREFUSED', syscall: 'connect', address: '::1', port: 5432 });
    expect(startupFailure(new AggregateError([refused])).line).toBe('BCE CRM could not start: cannot reach the database at ::1:5432: ECONNREFUSED');
  });

  it('names a host that does not exist', () => {
    const error = systemError('getaddrinfo ENOTFOUND db.invalid', { code: 'ENOTFOUND', syscall: 'getaddrinfo', hostname: 'db.invalid' });
    expect(startupFailure(error, 'postgres://bce:x@db.invalid:5432/bce').line).toBe('BCE CRM could not start: cannot reach the database at db.invalid:5432: ENOTFOUND (no such host)');
  });

  it('explains a refused sign-in and a missing database', () => {
    const auth = systemError('password authentication failed for user "bce"', { code: '28P01' });
    expect(startupFailure(auth, 'postgres://bce:x@localhost:5432/bce').line)
      .toBe('BCE CRM could not start: the database at localhost:5432 refused to sign in: password authentication failed for user "bce" (check the user and password in DATABASE_URL)');
    const missing = systemError('database "crm" does not exist', { code: '3D000' });
    expect(startupFailure(missing, 'postgres://bce:x@localhost:5432/crm').line)
      .toBe('BCE CRM could not start: the database at localhost:5432 says: database "crm" does not exist (create it, or fix its name in DATABASE_URL)');
  });

  it('puts every bad setting of a ConfigError on the one line', () => {
    const error = new ConfigError('Invalid configuration:\n  PORT: PORT must be an integer number\n  DEMO_DATA: DEMO_DATA must be true or false');
    expect(startupFailure(error)).toEqual({
      line: 'BCE CRM could not start: invalid configuration: PORT: PORT must be an integer number; DEMO_DATA: DEMO_DATA must be true or false',
      foreseen: true,
    });
  });

  it("gives the embedded PostgreSQL's own reason", () => {
    const error = new EmbeddedPostgresError('the embedded PostgreSQL in /data/postgres did not start: FATAL: lock file "postmaster.pid" already exists');
    expect(startupFailure(error)).toEqual({ line: `BCE CRM could not start: ${error.message}`, foreseen: true });
  });

  it('gives the first line of anything else, marked as not foreseen', () => {
    expect(startupFailure(new TypeError('Cannot read properties of undefined\nmore detail'))).toEqual({
      line: 'BCE CRM could not start: Cannot read properties of undefined',
      foreseen: false,
    });
  });
});
