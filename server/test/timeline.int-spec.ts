import { createTestApp, TestApp } from './support/test-app';

const TIMELINE = `query($first: Int, $after: String, $f: TimelineFilter) { timeline(first: $first, after: $after, filter: $f) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id kind occurredOn engagement { summary } opportunity { title } opportunityMove { stage { name } movedBy { email } } fromStage { name } } } } }`;

/** What a test reads from an entry: its kind and what it says. */
const describeEntry = (n: any) =>
  n.kind === 'ENGAGEMENT' ? `engagement ${n.engagement.summary}` : `${n.opportunity.title}: ${n.fromStage?.name ?? 'opened'} → ${n.opportunityMove.stage.name}`;

describe('the combined timeline (engagements and opportunity moves)', () => {
  let t: TestApp;
  let org: string;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());

  async function ok(query: string, variables: Record<string, unknown>, token: string) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }
  const page = async (filter: Record<string, unknown>, token = t.tokens.viewer, first = 10, after?: string) =>
    (await ok(TIMELINE, { f: filter, first, after }, token)).timeline;

  beforeAll(async () => {
    t = await createTestApp();
    org = (await ok('mutation { createOrganisation(input: { name: "Wearside Robotics", type: employer }) { id } }', {}, t.tokens.staff)).createOrganisation.id;
    for (const [summary, occurredOn] of [['Site visit', '2025-03-04'], ['Call about apprenticeships', '2025-06-10'], ['Careers fair', '2025-09-20']]) {
      await ok('mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id } }', { i: { type: 'meeting', summary, occurredOn, organisationId: org } }, t.tokens.staff);
    }
    const stages = Object.fromEntries((await ok('{ opportunityStages { id name } }', {}, t.tokens.viewer)).opportunityStages.map((s: any) => [s.name, s.id]));
    const opp = (await ok('mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id version } }',
      { i: { title: 'Robot cell KTP', type: 'ktp', organisationId: org, valuePence: 0 } }, t.tokens.staff)).createOpportunity;
    await ok('mutation($id: ID!, $v: Int!, $s: ID!) { moveOpportunity(id: $id, version: $v, stageId: $s) { id } }', { id: opp.id, v: opp.version, s: stages.Qualified }, t.tokens.staff);
    await ok('mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }',
      { i: { title: 'Confidential bid', type: 'consultancy', organisationId: org, valuePence: 0, confidential: true } }, t.tokens.staff);
  });
  afterAll(() => t.close());

  it("interleaves an organisation's engagements and opportunity moves newest first, paging without gaps or repeats", async () => {
    const seen: string[] = [];
    let after: string | undefined;
    let total = -1;
    do {
      const p = await page({ organisationId: org }, t.tokens.staff, 2, after);
      total = p.totalCount;
      seen.push(...p.edges.map((e: any) => describeEntry(e.node)));
      after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : undefined;
    } while (after);
    // The two opportunities were opened and one moved today, after the engagements (all dated 2025).
    expect(seen.slice(0, 3).sort()).toEqual(['Confidential bid: opened → Enquiry', 'Robot cell KTP: Enquiry → Qualified', 'Robot cell KTP: opened → Enquiry']);
    expect(seen.indexOf('Robot cell KTP: Enquiry → Qualified')).toBeLessThan(seen.indexOf('Robot cell KTP: opened → Enquiry'));
    expect(seen.slice(3)).toEqual(['engagement Careers fair', 'engagement Call about apprenticeships', 'engagement Site visit']);
    expect(total).toBe(6);
  });

  it('dates a move by the UK day it happened and names who moved it', async () => {
    const p = await page({ organisationId: org, kinds: ['OPPORTUNITY_MOVE'] });
    expect(p.totalCount).toBe(3);
    expect(p.edges.every((e: any) => e.node.occurredOn === today && e.node.opportunityMove.movedBy.email === 'staff@test.ac.uk')).toBe(true);
  });

  it('hides a confidential opportunity from another department, in the list and the count', async () => {
    const p = await page({ organisationId: org }, t.tokens.staffBus);
    expect(p.totalCount).toBe(5);
    expect(p.edges.map((e: any) => describeEntry(e.node))).not.toContain('Confidential bid: opened → Enquiry');
  });

  it('filters by kind, engagement type and date range', async () => {
    expect((await page({ organisationId: org, kinds: ['ENGAGEMENT'] })).totalCount).toBe(3);
    expect((await page({ organisationId: org, kinds: ['ENGAGEMENT'], types: ['call'] })).totalCount).toBe(0);
    const range = await page({ organisationId: org, from: '2025-05-01', to: '2025-12-31' }, t.tokens.manager);
    expect(range.edges.map((e: any) => describeEntry(e.node))).toEqual(['engagement Careers fair', 'engagement Call about apprenticeships']);
    const sinceToday = await page({ organisationId: org, from: today }, t.tokens.manager);
    expect(sinceToday.totalCount).toBe(3);
  });

  it('filters by member of staff: what they logged, attended, moved or own', async () => {
    expect((await page({ organisationId: org, staffId: t.users.staff }, t.tokens.manager)).totalCount).toBe(6);
    expect((await page({ organisationId: org, staffId: t.users.viewer }, t.tokens.manager)).totalCount).toBe(0);
  });

  it('pages the unscoped timeline one entry at a time exactly as in one page, both kinds merged', async () => {
    const whole = await page({}, t.tokens.manager, 50);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const p = await page({}, t.tokens.manager, 1, after);
      expect(p.totalCount).toBe(whole.totalCount);
      seen.push(...p.edges.map((e: any) => describeEntry(e.node)));
      after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : undefined;
    } while (after);
    expect(seen).toEqual(whole.edges.map((e: any) => describeEntry(e.node)));
    expect(whole.totalCount).toBe(6);
    expect(seen.filter((s) => s.startsWith('engagement')).length).toBe(3);
  });

  it('hides the confidential opportunity of another department from the unscoped timeline and its count', async () => {
    const p = await page({}, t.tokens.staffBus, 50);
    expect(p.totalCount).toBe(5);
    expect(p.edges.map((e: any) => describeEntry(e.node))).not.toContain('Confidential bid: opened → Enquiry');
  });

  it('refuses a cursor it did not issue, naming the argument', async () => {
    const res = await t.gql(TIMELINE, { f: { organisationId: org }, after: 'not-a-cursor' }, t.tokens.viewer);
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(res.errors?.[0]?.extensions?.fields)).toContain('after');
  });
});

describe("an organisation's timeline read from its own opportunities", () => {
  let t: TestApp;
  const orgs: Record<string, string> = {};

  async function ok(query: string, variables: Record<string, unknown>, token: string) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }
  const entries = async (filter: Record<string, unknown>, token: string, first: number) => {
    const seen: string[] = [];
    let after: string | undefined;
    let total = -1;
    do {
      const p = (await ok(TIMELINE, { f: filter, first, after }, token)).timeline;
      total = p.totalCount;
      seen.push(...p.edges.map((e: any) => describeEntry(e.node)));
      after = p.pageInfo.hasNextPage ? p.pageInfo.endCursor : undefined;
    } while (after);
    return { seen, total };
  };

  beforeAll(async () => {
    t = await createTestApp();
    const stages = Object.fromEntries((await ok('{ opportunityStages { id name } }', {}, t.tokens.viewer)).opportunityStages.map((s: any) => [s.name, s.id]));
    for (const name of ['Alpha', 'Beta']) {
      orgs[name] = (await ok('mutation($n: String!) { createOrganisation(input: { name: $n, type: employer }) { id } }', { n: `${name} Engineering` }, t.tokens.staff)).createOrganisation.id;
      for (const [i, occurredOn] of ['2025-02-01', '2025-07-01'].entries()) {
        await ok('mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id } }', { i: { type: 'meeting', summary: `${name} visit ${i}`, occurredOn, organisationId: orgs[name] } }, t.tokens.staff);
      }
      for (const [i, confidential] of [false, true, false].entries()) {
        const opp = (await ok('mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id version } }',
          { i: { title: `${name} bid ${i}`, type: 'consultancy', organisationId: orgs[name], valuePence: 0, confidential } }, t.tokens.staff)).createOpportunity;
        if (i !== 1) await ok('mutation($id: ID!, $v: Int!, $s: ID!) { moveOpportunity(id: $id, version: $v, stageId: $s) { id } }', { id: opp.id, v: opp.version, s: stages.Qualified }, t.tokens.staff);
      }
    }
  });
  afterAll(() => t.close());

  it('lists and counts exactly the entries of the unscoped timeline that are the organisation’s, in the same order, for any department', async () => {
    for (const token of [t.tokens.staff, t.tokens.staffBus, t.tokens.manager]) {
      const everyone = await entries({}, token, 50);
      for (const name of ['Alpha', 'Beta']) {
        const ours = everyone.seen.filter((s) => s.includes(name));
        for (const first of [1, 3, 50]) {
          const scoped = await entries({ organisationId: orgs[name] }, token, first);
          expect(scoped.seen).toEqual(ours);
          expect(scoped.total).toBe(ours.length);
        }
      }
    }
    // Another department sees neither confidential bid.
    expect((await entries({ organisationId: orgs.Alpha }, t.tokens.staffBus, 50)).seen).not.toContain('Alpha bid 1: opened → Enquiry');
    expect((await entries({ organisationId: orgs.Alpha }, t.tokens.staff, 50)).seen).toContain('Alpha bid 1: opened → Enquiry');
  });

  it('answers without counting when totalCount is not asked for, with the same entries', async () => {
    const withCount = (await ok(TIMELINE, { f: {}, first: 50 }, t.tokens.manager)).timeline;
    const without = (await ok(`query($f: TimelineFilter) { timeline(first: 50, filter: $f) { edges { node { id } } pageInfo { hasNextPage } } }`, { f: {} }, t.tokens.manager)).timeline;
    expect(without.edges.map((e: any) => e.node.id)).toEqual(withCount.edges.map((e: any) => e.node.id));
    expect(withCount.totalCount).toBe(withCount.edges.length);
  });
});
