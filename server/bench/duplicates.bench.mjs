// Speed figures for duplicate detection on a realistic volume: N organisations (default 20,000)
// of which about 1 in 20 has a near-duplicate (another spelling in the same postcode area) and some
// share a website domain, plus N contacts with a few shared emails.
// First the duplicate scanner's full initial scan of them all (organisations a second), then the
// GraphQL queries over HTTP against the built app. Prints figures; asserts nothing.
import { createRequire } from 'node:module';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { timeCases, withBenchApp } from './bench-app.mjs';

const require = createRequire(import.meta.url);
const { DuplicateScanner } = require(path.resolve(import.meta.dirname, '../../dist/server/server/src/modules/duplicates/duplicate-scanner.js'));

const N = Number(process.env.BENCH_ORGANISATIONS ?? 20_000);
let focusId = null;
let organisations = 0;

await withBenchApp(`${N.toLocaleString('en-GB')} organisations for duplicates`, async (db) => {
  // Names from surname × place × trade × legal form, postcodes over 50 areas: realistic overlap of common words.
  await db.query(`
    INSERT INTO organisations (name, type, postcode, website)
    SELECT s || ' ' || p || ' ' || t || ' ' || f, 'employer', a || (1 + (random() * 20)::int) || ' 1AB', 'https://www.' || lower(s) || lower(t) || n || '.co.uk'
    FROM (SELECT n,
      (ARRAY['Smith','Jones','Taylor','Brown','Williams','Wilson','Johnson','Davies','Robinson','Wright','Thompson','Evans','Walker','White','Roberts','Green','Hall','Wood','Jackson','Clarke','Patel','Khan','Lewis','James','Phillips','Mason','Mitchell','Rose','Davis','Cox','Morris','Cooper','Ward','Turner','Hughes','Edwards','Collins','Stewart','Morgan','Bell','Murphy','Bailey','Parker','Kelly','Harris','Carter','King','Allen','Scott','Young'])[1 + (random() * 49)::int] AS s,
      (ARRAY['Tyne','Mersey','Solent','Pennine','Humber','Trent','Severn','Clyde','Thames','Wessex','Northern','Southern','Eastern','Western','Coastal','Valley','Highland','Central','Metro','Riverside','Moorland','Forest','Harbour','Bridge','City','County','Regional','National','Atlantic','Border'])[1 + (random() * 29)::int] AS p,
      (ARRAY['Engineering','Digital','Logistics','Foods','Care','Energy','Robotics','Textiles','Media','Construction','Plastics','Software','Consulting','Print','Marine','Aerospace','Automotive','Pharma','Chemicals','Timber','Glass','Steel','Packaging','Security','Cleaning','Catering','Design','Analytics','Health','Water'])[1 + (random() * 29)::int] AS t,
      (ARRAY['Ltd','Limited','plc','Group','Partners','Services','& Co','LLP','Holdings','Solutions'])[1 + (random() * 9)::int] AS f,
      (ARRAY['NE','SR','DH','TS','LS','M','B','L','S','BS','BA','CF','SW','SE','N','E','W','EC','WC','NW','G','EH','AB','DD','KY','PA','IV','BT','LL','SA','CH','WA','WN','BL','OL','SK','ST','DE','NG','LE','CV','WV','WS','DY','WR','GL','OX','RG','SO','PO'])[1 + (random() * 49)::int] AS a
      FROM generate_series(1, $1) n) x`, [N]);
  // About 1 in 20 spelt again in the same area ("LIMITED" for "Ltd", upper case), a third of those sharing the website.
  await db.query(`
    INSERT INTO organisations (name, type, postcode, website)
    SELECT upper(replace(name, ' Ltd', ' Limited')), 'employer', postcode, CASE WHEN id::text < '4' THEN website END
      FROM organisations WHERE id::text < '0d'`);
  await db.query(`
    INSERT INTO contacts (first_name, last_name, emails)
    SELECT 'Person', 'Number ' || i, ARRAY['p' || (CASE WHEN i % 100 = 0 THEN i - 1 ELSE i END) || '@example.com']
      FROM generate_series(1, $1) AS i`, [N]);
  await db.query('ANALYZE organisations; ANALYZE contacts');
  [{ total: organisations }] = await db.query(`SELECT count(*)::int AS total FROM organisations`);
  [{ id: focusId }] = await db.query(`SELECT id FROM organisations WHERE id::text < '0d' LIMIT 1`);
}, async ({ gql, app }) => {
  // The background loop starts with the app and works alongside; runUntilIdle takes turns with it
  // on the lock, so this times the whole backlog however the chunks are shared.
  const t0 = performance.now();
  await app.get(DuplicateScanner).runUntilIdle();
  const seconds = (performance.now() - t0) / 1000;
  const { duplicateScan } = await gql(`{ duplicateScan { pendingOrganisations } }`);
  console.log(`initial scan of ${organisations.toLocaleString('en-GB')} organisations: ${seconds.toFixed(1)} s, ${Math.round(organisations / seconds).toLocaleString('en-GB')} organisations/s (${duplicateScan.pendingOrganisations} still pending)`);
  const ORGS = `query($first: Int, $after: String, $organisationId: ID) { organisationDuplicates(first: $first, after: $after, organisationId: $organisationId) {
    totalCount pageInfo { endCursor hasNextPage } edges { node { id score reasons { kind similarity value } organisationA { name } organisationB { name } } } } }`;
  const CONTACTS = `{ contactDuplicates(first: 25) { totalCount edges { node { id score reasons { kind value } contactA { name } contactB { name } } } } }`;
  const first = await gql(ORGS, { first: 25 });
  console.log(`organisation pairs: ${first.organisationDuplicates.totalCount}`);
  await timeCases('GraphQL duplicates queries', gql, [
    ['organisation pairs, first page', ORGS, { first: 25 }],
    ['organisation pairs, second page', ORGS, { first: 25, after: first.organisationDuplicates.pageInfo.endCursor }],
    ['pairs of one organisation', ORGS, { first: 25, organisationId: focusId }],
    ['contact pairs, first page', CONTACTS, {}],
  ]);
});
