// Speed figures for the organisations list on a realistic volume: N organisations, GraphQL over
// HTTP against the built app. Prints figures; asserts nothing (targets are read by people).
import { timeCases, withBenchApp } from './bench-app.mjs';

const N = Number(process.env.BENCH_ORGANISATIONS ?? 100_000);

await withBenchApp(`${N.toLocaleString('en-GB')} organisations`, async (db) => {
  // Names from word lists so search has realistic selectivity.
  await db.query(`
    INSERT INTO organisations (name, type, relationship_stage, postcode, created_at, updated_at)
    SELECT (ARRAY['Tyne','Mersey','Solent','Pennine','Humber','Trent','Severn','Clyde','Thames','Wessex'])[1 + i % 10] || ' ' ||
           (ARRAY['Engineering','Digital','Logistics','Foods','Care','Energy','Robotics','Textiles','Media','Construction'])[1 + (i / 10) % 10] || ' ' ||
           (ARRAY['Ltd','Group','plc','Partners','Services'])[1 + (i / 100) % 5] || ' ' || i,
           (ARRAY['employer','partner','funder','school_college','public_body','community'])[1 + i % 6],
           (ARRAY['prospect','active','strategic_partner','dormant'])[1 + i % 4],
           'NE' || (1 + i % 99) || ' ' || (i % 10) || 'AB',
           now() - (i || ' minutes')::interval, now() - (i || ' minutes')::interval
    FROM generate_series(1, $1) AS i`, [N]);
  await db.query('ANALYZE organisations');
}, async ({ gql }) => {
  const LIST = `query($first: Int, $after: String, $search: String, $filter: OrganisationFilter, $orderBy: OrganisationOrder) {
    organisations(first: $first, after: $after, search: $search, filter: $filter, orderBy: $orderBy) {
      totalCount edges { node { id name type relationshipStage postcode owner { name } } } pageInfo { endCursor hasNextPage } } }`;

  // A cursor deep in the list (page 1,000 of 25) to show keyset paging does not slow with depth.
  let deepCursor = null;
  for (let i = 0; i < 10; i++) deepCursor = (await gql(LIST, { first: 100, after: deepCursor, orderBy: { field: 'name', direction: 'asc' } })).organisations.pageInfo.endCursor;

  await timeCases('GraphQL organisations query', gql, [
    ['first page, by name', LIST, { first: 25, orderBy: { field: 'name', direction: 'asc' } }],
    ['page after 1,000 rows, by name', LIST, { first: 25, after: deepCursor, orderBy: { field: 'name', direction: 'asc' } }],
    ['newest first', LIST, { first: 25, orderBy: { field: 'createdAt', direction: 'desc' } }],
    ['search "robotics"', LIST, { first: 25, search: 'robotics' }],
    ['search "tyne eng"', LIST, { first: 25, search: 'tyne eng' }],
    ['filter type=funder, stage=active', LIST, { first: 25, filter: { types: ['funder'], stages: ['active'] } }],
  ]);
});
