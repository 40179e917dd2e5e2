// Speed figures for duplicate detection on a realistic volume: N organisations (default 20,000)
// of which about 1 in 20 has a near-duplicate (same name with "Ltd"/"Limited"/"&" variations in the
// same postcode area) and 1 in 50 shares a website domain, plus N contacts with a few shared emails.
// GraphQL over HTTP against the built app. Prints figures; asserts nothing.
import { timeCases, withBenchApp } from './bench-app.mjs';

const N = Number(process.env.BENCH_ORGANISATIONS ?? 20_000);
let focusId = null;

await withBenchApp(`${N.toLocaleString('en-GB')} organisations for duplicates`, async (db) => {
  await db.query(`
    INSERT INTO organisations (name, type, postcode, website)
    SELECT (ARRAY['Tyne','Mersey','Solent','Pennine','Humber','Trent','Severn','Clyde','Thames','Wessex'])[1 + i % 10] || ' ' ||
           (ARRAY['Engineering','Digital','Logistics','Foods','Care','Energy','Robotics','Textiles','Media','Construction'])[1 + (i / 10) % 10] || ' ' ||
           (ARRAY['Ltd','Group','plc','Partners','Services'])[1 + (i / 100) % 5] || ' ' || i,
           'employer',
           (ARRAY['NE','SR','DH','TS','LS','M','B','L','S','BS'])[1 + (i / 7) % 10] || (1 + i % 20) || ' ' || (i % 10) || 'AB',
           'https://www.org' || i || '.co.uk'
    FROM generate_series(1, $1) AS i`, [N]);
  // Near-duplicates: the same name spelt another way, same postcode area; and some sharing a website.
  await db.query(`
    INSERT INTO organisations (name, type, postcode, website)
    SELECT replace(replace(o.name, ' Ltd', ' Limited'), ' Group', ' Group Ltd'), 'employer', o.postcode,
           CASE WHEN row_number() OVER () % 3 = 0 THEN o.website END
      FROM organisations o WHERE o.name ~ ' [0-9]*0$'`);
  await db.query(`
    INSERT INTO contacts (first_name, last_name, emails)
    SELECT 'Person', 'Number ' || i, ARRAY['p' || (CASE WHEN i % 100 = 0 THEN i - 1 ELSE i END) || '@example.com']
      FROM generate_series(1, $1) AS i`, [N]);
  await db.query('ANALYZE organisations; ANALYZE contacts');
  [{ id: focusId }] = await db.query(`SELECT id FROM organisations WHERE name LIKE 'Tyne Engineering Ltd 1000%' LIMIT 1`);
}, async ({ gql }) => {
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
