import { codeOf, createTestApp, TestApp } from './support/test-app';

const ORG = `id name confidential`;
const LOG = `mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id summary occurredOn confidential department { code } contacts { id } } }`;

describe('relationship core', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const createOrg = async (input: Record<string, unknown>, token = t.tokens.staff) =>
    (await ok(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { ${ORG} } }`, { i: { type: 'employer', ...input } }, token)).createOrganisation;
  const createContact = async (input: Record<string, unknown>, token = t.tokens.staff) =>
    (await ok('mutation($i: CreateContactInput!) { createContact(input: $i) { id name version } }', { i: input }, token)).createContact;

  describe('confidential records', () => {
    let secret: { id: string };
    let contact: { id: string };
    beforeAll(async () => {
      // ENG staff create a confidential organisation, a person there and an engagement; BUS staff must see none of it.
      secret = await createOrg({ name: 'Skunkworks Defence Systems', confidential: true, departmentId: t.departments.ENG });
      contact = await createContact({ firstName: 'Quinn', lastName: 'Secretive', emails: ['quinn@skunkworks.co.uk'], organisationId: secret.id, role: 'CTO' });
      await ok(LOG, { i: { type: 'meeting', summary: 'Classified briefing', organisationId: secret.id, contactIds: [contact.id], confidential: true } }, t.tokens.staff);
    });

    it('is hidden from another department by id, list, count and search', async () => {
      const byId = await t.gql(`query($id: ID!) { organisation(id: $id) { id } }`, { id: secret.id }, t.tokens.staffBus);
      expect(byId.data.organisation).toBeNull();
      const list = await ok(`{ organisations(search: "Skunkworks") { totalCount edges { node { id } } } }`, {}, t.tokens.staffBus);
      expect(list.organisations).toEqual({ totalCount: 0, edges: [] });
      const hits = await ok(`{ search(text: "Skunkworks") { kind id } }`, {}, t.tokens.staffBus);
      expect(hits.search.filter((h: any) => h.kind === 'organisation')).toEqual([]);
    });

    it('is hidden when nested under a contact, an engagement list or a timeline', async () => {
      const nested = await ok(`query($id: ID!) { contact(id: $id) { affiliations { organisation { id } } engagements { totalCount edges { node { id } } } } }`,
        { id: contact.id }, t.tokens.staffBus);
      expect(nested.contact.affiliations).toEqual([{ organisation: null }]);
      expect(nested.contact.engagements.totalCount).toBe(0);
      const all = await ok(`{ engagements(first: 100) { totalCount edges { node { summary organisation { id } } } } }`, {}, t.tokens.staffBus);
      expect(all.engagements.edges.map((e: any) => e.node.summary)).not.toContain('Classified briefing');
    });

    it('cannot be changed or archived from another department (it does not exist for them)', async () => {
      const update = await t.gql(`mutation($id: ID!) { updateOrganisation(id: $id, version: 1, input: { name: "Pwned" }) { id } }`, { id: secret.id }, t.tokens.staffBus);
      expect(codeOf(update)).toBe('NOT_FOUND');
      const archive = await t.gql(`mutation($id: ID!) { archiveOrganisation(id: $id) { id } }`, { id: secret.id }, t.tokens.staffBus);
      expect(codeOf(archive)).toBe('NOT_FOUND');
    });

    it('is visible to its own department and to managers, everywhere', async () => {
      for (const token of [t.tokens.staff, t.tokens.manager]) {
        const view = await ok(`query($id: ID!) { organisation(id: $id) { name engagements { totalCount } departmentsInvolved { engagementCount department { code } } } }`,
          { id: secret.id }, token);
        expect(view.organisation.name).toBe('Skunkworks Defence Systems');
        expect(view.organisation.engagements.totalCount).toBe(1);
        expect(view.organisation.departmentsInvolved).toEqual([{ engagementCount: 1, department: { code: 'ENG' } }]);
      }
    });

    it('refuses a confidential organisation in a department that is not yours', async () => {
      const res = await t.gql(`mutation { createOrganisation(input: { name: "Other Dept Secret", type: employer, confidential: true, departmentId: "${t.departments.ENG}" }) { id } }`, {}, t.tokens.staffBus);
      expect(res.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['departmentId']);
    });
  });

  describe('audit history', () => {
    it('records create, each changed field old → new, archive and restore, with who did it', async () => {
      const org = await createOrg({ name: 'Audit Trail Ltd', postcode: 'NE1 7RU' });
      await ok(`mutation($id: ID!) { updateOrganisation(id: $id, version: 1, input: { name: "Audit Trail Group", postcode: null }) { id } }`, { id: org.id }, t.tokens.manager);
      await ok(`mutation($id: ID!) { archiveOrganisation(id: $id) { id } }`, { id: org.id }, t.tokens.staff);
      await ok(`mutation($id: ID!) { restoreOrganisation(id: $id) { id } }`, { id: org.id }, t.tokens.admin);
      const view = await ok(`query($id: ID!) { organisation(id: $id) { history { action actor { email } changes { field old new } } } }`, { id: org.id }, t.tokens.viewer);
      const history = view.organisation.history;
      expect(history.map((h: any) => h.action)).toEqual(['restore', 'archive', 'update', 'create']);
      expect(history.map((h: any) => h.actor.email)).toEqual(['admin@test.ac.uk', 'staff@test.ac.uk', 'manager@test.ac.uk', 'staff@test.ac.uk']);
      expect(history[2].changes).toEqual(expect.arrayContaining([
        { field: 'name', old: 'Audit Trail Ltd', new: 'Audit Trail Group' },
        { field: 'postcode', old: 'NE1 7RU', new: null },
      ]));
      expect(history[2].changes).toHaveLength(2);
    });

    it('writes nothing when the change is refused (the audit row is in the same transaction)', async () => {
      const org = await createOrg({ name: 'No Phantom Audit Ltd' });
      const [{ before }] = await t.db.query('SELECT count(*)::int AS before FROM audit_events');
      const res = await t.gql(`mutation($id: ID!) { updateOrganisation(id: $id, version: 7, input: { name: "Stale" }) { id } }`, { id: org.id }, t.tokens.staff);
      expect(codeOf(res)).toBe('CONFLICT');
      const [{ after }] = await t.db.query('SELECT count(*)::int AS after FROM audit_events');
      expect(after).toBe(before);
    });
  });

  describe('contacts and affiliations', () => {
    it('keeps a person\'s history when they change employer', async () => {
      const oldJob = await createOrg({ name: 'Old Employer Ltd' });
      const newJob = await createOrg({ name: 'New Employer Ltd' });
      const person = await createContact({ firstName: 'Morgan', lastName: 'Mover', emails: ['Morgan@OldEmployer.co.uk'], organisationId: oldJob.id, role: 'Buyer' });
      const [first] = (await ok(`query($id: ID!) { contact(id: $id) { emails affiliations { id version } } }`, { id: person.id }, t.tokens.staff)).contact.affiliations;
      await ok(`mutation($id: ID!, $v: Int!) { updateAffiliation(id: $id, version: $v, input: { toDate: "2026-06-30" }) { id } }`, { id: first.id, v: first.version }, t.tokens.staff);
      await ok(`mutation($i: AffiliationInput!) { addAffiliation(input: $i) { id } }`,
        { i: { contactId: person.id, organisationId: newJob.id, role: 'Head of Procurement', fromDate: '2026-07-01', isPrimary: true } }, t.tokens.staff);
      const view = await ok(`query($id: ID!) { contact(id: $id) { emails affiliations { role current isPrimary organisation { name } } } }`, { id: person.id }, t.tokens.viewer);
      expect(view.contact.emails).toEqual(['morgan@oldemployer.co.uk']);
      expect(view.contact.affiliations).toEqual([
        { role: 'Head of Procurement', current: true, isPrimary: true, organisation: { name: 'New Employer Ltd' } },
        { role: 'Buyer', current: false, isPrimary: false, organisation: { name: 'Old Employer Ltd' } },
      ]);
      const oldView = await ok(`query($id: ID!) { organisation(id: $id) { affiliations { current contact { name } } } }`, { id: oldJob.id }, t.tokens.viewer);
      expect(oldView.organisation.affiliations).toEqual([{ current: false, contact: { name: 'Morgan Mover' } }]);

      // Their History tells the move: the new role, the old one ended, then how they were first recorded.
      const history = (await ok(`query($id: ID!) { contact(id: $id) { history { entityType action changes { field new } } } }`, { id: person.id }, t.tokens.viewer))
        .contact.history;
      expect(history.slice(0, 2).map((h: any) => `${h.entityType} ${h.action}`)).toEqual(['affiliation create', 'affiliation update']);
      expect(history[1].changes).toEqual([{ field: 'toDate', new: '2026-06-30' }]);
      expect(history.map((h: any) => `${h.entityType} ${h.action}`)).toContain('contact create');
    });

    it("records consent given and withdrawn, each in the person's History with who did it", async () => {
      const person = await createContact({ firstName: 'Connie', lastName: 'Sent' });
      const given = (await ok(`mutation($i: ConsentInput!) { recordConsent(input: $i) { id withdrawnAt } }`,
        { i: { contactId: person.id, purpose: 'Employer newsletter', method: 'web form' } }, t.tokens.staff)).recordConsent;
      expect(given.withdrawnAt).toBeNull();
      const withdrawn = (await ok(`mutation($id: ID!) { withdrawConsent(id: $id) { withdrawnAt } }`, { id: given.id }, t.tokens.staff)).withdrawConsent;
      expect(withdrawn.withdrawnAt).not.toBeNull();
      const again = await t.gql(`mutation($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: given.id }, t.tokens.staff);
      expect(codeOf(again)).toBe('CONFLICT');
      expect(codeOf(await t.gql(`mutation($id: ID!) { withdrawConsent(id: $id) { id } }`, { id: given.id }, t.tokens.viewer))).toBe('FORBIDDEN');

      const history = (await ok(`query($id: ID!) { contact(id: $id) { history { entityType action actor { email } changes { field new } } } }`, { id: person.id }, t.tokens.viewer)).contact.history;
      // Newest first: withdrawn, given, then the person being created. The refused second withdrawal left no event.
      expect(history.map((h: any) => `${h.entityType} ${h.action}`)).toEqual(['consent update', 'consent create', 'contact create']);
      expect(history[0].actor.email).toBe('staff@test.ac.uk');
      expect(history[0].changes.map((c: any) => c.field).sort()).toEqual(['purpose', 'withdrawnAt']);
      expect(history[1].changes).toEqual(expect.arrayContaining([{ field: 'purpose', new: 'Employer newsletter' }, { field: 'method', new: 'web form' }]));
    });

    it('treats a role that ends today as past', async () => {
      const org = await createOrg({ name: 'Today Ends Ltd' });
      const person = await createContact({ firstName: 'Terry', lastName: 'Today', organisationId: org.id });
      const [a] = (await ok(`query($id: ID!) { contact(id: $id) { affiliations { id version } } }`, { id: person.id }, t.tokens.staff)).contact.affiliations;
      const today = new Date().toISOString().slice(0, 10);
      const ended = await ok(`mutation($id: ID!, $v: Int!, $d: String!) { updateAffiliation(id: $id, version: $v, input: { toDate: $d }) { current } }`,
        { id: a.id, v: a.version, d: today }, t.tokens.staff);
      expect(ended.updateAffiliation.current).toBe(false);
    });

    it('names each bad field and refuses a duplicate email', async () => {
      const bad = await t.gql('mutation($i: CreateContactInput!) { createContact(input: $i) { id } }',
        { i: { firstName: ' ', lastName: 'X', emails: ['not-an-email'], phones: ['call me'] } }, t.tokens.staff);
      expect(bad.errors![0].extensions!.fields!.map((f) => f.field).sort()).toEqual(['emails', 'firstName', 'phones']);
      await createContact({ firstName: 'Dee', lastName: 'Dupe', emails: ['dee@dupe.co.uk'] });
      const dupe = await t.gql('mutation($i: CreateContactInput!) { createContact(input: $i) { id } }', { i: { firstName: 'D', lastName: 'Dupe', emails: ['DEE@dupe.co.uk'] } }, t.tokens.staff);
      expect(dupe.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['emails']);
    });
  });

  describe('engagements and tasks', () => {
    it('logs an engagement with a follow-up task in one go, and the timeline shows it first', async () => {
      const org = await createOrg({ name: 'Timeline Works Ltd' });
      await ok(LOG, { i: { type: 'call', summary: 'Older call', occurredOn: '2025-01-10', organisationId: org.id } }, t.tokens.staff);
      const logged = await ok(LOG, { i: { type: 'visit', summary: 'Site visit with apprentices', organisationId: org.id, followUp: { title: 'Send apprenticeship standards', dueOn: '2020-01-01' } } }, t.tokens.staff);
      expect(logged.logEngagement).toMatchObject({ summary: 'Site visit with apprentices', occurredOn: new Date().toISOString().slice(0, 10), department: { code: 'ENG' } });
      const view = await ok(`query($id: ID!) { organisation(id: $id) { engagements(first: 1) { totalCount edges { node { summary } } pageInfo { hasNextPage } } openTasks { title overdue } } }`,
        { id: org.id }, t.tokens.viewer);
      expect(view.organisation.engagements).toEqual({ totalCount: 2, edges: [{ node: { summary: 'Site visit with apprentices' } }], pageInfo: { hasNextPage: true } });
      expect(view.organisation.openTasks).toEqual([{ title: 'Send apprenticeship standards', overdue: true }]);
      const day = await ok('{ myDay { overdueTasks { title } recentEngagements { summary } } }', {}, t.tokens.staff);
      expect(day.myDay.overdueTasks.map((x: any) => x.title)).toContain('Send apprenticeship standards');
      expect(day.myDay.recentEngagements[0].summary).toBe('Site visit with apprentices');
    });

    it('refuses bad input naming each field, and a viewer cannot log', async () => {
      const bad = await t.gql(LOG, { i: { type: 'call', summary: '', occurredOn: '31/12/2025', organisationId: 'nope' } }, t.tokens.staff);
      expect(bad.errors![0].extensions!.fields!.map((f) => f.field).sort()).toEqual(['occurredOn', 'organisationId', 'summary']);
      expect(codeOf(await t.gql(LOG, { i: { type: 'call', summary: 'Viewer call' } }, t.tokens.viewer))).toBe('FORBIDDEN');
    });

    it('completes a task with its version and refuses a stale one', async () => {
      const task = (await ok('mutation { createTask(input: { title: "Chase contract" }) { id version status } }', {}, t.tokens.staff)).createTask;
      const done = await ok('mutation($id: ID!, $v: Int!) { completeTask(id: $id, version: $v) { status version } }', { id: task.id, v: task.version }, t.tokens.staff);
      expect(done.completeTask).toEqual({ status: 'done', version: 2 });
      expect(codeOf(await t.gql('mutation($id: ID!) { completeTask(id: $id, version: 1) { id } }', { id: task.id }, t.tokens.staff))).toBe('CONFLICT');
    });
  });

  describe('search', () => {
    beforeAll(async () => {
      await createOrg({ name: 'Siemens Energy UK', website: 'siemens-energy.co.uk' });
      await createOrg({ name: 'Rolls-Royce Submarines Ltd' });
      await createOrg({ name: 'Simmons Bakery' });
      await createContact({ firstName: 'Grace', lastName: 'Hopper', emails: ['grace@navy-systems.co.uk'] });
      await createContact({ firstName: 'Ada', lastName: 'Lovelace', emails: ['ada@energy-partners.co.uk'] });
    });
    const search = async (text: string) => (await ok('query($q: String!) { search(text: $q) { kind title } }', { q: text }, t.tokens.viewer)).search;

    it('tolerates typos and punctuation, best match first', async () => {
      expect((await search('Siemns'))[0]).toEqual({ kind: 'organisation', title: 'Siemens Energy UK' });
      expect((await search('rolls roy'))[0]).toEqual({ kind: 'organisation', title: 'Rolls-Royce Submarines Ltd' });
    });

    it('finds contacts by name and by email domain, and organisations by website', async () => {
      expect((await search('hoper'))[0]).toEqual({ kind: 'contact', title: 'Grace Hopper' });
      expect((await search('navy-systems'))[0]).toEqual({ kind: 'contact', title: 'Grace Hopper' });
      expect((await search('siemens-energy.co.uk'))[0].title).toBe('Siemens Energy UK');
    });

    it('ranks a match on a name above one found only in an email address', async () => {
      const hits = await search('energy');
      expect(hits.map((h: any) => h.title).slice(0, 2)).toEqual(['Siemens Energy UK', 'Ada Lovelace']);
    });

    it('answers nothing under three characters', async () => {
      expect(await search('Si')).toEqual([]);
    });
  });
});
