import { PollingLoop } from './polling-loop';

const tick = () => new Promise((r) => setImmediate(r));

describe('PollingLoop', () => {
  it('runs again at once while there is work, sleeps when there is none, and wakes early', async () => {
    let work = 3;
    let calls = 0;
    const loop = new PollingLoop(async () => { calls++; return work-- > 0; }, 60_000, () => undefined);
    loop.start();
    for (let i = 0; i < 10; i++) await tick();
    expect(calls).toBe(4); // three with work, one that found none and went to sleep
    work = 1;
    loop.wake();
    for (let i = 0; i < 10; i++) await tick();
    expect(calls).toBe(6);
    await loop.stop();
    expect(loop.stopped).toBe(true);
  });

  it('reports a failing step and carries on after the idle sleep', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const loop = new PollingLoop(async () => { calls++; if (calls === 1) throw new Error('boom'); return false; }, 1, (e) => errors.push(e));
    loop.start();
    while (calls < 2) await new Promise((r) => setTimeout(r, 5));
    await loop.stop();
    expect((errors[0] as Error).message).toBe('boom');
  });

  it('stop waits for the step under way', async () => {
    let finished = false;
    const loop = new PollingLoop(async () => { await new Promise((r) => setTimeout(r, 20)); finished = true; return true; }, 1, () => undefined);
    loop.start();
    await tick();
    await loop.stop();
    expect(finished).toBe(true);
  });
});
