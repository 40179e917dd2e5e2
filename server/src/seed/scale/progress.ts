/** A one-line progress bar on a terminal; elsewhere (CI, logs) one line when each table is done. */
export interface Progress {
  start(label: string, total: number): void;
  tick(done: number): void;
  end(seconds: number): void;
}

const WIDTH = 30;
const fmt = (n: number) => n.toLocaleString('en-GB');

export function progressBar(out: NodeJS.WriteStream = process.stderr): Progress {
  let label = '';
  let total = 0;
  let started = 0;
  const tty = !!out.isTTY;
  return {
    start(l, t) {
      label = l.padEnd(24);
      total = t;
      started = Date.now();
    },
    tick(done) {
      if (!tty) return;
      const share = total ? done / total : 1;
      const bar = '#'.repeat(Math.round(share * WIDTH)).padEnd(WIDTH, '.');
      const rate = done / Math.max(0.001, (Date.now() - started) / 1000);
      out.write(`\r${label} [${bar}] ${String(Math.round(share * 100)).padStart(3)}% ${fmt(done)}/${fmt(total)}  ${fmt(Math.round(rate))} rows/s `);
    },
    end(seconds) {
      out.write(`${tty ? '\r' : ''}${label} ${fmt(total).padStart(11)} rows in ${seconds.toFixed(1).padStart(6)} s${' '.repeat(tty ? 40 : 0)}\n`);
    },
  };
}

/** Says nothing (tests). */
export const silentProgress: Progress = { start: () => undefined, tick: () => undefined, end: () => undefined };
