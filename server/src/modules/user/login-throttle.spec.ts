import { LoginThrottle, MAX_FAILURES_PER_EMAIL, MAX_FAILURES_PER_IP, WINDOW_MS } from './login-throttle';

describe(LoginThrottle.name, () => {
  const setup = () => {
    const sut = new LoginThrottle();
    let clock = 1_000_000;
    sut.now = () => clock;
    return { sut, advance: (ms: number) => (clock += ms) };
  };

  it('should refuse an email after five failures and allow it again after the window', () => {
    const { sut, advance } = setup();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL; i++) sut.recordFailure('A@x.ac.uk', '10.0.0.1');
    expect(() => sut.assertAllowed('a@x.ac.uk', '10.0.0.2')).toThrow(/Too many failed sign-in attempts/);
    advance(WINDOW_MS + 1);
    expect(() => sut.assertAllowed('a@x.ac.uk', '10.0.0.2')).not.toThrow();
  });

  it('should refuse an address trying many emails', () => {
    const { sut } = setup();
    for (let i = 0; i < MAX_FAILURES_PER_IP; i++) sut.recordFailure(`user${i}@x.ac.uk`, '10.0.0.9');
    expect(() => sut.assertAllowed('new@x.ac.uk', '10.0.0.9')).toThrow();
    expect(() => sut.assertAllowed('new@x.ac.uk', '10.0.0.8')).not.toThrow();
  });

  it('should clear an email after a success', () => {
    const { sut } = setup();
    for (let i = 0; i < MAX_FAILURES_PER_EMAIL - 1; i++) sut.recordFailure('b@x.ac.uk', '10.0.0.1');
    sut.recordSuccess('b@x.ac.uk');
    sut.recordFailure('b@x.ac.uk', '10.0.0.1');
    expect(() => sut.assertAllowed('b@x.ac.uk', '10.0.0.1')).not.toThrow();
  });
});
