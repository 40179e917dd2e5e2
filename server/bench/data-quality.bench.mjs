// Speed of the data-quality counts and their "Fix these" lists on a realistic volume: N organisations
// (a tenth missing each field), as many contacts, three engagements per organisation over two years,
// N/4 opportunities. GraphQL over HTTP against the built app. Prints figures; asserts nothing.
import { timeCases, withBenchApp } from './bench-app.mjs';

const N = Number(process.env.BENCH_ORGANISATIONS ?? 20_000);

await withBenchApp(`data quality, ${N.toLocaleString('en-GB')} organisations`, async (db) => {
  const [{ id: dept }] = await db.query(`INSERT INTO departments (name, code) VALUES ('Engineering', 'ENG') RETURNING id`);
  await db.query(`
    INSERT INTO organisations (name, type, sector, size_band, postcode, confidential, department_id)
    SELECT 'Organisation ' || i, 'employer',
           CASE WHEN i % 10 = 0 THEN NULL ELSE 'C' END, CASE WHEN i % 10 = 1 THEN NULL ELSE 'small' END,
           CASE WHEN i % 10 = 2 THEN NULL ELSE 'NE1 4LP' END, i % 20 = 0, $2
    FROM generate_series(1, $1) AS i`, [N, dept]);
  await db.query(`
    INSERT INTO contacts (first_name, last_name, lawful_basis)
    SELECT 'Pat', 'Person ' || i, (ARRAY[NULL, 'consent', 'contract', 'legitimate_interests'])[1 + i % 4] FROM generate_series(1, $1) AS i`, [N]);
  await db.query(`
    INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id, confidential)
    SELECT 'call', current_date - ((row_number() OVER ()) % 730)::int, 'call', o.id, $1, false
    FROM organisations o, generate_series(1, 3)`, [dept]);
  await db.query(`
    INSERT INTO engagement_contacts (engagement_id, contact_id)
    SELECT e.id, c.id FROM (SELECT id, row_number() OVER () AS n FROM engagements) e
    JOIN (SELECT id, row_number() OVER () AS n FROM contacts) c ON c.n = e.n`);
  await db.query(`
    INSERT INTO opportunities (title, type, stage_id, expected_close_date, department_id, organisation_id)
    SELECT 'Opportunity ' || o.n, 'consultancy', (SELECT id FROM opportunity_stages WHERE name = 'Enquiry'), current_date + (o.n % 200 - 100)::int, $1, o.id
    FROM (SELECT id, row_number() OVER () AS n FROM organisations) o WHERE o.n % 4 = 0`, [dept]);
  await db.query('ANALYZE');
}, async ({ gql }) => {
  const COUNTS = `{ dataQuality { organisationsMissingSector organisationsMissingSizeBand organisationsMissingPostcode
    organisationsWithoutRecentEngagement contactsWithoutRecentEngagement contactsWithoutLawfulBasis staleOpportunities engagementCutoff } }`;
  const { dataQuality } = await gql(COUNTS);
  console.log('counts:', JSON.stringify(dataQuality));
  const ORGS = `query($f: OrganisationFilter) { organisations(first: 25, filter: $f) { totalCount edges { node { id name } } } }`;
  const CONTACTS = `query($f: ContactFilter) { contacts(first: 25, filter: $f) { totalCount edges { node { id name } } } }`;
  const OPPS = `query($f: OpportunityFilter) { opportunities(first: 25, filter: $f) { totalCount edges { node { id title } } } }`;
  await timeCases('Data quality', gql, [
    ['dataQuality (all counts, one statement)', COUNTS, {}],
    ['organisations missing sector, page 1', ORGS, { f: { missing: ['sector'] } }],
    ['organisations quiet for 12 months, page 1', ORGS, { f: { noEngagementSince: dataQuality.engagementCutoff } }],
    ['contacts without lawful basis, page 1', CONTACTS, { f: { withoutLawfulBasis: true } }],
    ['contacts quiet for 12 months, page 1', CONTACTS, { f: { noEngagementSince: dataQuality.engagementCutoff } }],
    ['stale opportunities, page 1', OPPS, { f: { staleOnly: true } }],
  ]);
});
