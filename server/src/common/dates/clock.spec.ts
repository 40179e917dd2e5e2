import { now, pinClock } from './clock';
import { ukToday } from './uk-dates';

describe('clock', () => {
  afterEach(() => pinClock(null));

  it('should run with the real time when not pinned', () => {
    const before = Date.now();
    const t = now().getTime();
    expect(t).toBeGreaterThanOrEqual(before);
    expect(t).toBeLessThanOrEqual(Date.now());
  });

  it('should stand still where a test pins it, and ukToday() follow it', () => {
    pinClock('2026-07-31T23:30:00Z');
    expect(now().toISOString()).toBe('2026-07-31T23:30:00.000Z');
    expect(ukToday()).toBe('2026-08-01');
  });

  it('should hand out copies, so a caller cannot move the pinned time', () => {
    pinClock('2026-03-29T00:30:00Z');
    now().setUTCFullYear(1999);
    expect(now().toISOString()).toBe('2026-03-29T00:30:00.000Z');
  });

  it('should refuse something that is not an instant', () => {
    expect(() => pinClock('31/07/2026')).toThrow('not an instant');
  });
});
