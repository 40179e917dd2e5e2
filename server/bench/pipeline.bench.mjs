// Speed figures for the pipeline, the reports and relationship health at institution scale:
// ORGS organisations, OPPS opportunities and ENGAGEMENTS engagements over two years across 8
// departments, each opportunity with its first stage stay. Prints figures; asserts nothing.
import { timeCases, withBenchApp } from './bench-app.mjs';

const ORGS = Number(process.env.BENCH_ORGANISATIONS ?? 20_000);
const OPPS = Number(process.env.BENCH_OPPORTUNITIES ?? 50_000);
const ENGAGEMENTS = Number(process.env.BENCH_ENGAGEMENTS ?? 200_000);

await withBenchApp(`${ORGS.toLocaleString('en-GB')} organisations, ${OPPS.toLocaleString('en-GB')} opportunities, ${ENGAGEMENTS.toLocaleString('en-GB')} engagements`, async (db) => {
  await db.query(`INSERT INTO departments (name, code) SELECT 'Department ' || i, 'D' || i FROM generate_series(1, 8) i`);
  await db.query(`
    INSERT INTO organisations (name, type, size_band, relationship_stage, department_id)
    SELECT 'Organisation ' || i, (ARRAY['employer','partner','funder','school_college','public_body','community'])[1 + i % 6],
           (ARRAY['micro','small','medium','large'])[1 + i % 4], (ARRAY['prospect','active','strategic_partner','dormant'])[1 + i % 4],
           (SELECT id FROM departments ORDER BY code OFFSET i % 8 LIMIT 1)
      FROM generate_series(1, $1) i`, [ORGS]);
  await db.query(`
    WITH o AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organisations),
         d AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM departments),
         s AS (SELECT id, outcome, row_number() OVER (ORDER BY position) AS n FROM opportunity_stages)
    INSERT INTO opportunities (title, type, stage_id, value_pence, organisation_id, department_id, confidential, expected_close_date, won_at, closed_at, created_at, lost_reason)
    SELECT 'Opportunity ' || i,
           (ARRAY['cpd_short_course','apprenticeship','contract_research','collaborative_research','consultancy','ktp','facilities_equipment','placement_internship','sponsorship_philanthropy','regeneration_community','ip_licensing'])[1 + i % 11],
           s.id, (1000 + (i * 7919) % 200000) * 100, o.id, d.id, i % 30 = 0, current_date + (i % 300) - 60,
           CASE WHEN s.outcome = 'won' THEN now() - ((i % 700) || ' days')::interval END,
           CASE WHEN s.outcome <> 'open' THEN now() - ((i % 700) || ' days')::interval END,
           now() - ((i % 700 + 60) || ' days')::interval,
           CASE WHEN s.outcome = 'lost' THEN 'Budget withdrawn' END
      FROM generate_series(1, $1) i
      JOIN o ON o.n = 1 + (i * 31) % $2
      JOIN d ON d.n = 1 + i % 8
      JOIN s ON s.n = 1 + i % 6`, [OPPS, ORGS]);
  await db.query(`
    WITH o AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM organisations),
         d AS (SELECT id, row_number() OVER (ORDER BY code) AS n FROM departments)
    INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id, confidential)
    SELECT (ARRAY['meeting','call','email','visit','event'])[1 + i % 5], current_date - (i * 13) % 730, 'Engagement ' || i, o.id, d.id, i % 50 = 0
      FROM generate_series(1, $1) i
      JOIN o ON o.n = 1 + ((i * 17) % $2)
      JOIN d ON d.n = 1 + (i * 3) % 8`, [ENGAGEMENTS, ORGS]);
  // Each opportunity's first stay, so timelines have stage moves to interleave.
  await db.query(`INSERT INTO opportunity_stage_history (opportunity_id, stage_id, entered_at) SELECT id, stage_id, created_at FROM opportunities`);
  await db.query('ANALYZE');
}, async ({ gql }) => {
  const [{ id: orgId }] = (await gql('{ organisations(first: 1) { edges { node { id } } } }')).organisations.edges.map((e) => e.node);
  const year = (() => {
    const now = new Date();
    const start = now.getMonth() >= 7 ? now.getFullYear() : now.getFullYear() - 1;
    return `${start}/${String((start + 1) % 100).padStart(2, '0')}`;
  })();
  const stage = (await gql('{ opportunityStages { id } }')).opportunityStages[1].id;
  await timeCases('Pipeline, reports and health', gql, [
    ['pipeline totals (board header)', '{ pipeline { count totalValuePence weightedValuePence stages { count totalValuePence } } }', {}],
    ['board column: first 50 in a stage', `query($s: ID!) { opportunities(first: 50, filter: { stageIds: [$s] }, orderBy: { field: expectedCloseDate, direction: asc }) {
      totalCount edges { node { id title valuePence weightedValuePence effectiveProbability organisation { name } owner { name } } } } }`, { s: stage }],
    ['report: pipeline by department', '{ reports { pipeline(by: department) { key count valuePence weightedValuePence } } }', {}],
    ['report: win rate by type, this year', `query($y: String!) { reports { winRate(by: type, filter: { academicYear: $y }) { key won lost } } }`, { y: year }],
    ['report: activity by month and dept', `query($y: String!) { reports { activityOverTime(by: department, filter: { academicYear: $y }) { month key count } } }`, { y: year }],
    ['report: top 10 organisations by won', '{ reports { topOrganisations(by: wonValue) { name wonValuePence } } }', {}],
    ['report: HE-BCI summary', `query($y: String!) { reports { heBciSummary(academicYear: $y) { cells { category count valuePence } } } }`, { y: year }],
    ['timeline: one organisation, first page', `query($id: ID!) { timeline(first: 20, filter: { organisationId: $id }) {
      totalCount edges { node { kind occurredOn engagement { summary contacts { name } } opportunity { title } opportunityMove { stage { name } } } } } }`, { id: orgId }],
    ['timeline: everyone, first page', '{ timeline(first: 20) { totalCount edges { node { kind occurredOn } } } }', {}],
    ['health: one organisation', 'query($id: ID!) { relationshipHealth(organisationId: $id) { score previousScore } }', { id: orgId }],
    ['health: going cold (every org, twice)', '{ goingCold { score previousScore organisation { name } } }', {}],
  ]);
});
