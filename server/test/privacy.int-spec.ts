import request from 'supertest';
import { pinClock } from '../src/common/dates/clock';
import { addMonths, ukToday } from '../src/common/dates/uk-dates';
import { codeOf, createTestApp, GqlResult, TestApp } from './support/test-app';

/**
 * Privacy (issue 14, GDPR part) against the real app and PostgreSQL: subject access export, the
 * one-month deadline in UK dates, erasure everywhere with the figures kept, the retention queue,
 * the PECR email marketing rule, and who may do each.
 */
describe('privacy: subject access, erasure, retention, PECR', () => {
  let t: TestApp;
  const id: Record<string, string> = {};

  const ok = async (query: string, variables: Record<string, unknown> = {}, token = t.tokens.admin) => {
    const r = await t.gql(query, variables, token);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const fieldsOf = (r: GqlResult) => (r.errors?.[0]?.extensions?.fields ?? []).map((f) => f.field);
  const download = (contactId: string, format: string, token?: string) => {
    const req = request(t.app.getHttpServer()).get(`/export/subject-access/${contactId}?format=${format}`);
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };
  const contact = (input: Record<string, unknown>) =>
    ok(`mutation($i: CreateContactInput!) { createContact(input: $i) { id version } }`, { i: input }).then((d) => d.createContact);
  const org = (name: string, legalForm: string) =>
    ok(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id legalForm } }`, { i: { name, type: 'employer', legalForm } }).then((d) => d.createOrganisation.id);
  const engagement = (input: Record<string, unknown>) =>
    ok(`mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id } }`, { i: { type: 'call', ...input } }, t.tokens.staff).then((d) => d.logEngagement.id);
  const EMAIL_MARKETING = `query($id: ID!) { contact(id: $id) { lawfulBasis lawfulBasisEvidence lawfulBasisOn emailMarketing { allowed individual reason } consents { purpose channel } } }`;
  const FIGURES = `{ pipeline { count totalValuePence weightedValuePence stages { count totalValuePence } }
    reports { heBciSummary(academicYear: "2025/26") { cells { category partnerType count valuePence } } } }`;

  beforeAll(async () => {
    t = await createTestApp();
    id.acme = await org('Acme Robotics Ltd', 'limited_company');
    id.plumber = await org('Sam Smith Plumbing', 'sole_trader');
    id.jo = (await contact({ firstName: 'Jo', lastName: 'Bloggs', emails: ['jo.bloggs@acme.co.uk'], phones: ['0191 555 0101'], jobTitle: 'Head of Talent',
      lawfulBasis: 'legitimate_interests', lawfulBasisEvidence: 'LIA 2025-03', lawfulBasisOn: '2025-03-01', organisationId: id.acme, role: 'Talent lead' })).id;
    id.sam = (await contact({ firstName: 'Sam', lastName: 'Smith', emails: ['sam@smithplumbing.co.uk'], lawfulBasis: 'legitimate_interests', organisationId: id.plumber })).id;
    id.eve = (await contact({ firstName: 'Eve', lastName: '<script>alert(1)</script>', emails: ['eve@example.org'] })).id;
    await ok(`mutation($i: ConsentInput!) { recordConsent(input: $i) { id } }`, { i: { contactId: id.jo, purpose: 'Events newsletter', method: 'web form', channel: 'email' } });
    id.meeting = await engagement({ summary: 'Call with Jo Bloggs about apprenticeships', details: 'Jo prefers mornings; Bloggs family are alumni', organisationId: id.acme, contactIds: [id.jo] });
    id.note = await engagement({ summary: 'Site visit', details: 'Bloggs mentioned a placement', organisationId: id.acme });
    id.task = (await ok(`mutation($i: CreateTaskInput!) { createTask(input: $i) { id } }`, { i: { title: 'Send Jo Bloggs the brochure', contactId: id.jo } }, t.tokens.staff)).createTask.id;
    const opp = await ok(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`,
      { i: { title: 'Robotics CPD', type: 'cpd_short_course', organisationId: id.acme, valuePence: 1_200_000, contactIds: [id.jo] } }, t.tokens.staff);
    id.opp = opp.createOpportunity.id;
    await t.db.query(`UPDATE opportunities SET stage_id = (SELECT id FROM opportunity_stages WHERE name = 'Won'), won_at = '2025-11-01T10:00:00Z', closed_at = '2025-11-01T10:00:00Z' WHERE id = $1`, [id.opp]);
    await ok(`mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`,
      { i: { title: 'Open consultancy', type: 'consultancy', organisationId: id.acme, valuePence: 500_000, contactIds: [id.jo] } }, t.tokens.staff);
    // An older record of the same person, merged into Jo: the erasure must reach its snapshot too.
    const joanne = await contact({ firstName: 'Joanne', lastName: 'Bloggs', emails: ['joanne.bloggs@gmail.com'] });
    const jo = await ok(`query($id: ID!) { contact(id: $id) { version } }`, { id: id.jo });
    await ok(`mutation($i: MergeInput!) { mergeContacts(input: $i) { id } }`, { i: { survivorId: id.jo, survivorVersion: jo.contact.version, mergedId: joanne.id, mergedVersion: joanne.version } }, t.tokens.manager);
  });
  afterAll(async () => {
    pinClock(null);
    await t?.close();
  });

  describe('lawful basis and PECR', () => {
    it('keeps the lawful basis with its evidence and date, and each consent’s channel', async () => {
      const c = (await ok(EMAIL_MARKETING, { id: id.jo })).contact;
      expect(c).toMatchObject({ lawfulBasis: 'legitimate_interests', lawfulBasisEvidence: 'LIA 2025-03', lawfulBasisOn: '2025-03-01', consents: [{ purpose: 'Events newsletter', channel: 'email' }] });
    });

    it('allows email marketing to a company contact on legitimate interests', async () => {
      expect((await ok(EMAIL_MARKETING, { id: id.jo }, t.tokens.viewer)).contact.emailMarketing).toMatchObject({ allowed: true, individual: false });
    });

    it('treats a sole trader as an individual: no email marketing until they consent to it by email', async () => {
      expect((await ok(EMAIL_MARKETING, { id: id.sam })).contact.emailMarketing).toMatchObject({ allowed: false, individual: true, reason: expect.stringMatching(/sole trader/) });
      await ok(`mutation($i: ConsentInput!) { recordConsent(input: $i) { id } }`, { i: { contactId: id.sam, purpose: 'Marketing', method: 'phone call', channel: 'phone' } });
      expect((await ok(EMAIL_MARKETING, { id: id.sam })).contact.emailMarketing.allowed).toBe(false);
      await ok(`mutation($i: ConsentInput!) { recordConsent(input: $i) { id } }`, { i: { contactId: id.sam, purpose: 'Marketing', method: 'web form', channel: 'email' } });
      expect((await ok(EMAIL_MARKETING, { id: id.sam })).contact.emailMarketing).toMatchObject({ allowed: true, individual: true });
    });

    it('refuses an unknown channel or a bad lawful basis date naming the field', async () => {
      const r = await t.gql(`mutation($i: ConsentInput!) { recordConsent(input: $i) { id } }`, { i: { contactId: id.sam, purpose: 'x', method: 'y', channel: 'pigeon' } }, t.tokens.admin);
      expect([codeOf(r), fieldsOf(r)]).toEqual(['BAD_USER_INPUT', ['channel']]);
      const u = await t.gql(`mutation($i: UpdateContactInput!) { updateContact(id: "${id.sam}", version: 1, input: $i) { id } }`, { i: { lawfulBasisOn: '31/01/2026' } }, t.tokens.admin);
      expect([codeOf(u), fieldsOf(u)]).toEqual(['BAD_USER_INPUT', ['lawfulBasisOn']]);
    });
  });

  describe('subject access', () => {
    it('exports everything held about the person as JSON, and logs the export', async () => {
      const res = await download(id.jo, 'json', t.tokens.admin).expect(200);
      expect(res.headers['content-type']).toMatch(/application\/json/);
      expect(res.headers['cache-control']).toBe('no-store');
      const doc = JSON.parse(res.text);
      expect(doc.contact).toMatchObject({ firstName: 'Jo', lastName: 'Bloggs', emails: expect.arrayContaining(['jo.bloggs@acme.co.uk']), jobTitle: 'Head of Talent', lawfulBasisEvidence: 'LIA 2025-03' });
      expect(doc.affiliations).toEqual([expect.objectContaining({ organisation: 'Acme Robotics Ltd', role: 'Talent lead' })]);
      expect(doc.engagements.map((e: { summary: string }) => e.summary)).toEqual(['Call with Jo Bloggs about apprenticeships']);
      expect(doc.tasks.map((x: { title: string }) => x.title)).toEqual(['Send Jo Bloggs the brochure']);
      expect(doc.opportunities.map((o: { title: string }) => o.title).sort()).toEqual(['Open consultancy', 'Robotics CPD']);
      expect(doc.consents).toEqual([expect.objectContaining({ purpose: 'Events newsletter', channel: 'email' })]);
      expect(doc.auditEvents.map((e: { entityType: string; action: string }) => `${e.entityType} ${e.action}`)).toEqual(expect.arrayContaining(['contact create', 'consent create', 'affiliation create', 'contact merge']));
      const [logged] = await t.db.query(`SELECT actor_id, changes FROM audit_events WHERE entity_type = 'contact' AND entity_id = $1 AND action = 'export'`, [id.jo]);
      expect(logged).toEqual({ actor_id: t.users.admin, changes: { subjectAccess: { old: null, new: 'json' } } });
    });

    it('writes a readable HTML document in which a <script> name is only text', async () => {
      const res = await download(id.eve, 'html', t.tokens.admin).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.text).toContain('Eve &lt;script&gt;alert(1)&lt;/script&gt;');
      expect(res.text).not.toMatch(/<script/i);
      expect(res.text).toContain('eve@example.org');
    });

    it('is the DPO’s alone: managers and viewers are refused, strangers must sign in; bad input names the field', async () => {
      await download(id.jo, 'json', t.tokens.manager).expect(403);
      await download(id.jo, 'html', t.tokens.viewer).expect(403);
      await download(id.jo, 'json').expect(401);
      expect((await download(id.jo, 'pdf', t.tokens.admin).expect(400)).body.fields[0].field).toBe('format');
      await download('00000000-0000-4000-8000-000000000000', 'json', t.tokens.admin).expect(404);
    });

    const CREATE_SAR = `mutation($i: CreateSubjectAccessRequestInput!) { createSubjectAccessRequest(input: $i) { id receivedOn dueOn status overdue daysLeft } }`;

    it('gives one calendar month to answer: 31 January is due on the last day of February, leap years too', async () => {
      const a = (await ok(CREATE_SAR, { i: { requester: 'Jo Bloggs by email', receivedOn: '2025-01-31', contactId: id.jo } })).createSubjectAccessRequest;
      const b = (await ok(CREATE_SAR, { i: { requester: 'Jo Bloggs by letter', receivedOn: '2024-01-31', contactId: id.jo } })).createSubjectAccessRequest;
      expect([a.dueOn, b.dueOn]).toEqual(['2025-02-28', '2024-02-29']);
      expect(a).toMatchObject({ status: 'open', overdue: true });
    });

    it('counts days in the UK calendar: at 00:30 BST on 1 August a request received that day is not in the future', async () => {
      pinClock('2026-07-31T23:30:00Z');
      try {
        const r = (await ok(CREATE_SAR, { i: { requester: 'Walk-in request', receivedOn: '2026-08-01' } })).createSubjectAccessRequest;
        expect(r).toMatchObject({ dueOn: '2026-09-01', overdue: false, daysLeft: 31 });
        const future = await t.gql(CREATE_SAR, { i: { requester: 'x', receivedOn: '2026-08-02' } }, t.tokens.admin);
        expect([codeOf(future), fieldsOf(future)]).toEqual(['BAD_USER_INPUT', ['receivedOn']]);
      } finally {
        pinClock(null);
      }
    });

    it('lists requests soonest due first, completes one once, and refuses non-admins', async () => {
      const list = (await ok(`{ subjectAccessRequests(status: open) { totalCount edges { node { id dueOn overdue contact { id } } } } }`)).subjectAccessRequests;
      expect(list.totalCount).toBe(3);
      expect(list.edges.map((e: { node: { dueOn: string } }) => e.node.dueOn)).toEqual(['2024-02-29', '2025-02-28', '2026-09-01']);
      const first = list.edges[0].node.id;
      const done = await ok(`mutation($id: ID!) { completeSubjectAccessRequest(id: $id) { status completedOn overdue } }`, { id: first });
      expect(done.completeSubjectAccessRequest).toEqual({ status: 'completed', completedOn: ukToday(), overdue: false });
      expect(codeOf(await t.gql(`mutation($id: ID!) { completeSubjectAccessRequest(id: $id) { id } }`, { id: first }, t.tokens.admin))).toBe('CONFLICT');
      for (const token of [t.tokens.manager, t.tokens.viewer]) {
        expect(codeOf(await t.gql(CREATE_SAR, { i: { requester: 'x', receivedOn: '2026-01-01' } }, token))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(`{ subjectAccessRequests { totalCount } }`, {}, token))).toBe('FORBIDDEN');
      }
      const bad = await t.gql(CREATE_SAR, { i: { requester: ' ', receivedOn: '2026-02-30' } }, t.tokens.admin);
      expect([codeOf(bad), fieldsOf(bad).sort()]).toEqual(['BAD_USER_INPUT', ['receivedOn', 'requester']]);
    });
  });

  describe('erasure', () => {
    const ERASE = `mutation($id: ID!, $i: EraseContactInput!) { eraseContact(id: $id, input: $i) { id contactId source counts { table rows } } }`;
    /** Rows anywhere in the database whose text holds `needle`, by table. */
    async function mentions(needle: string): Promise<Record<string, number>> {
      const tables: Array<{ table_name: string }> = await t.db.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
      const found: Record<string, number> = {};
      for (const { table_name } of tables) {
        const [{ n }] = await t.db.query(`SELECT count(*)::int AS n FROM "${table_name}" x WHERE x::text ILIKE $1`, [`%${needle}%`]);
        if (n) found[table_name] = n;
      }
      return found;
    }

    it('is refused to managers and viewers, and without the person’s name typed to confirm', async () => {
      for (const token of [t.tokens.manager, t.tokens.viewer, t.tokens.staff]) {
        expect(codeOf(await t.gql(ERASE, { id: id.jo, i: { confirmName: 'Jo Bloggs' } }, token))).toBe('FORBIDDEN');
      }
      const wrong = await t.gql(ERASE, { id: id.jo, i: { confirmName: 'Joe Bloggs' } }, t.tokens.admin);
      expect([codeOf(wrong), fieldsOf(wrong)]).toEqual(['BAD_USER_INPUT', ['confirmName']]);
      const badIds = await t.gql(ERASE, { id: id.jo, i: { confirmName: 'Jo Bloggs', engagementIds: ['nope'] } }, t.tokens.admin);
      expect([codeOf(badIds), fieldsOf(badIds)]).toEqual(['BAD_USER_INPUT', ['engagementIds']]);
      expect(Object.keys(await mentions('bloggs')).length).toBeGreaterThan(3);
    });

    it('anonymises the person everywhere, keeps every figure, and logs counts without values', async () => {
      // A spreadsheet that brought Jo in, and another that names them in an engagement's notes.
      const [batch] = await t.db.query(`INSERT INTO import_batches (entity, file_name, file_type, file_size, file_sha256, status, created_by)
        VALUES ('contacts', 'people.csv', 'csv', 40, 'x', 'committed', $1) RETURNING id`, [t.users.admin]);
      await t.db.query(`INSERT INTO import_files (batch_id, content) VALUES ($1, $2)`, [batch.id, Buffer.from('First,Last\nJo,Bloggs\n')]);
      await t.db.query(`INSERT INTO import_rows (batch_id, row_number, cells, "values", record_id, outcome) VALUES
        ($1, 2, '["Jo", "Bloggs", "jo.bloggs@acme.co.uk"]', '{"firstName": "Jo", "lastName": "Bloggs"}', $2, 'created'),
        ($1, 3, '["Visit", "Met Jo Bloggs on site"]', NULL, NULL, 'created')`, [batch.id, id.jo]);
      const before = await ok(FIGURES);
      const [{ n: engagementsBefore }] = await t.db.query(`SELECT count(*)::int AS n FROM engagement_contacts WHERE contact_id = $1`, [id.jo]);
      const erasure = (await ok(ERASE, { id: id.jo, i: { confirmName: 'jo bloggs', engagementIds: [id.note] } })).eraseContact;
      expect(erasure).toMatchObject({ contactId: id.jo, source: 'request' });
      const rows = Object.fromEntries(erasure.counts.map((c: { table: string; rows: number }) => [c.table, c.rows]));
      expect(rows).toMatchObject({ contacts: 2, affiliations: 1, consent_records: 1, engagements: 2, tasks: 1, merges: 1, subject_access_requests: 2, import_rows: 1, import_rows_mentioning: 1, import_files: 1 });
      expect(await t.db.query(`SELECT cells, "values" FROM import_rows WHERE batch_id = $1 ORDER BY row_number`, [batch.id])).toEqual([
        { cells: ['', '', ''], values: { firstName: '', lastName: '' } }, { cells: ['Visit', 'Met Erased person on site'], values: null },
      ]);

      for (const needle of ['bloggs', 'jo.bloggs@acme.co.uk', 'joanne', '0191 555 0101', 'Head of Talent', 'LIA 2025-03', 'Talent lead']) {
        expect({ needle, found: await mentions(needle) }).toEqual({ needle, found: {} });
      }
      const c = (await ok(`query($id: ID!) { contact(id: $id) { name emails phones jobTitle erasedAt emailMarketing { allowed } } }`, { id: id.jo })).contact;
      expect(c).toMatchObject({ name: 'Erased person', emails: [], phones: [], jobTitle: null, erasedAt: expect.any(String), emailMarketing: { allowed: false } });
      const [meeting] = await t.db.query(`SELECT summary, details FROM engagements WHERE id = $1`, [id.meeting]);
      expect(meeting).toEqual({ summary: 'Call with Erased person about apprenticeships', details: 'Erased person prefers mornings; Erased person family are alumni' });
      const [note] = await t.db.query(`SELECT details FROM engagements WHERE id = $1`, [id.note]);
      expect(note.details).toBe('Erased person mentioned a placement');

      expect(await ok(FIGURES)).toEqual(before);
      const [{ n: engagementsAfter }] = await t.db.query(`SELECT count(*)::int AS n FROM engagement_contacts WHERE contact_id = $1`, [id.jo]);
      expect(engagementsAfter).toBe(engagementsBefore);
      const [log] = await t.db.query(`SELECT erased_by, source FROM erasures WHERE contact_id = $1`, [id.jo]);
      expect(log).toEqual({ erased_by: t.users.admin, source: 'request' });
      const [event] = await t.db.query(`SELECT actor_id, changes FROM audit_events WHERE entity_type = 'contact' AND entity_id = $1 AND action = 'erase'`, [id.jo]);
      expect(event).toEqual({ actor_id: t.users.admin, changes: {} });
    });

    it('leaves erased people out of search', async () => {
      const hits = (await ok(`{ search(text: "Erased person") { kind id } }`)).search;
      expect(hits.filter((h: { id: string }) => h.id === id.jo)).toEqual([]);
    });

    it('cannot be undone: erasing again answers with the first erasure, and the record cannot be edited back', async () => {
      const [first] = await t.db.query(`SELECT id FROM erasures WHERE contact_id = $1`, [id.jo]);
      const again = (await ok(ERASE, { id: id.jo, i: { confirmName: 'anything' } })).eraseContact;
      expect(again.id).toBe(first.id);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM erasures`))[0].n).toBe(1);
      const edit = await t.gql(`mutation { updateContact(id: "${id.jo}", version: 99, input: { firstName: "Jo" }) { id } }`, {}, t.tokens.admin);
      expect(codeOf(edit)).toBe('CONFLICT');
    });
  });

  describe('retention', () => {
    const QUEUE = `{ retentionQueue(first: 50) { totalCount edges { node { recordId reason lastEngagementOn lastActivityOn contact { name } rule { id periodMonths } } } } }`;
    const DECIDE = `mutation($i: DecideRetentionInput!) { decideRetention(input: $i) { decision keepUntil } }`;
    const queued = async (token = t.tokens.admin) => (await ok(QUEUE, {}, token)).retentionQueue.edges.map((e: { node: { recordId: string } }) => e.node);
    let rule: string;

    beforeAll(async () => {
      const today = ukToday();
      id.old = (await contact({ firstName: 'Olive', lastName: 'Oldham' })).id;
      id.recent = (await contact({ firstName: 'Rita', lastName: 'Recent' })).id;
      id.never = (await contact({ firstName: 'Nina', lastName: 'Never' })).id;
      id.archiveMe = (await contact({ firstName: 'Arthur', lastName: 'Archive' })).id;
      id.eraseMe = (await contact({ firstName: 'Ezra', lastName: 'Erase' })).id;
      const oldOn = addMonths(today, -84);
      for (const who of ['old', 'recent', 'archiveMe', 'eraseMe']) {
        const e = await engagement({ summary: `Met ${who}`, contactIds: [id[who]], organisationId: id.acme });
        await t.db.query(`UPDATE engagements SET occurred_on = $2 WHERE id = $1`, [e, who === 'recent' ? addMonths(today, -12) : oldOn]);
      }
      // Records made long ago (imported history); Nina was created long ago and never engaged.
      await t.db.query(`UPDATE contacts SET created_at = now() - interval '8 years' WHERE id = ANY($1::uuid[])`, [[id.old, id.recent, id.never, id.archiveMe, id.eraseMe]]);
      rule = (await ok(`{ retentionRules { id recordType periodMonths description active } }`, {}, t.tokens.manager)).retentionRules[0].id;
    });

    it('seeds a rule for contacts with no engagement for 72 months', async () => {
      expect((await ok(`{ retentionRules { recordType periodMonths description active } }`)).retentionRules).toEqual([
        { recordType: 'contact', periodMonths: 72, description: 'Contacts with no engagement for 6 years', active: true },
      ]);
    });

    it('lists contacts with no engagement for six years, with why, but not recent ones', async () => {
      const nodes = await queued(t.tokens.manager);
      const ids = nodes.map((n: { recordId: string }) => n.recordId);
      expect(ids).toEqual(expect.arrayContaining([id.old, id.never, id.archiveMe, id.eraseMe]));
      expect(ids).not.toContain(id.recent);
      expect(ids).not.toContain(id.sam); // created today
      expect(ids).not.toContain(id.jo); // erased already
      const olive = nodes.find((n: { recordId: string }) => n.recordId === id.old);
      expect(olive).toMatchObject({ contact: { name: 'Olive Oldham' }, lastEngagementOn: addMonths(ukToday(), -84), rule: { id: rule, periodMonths: 72 }, reason: expect.stringMatching(/^No engagement since/) });
      expect(nodes.find((n: { recordId: string }) => n.recordId === id.never).reason).toMatch(/^Never engaged/);
    });

    it('is read by managers and admins only, and decided by admins only', async () => {
      for (const token of [t.tokens.staff, t.tokens.viewer]) expect(codeOf(await t.gql(QUEUE, {}, token))).toBe('FORBIDDEN');
      for (const token of [t.tokens.manager, t.tokens.viewer]) {
        expect(codeOf(await t.gql(DECIDE, { i: { ruleId: rule, recordType: 'contact', recordId: id.old, decision: 'archive' } }, token))).toBe('FORBIDDEN');
        expect(codeOf(await t.gql(`mutation { createRetentionRule(input: { recordType: contact, periodMonths: 12, description: "x" }) { id } }`, {}, token))).toBe('FORBIDDEN');
      }
    });

    it('keep hides the record until keepUntil, then it comes back', async () => {
      const past = await t.gql(DECIDE, { i: { ruleId: rule, recordType: 'contact', recordId: id.old, decision: 'keep', keepUntil: ukToday() } }, t.tokens.admin);
      expect([codeOf(past), fieldsOf(past)]).toEqual(['BAD_USER_INPUT', ['keepUntil']]);
      const keepUntil = addMonths(ukToday(), 12);
      expect((await ok(DECIDE, { i: { ruleId: rule, recordType: 'contact', recordId: id.old, decision: 'keep', keepUntil } })).decideRetention).toEqual({ decision: 'keep', keepUntil });
      expect((await queued()).map((n: { recordId: string }) => n.recordId)).not.toContain(id.old);
      pinClock(`${keepUntil}T12:00:00Z`);
      try {
        expect((await queued()).map((n: { recordId: string }) => n.recordId)).toContain(id.old);
      } finally {
        pinClock(null);
      }
    });

    it('archive soft-deletes the contact (restorable); erase anonymises it with the retention source', async () => {
      await ok(DECIDE, { i: { ruleId: rule, recordType: 'contact', recordId: id.archiveMe, decision: 'archive' } });
      const [archived] = await t.db.query(`SELECT deleted_at IS NOT NULL AS archived, first_name FROM contacts WHERE id = $1`, [id.archiveMe]);
      expect(archived).toEqual({ archived: true, first_name: 'Arthur' });
      const noName = await t.gql(DECIDE, { i: { ruleId: rule, recordType: 'contact', recordId: id.eraseMe, decision: 'erase' } }, t.tokens.admin);
      expect([codeOf(noName), fieldsOf(noName)]).toEqual(['BAD_USER_INPUT', ['confirmName']]);
      await ok(DECIDE, { i: { ruleId: rule, recordType: 'contact', recordId: id.eraseMe, decision: 'erase', confirmName: 'Ezra Erase' } });
      const [erased] = await t.db.query(`SELECT first_name || ' ' || last_name AS name, erased_at IS NOT NULL AS erased FROM contacts WHERE id = $1`, [id.eraseMe]);
      expect(erased).toEqual({ name: 'Erased person', erased: true });
      expect((await t.db.query(`SELECT source FROM erasures WHERE contact_id = $1`, [id.eraseMe]))[0].source).toBe('retention');
      const left = (await queued()).map((n: { recordId: string }) => n.recordId);
      expect(left).not.toContain(id.archiveMe);
      expect(left).not.toContain(id.eraseMe);
    });

    it('rules: created and changed by admins, stale versions refused, bad periods named', async () => {
      const created = (await ok(`mutation { createRetentionRule(input: { recordType: contact, periodMonths: 120, description: "Ten years" }) { id version active } }`)).createRetentionRule;
      const updated = await ok(`mutation($id: ID!) { updateRetentionRule(id: $id, version: 1, input: { active: false }) { version active } }`, { id: created.id });
      expect(updated.updateRetentionRule).toEqual({ version: 2, active: false });
      expect(codeOf(await t.gql(`mutation($id: ID!) { updateRetentionRule(id: $id, version: 1, input: { active: true }) { id } }`, { id: created.id }, t.tokens.admin))).toBe('CONFLICT');
      const bad = await t.gql(`mutation { createRetentionRule(input: { recordType: contact, periodMonths: 0, description: "" }) { id } }`, {}, t.tokens.admin);
      expect([codeOf(bad), fieldsOf(bad).sort()]).toEqual(['BAD_USER_INPUT', ['description', 'periodMonths']]);
    });
  });
});
