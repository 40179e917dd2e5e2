// Import preview of a spreadsheet (CSV): upload, let the server read it, then time the preview
// that decides every row (create, match, skip) against the organisations held.
import { performance } from 'node:perf_hooks';
import { load } from './app.mjs';
import { clientOperation } from './documents.mjs';
import { IMPORT_MATCH } from './floors.mjs';
import { measure } from './load.mjs';

const { BRAND_WORDS, MORE_LAST_NAMES } = load('seed/scale/words.js');
const { PLACES, TRADES } = load('seed/demo-story.js');
const START = clientOperation('StartImport');
const PREVIEW = clientOperation('PreviewImport');
const STATUS = `query($id: ID!) { importBatch(id: $id) { status error summary { rows create match proposed skip } } }`;
const MAPPING = ['name', 'companiesHouseNumber', 'website', 'postcode'];

/** `rows` rows as departments send them: a tenth already held under the same name, 2% by Companies House number, the rest new. */
export function spreadsheet(rows, held) {
  const quote = (s) => `"${String(s ?? '').replace(/"/g, '""')}"`;
  const names = [];
  const chs = [];
  const websites = [];
  const lines = ['Company,Companies House No,Website,Postcode'];
  for (let i = 0; i < rows; i++) {
    const known = held[i % held.length];
    const words = [BRAND_WORDS, MORE_LAST_NAMES][i % 2];
    let name = `${words[(i * 7919) % words.length]} ${TRADES[(i * 31) % TRADES.length][0]} Ltd`;
    let ch = '';
    if (i % 10 === 0) name = known.name;
    else if (i % 50 === 7 && known.ch) ch = known.ch;
    const website = i % 3 === 0 ? `https://www.${name.toLowerCase().replace(/[^a-z0-9]+/g, '')}-import.co.uk` : '';
    const [, , prefix] = PLACES[i % PLACES.length];
    const postcode = i % 10 === 0 && known.postcode ? known.postcode : `${prefix} ${1 + (i % 9)}AB`;
    names.push(name);
    chs.push(ch);
    websites.push(website);
    lines.push([name, ch, website, postcode].map(quote).join(','));
  }
  return { content: Buffer.from(lines.join('\n')), names, chs, websites };
}

/** Polls the batch until it reaches one of `statuses`; a failed import throws. */
export async function until(gql, id, statuses) {
  for (;;) {
    const batch = (await gql(STATUS, { id })).importBatch;
    if (batch.status === 'FAILED') throw new Error(`import failed: ${batch.error}`);
    if (statuses.includes(batch.status)) return batch;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Times `runs` previews of `rows` rows through the API, and the exact-key match of the same rows in one SQL statement. */
export async function importPreview({ gql, upload, pool, fixtures, rows, runs }) {
  const file = spreadsheet(rows, fixtures.held);
  let summary = null;
  const graphql = await measure(async () => {
    const { startImport } = await upload(START, { entity: 'ORGANISATIONS' }, { name: `scale-bench-${rows}.csv`, content: file.content });
    await until(gql, startImport.id, ['MAPPING']);
    const started = performance.now();
    await gql(PREVIEW, { id: startImport.id, mapping: MAPPING });
    summary = (await until(gql, startImport.id, ['PREVIEWED'])).summary;
    return performance.now() - started;
  }, { requests: runs, concurrency: 1 });
  const sql = await measure(() => pool.query(IMPORT_MATCH, [file.names, file.chs, file.websites]), { requests: runs, concurrency: 1, warmup: 1 });
  return { graphql, sql, summary };
}
