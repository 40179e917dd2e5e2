// A fixed-concurrency load loop with latency percentiles (autocannon is not installed here).
import { performance } from 'node:perf_hooks';

export const percentile = (sorted, p) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN);

/**
 * Calls `call(i)` `requests` times with `concurrency` in flight (after `warmup` sequential calls),
 * or fewer if `seconds` run out first (no new call starts after that),
 * and returns latency percentiles in ms and the throughput. A call that times itself resolves to
 * its own milliseconds (a number). A failing call stops the run: its error is returned, not timed.
 */
export async function measure(call, { requests, concurrency, warmup = 0, seconds: budget = Infinity }) {
  for (let i = 0; i < warmup; i++) await call(-1 - i);
  const times = [];
  let next = 0;
  let error = null;
  const started = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, requests) }, async () => {
    while (next < requests && !error && (performance.now() - started) / 1000 < budget) {
      const i = next++;
      const t = performance.now();
      let result;
      try {
        result = await call(i);
      } catch (e) {
        error ??= e;
        return;
      }
      times.push(typeof result === 'number' ? result : performance.now() - t);
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return {
    requests: times.length, concurrency, error: error ? String(error.message ?? error) : null,
    p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), max: times[times.length - 1] ?? NaN,
    perSecond: times.length / seconds,
  };
}
