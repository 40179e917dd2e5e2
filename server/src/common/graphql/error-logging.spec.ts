import { GraphQLError } from 'graphql';
import type { Logger } from 'pino';
import { errorLoggingPlugin } from './error-logging';
import { badField } from './errors';

const recorder = () => {
  const lines: Array<{ err: unknown; msg: string }> = [];
  return { lines, log: { error: (obj: { err: unknown }, msg: string) => lines.push({ err: obj.err, msg }) } as unknown as Logger };
};

async function encounter(contextValue: { req?: { log?: Logger } }, errors: GraphQLError[], fallback: Logger) {
  const hooks = await errorLoggingPlugin(fallback).requestDidStart!({} as never);
  await hooks!.didEncounterErrors!({ contextValue, errors } as never);
}

describe('logging the errors a client sees only as generic ones', () => {
  it("logs a bug with the request's own logger (its line has the request id), and nothing the client was meant to see", async () => {
    const request = recorder();
    const fallback = recorder();
    const bug = new Error('relation "x" does not exist');
    await encounter({ req: { log: request.log } }, [new GraphQLError(bug.message, { originalError: bug }), badField('name', 'name is required')], fallback.log);
    expect(request.lines).toEqual([{ err: bug, msg: 'unexpected error' }]);
    expect(fallback.lines).toEqual([]);
  });

  it('falls back to the app logger when the request has none', async () => {
    const fallback = recorder();
    const bug = new Error('boom');
    await encounter({}, [new GraphQLError(bug.message, { originalError: bug })], fallback.log);
    expect(fallback.lines).toEqual([{ err: bug, msg: 'unexpected error' }]);
  });
});
