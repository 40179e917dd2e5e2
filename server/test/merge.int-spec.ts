import { codeOf, createTestApp, TestApp } from './support/test-app';

const MERGE_ORGS = `mutation($i: MergeInput!) { mergeOrganisations(input: $i) { id name website companiesHouseNumber tags tradingNames aliases incorporationDate headcount turnoverPence version } }`;
const MERGE_CONTACTS = `mutation($i: MergeInput!) { mergeContacts(input: $i) { id firstName lastName emails tags jobTitle } }`;
const UNDO = `mutation($id: ID!) { undoMerge(id: $id) { id undoneAt undoable undoneBy { name } } }`;
const HISTORY = `{ merges(first: 10) { totalCount edges { node { id kind survivorId mergedId survivorName mergedName undoable undoneAt mergedBy { name } moved { table count } } } } }`;

describe('merging records', () => {
  let t: TestApp;
  const ok = async (query: string, variables: Record<string, unknown> = {}, token = t.tokens.admin) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const createOrg = async (input: Record<string, unknown>) =>
    (await ok(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id version } }`, { i: { type: 'employer', ...input } })).createOrganisation;
  const createContact = async (input: Record<string, unknown>) =>
    (await ok('mutation($i: CreateContactInput!) { createContact(input: $i) { id version } }', { i: input })).createContact;
  const version = async (table: string, id: string) => (await t.db.query(`SELECT version FROM ${table} WHERE id = $1`, [id]))[0].version as number;
  const logEngagement = async (input: Record<string, unknown>) =>
    (await ok(`mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id } }`, { i: { type: 'meeting', summary: 'Met', ...input } })).logEngagement.id as string;

  /** Everything about the two records and every row around them, as plain data (versions and update times aside). */
  const snapshot = async (table: 'organisations' | 'contacts', ids: string[]) => {
    const q = async (sql: string) => t.db.query(sql, [ids]);
    const records = await q(`SELECT to_jsonb(r) - 'version' - 'updated_at' AS r FROM ${table} r WHERE id = ANY($1) ORDER BY id`);
    const column = table === 'organisations' ? 'organisation_id' : 'contact_id';
    return {
      records: records.map((x: any) => x.r),
      engagements: table === 'organisations'
        ? await q(`SELECT id, organisation_id, deleted_at IS NULL AS live FROM engagements WHERE organisation_id = ANY($1) ORDER BY id`)
        : await q(`SELECT engagement_id, contact_id FROM engagement_contacts WHERE contact_id = ANY($1) ORDER BY 1, 2`),
      opportunities: table === 'organisations'
        ? await q(`SELECT id, organisation_id FROM opportunities WHERE organisation_id = ANY($1) ORDER BY id`)
        : await q(`SELECT opportunity_id, contact_id FROM opportunity_contacts WHERE contact_id = ANY($1) ORDER BY 1, 2`),
      engagementContacts: await q(`SELECT ec.engagement_id, ec.contact_id FROM engagement_contacts ec JOIN engagements e ON e.id = ec.engagement_id WHERE e.organisation_id = ANY($1) OR ec.contact_id = ANY($1) ORDER BY 1, 2`),
      opportunityContacts: await q(`SELECT oc.opportunity_id, oc.contact_id FROM opportunity_contacts oc JOIN opportunities o ON o.id = oc.opportunity_id WHERE o.organisation_id = ANY($1) OR oc.contact_id = ANY($1) ORDER BY 1, 2`),
      tasks: await q(`SELECT id, ${column} FROM tasks WHERE ${column} = ANY($1) ORDER BY id`),
      affiliations: await q(`SELECT id, contact_id, organisation_id, role, is_primary, deleted_at IS NULL AS live FROM affiliations WHERE ${column} = ANY($1) ORDER BY id`),
      consents: table === 'contacts' ? await q(`SELECT id, contact_id FROM consent_records WHERE contact_id = ANY($1) ORDER BY id`) : [],
    };
  };

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  describe('organisations', () => {
    let survivor: { id: string; version: number };
    let merged: { id: string; version: number };
    let shared: { id: string };
    let before: Awaited<ReturnType<typeof snapshot>>;
    let mergeId: string;

    beforeAll(async () => {
      survivor = await createOrg({ name: 'Acme Engineering Ltd', postcode: 'NE1 7RU', tags: ['placements'], tradingNames: ['Acme'], aliases: ['AEL'], relationshipRoles: ['customer'], headcount: 40 });
      merged = await createOrg({ name: 'ACME Engineering Limited', postcode: 'NE8 1AB', website: 'https://acme-eng.co.uk', companiesHouseNumber: '01234567', tags: ['ktp', 'placements'], aliases: ['Acme Eng', 'AEL'], relationshipRoles: ['partner'],
        incorporationDate: '1998-03-31', headcount: 45, turnoverPence: 420000000 });
      const onSurvivor = await createContact({ firstName: 'Sue', lastName: 'Vivor', organisationId: survivor.id, role: 'HR' });
      const onMerged = await createContact({ firstName: 'Mo', lastName: 'Erged', organisationId: merged.id, role: 'CEO' });
      shared = await createContact({ firstName: 'Bo', lastName: 'Th', organisationId: survivor.id, role: 'Engineer' });
      await ok(`mutation($i: AffiliationInput!) { addAffiliation(input: $i) { id } }`, { i: { contactId: shared.id, organisationId: merged.id, role: 'Engineer', isPrimary: true } });
      await logEngagement({ organisationId: survivor.id, contactIds: [onSurvivor.id] });
      await logEngagement({ organisationId: merged.id, contactIds: [onMerged.id, shared.id] });
      const archived = await logEngagement({ organisationId: merged.id, summary: 'Old visit' });
      await ok(`mutation($id: ID!) { archiveEngagement(id: $id) { id } }`, { id: archived });
      await ok(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`, { i: { title: 'KTP', type: 'ktp', organisationId: merged.id, contactIds: [onMerged.id] } });
      await ok(`mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`, { i: { title: 'Call back', organisationId: merged.id } });
      before = await snapshot('organisations', [survivor.id, merged.id]);
    });

    const input = (extra: Record<string, unknown> = {}) => ({
      survivorId: survivor.id, survivorVersion: survivor.version, mergedId: merged.id, mergedVersion: merged.version,
      fields: [{ field: 'website', from: 'merged' }, { field: 'companiesHouseNumber', from: 'merged' }, { field: 'name', from: 'survivor' },
        { field: 'incorporationDate', from: 'merged' }, { field: 'turnoverPence', from: 'merged' }], ...extra,
    });

    it('refuses viewers and staff (FORBIDDEN)', async () => {
      for (const token of [t.tokens.viewer, t.tokens.staff]) expect(codeOf(await t.gql(MERGE_ORGS, { i: input() }, token))).toBe('FORBIDDEN');
    });

    it('refuses a self-merge, an unknown field and a repeated one, naming the field (BAD_USER_INPUT)', async () => {
      const self = await t.gql(MERGE_ORGS, { i: input({ mergedId: survivor.id }) }, t.tokens.manager);
      expect(codeOf(self)).toBe('BAD_USER_INPUT');
      expect(self.errors![0].extensions!.fields![0].field).toBe('mergedId');
      const unknown = await t.gql(MERGE_ORGS, { i: input({ fields: [{ field: 'password', from: 'merged' }] }) }, t.tokens.manager);
      expect(unknown.errors![0].extensions!.fields![0]).toEqual({ field: 'fields', messages: [expect.stringMatching(/password is not a field/)] });
      const twice = await t.gql(MERGE_ORGS, { i: input({ fields: [{ field: 'name', from: 'merged' }, { field: 'name', from: 'survivor' }] }) }, t.tokens.manager);
      expect(twice.errors![0].extensions!.fields![0].field).toBe('fields');
    });

    it('refuses an archived record, naming which', async () => {
      const gone = await createOrg({ name: 'Gone Ltd' });
      await ok(`mutation($id: ID!) { archiveOrganisation(id: $id) { id } }`, { id: gone.id });
      const res = await t.gql(MERGE_ORGS, { i: input({ mergedId: gone.id, mergedVersion: gone.version + 1 }) }, t.tokens.manager);
      expect(codeOf(res)).toBe('BAD_USER_INPUT');
      expect(res.errors![0].extensions!.fields![0].field).toBe('mergedId');
    });

    it('refuses a stale version of either record (CONFLICT) and changes nothing', async () => {
      expect(codeOf(await t.gql(MERGE_ORGS, { i: input({ survivorVersion: survivor.version + 5 }) }, t.tokens.manager))).toBe('CONFLICT');
      expect(codeOf(await t.gql(MERGE_ORGS, { i: input({ mergedVersion: merged.version + 3 }) }, t.tokens.manager))).toBe('CONFLICT');
      expect(await snapshot('organisations', [survivor.id, merged.id])).toEqual(before);
    });

    it('merges: chosen fields applied, lists combined, every row moved, nothing lost', async () => {
      const result = (await ok(MERGE_ORGS, { i: input() }, t.tokens.manager)).mergeOrganisations;
      expect(result).toMatchObject({
        id: survivor.id, name: 'Acme Engineering Ltd', website: 'https://acme-eng.co.uk', companiesHouseNumber: '01234567',
        tags: ['placements', 'ktp'], tradingNames: ['Acme'],
        // Aliases are combined like trading names; registry and size figures are chosen (headcount kept from the survivor).
        aliases: ['AEL', 'Acme Eng'], incorporationDate: '1998-03-31', turnoverPence: 420000000, headcount: 40,
      });
      const after = await snapshot('organisations', [survivor.id, merged.id]);
      // The same rows, all on the survivor now.
      for (const key of ['engagements', 'opportunities', 'tasks', 'affiliations'] as const) {
        expect(after[key].map((r: any) => r.id).sort()).toEqual(before[key].map((r: any) => r.id).sort());
        expect(after[key].every((r: any) => r.organisation_id === survivor.id)).toBe(true);
      }
      expect(after.engagements.filter((e: any) => !e.live)).toHaveLength(1);
      expect(after.engagementContacts).toEqual(before.engagementContacts);
      expect(after.opportunityContacts).toEqual(before.opportunityContacts);
      // The contact affiliated to both in the same role is one live affiliation now, the primary one.
      const sharedRows = after.affiliations.filter((a: any) => a.contact_id === shared.id);
      expect(sharedRows.filter((a: any) => a.live)).toEqual([expect.objectContaining({ is_primary: true })]);
      expect(sharedRows).toHaveLength(2);
      const [m] = await t.db.query(`SELECT deleted_at, merged_into_id FROM organisations WHERE id = $1`, [merged.id]);
      expect(m.deleted_at).not.toBeNull();
      expect(m.merged_into_id).toBe(survivor.id);
      expect((await t.db.query(`SELECT relationship_roles FROM organisations WHERE id = $1`, [survivor.id]))[0].relationship_roles).toEqual(['customer', 'partner']);
    });

    it('writes an audit event on both records', async () => {
      const events = await t.db.query(`SELECT entity_id, changes FROM audit_events WHERE action = 'merge' AND entity_id = ANY($1) ORDER BY id`, [[survivor.id, merged.id]]);
      expect(events).toHaveLength(2);
      const onSurvivor = events.find((e: any) => e.entity_id === survivor.id).changes;
      expect(onSurvivor.website).toEqual({ old: null, new: 'https://acme-eng.co.uk' });
      expect(onSurvivor.mergedFrom).toEqual({ old: null, new: merged.id });
      expect(onSurvivor.moved.new).toMatchObject({ engagements: 2, opportunities: 1, tasks: 1, affiliations: 2 });
      expect(events.find((e: any) => e.entity_id === merged.id).changes.mergedInto).toEqual({ old: null, new: survivor.id });
    });

    it('lists the merge in the history for managers, not for staff', async () => {
      const history = (await ok(HISTORY, {}, t.tokens.manager)).merges;
      const node = history.edges[0].node;
      mergeId = node.id;
      expect(node).toMatchObject({ kind: 'organisation', survivorId: survivor.id, mergedId: merged.id, survivorName: 'Acme Engineering Ltd', mergedName: 'ACME Engineering Limited', undoable: true, undoneAt: null, mergedBy: { name: 'Test manager' } });
      expect(node.moved).toEqual(expect.arrayContaining([{ table: 'engagements', count: 2 }, { table: 'affiliations', count: 2 }]));
      expect(codeOf(await t.gql(HISTORY, {}, t.tokens.staff))).toBe('FORBIDDEN');
    });

    it('lets only an admin undo', async () => {
      expect(codeOf(await t.gql(UNDO, { id: mergeId }, t.tokens.manager))).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(UNDO, { id: mergeId }, t.tokens.staff))).toBe('FORBIDDEN');
    });

    it('undoes exactly: both records and every row as they were', async () => {
      const undone = (await ok(UNDO, { id: mergeId })).undoMerge;
      expect(undone).toMatchObject({ id: mergeId, undoable: false, undoneBy: { name: 'Test admin' } });
      expect(undone.undoneAt).not.toBeNull();
      expect(await snapshot('organisations', [survivor.id, merged.id])).toEqual(before);
      const events = await t.db.query(`SELECT entity_id FROM audit_events WHERE action = 'unmerge' AND entity_id = ANY($1)`, [[survivor.id, merged.id]]);
      expect(events).toHaveLength(2);
      expect(codeOf(await t.gql(UNDO, { id: mergeId }, t.tokens.admin))).toBe('CONFLICT');
    });

    it('refuses to undo once the survivor was edited since (CONFLICT), leaving everything as it is', async () => {
      const s = await version('organisations', survivor.id);
      const m = await version('organisations', merged.id);
      await ok(MERGE_ORGS, { i: input({ survivorVersion: s, mergedVersion: m }) }, t.tokens.manager);
      const id = (await ok(HISTORY)).merges.edges[0].node.id;
      await ok(`mutation($id: ID!, $v: Int!) { updateOrganisation(id: $id, version: $v, input: { town: "Newcastle" }) { id } }`, { id: survivor.id, v: await version('organisations', survivor.id) });
      const res = await t.gql(UNDO, { id }, t.tokens.admin);
      expect(codeOf(res)).toBe('CONFLICT');
      expect(res.errors![0].message).toMatch(/changed since the merge/);
      expect((await ok(HISTORY)).merges.edges[0].node.undoable).toBe(false);
    });
  });

  describe('contacts', () => {
    let p: { id: string; version: number };
    let q: { id: string; version: number };
    let before: Awaited<ReturnType<typeof snapshot>>;

    beforeAll(async () => {
      const org = await createOrg({ name: 'Widgets plc' });
      p = await createContact({ firstName: 'Joanne', lastName: 'Bloggs', emails: ['jo@widgets.co.uk'], tags: ['alumni'], organisationId: org.id, role: 'Director' });
      q = await createContact({ firstName: 'Jo', lastName: 'Bloggs', emails: ['joanne.bloggs@gmail.com'], jobTitle: 'Managing Director', tags: ['mentor'], organisationId: org.id, role: 'Director' });
      await logEngagement({ organisationId: org.id, contactIds: [p.id, q.id] });
      await logEngagement({ organisationId: org.id, contactIds: [q.id] });
      await ok(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`, { i: { title: 'CPD', type: 'cpd_short_course', organisationId: org.id, contactIds: [p.id, q.id] } });
      await ok(`mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`, { i: { title: 'Send brochure', contactId: q.id } });
      await ok(`mutation($i: ConsentInput!) { recordConsent(input: $i) { id } }`, { i: { contactId: q.id, purpose: 'Newsletter', method: 'web form' } });
      p.version = await version('contacts', p.id);
      q.version = await version('contacts', q.id);
      before = await snapshot('contacts', [p.id, q.id]);
    });

    it('merges a person: links deduplicated, consent and tasks moved, emails and tags combined', async () => {
      const result = (await ok(MERGE_CONTACTS, { i: {
        survivorId: p.id, survivorVersion: p.version, mergedId: q.id, mergedVersion: q.version, fields: [{ field: 'jobTitle', from: 'merged' }],
      } }, t.tokens.manager)).mergeContacts;
      expect(result).toEqual({ id: p.id, firstName: 'Joanne', lastName: 'Bloggs', emails: ['jo@widgets.co.uk', 'joanne.bloggs@gmail.com'], tags: ['alumni', 'mentor'], jobTitle: 'Managing Director' });
      const after = await snapshot('contacts', [p.id, q.id]);
      // Two engagements and one opportunity: each now links the survivor once.
      expect(after.engagements).toHaveLength(2);
      expect(after.engagements.every((r: any) => r.contact_id === p.id)).toBe(true);
      expect(new Set(after.engagements.map((r: any) => r.engagement_id))).toEqual(new Set(before.engagements.map((r: any) => r.engagement_id)));
      expect(after.opportunities).toEqual([expect.objectContaining({ contact_id: p.id })]);
      expect(after.tasks.map((r: any) => [r.id, r.contact_id])).toEqual(before.tasks.map((r: any) => [r.id, p.id]));
      expect(after.consents.map((r: any) => [r.id, r.contact_id])).toEqual(before.consents.map((r: any) => [r.id, p.id]));
      expect(after.affiliations.filter((a: any) => a.live)).toHaveLength(1);
      expect(after.affiliations).toHaveLength(2);
    });

    it('undoes the person merge exactly, restoring the removed link rows', async () => {
      const id = (await ok(HISTORY)).merges.edges.find((e: any) => e.node.kind === 'contact').node.id;
      await ok(UNDO, { id });
      expect(await snapshot('contacts', [p.id, q.id])).toEqual(before);
    });
  });
});
