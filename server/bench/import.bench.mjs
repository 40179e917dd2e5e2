// Importing a 100,000-row organisations spreadsheet (XLSX, as departments send them) into an
// institution that already holds 20,000 organisations: 10 % of the rows are near-duplicates of
// earlier rows ("Ltd"/"Limited", "&"/"and", capitals, stray spaces) and 2 % are organisations the
// database already has (by Companies House number or website). Prints rows/s for reading,
// preview and commit, and the process's peak memory in each; asserts nothing.
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { withBenchApp } from './bench-app.mjs';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 100_000);
const EXISTING = Number(process.env.BENCH_ORGANISATIONS ?? 20_000);
const mb = (bytes) => `${Math.round(bytes / 1024 / 1024)} MB`;

// Pronounceable, distinct words: 20 × 20 syllable pairs.
const SYL = ['tar', 'ven', 'ox', 'bel', 'mor', 'kin', 'dal', 'sor', 'vy', 'lum', 'gre', 'hal', 'pen', 'ros', 'tyn', 'wex', 'ard', 'cal', 'fen', 'bri'];
const WORDS = SYL.flatMap((a) => SYL.map((b) => a[0].toUpperCase() + a.slice(1) + b));
const TRADES = ['Engineering', 'Robotics', 'Foods', 'Logistics', 'Digital', 'Care', 'Construction', 'Design', 'Energy', 'Textiles',
  'Analytics', 'Motors', 'Print', 'Pharma', 'Software', 'Marine', 'Aerospace', 'Plastics', 'Media', 'Timber',
  'Metals', 'Optics', 'Brewing', 'Ceramics', 'Security', 'Fabrication', 'Controls', 'Labs', 'Studios', 'Holdings'];
const SUFFIX = ['Ltd', 'Limited', 'plc', 'LLP', '& Co', 'Group', ''];
const AREAS = ['NE', 'DH', 'SR', 'TS', 'DL', 'CA', 'LS', 'YO', 'M', 'B', 'L', 'S'];

function row(i) {
  const name = `${WORDS[i % WORDS.length]} ${WORDS[Math.floor(i / WORDS.length) % WORDS.length]} ${TRADES[i % TRADES.length]} ${SUFFIX[i % SUFFIX.length]}`.trim();
  const area = AREAS[i % AREAS.length];
  return { name, postcode: `${area}${1 + (i % 9)} ${1 + (i % 8)}AB`, website: i % 3 === 0 ? `https://www.${name.toLowerCase().replace(/[^a-z]+/g, '')}.co.uk` : '' };
}

/** A near-duplicate of an earlier row, written as another department would. */
function nearDuplicate(r, i) {
  const variants = [
    (n) => n.toUpperCase(),
    (n) => n.replace(/\bLtd\b/, 'Limited').replace(/& Co$/, 'and Co'),
    (n) => `  ${n.replace(/ /g, '  ')} `,
    (n) => n.replace(/\bLimited\b/, 'Ltd.').toLowerCase(),
  ];
  return { ...r, name: variants[i % variants.length](r.name), website: '' };
}

async function writeSpreadsheet(file) {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false });
  const sheet = wb.addWorksheet('Employers');
  sheet.addRow(['Company', 'Companies House No', 'Website', 'Postcode', 'Sector', 'Employees', 'Since']).commit();
  for (let i = 0; i < ROWS; i++) {
    let r = row(i + 1);
    let ch = '';
    if (i % 10 === 9 && i > 20) {
      // 10 %: repeats an earlier row that is itself an original (not a repeat).
      const k = Math.floor(i / 2) - (Math.floor(i / 2) % 10 === 9 ? 1 : 0);
      r = nearDuplicate(row(k + 1), i);
    }
    else if (i % 50 === 7) ch = String(1 + (i % EXISTING)).padStart(8, '0'); // 2 %: an organisation already held
    sheet.addRow([r.name, ch, r.website, r.postcode, ['C', 'Manufacturing', 'J', '62012', ''][i % 5], [12, '10-49', 'Small', 300, ''][i % 5], 45000 + (i % 1000)]).commit();
  }
  await wb.commit();
}

const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bce-import-bench-')), 'employers.xlsx');
const t0 = performance.now();
await writeSpreadsheet(file);
console.log(`spreadsheet: ${ROWS.toLocaleString('en-GB')} rows, ${mb(fs.statSync(file).size)} XLSX, written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

await withBenchApp(`${EXISTING.toLocaleString('en-GB')} organisations already held`, async (db) => {
  await db.query(`INSERT INTO departments (name, code) VALUES ('Business School', 'BUS')`);
  await db.query(`
    INSERT INTO organisations (name, type, companies_house_number, website, postcode)
    SELECT 'Existing Employer ' || i || ' Ltd', 'employer', lpad(i::text, 8, '0'), 'https://existing' || i || '.org.uk', 'NE' || (1 + i % 9) || ' 1AA'
      FROM generate_series(1, $1) i`, [EXISTING]);
}, async ({ gql, token, url }) => {
  // The server runs in this process: its resident memory and its JavaScript heap, sampled every 25 ms.
  let peak = 0;
  let peakHeap = 0;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 25);
  const phase = async (name, run, until) => {
    globalThis.gc?.();
    const before = process.memoryUsage();
    peak = before.rss;
    peakHeap = before.heapUsed;
    const start = performance.now();
    const id = await run();
    let batch;
    for (;;) {
      batch = (await gql(`query($id: ID!) { importBatch(id: $id) { status error rowsTotal summary { rows create match skip created merged unchanged skipped } } }`, { id })).importBatch;
      if (batch.status === 'FAILED') throw new Error(batch.error);
      if (until.includes(batch.status)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const seconds = (performance.now() - start) / 1000;
    console.log(`${name.padEnd(34)} ${seconds.toFixed(1).padStart(6)} s ${Math.round(ROWS / seconds).toLocaleString('en-GB').padStart(8)} rows/s   RSS ${mb(before.rss)} → peak ${mb(peak)}, heap ${mb(before.heapUsed)} → peak ${mb(peakHeap)}`);
    return { id, batch };
  };

  console.log(`\nimport of ${ROWS.toLocaleString('en-GB')} rows (XLSX)`);
  const { id } = await phase('upload and read (streamed)', async () => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query: 'mutation($file: Upload!) { startImport(file: $file, entity: ORGANISATIONS) { id } }', variables: { file: null } }));
    form.append('map', JSON.stringify({ 0: ['variables.file'] }));
    form.append('0', new Blob([fs.readFileSync(file)]), 'employers.xlsx');
    const res = await (await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' }, body: form })).json();
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.startImport.id;
  }, ['MAPPING']);
  const { batch: previewed } = await phase('preview (match every row)', async () => {
    await gql(`mutation($id: ID!) { previewImport(id: $id, mapping: ["name", "companiesHouseNumber", "website", "postcode", "sector", "sizeBand", null]) { id } }`, { id });
    return id;
  }, ['PREVIEWED']);
  const s = previewed.summary;
  console.log(`  preview decided: ${s.create.toLocaleString('en-GB')} create, ${s.match.toLocaleString('en-GB')} match, ${s.skip} skip`);
  const { batch: committed } = await phase('commit (500-row transactions)', async () => {
    await gql(`mutation($id: ID!) { commitImport(id: $id) { id } }`, { id });
    return id;
  }, ['COMMITTED']);
  const c = committed.summary;
  console.log(`  committed: ${c.created.toLocaleString('en-GB')} created, ${c.merged.toLocaleString('en-GB')} merged, ${c.unchanged.toLocaleString('en-GB')} unchanged, ${c.skipped} skipped`);
  clearInterval(sampler);
});
fs.rmSync(path.dirname(file), { recursive: true, force: true });
