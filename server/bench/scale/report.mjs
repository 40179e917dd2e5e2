// The results table on the terminal and the JSON file.
import fs from 'node:fs';
import path from 'node:path';

const ms = (n) => (Number.isFinite(n) ? n.toFixed(n < 10 ? 2 : 1) : '-');
const COLUMNS = [['operation', 52], ['n', 5], ['GQL p50', 9], ['p95', 9], ['p99', 9], ['req/s', 8], ['floor p50', 10], ['p95', 9], ['ratio', 7], ['srv CPU', 8]];

export function header() {
  const line = COLUMNS.map(([name, width], i) => (i ? name.padStart(width) : name.padEnd(width))).join(' ');
  return `${line}\n${'-'.repeat(line.length)}`;
}

export function row(r) {
  if (r.error) return `${r.name.padEnd(52)} FAILED: ${r.error}`;
  const cells = [String(r.graphql.requests), ms(r.graphql.p50), ms(r.graphql.p95), ms(r.graphql.p99), r.graphql.perSecond.toFixed(1), ms(r.floor.p50), ms(r.floor.p95), `${r.ratio.toFixed(1)}×`, ms(r.graphql.serverCpuMs ?? NaN)];
  const line = [r.name.slice(0, 52).padEnd(52), ...cells.map((c, i) => c.padStart(COLUMNS[i + 1][1]))].join(' ');
  return r.sameData === true || r.sameData === null || r.sameData === undefined ? line : `${line}  (floor and API disagree: ${r.sameData === false ? 'different data' : r.sameData})`;
}

export function writeJson(file, report) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
}
