import { RATE_WINDOW_MS, RequestRateLimit } from './request-rate-limit';

describe(RequestRateLimit.name, () => {
  const setup = (perMinute: number, startAt = 10 * RATE_WINDOW_MS) => {
    let clock = startAt;
    const sut = new RequestRateLimit(perMinute, () => clock);
    return { sut, advance: (ms: number) => (clock += ms) };
  };

  it('should allow the limit and refuse the next request, saying when to retry', () => {
    const { sut } = setup(3);
    for (let i = 0; i < 3; i++) sut.take('user:a');
    expect(() => sut.take('user:a')).toThrow(/Too many requests: at most 3 a minute\. Try again in 60 s\./);
  });

  it('should count each caller on its own', () => {
    const { sut } = setup(1);
    sut.take('user:a');
    expect(() => sut.take('user:b')).not.toThrow();
    expect(() => sut.take('user:a')).toThrow();
  });

  it('should not let a burst at the end of a window double the limit in the next', () => {
    const { sut, advance } = setup(10);
    advance(RATE_WINDOW_MS - 1000);
    for (let i = 0; i < 10; i++) sut.take('k');
    advance(2000); // a new window, but the past minute still holds the burst: one more at most
    expect(() => {
      sut.take('k');
      sut.take('k');
    }).toThrow();
  });

  it('should allow the caller again once the past minute is quiet', () => {
    const { sut, advance } = setup(5);
    for (let i = 0; i < 5; i++) sut.take('k');
    advance(2 * RATE_WINDOW_MS);
    expect(() => sut.take('k')).not.toThrow();
  });

  it('should answer 429 with Retry-After', () => {
    const { sut } = setup(1);
    sut.take('k');
    try {
      sut.take('k');
      throw new Error('not refused');
    } catch (e: any) {
      expect(e.extensions.code).toBe('TOO_MANY_REQUESTS');
      expect(e.extensions.http.status).toBe(429);
      expect(e.extensions.http.headers.get('retry-after')).toBe('60');
    }
  });

  it('should never refuse when switched off', () => {
    const { sut } = setup(0);
    for (let i = 0; i < 10_000; i++) sut.take('k');
  });
});
