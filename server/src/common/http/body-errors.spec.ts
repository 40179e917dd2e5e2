import { bodyErrorHandler } from './body-errors';

function answer(err: unknown) {
  const res = { statusCode: 0, body: undefined as unknown, status(code: number) { this.statusCode = code; return this; }, json(body: unknown) { this.body = body; return this; } };
  const passed: unknown[] = [];
  bodyErrorHandler(err, {} as never, res as never, (e?: unknown) => passed.push(e));
  return { res, passed };
}

describe('bodyErrorHandler', () => {
  it('answers malformed JSON with 400 and a GraphQL error body', () => {
    const { res, passed } = answer(Object.assign(new SyntaxError('Unexpected end of JSON input'), { type: 'entity.parse.failed', status: 400 }));
    expect(passed).toEqual([]);
    expect(res.statusCode).toBe(400);
    expect(res.body).toEqual({ errors: [{ message: 'The request body is not valid JSON: Unexpected end of JSON input', extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('answers a body over the limit with 413 naming the limit', () => {
    const { res } = answer(Object.assign(new Error('request entity too large'), { type: 'entity.too.large', status: 413, limit: 1048576 }));
    expect(res.statusCode).toBe(413);
    expect(res.body).toEqual({ errors: [{ message: 'The request body is too large: at most 1048576 bytes', extensions: { code: 'BAD_USER_INPUT' } }] });
  });

  it('passes on any other error, a server fault included', () => {
    const fault = Object.assign(new Error('stream encoding should not be set'), { type: 'stream.encoding.set', status: 500 });
    const plain = new Error('boom');
    expect(answer(fault).passed).toEqual([fault]);
    expect(answer(plain).passed).toEqual([plain]);
  });
});
