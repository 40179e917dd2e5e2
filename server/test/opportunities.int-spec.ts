import { codeOf, createTestApp, GqlResult, TestApp } from './support/test-app';
import { statementCounter } from './support/statements';

const OPP = `id title type version valuePence probability effectiveProbability weightedValuePence confidential lostReason wonAt closedAt
  stage { id name outcome } department { code } owner { email } organisation { id }`;
const CREATE = `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { ${OPP} } }`;
const MOVE = `mutation($id: ID!, $v: Int!, $s: ID!, $r: String) { moveOpportunity(id: $id, version: $v, stageId: $s, lostReason: $r) { ${OPP} } }`;
const PIPELINE = `query($f: PipelineFilter) { pipeline(filter: $f) { count totalValuePence weightedValuePence
  stages { count totalValuePence weightedValuePence stage { name position } } } }`;

const fieldsOf = (r: GqlResult) => (r.errors?.[0]?.extensions?.fields ?? []).map((f) => f.field).sort();

describe('opportunities and the pipeline', () => {
  let t: TestApp;
  let stages: Record<string, { id: string; version: number }>;
  beforeAll(async () => {
    t = await createTestApp();
    const res = await ok('{ opportunityStages { id name version position defaultProbability outcome } }', {}, t.tokens.viewer);
    stages = Object.fromEntries(res.opportunityStages.map((s: any) => [s.name, s]));
  });
  afterAll(() => t.close());

  async function ok(query: string, variables: Record<string, unknown>, token: string) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }
  const createOrg = async (name: string, extra: Record<string, unknown> = {}, token = t.tokens.staff) =>
    (await ok('mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }', { i: { name, type: 'employer', ...extra } }, token)).createOrganisation.id as string;
  const createOpp = async (input: Record<string, unknown>, token = t.tokens.staff) =>
    (await ok(CREATE, { i: { type: 'consultancy', valuePence: 0, ...input } }, token)).createOpportunity;
  const move = (id: string, version: number, stage: string, token = t.tokens.staff, lostReason?: string) =>
    t.gql(MOVE, { id, v: version, s: stages[stage].id, r: lostReason }, token);

  it('seeds the stages enquiry → qualified → proposal → negotiation → won / lost', async () => {
    const res = await ok('{ opportunityStages { name position defaultProbability outcome } }', {}, t.tokens.viewer);
    expect(res.opportunityStages).toEqual([
      { name: 'Enquiry', position: 1, defaultProbability: 10, outcome: 'open' },
      { name: 'Qualified', position: 2, defaultProbability: 25, outcome: 'open' },
      { name: 'Proposal', position: 3, defaultProbability: 50, outcome: 'open' },
      { name: 'Negotiation', position: 4, defaultProbability: 75, outcome: 'open' },
      { name: 'Won', position: 5, defaultProbability: 100, outcome: 'won' },
      { name: 'Lost', position: 6, defaultProbability: 0, outcome: 'lost' },
    ]);
  });

  describe('create and validate', () => {
    let org: string;
    beforeAll(async () => {
      org = await createOrg('Tyne Precision Engineering');
    });

    it('creates in the first open stage, owned by the creator in their department, with its first stay in the history', async () => {
      const contact = (await ok('mutation { createContact(input: { firstName: "Ada", lastName: "Byron" }) { id } }', {}, t.tokens.staff)).createContact;
      const created = await createOpp({ title: '  Lean manufacturing CPD  ', type: 'cpd_short_course', organisationId: org, valuePence: 1_250_000,
        expectedCloseDate: '2026-07-31', startDate: '2026-09-01', endDate: '2028-08-31', contactIds: [contact.id] });
      expect(created).toMatchObject({
        title: 'Lean manufacturing CPD', type: 'cpd_short_course', version: 1, valuePence: 1_250_000, probability: null,
        effectiveProbability: 10, weightedValuePence: 125_000, confidential: false, wonAt: null, closedAt: null,
        stage: { name: 'Enquiry', outcome: 'open' }, department: { code: 'ENG' }, owner: { email: 'staff@test.ac.uk' }, organisation: { id: org },
      });
      const view = await ok(`query($id: ID!) { opportunity(id: $id) { contacts { id } startDate endDate expectedCloseDate
        stageHistory { stage { name } enteredAt leftAt movedBy { email } } history { action changes { field new } } } }`, { id: created.id }, t.tokens.viewer);
      expect(view.opportunity.contacts).toEqual([{ id: contact.id }]);
      expect(view.opportunity).toMatchObject({ startDate: '2026-09-01', endDate: '2028-08-31', expectedCloseDate: '2026-07-31' });
      expect(view.opportunity.stageHistory).toEqual([{ stage: { name: 'Enquiry' }, enteredAt: expect.any(String), leftAt: null, movedBy: { email: 'staff@test.ac.uk' } }]);
      expect(view.opportunity.history).toHaveLength(1);
      expect(view.opportunity.history[0].action).toBe('create');
      expect(view.opportunity.history[0].changes).toEqual(expect.arrayContaining([{ field: 'valuePence', new: '1250000' }, { field: 'title', new: 'Lean manufacturing CPD' }]));
    });

    it('refuses bad input naming each field', async () => {
      const res = await t.gql(CREATE, { i: { title: ' ', type: 'consultancy', organisationId: org, valuePence: -5, probability: 150 } }, t.tokens.staff);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual(['probability', 'title', 'valuePence']);
    });

    it('refuses a fraction of a penny or an unsafe integer as valuePence', async () => {
      for (const valuePence of [12.5, 2 ** 53, '100']) {
        const res = await t.gql(CREATE, { i: { title: 'Fractional', type: 'consultancy', organisationId: org, valuePence } }, t.tokens.staff);
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual(['valuePence']);
      }
    });

    it('refuses an unknown organisation, an end before the start and a lost stage without a reason', async () => {
      const base = { title: 'Checks', type: 'consultancy', organisationId: org };
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ organisationId: '00000000-0000-4000-8000-000000000000' }, 'organisationId'],
        [{ startDate: '2027-01-01', endDate: '2026-01-01' }, 'endDate'],
        [{ stageId: stages.Lost.id }, 'lostReason'],
        [{ type: 'bake_sale' }, 'type'],
      ];
      for (const [input, field] of cases) {
        const res = await t.gql(CREATE, { i: { ...base, ...input } }, t.tokens.staff);
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        expect(fieldsOf(res)).toEqual([field]);
      }
    });

    it('updates version-checked, refuses clearing the title, and audits each change', async () => {
      const opp = await createOpp({ title: 'Metrology consultancy', organisationId: org, valuePence: 500_000 });
      const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateOpportunityInput!) { updateOpportunity(id: $id, version: $v, input: $i) { version valuePence probability weightedValuePence } }`;
      const updated = await ok(UPDATE, { id: opp.id, v: 1, i: { valuePence: 600_000, probability: 40 } }, t.tokens.staff);
      expect(updated.updateOpportunity).toEqual({ version: 2, valuePence: 600_000, probability: 40, weightedValuePence: 240_000 });
      expect(codeOf(await t.gql(UPDATE, { id: opp.id, v: 1, i: { title: 'Lost update' } }, t.tokens.staff))).toBe('CONFLICT');
      const cleared = await t.gql(UPDATE, { id: opp.id, v: 2, i: { title: null } }, t.tokens.staff);
      expect(fieldsOf(cleared)).toEqual(['title']);
      const view = await ok(`query($id: ID!) { opportunity(id: $id) { title history { action changes { field old new } } } }`, { id: opp.id }, t.tokens.staff);
      expect(view.opportunity.title).toBe('Metrology consultancy');
      expect(view.opportunity.history[0]).toEqual({ action: 'update', changes: [{ field: 'valuePence', old: '500000', new: '600000' }, { field: 'probability', old: null, new: '40' }] });
    });

    it('lets a viewer read but not create, update or move (FORBIDDEN)', async () => {
      const opp = await createOpp({ title: 'Read only', organisationId: org });
      expect(codeOf(await t.gql(CREATE, { i: { title: 'Nope', type: 'ktp', organisationId: org } }, t.tokens.viewer))).toBe('FORBIDDEN');
      expect(codeOf(await move(opp.id, 1, 'Qualified', t.tokens.viewer))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(`mutation($id: ID!) { updateOpportunity(id: $id, version: 1, input: { title: "x" }) { id } }`, { id: opp.id }, t.tokens.viewer))).toBe('FORBIDDEN');
      expect((await ok(`query($id: ID!) { opportunity(id: $id) { title } }`, { id: opp.id }, t.tokens.viewer)).opportunity.title).toBe('Read only');
    });
  });

  describe('moving through the stages', () => {
    let org: string;
    beforeAll(async () => {
      org = await createOrg('Wear Valley Composites');
    });

    it('records each transition: the stay it left gets leftAt, the next one opens at the same instant', async () => {
      const opp = await createOpp({ title: 'Composite fatigue testing', type: 'contract_research', organisationId: org, valuePence: 4_000_000 });
      const first = await move(opp.id, 1, 'Qualified');
      expect(first.data.moveOpportunity).toMatchObject({ version: 2, stage: { name: 'Qualified' }, effectiveProbability: 25, weightedValuePence: 1_000_000 });
      const second = await move(opp.id, 2, 'Proposal', t.tokens.manager);
      expect(second.data.moveOpportunity).toMatchObject({ version: 3, stage: { name: 'Proposal' } });

      const view = await ok(`query($id: ID!) { opportunity(id: $id) { stageHistory { stage { name } enteredAt leftAt movedBy { email } }
        history { action changes { field old new } } } }`, { id: opp.id }, t.tokens.staff);
      const h = view.opportunity.stageHistory;
      expect(h.map((s: any) => [s.stage.name, s.movedBy.email])).toEqual([
        ['Enquiry', 'staff@test.ac.uk'], ['Qualified', 'staff@test.ac.uk'], ['Proposal', 'manager@test.ac.uk'],
      ]);
      expect(h[0].leftAt).toBe(h[1].enteredAt);
      expect(h[1].leftAt).toBe(h[2].enteredAt);
      expect(h[2].leftAt).toBeNull();
      expect(new Date(h[1].enteredAt) >= new Date(h[0].enteredAt)).toBe(true);
      expect(view.opportunity.history[0]).toEqual({ action: 'move', changes: [{ field: 'stageId', old: stages.Qualified.id, new: stages.Proposal.id }] });
    });

    it('refuses a stale move with CONFLICT and leaves the stage and history as they were', async () => {
      const opp = await createOpp({ title: 'Stale card', organisationId: org });
      await move(opp.id, 1, 'Qualified');
      const stale = await move(opp.id, 1, 'Negotiation', t.tokens.manager);
      expect(codeOf(stale)).toBe('CONFLICT');
      expect(stale.errors![0].extensions).toMatchObject({ currentVersion: 2 });
      const view = await ok(`query($id: ID!) { opportunity(id: $id) { version stage { name } stageHistory { stage { name } } } }`, { id: opp.id }, t.tokens.staff);
      expect(view.opportunity).toEqual({ version: 2, stage: { name: 'Qualified' }, stageHistory: [{ stage: { name: 'Enquiry' } }, { stage: { name: 'Qualified' } }] });
    });

    it('needs a lost reason for a lost stage, stamps closedAt, and clears it all when reopened', async () => {
      const opp = await createOpp({ title: 'Tendered framework', organisationId: org, valuePence: 900_000, probability: 60 });
      const noReason = await move(opp.id, 1, 'Lost');
      expect(codeOf(noReason)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(noReason)).toEqual(['lostReason']);
      const lost = (await move(opp.id, 1, 'Lost', t.tokens.staff, 'Went with a competitor')).data.moveOpportunity;
      expect(lost).toMatchObject({ stage: { outcome: 'lost' }, lostReason: 'Went with a competitor', wonAt: null, effectiveProbability: 0, weightedValuePence: 0 });
      expect(lost.closedAt).toEqual(expect.any(String));
      const reopened = (await move(opp.id, 2, 'Negotiation')).data.moveOpportunity;
      expect(reopened).toMatchObject({ lostReason: null, closedAt: null, wonAt: null, effectiveProbability: 60, weightedValuePence: 540_000 });
      const won = (await move(opp.id, 3, 'Won')).data.moveOpportunity;
      expect(won).toMatchObject({ stage: { outcome: 'won' }, effectiveProbability: 100, weightedValuePence: 900_000 });
      expect(won.wonAt).toEqual(won.closedAt);
      expect(won.wonAt).not.toBeNull();
    });

    it('treats a move to the stage it is already in as no change', async () => {
      const opp = await createOpp({ title: 'Same column drop', organisationId: org });
      const res = await move(opp.id, 1, 'Enquiry');
      expect(res.data.moveOpportunity).toMatchObject({ version: 1, stage: { name: 'Enquiry' } });
    });

    it('archives (gone from lists and the pipeline) and only an admin restores', async () => {
      const archivedOrg = await createOrg('Archived Pipeline Ltd');
      const opp = await createOpp({ title: 'Short-lived', organisationId: archivedOrg, valuePence: 1000 });
      const archived = await ok(`mutation($id: ID!) { archiveOpportunity(id: $id) { archivedAt version } }`, { id: opp.id }, t.tokens.staff);
      expect(archived.archiveOpportunity).toEqual({ archivedAt: expect.any(String), version: 2 });
      const filter = { organisationId: archivedOrg };
      expect((await ok(`query($f: OpportunityFilter) { opportunities(filter: $f) { totalCount } }`, { f: filter }, t.tokens.manager)).opportunities.totalCount).toBe(0);
      expect((await ok(PIPELINE, { f: filter }, t.tokens.manager)).pipeline.count).toBe(0);
      expect((await ok(`query($id: ID!) { opportunity(id: $id) { id } }`, { id: opp.id }, t.tokens.staff)).opportunity).toBeNull();
      expect(codeOf(await move(opp.id, 2, 'Qualified'))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(`mutation($id: ID!) { restoreOpportunity(id: $id) { id } }`, { id: opp.id }, t.tokens.staff))).toBe('FORBIDDEN');
      await ok(`mutation($id: ID!) { restoreOpportunity(id: $id) { id } }`, { id: opp.id }, t.tokens.admin);
      expect((await ok(PIPELINE, { f: filter }, t.tokens.manager)).pipeline.count).toBe(1);
    });
  });

  describe('confidential opportunities', () => {
    let org: string;
    let secret: { id: string };
    beforeAll(async () => {
      // The organisation is not confidential; the opportunity is, to ENG.
      org = await createOrg('Northern Defence Partners');
      secret = await createOpp({ title: 'Classified sensor research', type: 'contract_research', organisationId: org, valuePence: 8_000_000, confidential: true });
      await createOpp({ title: 'Open sensor CPD', type: 'cpd_short_course', organisationId: org, valuePence: 100_000 });
    });

    it('is invisible to another department by id, list, totalCount, Organisation.opportunities and pipeline totals', async () => {
      const token = t.tokens.staffBus;
      expect((await ok(`query($id: ID!) { opportunity(id: $id) { id } }`, { id: secret.id }, token)).opportunity).toBeNull();
      const list = await ok(`query($f: OpportunityFilter) { opportunities(filter: $f) { totalCount edges { node { title } } } }`, { f: { organisationId: org } }, token);
      expect(list.opportunities).toEqual({ totalCount: 1, edges: [{ node: { title: 'Open sensor CPD' } }] });
      const searched = await ok(`{ opportunities(filter: { search: "Classified" }) { totalCount } }`, {}, token);
      expect(searched.opportunities.totalCount).toBe(0);
      const nested = await ok(`query($id: ID!) { organisation(id: $id) { opportunities { totalCount edges { node { title } } } } }`, { id: org }, token);
      expect(nested.organisation.opportunities).toEqual({ totalCount: 1, edges: [{ node: { title: 'Open sensor CPD' } }] });
      const pipeline = (await ok(PIPELINE, { f: { organisationId: org } }, token)).pipeline;
      expect(pipeline).toMatchObject({ count: 1, totalValuePence: 100_000, weightedValuePence: 10_000 });
    });

    it('cannot be moved, changed or archived from another department (it does not exist for them)', async () => {
      expect(codeOf(await move(secret.id, 1, 'Qualified', t.tokens.staffBus))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(`mutation($id: ID!) { updateOpportunity(id: $id, version: 1, input: { title: "Leak" }) { id } }`, { id: secret.id }, t.tokens.staffBus))).toBe('NOT_FOUND');
      expect(codeOf(await t.gql(`mutation($id: ID!) { archiveOpportunity(id: $id) { id } }`, { id: secret.id }, t.tokens.staffBus))).toBe('NOT_FOUND');
    });

    it('is visible to its department and to managers, in every route', async () => {
      for (const token of [t.tokens.staff, t.tokens.manager, t.tokens.viewer]) {
        expect((await ok(`query($id: ID!) { opportunity(id: $id) { title } }`, { id: secret.id }, token)).opportunity.title).toBe('Classified sensor research');
        const nested = await ok(`query($id: ID!) { organisation(id: $id) { opportunities { totalCount } } }`, { id: org }, token);
        expect(nested.organisation.opportunities.totalCount).toBe(2);
        const pipeline = (await ok(PIPELINE, { f: { organisationId: org } }, token)).pipeline;
        expect(pipeline).toMatchObject({ count: 2, totalValuePence: 8_100_000, weightedValuePence: 810_000 });
      }
    });

    it('refuses a confidential opportunity in a department that is not yours', async () => {
      const res = await t.gql(CREATE, { i: { title: 'Cross-department secret', type: 'ktp', organisationId: org, confidential: true, departmentId: t.departments.ENG } }, t.tokens.staffBus);
      expect(fieldsOf(res)).toEqual(['departmentId']);
    });

    it("inherits a confidential organisation's confidentiality unless told otherwise", async () => {
      const secretOrg = await createOrg('Skunk Works Robotics', { confidential: true, departmentId: t.departments.ENG });
      expect((await createOpp({ title: 'Robot arm KTP', type: 'ktp', organisationId: secretOrg })).confidential).toBe(true);
      const res = await t.gql(CREATE, { i: { title: 'Probe', type: 'ktp', organisationId: secretOrg } }, t.tokens.staffBus);
      expect(fieldsOf(res)).toEqual(['organisationId']);
    });
  });

  describe('pipeline figures (worked out by hand)', () => {
    let org: string;
    beforeAll(async () => {
      org = await createOrg('Pipeline Fixture Ltd');
      const add = async (title: string, stage: string, valuePence: number, extra: Record<string, unknown> = {}, token = t.tokens.staff) => {
        const created = await createOpp({ title, organisationId: org, valuePence, stageId: stages[stage].id, ...extra }, token);
        return created;
      };
      // Enquiry default 10%: 1,000,000 × 10% = 100,000.
      await add('A enquiry', 'Enquiry', 1_000_000, { type: 'consultancy', expectedCloseDate: '2026-03-31' });
      // Qualified default 25%: 333 × 25% = 83.25 → 83.
      await add('B qualified', 'Qualified', 333, { type: 'cpd_short_course', expectedCloseDate: '2026-06-30' });
      // Proposal with its own 30%: 250,000 × 30% = 75,000; and 1 × 50% = 0.5 → 1 (half a penny rounds up).
      await add('C proposal', 'Proposal', 250_000, { probability: 30, type: 'consultancy', expectedCloseDate: '2026-09-30' });
      await add('D proposal', 'Proposal', 1, { type: 'ktp' });
      // Negotiation default 75%: 2,000,000 × 75% = 1,500,000.
      await add('E negotiation', 'Negotiation', 2_000_000, { type: 'contract_research', expectedCloseDate: '2026-12-31' });
      // Closed business is not in the pipeline.
      await add('F won', 'Won', 5_000_000);
      await add('G lost', 'Lost', 700_000, { lostReason: 'No budget' });
      // Confidential to BUS: 400,000 × 50% = 200,000, seen by BUS and managers only.
      await add('H bus secret', 'Proposal', 400_000, { confidential: true, type: 'consultancy' }, t.tokens.staffBus);
    });

    const byStage = (p: any) => Object.fromEntries(p.stages.map((s: any) => [s.stage.name, [s.count, s.totalValuePence, s.weightedValuePence]]));

    it('counts, totals and weights each open stage, in board order, for ENG staff', async () => {
      const p = (await ok(PIPELINE, { f: { organisationId: org } }, t.tokens.staff)).pipeline;
      expect(p.stages.map((s: any) => s.stage.name)).toEqual(['Enquiry', 'Qualified', 'Proposal', 'Negotiation']);
      expect(byStage(p)).toEqual({
        Enquiry: [1, 1_000_000, 100_000],
        Qualified: [1, 333, 83],
        Proposal: [2, 250_001, 75_001],
        Negotiation: [1, 2_000_000, 1_500_000],
      });
      expect(p).toMatchObject({ count: 5, totalValuePence: 3_250_334, weightedValuePence: 1_675_084 });
    });

    it("adds BUS's confidential opportunity for a manager", async () => {
      const p = (await ok(PIPELINE, { f: { organisationId: org } }, t.tokens.manager)).pipeline;
      expect(byStage(p).Proposal).toEqual([3, 650_001, 275_001]);
      expect(p).toMatchObject({ count: 6, totalValuePence: 3_650_334, weightedValuePence: 1_875_084 });
    });

    it('filters by department, type, owner and expected close range', async () => {
      const pipeline = async (f: Record<string, unknown>) => (await ok(PIPELINE, { f: { organisationId: org, ...f } }, t.tokens.manager)).pipeline;
      expect(await pipeline({ departmentIds: [t.departments.BUS] })).toMatchObject({ count: 1, totalValuePence: 400_000, weightedValuePence: 200_000 });
      // consultancy: A 100,000 + C 75,000 + H 200,000.
      expect(await pipeline({ types: ['consultancy'] })).toMatchObject({ count: 3, totalValuePence: 1_650_000, weightedValuePence: 375_000 });
      expect(await pipeline({ ownerId: t.users.staffBus })).toMatchObject({ count: 1, totalValuePence: 400_000 });
      // Expected to close April–September 2026: B and C.
      expect(await pipeline({ expectedCloseFrom: '2026-04-01', expectedCloseTo: '2026-09-30' })).toMatchObject({ count: 2, totalValuePence: 250_333, weightedValuePence: 75_083 });
      const empty = await pipeline({ types: ['ip_licensing'] });
      expect(empty).toMatchObject({ count: 0, totalValuePence: 0, weightedValuePence: 0 });
      expect(empty.stages).toHaveLength(4);
    });

    it("agrees with the cards: each column's weighted total is the sum of its cards' weighted values", async () => {
      const list = await ok(`query($f: OpportunityFilter) { opportunities(first: 100, filter: $f) { edges { node { weightedValuePence stage { name } } } } }`,
        { f: { organisationId: org, outcome: 'open' } }, t.tokens.staff);
      const sums: Record<string, number> = {};
      for (const { node } of list.opportunities.edges) sums[node.stage.name] = (sums[node.stage.name] ?? 0) + node.weightedValuePence;
      expect(sums).toEqual({ Enquiry: 100_000, Qualified: 83, Proposal: 75_001, Negotiation: 1_500_000 });
    });

    it('lists with filters, sorts and keyset pages', async () => {
      const LIST = `query($f: OpportunityFilter, $o: OpportunityOrder, $after: String) { opportunities(first: 2, after: $after, filter: $f, orderBy: $o) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }`;
      const byValue = { field: 'valuePence', direction: 'desc' };
      const page1 = (await ok(LIST, { f: { organisationId: org }, o: byValue }, t.tokens.staff)).opportunities;
      expect(page1.totalCount).toBe(7);
      expect(page1.edges.map((e: any) => e.node.title)).toEqual(['F won', 'E negotiation']);
      const page2 = (await ok(LIST, { f: { organisationId: org }, o: byValue, after: page1.pageInfo.endCursor }, t.tokens.staff)).opportunities;
      expect(page2.edges.map((e: any) => e.node.title)).toEqual(['A enquiry', 'G lost']);
      const byClose = (await ok(LIST.replace('first: 2', 'first: 10'), { f: { organisationId: org }, o: { field: 'expectedCloseDate', direction: 'asc' } }, t.tokens.staff)).opportunities;
      expect(byClose.edges.map((e: any) => e.node.title).slice(0, 4)).toEqual(['A enquiry', 'B qualified', 'C proposal', 'E negotiation']);
      const won = (await ok(LIST, { f: { organisationId: org, outcome: 'won' } }, t.tokens.staff)).opportunities;
      expect(won.edges.map((e: any) => e.node.title)).toEqual(['F won']);
      const stagesFilter = (await ok(LIST, { f: { organisationId: org, stageIds: [stages.Proposal.id], search: 'proposal' } }, t.tokens.staff)).opportunities;
      expect(stagesFilter.totalCount).toBe(2);
      const newest = (await ok(`query($id: ID!) { organisation(id: $id) { opportunities(first: 2) { totalCount edges { node { title } } pageInfo { hasNextPage } } } }`, { id: org }, t.tokens.staff));
      expect(newest.organisation.opportunities).toEqual({ totalCount: 7, edges: [{ node: { title: 'G lost' } }, { node: { title: 'F won' } }], pageInfo: { hasNextPage: true } });
    });
  });

  describe('no N+1 under a list', () => {
    let counter: Awaited<ReturnType<typeof statementCounter>>;
    beforeAll(async () => {
      counter = await statementCounter(t);
    });

    it('issues the same number of statements for 30 opportunities as for 2', async () => {
      const seed = async (name: string, n: number) => {
        const org = await createOrg(name);
        const contact = (await ok('mutation { createContact(input: { firstName: "Pat", lastName: "Buyer" }) { id } }', {}, t.tokens.staff)).createContact;
        for (let i = 0; i < n; i++) {
          const opp = await createOpp({ title: `${name} ${i}`, organisationId: org, valuePence: 1000 * i, contactIds: [contact.id] });
          if (i % 2) await move(opp.id, 1, 'Proposal');
        }
        return org;
      };
      const big = await seed('Many Opportunities Ltd', 30);
      const small = await seed('Few Opportunities Ltd', 2);
      const LIST = `query($f: OpportunityFilter) {
        opportunities(first: 50, filter: $f) { totalCount edges { node { title effectiveProbability weightedValuePence
          organisation { name } owner { name } department { code } stage { name } contacts { name }
          stageHistory { enteredAt stage { name } movedBy { name } } history { action actor { name } } } } } }`;
      const NESTED = `query($s: String) { organisations(search: $s) { edges { node { name
        opportunities(first: 50) { totalCount edges { node { title stage { name } owner { name } contacts { name } } } } } } } }`;
      const measure = async (query: string, variables: Record<string, unknown>) => {
        const { statements, result: res } = await counter.measure(() => t.gql(query, variables, t.tokens.staff));
        expect(res.errors).toBeUndefined();
        return { statements, data: res.data };
      };
      const bigRun = await measure(LIST, { f: { organisationId: big } });
      const smallRun = await measure(LIST, { f: { organisationId: small } });
      expect(bigRun.data.opportunities.edges).toHaveLength(30);
      expect(smallRun.data.opportunities.edges).toHaveLength(2);
      expect(bigRun.statements).toBe(smallRun.statements);
      const bothOrgs = await measure(NESTED, { s: 'Opportunities Ltd' });
      const oneOrg = await measure(NESTED, { s: 'Few Opportunities' });
      expect(bothOrgs.data.organisations.edges.map((e: any) => e.node.opportunities.totalCount).sort()).toEqual([2, 30]);
      expect(oneOrg.data.organisations.edges).toHaveLength(1);
      expect(bothOrgs.statements).toBe(oneOrg.statements);
      expect(bothOrgs.statements).toBeLessThanOrEqual(10);
      expect(bigRun.statements).toBeLessThanOrEqual(20);
    });
  });

  describe('the board', () => {
    const CARDS = `pageInfo { hasNextPage endCursor } edges { node { id title effectiveProbability weightedValuePence expectedCloseDate stage { name } organisation { name } owner { name } department { code } } }`;
    const COLUMN = `query($f: OpportunityFilter, $after: String) { opportunities(first: 2, after: $after, filter: $f, orderBy: { field: expectedCloseDate, direction: asc }) { ${CARDS} } }`;
    const COUNTED = `query($f: OpportunityFilter, $after: String) { opportunities(first: 2, after: $after, filter: $f, orderBy: { field: expectedCloseDate, direction: asc }) { totalCount ${CARDS} } }`;
    const BY_FRAGMENT = `query($f: OpportunityFilter) { opportunities(first: 2, filter: $f) { ...Counted } } fragment Counted on OpportunityConnection { totalCount }`;
    let org: string;
    let counter: Awaited<ReturnType<typeof statementCounter>>;
    beforeAll(async () => {
      org = await createOrg('Board Fixture Ltd');
      for (const [title, expectedCloseDate, confidential] of [['Board A', '2026-05-01', false], ['Board B', null, false], ['Board C', '2026-02-01', true],
        ['Board D', '2026-04-01', false], ['Board E', '2026-03-01', false]] as const) {
        const opp = await createOpp({ title, organisationId: org, valuePence: 100_000, expectedCloseDate, confidential });
        await move(opp.id, 1, 'Proposal');
      }
      counter = await statementCounter(t);
    });

    it('pages a column without totalCount exactly as with it, and the stage totals give the count', async () => {
      for (const [token, seen] of [[t.tokens.staff, ['Board C', 'Board E', 'Board D', 'Board A', 'Board B']], [t.tokens.staffBus, ['Board E', 'Board D', 'Board A', 'Board B']]] as const) {
        const f = { organisationId: org, stageIds: [stages.Proposal.id] };
        const titles: string[] = [];
        for (let after: string | null = null, more = true; more;) {
          const plain = (await ok(COLUMN, { f, after }, token)).opportunities;
          const counted = (await ok(COUNTED, { f, after }, token)).opportunities;
          expect(plain).toEqual({ pageInfo: counted.pageInfo, edges: counted.edges });
          expect(counted.totalCount).toBe(seen.length);
          titles.push(...plain.edges.map((e: any) => e.node.title));
          ({ hasNextPage: more, endCursor: after } = plain.pageInfo);
        }
        // Soonest to close first, undated last; another department's confidential card is not there.
        expect(titles).toEqual(seen);
        const pipeline = (await ok(PIPELINE, { f: { organisationId: org } }, token)).pipeline;
        expect(pipeline.stages.find((s: any) => s.stage.name === 'Proposal').count).toBe(seen.length);
        expect(pipeline).toMatchObject({ count: seen.length, totalValuePence: seen.length * 100_000, weightedValuePence: seen.length * 50_000 });
        expect((await ok(BY_FRAGMENT, { f }, token)).opportunities.totalCount).toBe(seen.length);
      }
    });

    it('does not count a column nobody asked to count, and loads the cards\' stage once', async () => {
      const f = { organisationId: org, stageIds: [stages.Proposal.id] };
      const plain = await counter.measure(() => t.gql(COLUMN, { f }, t.tokens.staff));
      const counted = await counter.measure(() => t.gql(COUNTED, { f }, t.tokens.staff));
      expect(plain.result.errors).toBeUndefined();
      expect(counted.statements - plain.statements).toBe(1);
      // Authentication, the page, then one statement each for stage, organisation, owner, department.
      expect(plain.statements).toBeLessThanOrEqual(6);
    });

    it("loads in one request: each open stage's first cards within the pipeline's filter, continued by the column query", async () => {
      const BOARD = `query($f: PipelineFilter) { pipeline(filter: $f) { count stages { stage { name } count
        opportunities(first: 2, orderBy: { field: expectedCloseDate, direction: asc }) { ${CARDS} } } } }`;
      for (const [token, seen] of [[t.tokens.staff, ['Board C', 'Board E', 'Board D', 'Board A', 'Board B']], [t.tokens.staffBus, ['Board E', 'Board D', 'Board A', 'Board B']]] as const) {
        const board = await counter.measure(() => t.gql(BOARD, { f: { organisationId: org } }, token));
        expect(board.result.errors).toBeUndefined();
        const stagesShown = board.result.data!.pipeline.stages;
        const proposal = stagesShown.find((s: any) => s.stage.name === 'Proposal');
        // The first page is the column query's first page, uncounted: the stage count stands for it.
        const column = (await ok(COLUMN, { f: { organisationId: org, stageIds: [stages.Proposal.id] } }, token)).opportunities;
        expect(proposal.opportunities).toEqual(column);
        expect(proposal.count).toBe(seen.length);
        const titles = proposal.opportunities.edges.map((e: any) => e.node.title);
        for (let after = proposal.opportunities.pageInfo.endCursor, more = proposal.opportunities.pageInfo.hasNextPage; more;) {
          const next = (await ok(COLUMN, { f: { organisationId: org, stageIds: [stages.Proposal.id] }, after }, token)).opportunities;
          titles.push(...next.edges.map((e: any) => e.node.title));
          ({ hasNextPage: more, endCursor: after } = next.pageInfo);
        }
        expect(titles).toEqual(seen);
        for (const other of stagesShown.filter((s: any) => s.stage.name !== 'Proposal')) expect(other.opportunities.edges).toEqual([]);
        // Authentication, the totals, a page per open stage, then one statement each for stage, organisation, owner and department, whatever the cards.
        expect(board.statements).toBeLessThanOrEqual(2 + stagesShown.length + 4);
      }
      // The pipeline's filter narrows the cards as it narrows the totals.
      const narrowed = (await ok(BOARD, { f: { organisationId: org, types: ['ip_licensing'] } }, t.tokens.staff)).pipeline;
      expect(narrowed.count).toBe(0);
      expect(narrowed.stages.every((s: any) => s.opportunities.edges.length === 0)).toBe(true);
      // A page size past the cap is refused, naming the field.
      const tooMany = await t.gql(BOARD.replace('first: 2', 'first: 101'), { f: { organisationId: org } }, t.tokens.staff);
      expect(tooMany.errors?.[0]?.extensions?.fields?.[0]?.field ?? tooMany.errors?.[0]?.message).toMatch(/first/);
    });
  });

  it('finds won ones by when they closed and by the period their delivery runs in (the reports\' drill-downs)', async () => {
    const org = await createOrg('Drill-down Fixture Ltd');
    const multiYear = await createOpp({ title: 'Drill multi-year', organisationId: org, startDate: '2024-09-01', endDate: '2026-08-31' });
    await move(multiYear.id, multiYear.version, 'Won');
    const today = new Date().toISOString().slice(0, 10);
    const titles = async (f: Record<string, unknown>) =>
      (await ok('query($f: OpportunityFilter) { opportunities(first: 100, filter: $f) { edges { node { title } } } }', { f: { organisationId: org, ...f } }, t.tokens.viewer))
        .opportunities.edges.map((e: any) => e.node.title);
    expect(await titles({ closedFrom: today, closedTo: today })).toEqual(['Drill multi-year']);
    expect(await titles({ closedTo: '2020-01-01' })).toEqual([]);
    expect(await titles({ runningFrom: '2024-08-01', runningTo: '2025-07-31' })).toEqual(['Drill multi-year']);
    expect(await titles({ runningFrom: '2026-08-01', runningTo: '2027-07-31' })).toEqual(['Drill multi-year']);
    expect(await titles({ runningFrom: '2023-08-01', runningTo: '2024-07-31' })).toEqual([]);
    expect(await titles({ runningFrom: '2026-09-01' })).toEqual([]);
    const bad = await t.gql('query($f: OpportunityFilter) { opportunities(filter: $f) { totalCount } }', { f: { runningFrom: '31/07/2025' } }, t.tokens.viewer);
    expect(fieldsOf(bad)).toEqual(['filter.runningFrom']);
  });

  describe('stages (reference data)', () => {
    const UPDATE_STAGE = `mutation($id: ID!, $v: Int!, $i: UpdateOpportunityStageInput!) { updateOpportunityStage(id: $id, version: $v, input: $i) { name defaultProbability version } }`;

    it('lets an admin edit a stage, and refuses staff and managers (FORBIDDEN)', async () => {
      const proposal = stages.Proposal;
      for (const token of [t.tokens.staff, t.tokens.manager]) {
        expect(codeOf(await t.gql(UPDATE_STAGE, { id: proposal.id, v: proposal.version, i: { defaultProbability: 1 } }, token))).toBe('FORBIDDEN');
      }
      const edited = await ok(UPDATE_STAGE, { id: proposal.id, v: proposal.version, i: { name: 'Proposal sent', defaultProbability: 40 } }, t.tokens.admin);
      expect(edited.updateOpportunityStage).toEqual({ name: 'Proposal sent', defaultProbability: 40, version: proposal.version + 1 });
      expect(codeOf(await t.gql(UPDATE_STAGE, { id: proposal.id, v: proposal.version, i: { name: 'Stale' } }, t.tokens.admin))).toBe('CONFLICT');
      // The new default flows straight into the pipeline: D (1p) now 0.4p → 0; H is not ENG's.
      const fixture = (await ok('{ organisations(search: "Pipeline Fixture") { edges { node { id } } } }', {}, t.tokens.staff)).organisations.edges[0].node.id;
      const p = (await ok(PIPELINE, { f: { organisationId: fixture } }, t.tokens.staff)).pipeline;
      expect(p.stages.find((s: any) => s.stage.name === 'Proposal sent')).toMatchObject({ count: 2, weightedValuePence: 75_000 });
    });

    it('creates a stage (admin only), refusing a duplicate name and an outcome change on a stage in use', async () => {
      const CREATE_STAGE = `mutation($i: CreateOpportunityStageInput!) { createOpportunityStage(input: $i) { id name position version } }`;
      const input = { name: 'Delivered', position: 7, defaultProbability: 100, outcome: 'won' };
      expect(codeOf(await t.gql(CREATE_STAGE, { i: input }, t.tokens.staff))).toBe('FORBIDDEN');
      expect((await ok(CREATE_STAGE, { i: input }, t.tokens.admin)).createOpportunityStage).toMatchObject({ name: 'Delivered', position: 7 });
      const duplicate = await t.gql(CREATE_STAGE, { i: { ...input, name: 'delivered' } }, t.tokens.admin);
      expect(fieldsOf(duplicate)).toEqual(['name']);
      const bad = await t.gql(CREATE_STAGE, { i: { ...input, name: 'Odd', defaultProbability: 101 } }, t.tokens.admin);
      expect(fieldsOf(bad)).toEqual(['defaultProbability']);
      const inUse = await t.gql(UPDATE_STAGE, { id: stages.Enquiry.id, v: stages.Enquiry.version, i: { outcome: 'won' } }, t.tokens.admin);
      expect(fieldsOf(inUse)).toEqual(['outcome']);
    });

    it('reorders the board in one go (admin only), refusing a list that misses or repeats a stage', async () => {
      const REORDER = `mutation($ids: [ID!]!) { reorderOpportunityStages(ids: $ids) { name position } }`;
      const current = (await ok('{ opportunityStages { id name } }', {}, t.tokens.viewer)).opportunityStages as Array<{ id: string; name: string }>;
      const ids = current.map((s) => s.id);
      // Swap the first two columns.
      const swapped = [ids[1], ids[0], ...ids.slice(2)];
      expect(codeOf(await t.gql(REORDER, { ids: swapped }, t.tokens.manager))).toBe('FORBIDDEN');
      const res = (await ok(REORDER, { ids: swapped }, t.tokens.admin)).reorderOpportunityStages;
      expect(res.slice(0, 2)).toEqual([{ name: current[1].name, position: 1 }, { name: current[0].name, position: 2 }]);
      expect(res.map((s: any) => s.position)).toEqual(ids.map((_, i) => i + 1));
      for (const bad of [ids.slice(1), [...ids, ids[0]], [...ids.slice(1), '00000000-0000-4000-8000-000000000000']]) {
        expect(fieldsOf(await t.gql(REORDER, { ids: bad }, t.tokens.admin))).toEqual(['ids']);
      }
      // Nothing half-written: the refused lists left the order as it was.
      expect((await ok('{ opportunityStages { name } }', {}, t.tokens.viewer)).opportunityStages.map((s: any) => s.name)).toEqual(res.map((s: any) => s.name));
    });
  });
});
