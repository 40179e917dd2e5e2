import { measureEvidence } from '../src/modules/assessment/evidence.sql';
import { codeOf, createTestApp, GqlResult, TestApp } from './support/test-app';

const FRAMEWORK_TEXT = `title source levels { key name alias aliasSource description } sections { key title summary }
  dimensions { key title summary sectionKeys statements { key text } descriptors { peripheral tactical strategic } recommendations { tactical strategic } }`;
const START = `mutation($i: StartAssessmentInput!) { startAssessment(input: $i) { id version status scope lead { id } framework { version } } }`;
const ANSWER = `mutation($i: AnswerAssessmentInput!) { answerAssessment(input: $i) { id } }`;
const COMPLETE = `mutation($id: ID!, $v: Int!) { completeAssessment(id: $id, version: $v) { id status version completedAt } }`;
const RESULTS = `query($id: ID!) { assessment(id: $id) { status framework { version dimensions { key title } }
  results { overallScore overallLevel respondentCount answerCount strengths gaps evidenceAsOf disagreements
    dimensions { dimensionKey score level nextLevel recommendations respondentCount spread { peripheral tactical strategic min max } }
    evidence { key level value } } } }`;

const fieldsOf = (r: GqlResult) => (r.errors?.[0]?.extensions?.fields ?? []).map((f) => f.field).sort();

describe('maturity self-assessment', () => {
  let t: TestApp;
  let framework: any;

  beforeAll(async () => {
    t = await createTestApp();
    framework = (await ok(`{ assessmentFramework { version ${FRAMEWORK_TEXT} } }`, {}, t.tokens.viewer)).assessmentFramework;
  });
  afterAll(() => t.close());

  async function ok(query: string, variables: Record<string, unknown>, token: string) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }
  /** Every statement at `level`, except those of the dimensions given, which take their listed levels in order. */
  const answersFor = (level: number, exceptions: Record<string, number[]> = {}) => framework.dimensions.flatMap((d: any) =>
    d.statements.map((s: any, i: number) => ({ statementKey: s.key, level: exceptions[d.key]?.[i] ?? level })));
  const answer = (assessmentId: string, answers: unknown[], token: string) => t.gql(ANSWER, { i: { assessmentId, answers } }, token);
  const start = async (title: string, token = t.tokens.manager, departmentId?: string) =>
    (await ok(START, { i: { title, departmentId } }, token)).startAssessment;

  it('serves the framework: ten dimensions tagged with the seven sections, statements, descriptors, and the KSA alias of peripheral', () => {
    expect(framework.version).toBe(1);
    expect(framework.levels.map((l: any) => [l.key, l.alias])).toEqual([['peripheral', 'Operational'], ['tactical', null], ['strategic', null]]);
    expect(framework.sections.map((s: any) => s.title)).toEqual([
      'What is CRM?', 'The needs of HEIs and FECs', 'Who are your customers?', 'Where are you now?', 'Are you ready for change?', 'Process mapping', 'Which CRM?']);
    expect(framework.dimensions).toHaveLength(10);
    const sectionKeys = new Set(framework.sections.map((s: any) => s.key));
    for (const d of framework.dimensions) {
      expect(d.statements.length).toBeGreaterThanOrEqual(2);
      expect(d.sectionKeys.every((k: string) => sectionKeys.has(k))).toBe(true);
      expect(d.recommendations.tactical.length && d.recommendations.strategic.length).toBeTruthy();
    }
  });

  describe('answering and completing', () => {
    let id: string;
    beforeAll(async () => {
      id = (await start('Institution CRM maturity 2026')).id;
    });

    it('lets managers and admins start one, led by whoever starts it; staff and viewers cannot', async () => {
      const a = await ok(`query($id: ID!) { assessment(id: $id) { status scope version lead { id } department { id } framework { version } } }`, { id }, t.tokens.viewer);
      expect(a.assessment).toEqual({ status: 'in_progress', scope: 'institution', version: 1, lead: { id: t.users.manager }, department: null, framework: { version: 1 } });
      expect(codeOf(await t.gql(START, { i: { title: 'Mine' } }, t.tokens.staff))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(START, { i: { title: 'Mine' } }, t.tokens.viewer))).toBe('FORBIDDEN');
      const dept = await start('Engineering CRM maturity', t.tokens.admin, t.departments.ENG);
      expect(dept).toMatchObject({ scope: 'department', lead: { id: t.users.admin } });
    });

    it('saves partial answers and resumes them, with progress per section and dimension', async () => {
      const first = answersFor(2).slice(0, 3).map((a: any, i: number) => (i === 0 ? { ...a, evidence: 'Only the BCE unit has a written plan' } : a));
      expect((await answer(id, first, t.tokens.staff)).errors).toBeUndefined();
      // Changing one answer later replaces it; leaving out evidence keeps the note.
      expect((await answer(id, [{ statementKey: first[0].statementKey, level: 1 }], t.tokens.staff)).errors).toBeUndefined();
      const mine = (await ok(`query($id: ID!) { assessment(id: $id) { myAnswers { statementKey level evidence }
        myProgress { answered total dimensions { key answered total } sections { key answered total } } respondents { user { id } answered total complete } } }`,
      { id }, t.tokens.staff)).assessment;
      expect(mine.myAnswers).toEqual(expect.arrayContaining([{ statementKey: 'strategy_policy.strategy', level: 1, evidence: 'Only the BCE unit has a written plan' }]));
      expect(mine.myAnswers).toHaveLength(3);
      expect(mine.myProgress).toMatchObject({ answered: 3, total: 30 });
      expect(mine.myProgress.dimensions[0]).toEqual({ key: 'strategy_policy', answered: 3, total: 3 });
      expect(mine.myProgress.sections.find((s: any) => s.key === 'what_is_crm')).toEqual({ key: 'what_is_crm', answered: 3, total: 3 });
      expect(mine.myProgress.sections.find((s: any) => s.key === 'which_crm')).toEqual({ key: 'which_crm', answered: 3, total: 9 });
      expect(mine.respondents).toEqual([{ user: { id: t.users.staff }, answered: 3, total: 30, complete: false }]);
    });

    it('refuses bad answers naming the field: an unknown statement, a level out of range, a repeated statement', async () => {
      const unknown = await answer(id, [{ statementKey: 'strategy_policy.strategy', level: 2 }, { statementKey: 'nope', level: 2 }], t.tokens.staff);
      expect(codeOf(unknown)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(unknown)).toEqual(['answers.1.statementKey']);
      const range = await answer(id, [{ statementKey: 'strategy_policy.strategy', level: 4 }], t.tokens.staff);
      expect(codeOf(range)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(range)).toEqual(['answers.0.level']);
      const twice = await answer(id, [{ statementKey: 'partnerships.joint', level: 2 }, { statementKey: 'partnerships.joint', level: 3 }], t.tokens.staff);
      expect(fieldsOf(twice)).toEqual(['answers.1.statementKey']);
    });

    it('does not let a viewer answer', async () => {
      expect(codeOf(await answer(id, answersFor(2).slice(0, 1), t.tokens.viewer))).toBe('FORBIDDEN');
    });

    it('needs one respondent with every statement answered before it can be completed', async () => {
      const res = await t.gql(COMPLETE, { id, v: 1 }, t.tokens.manager);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(res)).toEqual(['id']);
    });

    it('lets only the lead or an admin complete it, with the current version, and then scores it as worked out by hand', async () => {
      // Staff: strategy 1,1,2 and uptake 3,3,3; manager: strategy 1,1,1 and uptake 3,3,2; every other answer 2.
      expect((await answer(id, answersFor(2, { strategy_policy: [1, 1, 2], uptake_across_units: [3, 3, 3] }), t.tokens.staff)).errors).toBeUndefined();
      expect((await answer(id, answersFor(2, { strategy_policy: [1, 1, 1], uptake_across_units: [3, 3, 2] }), t.tokens.manager)).errors).toBeUndefined();

      expect(codeOf(await t.gql(COMPLETE, { id, v: 1 }, t.tokens.staffBus))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(COMPLETE, { id, v: 1 }, t.tokens.staff))).toBe('FORBIDDEN'); // a respondent, not the lead
      expect(codeOf(await t.gql(COMPLETE, { id, v: 0 }, t.tokens.manager))).toBe('CONFLICT');
      const done = (await ok(COMPLETE, { id, v: 1 }, t.tokens.manager)).completeAssessment;
      expect(done).toMatchObject({ status: 'completed', version: 2, completedAt: expect.any(String) });
      expect(codeOf(await answer(id, answersFor(3).slice(0, 1), t.tokens.staff))).toBe('CONFLICT');

      const r = (await ok(RESULTS, { id }, t.tokens.viewer)).assessment.results;
      // uptake: 3,3,3,3,3,2 = 17/6 (strategic); strategy: 1,1,2,1,1,1 = 7/6 (peripheral); the eight others 2 (tactical).
      // overall: (17/6 + 7/6 + 8 × 2) / 10 = 20 / 10 = 2 (tactical).
      expect(r).toMatchObject({ overallScore: 2, overallLevel: 'tactical', respondentCount: 2, answerCount: 60, strengths: ['uptake_across_units'], gaps: ['strategy_policy'] });
      const dim = (key: string) => r.dimensions.find((d: any) => d.dimensionKey === key);
      expect(dim('uptake_across_units')).toMatchObject({ score: 17 / 6, level: 'strategic', nextLevel: null, recommendations: [], respondentCount: 2,
        spread: { peripheral: 0, tactical: 1, strategic: 5, min: 'tactical', max: 'strategic' } });
      expect(dim('strategy_policy')).toMatchObject({ score: 7 / 6, level: 'peripheral', nextLevel: 'tactical',
        spread: { peripheral: 5, tactical: 1, strategic: 0, min: 'peripheral', max: 'tactical' } });
      expect(dim('strategy_policy').recommendations).toEqual(framework.dimensions[0].recommendations.tactical);
      expect(dim('partnerships')).toMatchObject({ score: 2, level: 'tactical', nextLevel: 'strategic' });
      expect(r.evidence.map((e: any) => e.key)).toEqual([
        'departments_engaging', 'engagements_linked', 'duplicate_candidates', 'organisation_completeness', 'enquiries_answered', 'enquiry_median_response', 'opportunities_complete']);
    });

    it('keeps a completed assessment on the framework version it was answered against when an admin edits the framework', async () => {
      const edited = { ...framework, dimensions: framework.dimensions.slice(1) };
      delete edited.version;
      edited.dimensions[0] = { ...edited.dimensions[0], title: 'Knowing our customers' };
      const UPDATE = `mutation($i: FrameworkInput!, $v: Int!) { updateAssessmentFramework(input: $i, expectedVersion: $v) { version current createdBy { id } dimensions { key title } } }`;
      expect(codeOf(await t.gql(UPDATE, { i: edited, v: 1 }, t.tokens.manager))).toBe('FORBIDDEN');
      const v2 = (await ok(UPDATE, { i: edited, v: 1 }, t.tokens.admin)).updateAssessmentFramework;
      expect(v2).toMatchObject({ version: 2, current: true, createdBy: { id: t.users.admin } });
      expect(v2.dimensions).toHaveLength(9);
      expect(codeOf(await t.gql(UPDATE, { i: edited, v: 1 }, t.tokens.admin))).toBe('CONFLICT');

      const old = (await ok(RESULTS, { id }, t.tokens.viewer)).assessment;
      expect(old.framework.version).toBe(1);
      expect(old.framework.dimensions.map((d: any) => d.title).slice(0, 2)).toEqual(['Strategy and policy', 'Customers and segmentation']);
      expect(old.results).toMatchObject({ overallScore: 2, overallLevel: 'tactical', gaps: ['strategy_policy'] });
      expect((await ok('{ assessmentFramework(version: 1) { version current } }', {}, t.tokens.viewer)).assessmentFramework).toEqual({ version: 1, current: false });
      expect((await start('Next year')).framework.version).toBe(2);
    });

    it('refuses a framework edit that breaks its structure, naming the field', async () => {
      const broken = { ...framework, dimensions: [{ ...framework.dimensions[0], sectionKeys: ['nowhere'] }, framework.dimensions[0]] };
      delete broken.version;
      const res = await t.gql(`mutation($i: FrameworkInput!) { updateAssessmentFramework(input: $i, expectedVersion: 2) { version } }`, { i: broken }, t.tokens.admin);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      // The dimension twice: its key and its three statement keys are each used twice; and the first points at no section.
      expect(fieldsOf(res)).toEqual(['input.dimensions', 'input.dimensions', 'input.dimensions', 'input.dimensions', 'input.dimensions.0.sectionKeys']);
    });

    describe('action plan', () => {
      const ADD = `mutation($i: AddAssessmentActionInput!) { addAssessmentAction(input: $i) { id version dimensionKey text task { id } } }`;
      const TO_TASK = `mutation($a: ID!, $u: ID!, $d: String!) { createTaskFromAction(actionId: $a, assigneeId: $u, dueOn: $d) {
        id version ownerId dueOn owner { id } task { id title dueOn status assignee { id } } } }`;
      let actionId: string;

      it("is kept by the lead, managers and admins, not by other staff", async () => {
        const input = { assessmentId: id, dimensionKey: 'strategy_policy', text: 'Write a one-page CRM recording policy' };
        expect(codeOf(await t.gql(ADD, { i: input }, t.tokens.staff))).toBe('FORBIDDEN');
        expect(fieldsOf(await t.gql(ADD, { i: { ...input, dimensionKey: 'nope' } }, t.tokens.manager))).toEqual(['dimensionKey']);
        const added = (await ok(ADD, { i: input }, t.tokens.manager)).addAssessmentAction;
        expect(added).toMatchObject({ version: 1, dimensionKey: 'strategy_policy', task: null });
        actionId = added.id;
        const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateAssessmentActionInput!) { updateAssessmentAction(id: $id, version: $v, input: $i) { version text } }`;
        expect((await ok(UPDATE, { id: actionId, v: 1, i: { text: 'Write and approve a CRM recording policy' } }, t.tokens.manager)).updateAssessmentAction)
          .toEqual({ version: 2, text: 'Write and approve a CRM recording policy' });
        expect(codeOf(await t.gql(UPDATE, { id: actionId, v: 1, i: { text: 'Stale' } }, t.tokens.manager))).toBe('CONFLICT');
      });

      it('turns an action into a real task with its owner and due date, once', async () => {
        const made = (await ok(TO_TASK, { a: actionId, u: t.users.staff, d: '2026-12-01' }, t.tokens.manager)).createTaskFromAction;
        expect(made).toMatchObject({ ownerId: t.users.staff, dueOn: '2026-12-01', owner: { id: t.users.staff },
          task: { title: 'Write and approve a CRM recording policy', dueOn: '2026-12-01', status: 'open', assignee: { id: t.users.staff } } });
        const tasks = (await ok('{ myTasks { edges { node { id title } } } }', {}, t.tokens.staff)).myTasks.edges.map((e: any) => e.node.id);
        expect(tasks).toContain(made.task.id);
        expect(codeOf(await t.gql(TO_TASK, { a: actionId, u: t.users.staff, d: '2026-12-01' }, t.tokens.manager))).toBe('CONFLICT');
        expect(fieldsOf(await t.gql(TO_TASK, { a: actionId, u: t.users.staff, d: '1 Dec' }, t.tokens.manager))).toEqual(['dueOn']);
        const plan = (await ok(`query($id: ID!) { assessment(id: $id) { actions { id task { id } } } }`, { id }, t.tokens.viewer)).assessment.actions;
        expect(plan).toEqual([{ id: actionId, task: { id: made.task.id } }]);
      });
    });

    it('lists assessments newest first and compares them dimension by dimension for the radar chart', async () => {
      const page = (await ok(`{ assessments(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { title } } } }`, {}, t.tokens.viewer)).assessments;
      expect(page.totalCount).toBe(3);
      expect(page.edges.map((e: any) => e.node.title)).toEqual(['Next year', 'Engineering CRM maturity']);
      const rest = (await ok(`query($a: String) { assessments(first: 2, after: $a) { pageInfo { hasNextPage } edges { node { title } } } }`,
        { a: page.pageInfo.endCursor }, t.tokens.viewer)).assessments;
      expect(rest.edges.map((e: any) => e.node.title)).toEqual(['Institution CRM maturity 2026']);
      const departmental = (await ok(`query($d: ID) { assessments(departmentId: $d) { edges { node { title } } } }`, { d: t.departments.ENG }, t.tokens.staffBus)).assessments;
      expect(departmental.edges.map((e: any) => e.node.title)).toEqual(['Engineering CRM maturity']);

      const next = (await ok(`{ assessments(first: 1) { edges { node { id } } } }`, {}, t.tokens.viewer)).assessments.edges[0].node.id;
      await ok(ANSWER, { i: { assessmentId: next, answers: [{ statementKey: 'customers_segmentation.defined', level: 3 }] } }, t.tokens.manager);
      const cmp = (await ok(`query($ids: [ID!]!) { compareAssessments(ids: $ids) { assessments { id dimensionLevels { dimensionKey level } }
        dimensions { dimensionKey points { assessmentId score level change } } } }`, { ids: [next, id] }, t.tokens.viewer)).compareAssessments;
      expect(cmp.assessments.map((a: any) => a.id)).toEqual([id, next]);
      expect(cmp.dimensions.find((d: any) => d.dimensionKey === 'customers_segmentation').points).toEqual([
        { assessmentId: id, score: 2, level: 'tactical', change: null },
        { assessmentId: next, score: 3, level: 'strategic', change: 1 },
      ]);
      // Dropped from version 2 of the framework: scored only in the first.
      expect(cmp.dimensions.find((d: any) => d.dimensionKey === 'strategy_policy').points.map((p: any) => p.score)).toEqual([7 / 6, null]);
      expect(cmp.assessments[1].dimensionLevels).toHaveLength(9); // framework version 2
    });
  });

  describe('evidence from the data (fixture worked out by hand, as of Friday 13 March 2026)', () => {
    const asOf = '2026-03-13';
    const org: Record<string, string> = {};
    const stage: Record<string, string> = {};

    async function addOrg(key: string, name: string, postcode: string | null, fields: { sector?: string; size?: string; website?: string; archived?: boolean } = {}) {
      const [row] = await t.db.query(
        `INSERT INTO organisations (name, type, sector, size_band, postcode, website, deleted_at) VALUES ($1, 'employer', $2, $3, $4, $5, $6) RETURNING id`,
        [name, fields.sector ?? null, fields.size ?? null, postcode, fields.website ?? null, fields.archived ? '2026-01-01' : null]);
      org[key] = row.id;
    }
    async function addEngagement(type: string, on: string, orgKey: string, opts: { dept?: 'ENG' | 'BUS'; contact?: string; archived?: boolean } = {}) {
      const [row] = await t.db.query(
        `INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id, created_by, deleted_at) VALUES ($1, $2, 'Fixture', $3, $4, $5, $6) RETURNING id`,
        [type, on, org[orgKey], t.departments[opts.dept ?? 'ENG'], t.users.staff, opts.archived ? '2026-03-12' : null]);
      if (opts.contact) await t.db.query(`INSERT INTO engagement_contacts (engagement_id, contact_id) VALUES ($1, $2)`, [row.id, opts.contact]);
      return row.id as string;
    }
    async function addOpportunity(stageName: string, pence: number, close: string | null, dept: 'ENG' | 'BUS' = 'ENG', archived = false) {
      await t.db.query(`INSERT INTO opportunities (title, type, stage_id, value_pence, expected_close_date, department_id, organisation_id, deleted_at)
        VALUES ('Fixture', 'consultancy', $1, $2, $3, $4, $5, $6)`, [stage[stageName], pence, close, t.departments[dept], org.O1, archived ? '2026-01-01' : null]);
    }

    beforeAll(async () => {
      await t.db.query(`INSERT INTO departments (name, code) VALUES ('Art and design', 'ART')`); // never engages
      for (const s of await t.db.query(`SELECT id, name FROM opportunity_stages`)) stage[s.name] = s.id;
      // Duplicates: O1 ~ O2 (same name once "Ltd"/"Limited" go), O3 ~ O4 (similar, both NE); O5 and O6 differ; archived ones do not count.
      await addOrg('O1', 'Acme Robotics Ltd', 'NE1 4ST', { sector: 'C', size: 'small', website: 'https://acme.example' }); // 4 of 4 fields
      await addOrg('O2', 'ACME Robotics Limited', 'NE8 1AB'); // 1
      await addOrg('O3', 'Tyne & Wear Logistics', 'NE3 2AA', { sector: 'H', size: 'large' }); // 3
      await addOrg('O4', 'Tyne and Wear Logistic plc', 'NE6 1AA'); // 1
      await addOrg('O5', 'Severn Dental Group', 'WR1 1AA', { sector: 'Q', size: 'medium', website: 'https://severn.example' }); // 4
      await addOrg('O6', 'Severn Dental Clinic', 'B91 1AA'); // 1; different postcode area from O5
      await addOrg('X1', 'Severn Dental Group Ltd', 'WR1 2BB', { archived: true });
      const [c] = await t.db.query(`INSERT INTO contacts (first_name, last_name) VALUES ('Ada', 'Lovelace') RETURNING id`);

      await addEngagement('meeting', '2026-03-02', 'O1', { contact: c.id }); // E1 linked
      await addEngagement('call', '2026-02-20', 'O1'); // E2
      await addEngagement('enquiry', '2026-03-02', 'O3'); // E3 Mon, answered Wed by E4: 2 working days
      await addEngagement('meeting', '2026-03-04', 'O3', { contact: c.id }); // E4 linked
      const e5 = await addEngagement('enquiry', '2026-02-27', 'O5'); // E5 Fri, answered by a task done Thu 5 Mar: 4 working days
      await t.db.query(`INSERT INTO tasks (title, status, completed_at, assignee_id, engagement_id, department_id) VALUES ('Reply', 'done', '2026-03-05T10:00:00Z', $1, $2, $3)`,
        [t.users.staff, e5, t.departments.ENG]);
      await addEngagement('enquiry', '2026-03-12', 'O6', { dept: 'BUS' }); // E6 Thu, unanswered but only 1 working day old: not judged yet
      await addEngagement('enquiry', '2026-02-02', 'O2'); // E7 unanswered
      await addEngagement('visit', '2026-03-10', 'O5', { contact: c.id }); // E8 linked (after the task: the task answered first)
      await addEngagement('meeting', '2025-10-01', 'O5', { dept: 'BUS', contact: c.id }); // E9 linked, more than 90 days ago
      await addEngagement('enquiry', '2026-03-09', 'O4'); // E10, answered the same day by E11: 0 working days
      await addEngagement('call', '2026-03-09', 'O4'); // E11
      await addEngagement('meeting', '2026-03-11', 'O2', { archived: true, contact: c.id }); // archived: answers nothing, counts nowhere
      await addEngagement('meeting', '2026-03-16', 'O2'); // after asOf: ignored

      await addOpportunity('Proposal', 100_000, '2026-06-30'); // complete
      await addOpportunity('Enquiry', 0, '2026-06-30'); // no value
      await addOpportunity('Won', 50_000, null); // no close date
      await addOpportunity('Lost', 0, null); // lost: not counted
      await addOpportunity('Negotiation', 20_000, '2026-05-01', 'BUS'); // complete
      await addOpportunity('Proposal', 100_000, '2026-06-30', 'ENG', true); // archived
    });

    const figures = async (departmentId: string | null) => Object.fromEntries((await measureEvidence(t.db.manager, { departmentId, asOf, visibleDepartments: null }))
      .map((m) => [m.key, [m.numerator, m.denominator, m.value]]));

    it('measures the institution', async () => {
      expect(await figures(null)).toEqual({
        departments_engaging: [2, 3, 2 / 3], // ENG and BUS (E6) since 14 Dec 2025; not ART
        engagements_linked: [4, 11, 4 / 11], // E1, E4, E8, E9 of E1–E11
        duplicate_candidates: [4, 6, 4 / 6], // O1, O2, O3, O4
        organisation_completeness: [14, 24, 14 / 24], // 4 + 1 + 3 + 1 + 4 + 1 of 6 × 4
        enquiries_answered: [2, 4, 0.5], // E3 and E10 of E3, E5, E7, E10 (E6 not yet judged)
        enquiry_median_response: [null, null, 2], // median of 2, 4, 0 working days
        opportunities_complete: [2, 4, 0.5], // of the open and won: Proposal, Enquiry, Won, Negotiation
      });
    });

    it("measures one department: its staff's uptake, its engagements, organisations, enquiries and opportunities", async () => {
      expect(await figures(t.departments.ENG)).toEqual({
        departments_engaging: [1, 3, 1 / 3], // staff (who logged the fixture) of admin, manager, staff; the viewer is not counted
        engagements_linked: [3, 9, 3 / 9], // E1, E4, E8 of ENG's E1–E5, E7, E8, E10, E11
        duplicate_candidates: [4, 5, 4 / 5], // ENG engaged O1–O5 (not O6)
        organisation_completeness: [13, 20, 13 / 20],
        enquiries_answered: [2, 4, 0.5],
        enquiry_median_response: [null, null, 2],
        opportunities_complete: [1, 3, 1 / 3],
      });
    });

    it('sets the live evidence beside an assessment in progress, with the level each figure suggests', async () => {
      const { id } = await start('Evidence check');
      const r = (await ok(RESULTS, { id }, t.tokens.manager)).assessment.results;
      expect(r.evidence).toHaveLength(7);
      expect(r.evidenceAsOf).toBe(new Date().toISOString().slice(0, 10));
      expect(r.evidence.find((e: any) => e.key === 'duplicate_candidates')).toEqual({ key: 'duplicate_candidates', level: 'peripheral', value: 4 / 6 });
    });
  });
});
