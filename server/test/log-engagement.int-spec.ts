import { createTestApp, TestApp } from './support/test-app';

// Logging an engagement is one guarded statement (engagement.sql.ts): these pin down that it writes
// exactly the rows the step-by-step version wrote, and refuses with the same field errors, writing nothing.
const LOG = `mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id summary occurredOn confidential organisation { id } department { code } contacts { id } loggedBy { id } } }`;

describe('logging an engagement', () => {
  let t: TestApp;
  let org: { id: string };
  let secret: { id: string };
  let contact: { id: string };
  beforeAll(async () => {
    t = await createTestApp();
    const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
      const res = await t.gql(query, variables, token);
      if (res.errors) throw new Error(JSON.stringify(res.errors));
      return res.data;
    };
    org = (await ok(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { type: 'employer', name: 'Guarded Insert Ltd' } }, t.tokens.staff)).createOrganisation;
    secret = (await ok(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`,
      { i: { type: 'employer', name: 'Hidden Bus Ltd', confidential: true, departmentId: t.departments.BUS } }, t.tokens.staffBus)).createOrganisation;
    contact = (await ok('mutation($i: CreateContactInput!) { createContact(input: $i) { id } }', { i: { firstName: 'Ada', lastName: 'Present', emails: ['ada@guarded.example'] } }, t.tokens.staff)).createContact;
  });
  afterAll(() => t.close());

  const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query(sql, params))[0].n);
  const totals = () => Promise.all(['engagements', 'engagement_contacts', 'engagement_staff', 'audit_events'].map((table) => count(`SELECT count(*) AS n FROM ${table}`)));

  it('writes the engagement, its contacts, its staff (always the logger) and its audit event', async () => {
    const res = await t.gql(LOG, { i: { type: 'meeting', summary: 'Guarded meeting', occurredOn: '2026-01-05', organisationId: org.id, contactIds: [contact.id, contact.id], staffIds: [t.users.manager] } }, t.tokens.staff);
    expect(res.errors).toBeUndefined();
    const e = res.data.logEngagement;
    expect(e).toMatchObject({ summary: 'Guarded meeting', occurredOn: '2026-01-05', confidential: false, organisation: { id: org.id }, department: { code: 'ENG' },
      contacts: [{ id: contact.id }], loggedBy: { id: t.users.staff } });
    const [row] = await t.db.query('SELECT type, occurred_on::text AS day, department_id, created_by, version FROM engagements WHERE id = $1', [e.id]);
    expect(row).toEqual({ type: 'meeting', day: '2026-01-05', department_id: t.departments.ENG, created_by: t.users.staff, version: 1 });
    expect((await t.db.query('SELECT user_id FROM engagement_staff WHERE engagement_id = $1 ORDER BY user_id', [e.id])).map((r: any) => r.user_id))
      .toEqual([t.users.staff, t.users.manager].sort());
    const audit = await t.db.query(`SELECT actor_id, action, changes FROM audit_events WHERE entity_type = 'engagement' AND entity_id = $1`, [e.id]);
    expect(audit).toEqual([{ actor_id: t.users.staff, action: 'create', changes: {
      type: { old: null, new: 'meeting' }, occurredOn: { old: null, new: '2026-01-05' }, summary: { old: null, new: 'Guarded meeting' },
      organisationId: { old: null, new: org.id }, departmentId: { old: null, new: t.departments.ENG }, confidential: { old: null, new: false },
      contactIds: { old: null, new: [contact.id] },
    } }]);
  });

  it('answers an engagement logged with nobody present with no contacts', async () => {
    const res = await t.gql(LOG, { i: { type: 'call', summary: 'Alone' } }, t.tokens.staff);
    expect(res.data.logEngagement).toMatchObject({ summary: 'Alone', organisation: null, contacts: [] });
  });

  it.each([
    ['another department\'s confidential organisation', () => ({ organisationId: secret.id }), 'organisationId'],
    ['an organisation that does not exist', () => ({ organisationId: '00000000-0000-4000-8000-000000000000' }), 'organisationId'],
    ['a contact that does not exist', () => ({ contactIds: [contact.id, '00000000-0000-4000-8000-000000000001'] }), 'contactIds'],
    ['a staff member who does not exist', () => ({ staffIds: ['00000000-0000-4000-8000-000000000002'] }), 'staffIds'],
  ])('refuses %s, naming the field, and writes nothing', async (_, extra, field) => {
    const before = await totals();
    const res = await t.gql(LOG, { i: { type: 'call', summary: 'Refused', ...extra() } }, t.tokens.staff);
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual([field]);
    expect(await totals()).toEqual(before);
  });

  it('queues the engagement.created webhooks that want it, confidential ones only where included', async () => {
    const hook = async (events: string[], includeConfidential: boolean) => (await t.db.query(
      `INSERT INTO webhooks (name, url, events, secret, include_confidential, created_by) VALUES ('h', 'http://127.0.0.1:9/hook', $1, 's', $2, $3) RETURNING id`,
      [events, includeConfidential, t.users.admin]))[0].id;
    const plain = await hook(['engagement.created'], false);
    const all = await hook(['engagement.created', 'engagement.updated'], true);
    await hook(['organisation.created'], false);
    const deliveries = async (id: string) => (await t.db.query(
      `SELECT webhook_id, event, payload FROM webhook_deliveries WHERE payload->'data'->>'id' = $1 ORDER BY webhook_id`, [id]));
    const open = (await t.gql(LOG, { i: { type: 'call', summary: 'Hooked' } }, t.tokens.staff)).data.logEngagement;
    const queued = await deliveries(open.id);
    expect(queued.map((d: any) => d.webhook_id)).toEqual([plain, all].sort());
    expect(queued[0]).toMatchObject({ event: 'engagement.created', payload: { event: 'engagement.created', data: { id: open.id, type: 'call', confidential: false, version: 1 } } });
    const secretOne = (await t.gql(LOG, { i: { type: 'call', summary: 'Hooked quietly', confidential: true } }, t.tokens.staff)).data.logEngagement;
    expect((await deliveries(secretOne.id)).map((d: any) => d.webhook_id)).toEqual([all]);
    await t.db.query('UPDATE webhooks SET active = false');
  });

  it('refuses an archived department, naming it', async () => {
    const [dept] = await t.db.query(`INSERT INTO departments (name, code, deleted_at) VALUES ('Gone', 'GONE', now()) RETURNING id`);
    const before = await totals();
    const res = await t.gql(LOG, { i: { type: 'call', summary: 'Refused', departmentId: dept.id } }, t.tokens.manager);
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['departmentId']);
    expect(await totals()).toEqual(before);
  });
});
