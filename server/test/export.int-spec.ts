import * as ExcelJS from 'exceljs';
import request from 'supertest';
import { Role } from '../src/common/auth/roles';
import { keysetBatches } from '../src/modules/export/keyset-batches';
import { ORGANISATION_SORTS, OrganisationService } from '../src/modules/organisation/organisation.service';
import { createTestApp, TestApp } from './support/test-app';

const binary = (res: NodeJS.ReadableStream & { setEncoding?: unknown }, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

async function sheetsOf(body: Buffer): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  const sheets: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

const csvRows = (text: string) => text.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).map((line) => line.split(','));

describe('export', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    const insert = (name: string, sector: string | null, confidential = false) =>
      t.db.query(`INSERT INTO organisations (name, type, sector, confidential, department_id) VALUES ($1, 'employer', $2, $3, $4)`, [name, sector, confidential, t.departments.ENG]);
    await insert('Acme Engineering', null);
    await insert('=HYPERLINK("http://evil")', null);
    await insert('Bolt Manufacturing', 'C');
    await insert('Cobalt Secret Ltd', null, true);
    const [{ id: org }] = await t.db.query(`SELECT id FROM organisations WHERE name = 'Bolt Manufacturing'`);
    const [{ id: stage }] = await t.db.query(`SELECT id FROM opportunity_stages WHERE name = 'Proposal'`);
    await t.db.query(`INSERT INTO opportunities (title, type, stage_id, value_pence, expected_close_date, department_id, organisation_id)
      VALUES ('Welding CPD', 'cpd_short_course', $1, 123456, '2025-03-31', $2, $3)`, [stage, t.departments.ENG, org]);
  });
  afterAll(() => t.close());

  const get = (path: string, token?: string) => {
    const req = request(t.app.getHttpServer()).get(path);
    return token ? req.set('authorization', `Bearer ${token}`) : req;
  };
  const missingSector = encodeURIComponent(JSON.stringify({ missing: ['sector'] }));

  it('writes the filtered list as CSV: BOM, headers, exactly the matching rows, formulas neutralised', async () => {
    const res = await get(`/export/organisations?format=csv&filter=${missingSector}`, t.tokens.staff);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="organisations-\d{4}-\d{2}-\d{2}\.csv"/);
    expect(res.text.startsWith('\uFEFFName,Legal name,Type,Sector (SIC section)')).toBe(true);
    expect(res.text.endsWith('\r\n')).toBe(true);
    const names = csvRows(res.text).slice(1).map((r) => r[0]);
    // Name order, as the list shows it; the confidential ENG organisation is ENG staff's to see.
    expect(names).toEqual(['"\'=HYPERLINK(""http://evil"")"', 'Acme Engineering', 'Cobalt Secret Ltd']);
  });

  it('applies the search as the list does', async () => {
    const res = await get(`/export/organisations?format=csv&search=acme`, t.tokens.staff);
    expect(csvRows(res.text).slice(1).map((r) => r[0])).toEqual(['Acme Engineering']);
  });

  it('writes the same rows as XLSX that reads back, money in pounds and dates as dates', async () => {
    const res = await get(`/export/organisations?format=xlsx&filter=${missingSector}`, t.tokens.staff).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const sheets = await sheetsOf(res.body as Buffer);
    const rows = sheets.organisations;
    expect(rows[0].slice(0, 2)).toEqual(['Name', 'Legal name']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['\'=HYPERLINK("http://evil")', 'Acme Engineering', 'Cobalt Secret Ltd']);

    const opps = await get('/export/opportunities?format=xlsx', t.tokens.staff).buffer(true).parse(binary);
    const [header, welding] = (await sheetsOf(opps.body as Buffer)).opportunities;
    expect(welding[header.indexOf('Value (£)')]).toBe(1234.56);
    expect(welding[header.indexOf('Expected close')]).toEqual(new Date(Date.UTC(2025, 2, 31)));
    expect(welding[header.indexOf('Stage')]).toBe('Proposal');
    expect(welding[header.indexOf('Organisation')]).toBe('Bolt Manufacturing');
  });

  it("never puts another department's confidential records in an export", async () => {
    const res = await get(`/export/organisations?format=csv&filter=${missingSector}`, t.tokens.staffBus);
    expect(res.text).not.toContain('Cobalt Secret');
    expect(csvRows(res.text)).toHaveLength(3);
  });

  it('refuses a bad filter with 400, naming the field', async () => {
    const bad = await get(`/export/organisations?format=csv&filter=${encodeURIComponent(JSON.stringify({ missing: ['colour'] }))}`, t.tokens.staff);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('BAD_USER_INPUT');
    expect(bad.body.fields.map((f: { field: string }) => f.field)).toEqual(['filter.missing']);
    const notJson = await get('/export/organisations?format=csv&filter={oops', t.tokens.staff);
    expect(notJson.body.fields[0].field).toBe('filter');
    const format = await get('/export/organisations?format=pdf', t.tokens.staff);
    expect(format.body.fields[0].field).toBe('format');
    const list = await get('/export/secrets?format=csv', t.tokens.staff);
    expect(list.status).toBe(400);
    expect(list.body.fields[0].field).toBe('list');
    const unknown = await get('/export/contacts?format=csv&colour=red', t.tokens.staff);
    expect(unknown.body.fields[0].field).toBe('colour');
  });

  it('refuses the unauthenticated with 401', async () => {
    expect((await get('/export/organisations?format=csv')).status).toBe(401);
    expect((await get('/export/all?format=xlsx')).status).toBe(401);
  });

  it('lets a viewer export a list they can read, but not everything', async () => {
    const res = await get('/export/contacts?format=csv', t.tokens.viewer);
    expect(res.status).toBe(200);
    expect(csvRows(res.text)[0].slice(0, 2)).toEqual(['First name', 'Last name']);
    expect((await get('/export/all?format=xlsx', t.tokens.viewer)).status).toBe(403);
    expect((await get('/export/all?format=xlsx', t.tokens.manager)).status).toBe(403);
  });

  it('gives an admin everything, one sheet per record type, without password hashes', async () => {
    const res = await get('/export/all?format=xlsx', t.tokens.admin).buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const sheets = await sheetsOf(res.body as Buffer);
    expect(Object.keys(sheets)).toEqual(['Organisations', 'Contacts', 'Affiliations', 'Consent records', 'Engagements', 'Opportunities', 'Tasks', 'Departments', 'Users']);
    expect(sheets.Organisations).toHaveLength(5);
    expect(sheets.Users[0]).toContain('email');
    expect(sheets.Users[0]).not.toContain('password_hash');
    expect(sheets.Users).toHaveLength(6);
    expect(sheets.Opportunities[0]).toContain('value (£)');
  });

  it('reads a long list in keyset batches: every row once, in the list order', async () => {
    const admin = { id: t.users.admin, email: 'admin@test.ac.uk', role: Role.admin, departmentIds: [] };
    const query = t.app.get(OrganisationService).filtered(admin, {});
    const batches: string[][] = [];
    for await (const batch of keysetBatches(query, ORGANISATION_SORTS.name, 3)) batches.push(batch.map((o) => o.name));
    expect(batches.map((b) => b.length)).toEqual([3, 1]);
    expect(batches.flat()).toEqual(['=HYPERLINK("http://evil")', 'Acme Engineering', 'Bolt Manufacturing', 'Cobalt Secret Ltd']);
  });

  it('records who exported what in the audit trail', async () => {
    await get('/export/tasks?format=csv', t.tokens.staff);
    const [event] = await t.db.query(`SELECT actor_id, changes FROM audit_events WHERE action = 'export' ORDER BY id DESC LIMIT 1`);
    expect(event.actor_id).toBe(t.users.staff);
    expect(event.changes.list.new).toBe('tasks');
    expect(event.changes.rows.new).toBe(0);
  });
});
