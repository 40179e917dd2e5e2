// Summarises a V8 .cpuprofile (from `node --cpu-prof`): where the samples' self time went, by
// function and by package, and the inclusive time of the frames matching --focus.
//   node server/bench/cpu-profile.mjs FILE.cpuprofile [--top 30] [--focus TEXT] [--skip SECONDS] [--until SECONDS]
//   --skip, --until: only the samples between these seconds of the profile (leave out the server starting up, and the idle floor phase)
// To profile the server under the scale bench: BENCH_SERVER_CPU_PROF=DIR node server/bench/scale.bench.mjs …
import fs from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args, positionals: [file] } = parseArgs({ allowPositionals: true, options: { top: { type: 'string', default: '30' }, focus: { type: 'string', multiple: true }, skip: { type: 'string', default: '0' }, until: { type: 'string', default: 'Infinity' } } });
if (!file) throw new Error('usage: node server/bench/cpu-profile.mjs FILE.cpuprofile [--top N] [--focus TEXT]');
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const top = Number(args.top);

const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
// Sample i lasted timeDeltas[i + 1] microseconds (the last one's length is unknown: counted as the mean).
const self = new Map();
const deltas = profile.timeDeltas;
const mean = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length);
const [skip, until] = [Number(args.skip) * 1e6, Number(args.until) * 1e6];
let at = 0;
profile.samples.forEach((id, i) => {
  at += deltas[i];
  if (at >= skip && at < until) self.set(id, (self.get(id) ?? 0) + (deltas[i + 1] ?? mean));
});
const total = [...self.values()].reduce((a, b) => a + b, 0);

const where = (cf) => {
  const url = cf.url.replace(/^file:\/\//, '');
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  return { pkg: pkg ?? (url.includes('/dist/') ? 'app' : url.startsWith('node:') || !url ? (cf.functionName.startsWith('(') ? cf.functionName : 'node') : 'other'), url };
};
const label = (cf) => `${cf.functionName || '(anonymous)'} ${where(cf).url.split('/').slice(-2).join('/')}:${cf.lineNumber + 1}`;

const sum = (key) => {
  const m = new Map();
  for (const [id, t] of self) {
    const k = key(byId.get(id).callFrame);
    m.set(k, (m.get(k) ?? 0) + t);
  }
  return [...m].sort((a, b) => b[1] - a[1]);
};
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
const ms = (t) => `${(t / 1000).toFixed(0).padStart(7)} ms`;

console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled\n\nSelf time by package:`);
for (const [k, t] of sum((cf) => where(cf).pkg).slice(0, top)) console.log(`${ms(t)} ${pct(t)}  ${k}`);
console.log('\nSelf time by function:');
for (const [k, t] of sum(label).slice(0, top)) console.log(`${ms(t)} ${pct(t)}  ${k}`);

// Inclusive time: a sample counts for a frame once if the frame is anywhere on its stack.
for (const focus of args.focus ?? []) {
  const inclusive = new Map();
  for (const [id, t] of self) {
    const seen = new Set();
    for (let n = id; n !== undefined; n = parent.get(n)) {
      const k = label(byId.get(n).callFrame);
      if (k.includes(focus) && !seen.has(k)) {
        seen.add(k);
        inclusive.set(k, (inclusive.get(k) ?? 0) + t);
      }
    }
  }
  console.log(`\nInclusive time of frames matching "${focus}":`);
  for (const [k, t] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(t)} ${pct(t)}  ${k}`);
}
