// The operations issue 15 names: each a GraphQL side (what the UI sends, through the real server),
// its raw-SQL floor (floors.mjs) and, where the two can be compared, `same`: do they agree on the
// data (ids, counts)? Checked once before timing, so a floor that drifted from the API shows.
import { clientOperation, withFragments } from './documents.mjs';
import * as floor from './floors.mjs';

const ORGANISATIONS = clientOperation('Organisations');
const VIEW = [clientOperation('OrganisationView'), clientOperation('Timeline'), clientOperation('OrganisationHealth')];
const SEARCH = clientOperation('Search');
const LOG = clientOperation('LogEngagement');
const BOARD = clientOperation('PipelineBoard');
const BY_STAGE = withFragments(`query PipelineByStage { reports { pipelineByStage { ...PipelineReportRowItem } } }`);
const HEBCI = clientOperation('HeBciReport');
const ME = 'query Me { me { id } }';

const LIST_FILTER = { types: ['employer'], stages: ['active'] };
const BY_NAME = { field: 'name', direction: 'asc' };

/**
 * Pages through the filtered list `rows` deep (or as deep as leaves a full page after it); returns
 * how deep it got, the cursor there and that row's sort key for the floor.
 */
async function deepCursor(gql, rows) {
  const total = (await gql(ORGANISATIONS, { first: 1, filter: LIST_FILTER, orderBy: BY_NAME })).organisations.totalCount;
  const target = Math.max(0, Math.min(rows, total - 25));
  let after = null;
  let last = null;
  let seen = 0;
  while (seen < target) {
    const page = (await gql(ORGANISATIONS, { first: Math.min(100, target - seen), after, filter: LIST_FILTER, orderBy: BY_NAME })).organisations;
    if (!page.edges.length) break;
    seen += page.edges.length;
    after = page.pageInfo.endCursor;
    last = page.edges[page.edges.length - 1].node;
  }
  return { seen, after, key: last ? { key: last.name.toLowerCase(), id: last.id } : null };
}

const ids = (connection) => connection.edges.map((e) => e.node.id).join();
const sum = (rows, key) => rows.reduce((s, r) => s + Number(r[key]), 0);
const samePage = (g, f) => g.organisations.totalCount === f.total && ids(g.organisations) === f.rows.slice(0, 25).map((r) => r.id).join();
/** The organisation page's data: its first page of people and their total, open tasks, departments, history, timeline total, engagements this year. */
const sameView = ([{ organisation: o }, { timeline }, { relationshipHealth: h }], [, people, tasks, depts, history, [, , total], now]) =>
  ids(o.people) === people.rows.slice(0, 25).map((r) => r.id).join() && o.people.totalCount === people.total
  && o.people.pageInfo.hasNextPage === people.rows.length > 25 && o.openTasks.length === tasks.rowCount && o.departmentsInvolved.length === depts.rowCount
  && o.history.length === history.rowCount && timeline.totalCount === Number(total.rows[0].total) && h.inputs.engagements365 === now.rows[0]?.engagements_365;

const view = (gql, id) => Promise.all([
  gql(VIEW[0], { id }), gql(VIEW[1], { first: 50, filter: { organisationId: id } }), gql(VIEW[2], { id }),
]);

export async function operations({ gql, pool, user, fixtures: f, deepRows }) {
  const depts = user.departmentIds;
  const deep = await deepCursor(gql, deepRows);
  const searchCase = (label, text) => ({
    name: `search: ${label} "${text}"`,
    graphql: () => gql(SEARCH, { text, first: 10 }),
    floor: () => pool.query(floor.SEARCH, [depts, text]),
  });
  return [
    {
      // The fixed cost of one authenticated request (token, guard, GraphQL, one field) over a round trip to the database.
      name: 'per-request floor: me { id } (vs SELECT 1)',
      graphql: () => gql(ME, {}),
      floor: () => pool.query('SELECT 1'),
      same: (g) => g.me.id === user.id,
    },
    {
      name: 'organisations: first page (employer, active, by name)',
      graphql: () => gql(ORGANISATIONS, { first: 25, filter: LIST_FILTER, orderBy: BY_NAME }),
      floor: () => floor.organisationPage(pool, depts, LIST_FILTER, null),
      same: samePage,
    },
    {
      name: `organisations: deep page (after ${deep.seen.toLocaleString('en-GB')} rows, keyset)`,
      graphql: () => gql(ORGANISATIONS, { first: 25, after: deep.after, filter: LIST_FILTER, orderBy: BY_NAME }),
      floor: () => floor.organisationPage(pool, depts, LIST_FILTER, deep.key),
      same: samePage,
    },
    {
      name: `organisation view: busiest (${f.busiest.engagements.toLocaleString('en-GB')} engagements)`,
      graphql: () => view(gql, f.busiest.id),
      floor: () => floor.organisationView(pool, depts, f.busiest.id),
      same: sameView,
    },
    {
      name: `organisation view: typical (${f.typical.engagements} engagements)`,
      graphql: () => view(gql, f.typical.id),
      floor: () => floor.organisationView(pool, depts, f.typical.id),
      same: sameView,
    },
    searchCase('3 letters', f.search.threeLetters),
    searchCase('a typo', f.search.typo),
    searchCase('a full name', f.search.fullName),
    {
      name: 'log an engagement (mutation)',
      graphql: (i) => gql(LOG, { input: { organisationId: f.organisationIds[Math.abs(i) % f.organisationIds.length], type: 'call', summary: `Bench call ${i}` } }),
      floor: (i) => floor.logEngagement(pool, user, f.organisationIds[Math.abs(i) % f.organisationIds.length], i),
    },
    {
      name: 'pipeline board (totals + 4 columns of 50)',
      // One request, as the board page sends it: the totals and each open stage's first 50 cards.
      graphql: () => gql(BOARD, { first: 50, orderBy: { field: 'expectedCloseDate', direction: 'asc' } }),
      floor: () => floor.pipelineBoard(pool, depts, f.stageIds),
      same: ({ pipeline }, [totals, ...pages]) => pipeline.count === sum(totals.rows, 'count')
        && pipeline.stages.every((s) => s.count === totals.rows.find((t) => t.id === s.stage.id)?.count)
        && f.stageIds.every((id, i) => {
          const column = pipeline.stages.find((s) => s.stage.id === id)?.opportunities;
          return column && ids(column) === pages[i].rows.slice(0, 50).map((r) => r.id).join() && column.pageInfo.hasNextPage === pages[i].rows.length > 50;
        }),
    },
    {
      name: 'report: pipeline by stage',
      graphql: () => gql(BY_STAGE, {}),
      floor: () => pool.query(floor.PIPELINE_BY_STAGE, [depts]),
      same: (g, f) => sum(g.reports.pipelineByStage, 'count') === sum(f.rows, 'count'),
    },
    {
      name: `report: HE-BCI summary ${f.year.label}`,
      graphql: () => gql(HEBCI, { academicYear: f.year.label }),
      floor: () => pool.query(floor.HEBCI, [depts, f.year.from, f.year.to]),
    },
  ];
}
