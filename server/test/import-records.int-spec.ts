import * as ExcelJS from 'exceljs';
import { codeOf, createTestApp, TestApp } from './support/test-app';
import { expectContractYearsCurrent } from './support/hebci-contract-years';
import { commit, previewed, rowsOf, startImport, undo } from './support/imports';

/**
 * Importing the people, the activity log and the pipeline of a department's spreadsheets into
 * records that belong to organisations already in the CRM. The files are made here as Excel writes
 * them: a CSV with a BOM, CRLF line ends and blank lines; XLSX sheets with serial-number dates, real
 * date cells, "£12,500" text and plain numbers.
 */
const byRow = (rows: any[]) => Object.fromEntries(rows.map((r) => [r.rowNumber, r]));
const fieldsOf = (row: any) => row.problems.map((p: { field: string }) => p.field).sort();

async function xlsx(header: unknown[], rows: unknown[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  sheet.addRow(header);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('import: contacts, engagements and opportunities', () => {
  let t: TestApp;
  let org: Record<'tyne' | 'widgets', string>;
  let person: Record<'sam' | 'priya', string>;
  const live = async (table: string) => Number((await t.db.query(`SELECT count(*) FROM ${table} WHERE deleted_at IS NULL`))[0].count);
  /** The same file again: every row that came in is found, and the commit adds nothing to `table`. */
  async function reimportCreatesNothing(entity: string, table: string, content: Buffer, found: number, skipped: number) {
    const before = await live(table);
    const again = await previewed(t, entity, `again-${table}.xlsx`, content);
    expect(again.summary).toMatchObject({ create: 0, match: found, skip: skipped });
    expect((await commit(t, again.id)).summary).toMatchObject({ created: 0, merged: 0, unchanged: found });
    expect(await live(table)).toBe(before);
    return before;
  }

  beforeAll(async () => {
    t = await createTestApp();
    const insert = async (sql: string, values: unknown[]) => (await t.db.query(`${sql} RETURNING id`, values))[0].id as string;
    org = {
      tyne: await insert(`INSERT INTO organisations (name, type, companies_house_number) VALUES ($1, 'employer', $2)`, ['Tyne Engineering Ltd', '01234567']),
      widgets: await insert(`INSERT INTO organisations (name, type) VALUES ($1, 'employer')`, ['Northern Widgets Group']),
    };
    person = {
      sam: await insert(`INSERT INTO contacts (first_name, last_name, emails) VALUES ('Sam', 'Existing', '{sam@widgets.co.uk}')`, []),
      priya: await insert(`INSERT INTO contacts (first_name, last_name) VALUES ('Priya', 'Patel')`, []),
    };
    await t.db.query(`INSERT INTO affiliations (contact_id, organisation_id, is_primary) VALUES ($1, $2, true), ($3, $4, true)`, [person.sam, org.widgets, person.priya, org.tyne]);
  });
  afterAll(() => t.close());

  describe('contacts', () => {
    const CSV = [
      '\uFEFFName,E-mail,Phone,Job Title,Company,Lawful basis',
      'Dr Jane Smith,Jane.Smith@Tyne.co.uk,0191 222 6000,Engineering Manager,Tyne Engineering,Legitimate interest', // 2: new, title dropped
      '"Smith, John",not-an-email,,Buyer,1234567,Consent',                        // 3: new, surname first, bad email, org by Companies House number
      '',
      'Jane Smith,jane.smith@tyne.co.uk,,,Tyne Engineering Ltd,',                 // 5: row 2 again (same email)
      'Sam Existing,SAM@widgets.co.uk,07700 900123,Director,Northern Widgets Group,because', // 6: an existing contact by email
      'Priya Patel,priya@tyne.co.uk,,,Tyne Engineering,',                         // 7: an existing contact by name at the same organisation
      'Madonna,,,,,',                                                              // 8: no surname
      'Alex Brown,alex@nowhere.co.uk,,,Unknown Co,',                              // 9: new, organisation not found
    ].join('\r\n') + '\r\n';

    it('previews: splits names, matches by email and by name at the organisation, and finds the file\'s own duplicates', async () => {
      const batch = await previewed(t, 'CONTACTS', 'people.csv', CSV);
      expect(batch.mapping).toEqual(['fullName', 'email', 'phone', 'jobTitle', 'organisation', 'lawfulBasis']);
      expect(batch.summary).toMatchObject({ rows: 7, create: 3, match: 3, skip: 1 });
      const rows = byRow(await rowsOf(t, batch.id));
      expect(rows[2]).toMatchObject({ decision: 'CREATE', problems: [] });
      expect(rows[3]).toMatchObject({ decision: 'CREATE', problems: [{ field: 'email', message: '"not-an-email" is not an email address' }] });
      expect(rows[5].match).toMatchObject({ reason: 'EARLIER_ROW', rowNumber: 2 });
      expect(rows[6].match).toMatchObject({ recordId: person.sam, reason: 'EMAIL', score: 1, label: 'Sam Existing <sam@widgets.co.uk>' });
      expect(rows[6].problems).toEqual([{ field: 'lawfulBasis', message: expect.stringContaining('"because" is not a lawful basis') }]);
      expect(rows[7].match).toMatchObject({ recordId: person.priya, reason: 'NAME', score: 1 });
      expect(rows[8]).toMatchObject({ decision: 'SKIP', problems: [{ field: 'lastName', message: '"Madonna" has no surname: give first and last names' }] });
      expect(rows[9]).toMatchObject({ decision: 'CREATE', problems: [{ field: 'organisation', message: 'No organisation called "Unknown Co": import the organisations first, or add it' }] });
    });

    it('commits, re-importing creates nothing, and undo removes what it created and takes back what it filled', async () => {
      const before = await live('contacts');
      const batch = await previewed(t, 'CONTACTS', 'people-commit.csv', CSV);
      expect((await commit(t, batch.id)).summary).toMatchObject({ created: 3, merged: 2, unchanged: 1, skipped: 1 });
      expect(await live('contacts')).toBe(before + 3);

      const contact = async (first: string, last: string) => (await t.db.query(
        `SELECT c.id, c.first_name, c.last_name, c.emails, c.phones, c.job_title, c.lawful_basis, c.owner_id,
                coalesce((SELECT json_agg(json_build_object('organisationId', a.organisation_id, 'role', a.role, 'isPrimary', a.is_primary))
                            FROM affiliations a WHERE a.contact_id = c.id AND a.deleted_at IS NULL), '[]') AS affiliations
           FROM contacts c WHERE c.first_name = $1 AND c.last_name = $2 AND c.deleted_at IS NULL`, [first, last]));
      const [jane] = await contact('Jane', 'Smith');
      expect(jane).toMatchObject({
        emails: ['jane.smith@tyne.co.uk'], phones: ['0191 222 6000'], job_title: 'Engineering Manager', lawful_basis: 'legitimate_interests', owner_id: t.users.admin,
        affiliations: [{ organisationId: org.tyne, role: 'Engineering Manager', isPrimary: true }],
      });
      expect(await contact('John', 'Smith')).toEqual([expect.objectContaining({
        emails: [], lawful_basis: 'consent', job_title: 'Buyer', affiliations: [{ organisationId: org.tyne, role: 'Buyer', isPrimary: true }],
      })]);
      expect(await contact('Alex', 'Brown')).toEqual([expect.objectContaining({ emails: ['alex@nowhere.co.uk'], affiliations: [] })]);
      const [sam] = await contact('Sam', 'Existing');
      expect(sam).toMatchObject({ emails: ['sam@widgets.co.uk'], phones: ['07700 900123'], job_title: 'Director', lawful_basis: null });
      expect((await contact('Priya', 'Patel'))[0]).toMatchObject({ emails: ['priya@tyne.co.uk'], job_title: null, affiliations: [{ organisationId: org.tyne }] });
      const rows = byRow(await rowsOf(t, batch.id));
      expect(rows[5]).toMatchObject({ outcome: 'UNCHANGED', recordId: jane.id });
      expect(await t.db.query(`SELECT action, changes FROM audit_events WHERE entity_id = $1`, [person.sam])).toEqual([
        { action: 'update', changes: { jobTitle: { old: null, new: 'Director' }, phones: { old: null, new: ['07700 900123'] } } },
      ]);

      const again = await previewed(t, 'CONTACTS', 'people-again.csv', CSV);
      expect(again.summary).toMatchObject({ create: 0, match: 6, skip: 1 });
      expect(byRow(await rowsOf(t, again.id))[3].match).toMatchObject({ reason: 'NAME', label: 'John Smith' });
      expect((await commit(t, again.id)).summary).toMatchObject({ created: 0, merged: 0, unchanged: 6 });
      expect(await live('contacts')).toBe(before + 3);

      await t.db.query(`UPDATE contacts SET job_title = 'CEO' WHERE id = $1`, [person.sam]); // a person's edit after the import
      expect((await undo(t, batch.id)).summary).toMatchObject({ undone: 5 });
      expect(await live('contacts')).toBe(before);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM affiliations WHERE contact_id = $1 AND deleted_at IS NULL`, [jane.id]))[0].n).toBe(0);
      expect((await contact('Sam', 'Existing'))[0]).toMatchObject({ phones: [], job_title: 'CEO', emails: ['sam@widgets.co.uk'] });
      expect((await contact('Priya', 'Patel'))[0]).toMatchObject({ emails: [], affiliations: [{ organisationId: org.tyne }] });
    });

    it('takes a first and last name column, or a full name, but not neither', async () => {
      const batch = await startImport(t, 'CONTACTS', 'nameless.csv', 'Email,Company\nx@y.co.uk,Tyne\n');
      const r = await t.gql(`mutation($id: ID!, $m: [String]!) { previewImport(id: $id, mapping: $m) { id } }`, { id: batch.id, m: ['email', 'organisation'] }, t.tokens.admin);
      expect(r.errors![0].extensions!.fields).toEqual([{ field: 'mapping', messages: ['a column must fill First name', 'a column must fill Last name'] }]);
      const split = await previewed(t, 'CONTACTS', 'split.csv', 'Forename,Surname\nAda,Lovelace\n');
      expect(split.summary).toMatchObject({ create: 1, skip: 0 });
    });
  });

  describe('engagements', () => {
    const notes = 'Visited the plant. ' + 'Met the apprentices and their line managers. '.repeat(10);
    let existing: string;
    beforeAll(async () => {
      existing = (await t.db.query(
        `INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id) VALUES ('meeting', '2025-03-01', 'Quarterly review', $1, $2) RETURNING id`,
        [org.tyne, t.departments.ENG]))[0].id;
    });
    const file = () => xlsx(['Date', 'Activity', 'Subject', 'Notes', 'Company', 'Contact email', 'Dept'], [
      ['03/04/2025', 'Phone call', 'Discussed KTP', 'Keen on a KTP', 'Tyne Engineering', 'sam@widgets.co.uk', null],  // 2: UK date, 3 April
      [45750, 'Site visit', null, notes, 'Nothern Widgets Group', null, 'bus'],                                        // 3: Excel serial, summary from the notes, a misspelt organisation
      [new Date(Date.UTC(2025, 4, 6)), null, 'Careers fair follow-up', null, 'Tyne Engineering Ltd', 'nobody@nowhere.com', null], // 4: a date cell, no type
      ['03/04/2025', 'phone call', 'discussed ktp', null, 'TYNE ENGINEERING LIMITED', null, null],                     // 5: row 2 again
      ['04/04/2025', 'Carrier pigeon', 'Sent a bird', null, 'Tyne Engineering', null, null],                           // 6: unknown type
      ['05/04/2025', 'Meeting', 'Intro', null, 'Unknown Widgets Co', null, null],                                      // 7: unknown organisation
      [null, 'Meeting', 'No date', null, 'Tyne Engineering', null, null],                                              // 8: no date
      ['06/04/2025', 'Meeting', 'Dept check', null, 'Tyne Engineering', null, 'Nonexistent'],                          // 9: unknown department
      ['01/03/2025', 'Meeting', 'Quarterly Review', 'Went well', 'Tyne Engineering', 'sam@widgets.co.uk', null],       // 10: an existing engagement
    ]);

    it('previews with UK dates, Excel serials and date cells, and names each problem\'s field', async () => {
      const batch = await previewed(t, 'ENGAGEMENTS', 'activity.xlsx', await file());
      expect(batch.mapping).toEqual(['occurredOn', 'type', 'summary', 'details', 'organisation', 'contactEmail', 'department']);
      expect(batch.summary).toMatchObject({ rows: 9, create: 4, match: 2, skip: 3 });
      const rows = byRow(await rowsOf(t, batch.id));
      expect(rows[4].problems).toEqual([{ field: 'contactEmail', message: 'No contact with the email nobody@nowhere.com: import the contacts first to link them' }]);
      expect(rows[5].match).toMatchObject({ reason: 'EARLIER_ROW', rowNumber: 2 });
      expect(rows[6]).toMatchObject({ decision: 'CREATE', problems: [{ field: 'type', message: expect.stringContaining('"Carrier pigeon" is not an engagement type') }] });
      expect(rows[7]).toMatchObject({ decision: 'SKIP', problems: [{ field: 'organisation', message: 'No organisation called "Unknown Widgets Co": import the organisations first, or add it' }] });
      expect(rows[8]).toMatchObject({ decision: 'SKIP', problems: [{ field: 'occurredOn', message: 'occurredOn must not be empty' }] });
      expect(rows[9]).toMatchObject({ decision: 'SKIP', problems: [{ field: 'department', message: 'No department with the code or name "Nonexistent"' }] });
      expect(rows[10].match).toMatchObject({ recordId: existing, reason: 'SAME_RECORD', label: '01/03/2025 meeting: Quarterly review' });

      // A row waiting for its organisation can only be skipped.
      const forced = await t.gql(`mutation($id: ID!, $d: [ImportRowDecisionInput!]!) { decideImportRows(id: $id, decisions: $d) { id } }`,
        { id: batch.id, d: [{ rowNumber: 7, decision: 'CREATE' }] }, t.tokens.admin);
      expect(codeOf(forced)).toBe('BAD_USER_INPUT');
    });

    it('commits each engagement once, in the right department, by the importer; re-import creates nothing; undo puts it all back', async () => {
      const batch = await previewed(t, 'ENGAGEMENTS', 'activity-commit.xlsx', await file());
      expect((await commit(t, batch.id)).summary).toMatchObject({ created: 4, merged: 1, unchanged: 1, skipped: 3 });
      const created = await t.db.query(
        `SELECT to_char(e.occurred_on, 'YYYY-MM-DD') AS day, e.type, e.summary, e.details, e.organisation_id, d.code AS dept, e.created_by, e.confidential,
                ARRAY(SELECT contact_id FROM engagement_contacts ec WHERE ec.engagement_id = e.id) AS contacts
           FROM engagements e JOIN departments d ON d.id = e.department_id WHERE e.deleted_at IS NULL AND e.id <> $1 ORDER BY e.occurred_on, e.summary`, [existing]);
      const common = { created_by: t.users.admin, confidential: false };
      expect(created).toEqual([
        { ...common, day: '2025-04-03', type: 'call', summary: 'Discussed KTP', details: 'Keen on a KTP', organisation_id: org.tyne, dept: 'ENG', contacts: [person.sam] },
        { ...common, day: '2025-04-03', type: 'visit', summary: notes.slice(0, 300).trim(), details: notes.trim(), organisation_id: org.widgets, dept: 'BUS', contacts: [] },
        { ...common, day: '2025-04-04', type: 'note', summary: 'Sent a bird', details: null, organisation_id: org.tyne, dept: 'ENG', contacts: [] },
        { ...common, day: '2025-05-06', type: 'note', summary: 'Careers fair follow-up', details: null, organisation_id: org.tyne, dept: 'ENG', contacts: [] },
      ]);
      const reviewed = async () => (await t.db.query(
        `SELECT details, ARRAY(SELECT contact_id FROM engagement_contacts WHERE engagement_id = $1) AS contacts FROM engagements WHERE id = $1`, [existing]))[0];
      expect(await reviewed()).toEqual({ details: 'Went well', contacts: [person.sam] });

      const before = await reimportCreatesNothing('ENGAGEMENTS', 'engagements', await file(), 6, 3);

      expect((await undo(t, batch.id)).summary).toMatchObject({ undone: 5 });
      expect(await live('engagements')).toBe(before - 4);
      expect(await reviewed()).toEqual({ details: null, contacts: [] });
    });
  });

  describe('opportunities', () => {
    let existing: string;
    beforeAll(async () => {
      existing = (await t.db.query(
        `INSERT INTO opportunities (title, type, stage_id, department_id, organisation_id)
         VALUES ('Existing apprenticeship', 'apprenticeship', (SELECT id FROM opportunity_stages WHERE name = 'Enquiry'), $1, $2) RETURNING id`,
        [t.departments.ENG, org.widgets]))[0].id;
    });
    const file = () => xlsx(['Project', 'Type', 'Value (£)', 'Stage', 'Close date', 'Start date', 'End date', 'Client', 'Probability'], [
      ['KTP with Tyne', 'KTP', '£12,500', 'Proposal', 45900, new Date(Date.UTC(2025, 8, 1)), '31/08/2027', 'Tyne Engineering', null], // 2
      ['CPD for Widgets', 'CPD', 8450.5, 'won', '30/06/2024', null, null, 'Northern Widgets Group Ltd', null],                                     // 3: won
      ['Mystery', 'Widgets', '£1', null, null, null, null, 'Tyne Engineering', null],                                                    // 4: unknown type
      ['Consultancy sprint', 'Consultancy', '£3,000.75', null, null, null, null, 'Tyne Engineering', '60%'],                             // 5: first open stage
      ['KTP WITH TYNE', 'KTP', null, null, null, null, null, 'Tyne Engineering Ltd', null],                                               // 6: row 2 again
      ['Lost bid', 'Contract research', '£5,000', 'Lost', null, null, null, 'Nothern Widgets Group', null],                                   // 7: lost
      ['Bad stage', 'Consultancy', null, 'Pending', null, null, null, 'Tyne Engineering', null],                                         // 8: unknown stage
      ['Existing Apprenticeship', 'Apprenticeship', 20000, null, '15/01/2026', null, null, 'NORTHERN WIDGETS GROUP', null],                     // 9: existing
    ]);

    it('previews: unknown types and stages skip the row, naming the field', async () => {
      const batch = await previewed(t, 'OPPORTUNITIES', 'pipeline.xlsx', await file());
      expect(batch.mapping).toEqual(['title', 'type', 'value', 'stage', 'expectedCloseDate', 'startDate', 'endDate', 'organisation', 'probability']);
      expect(batch.summary).toMatchObject({ rows: 8, create: 4, match: 2, skip: 2 });
      const rows = byRow(await rowsOf(t, batch.id));
      expect(rows[4]).toMatchObject({ decision: 'SKIP', problems: [{ field: 'type', message: expect.stringContaining('"Widgets" is not an opportunity type') }] });
      expect(rows[8]).toMatchObject({ decision: 'SKIP', problems: [{ field: 'stage', message: 'No stage called "Pending" (Enquiry, Qualified, Proposal, Negotiation, Won, Lost)' }] });
      expect(rows[6].match).toMatchObject({ reason: 'EARLIER_ROW', rowNumber: 2 });
      expect(rows[9].match).toMatchObject({ recordId: existing, reason: 'SAME_RECORD', label: 'Existing apprenticeship (Northern Widgets Group)' });
      expect(fieldsOf(rows[2])).toEqual([]);
    });

    it('commits pence exactly, stages by name with their history and closing dates; re-import creates nothing; undo restores', async () => {
      const batch = await previewed(t, 'OPPORTUNITIES', 'pipeline-commit.xlsx', await file());
      expect((await commit(t, batch.id)).summary).toMatchObject({ created: 4, merged: 1, unchanged: 1, skipped: 2 });
      // The won row counts in the HE-BCI return's per-year table from the import on (kept by its triggers).
      expect((await expectContractYearsCurrent(t.db)).length).toBeGreaterThan(0);
      const created = await t.db.query(
        `SELECT o.title, o.type, o.value_pence::text AS pence, s.name AS stage, o.probability, o.organisation_id, o.owner_id, o.created_by,
                to_char(o.expected_close_date, 'YYYY-MM-DD') AS close, to_char(o.start_date, 'YYYY-MM-DD') AS start, to_char(o.end_date, 'YYYY-MM-DD') AS "end",
                to_char(o.won_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI') AS won, o.closed_at IS NOT NULL AS closed,
                to_char(o.closed_at AT TIME ZONE 'Europe/London', 'YYYY-MM-DD HH24:MI') AS closed_on,
                (SELECT json_agg(json_build_object('stage', hs.name, 'open', h.left_at IS NULL, 'movedBy', h.moved_by))
                   FROM opportunity_stage_history h JOIN opportunity_stages hs ON hs.id = h.stage_id WHERE h.opportunity_id = o.id) AS history
           FROM opportunities o JOIN opportunity_stages s ON s.id = o.stage_id
          WHERE o.deleted_at IS NULL AND o.id <> $1 ORDER BY o.title`, [existing]);
      const by = t.users.admin;
      const nothing = { close: null, start: null, end: null, probability: null, won: null, owner_id: by, created_by: by };
      expect(created.map((c: any) => (c.stage === 'Lost' ? { ...c, closed_on: 'now' } : c))).toEqual([
        { ...nothing, title: 'CPD for Widgets', type: 'cpd_short_course', pence: '845050', stage: 'Won', organisation_id: org.widgets, close: '2024-06-30',
          won: '2024-06-30 00:00', closed: true, closed_on: '2024-06-30 00:00', history: [{ stage: 'Won', open: true, movedBy: by }] },
        { ...nothing, title: 'Consultancy sprint', type: 'consultancy', pence: '300075', stage: 'Enquiry', probability: 60, organisation_id: org.tyne,
          closed: false, closed_on: null, history: [{ stage: 'Enquiry', open: true, movedBy: by }] },
        { ...nothing, title: 'KTP with Tyne', type: 'ktp', pence: '1250000', stage: 'Proposal', organisation_id: org.tyne, close: '2025-08-31', start: '2025-09-01', end: '2027-08-31',
          closed: false, closed_on: null, history: [{ stage: 'Proposal', open: true, movedBy: by }] },
        { ...nothing, title: 'Lost bid', type: 'contract_research', pence: '500000', stage: 'Lost', organisation_id: org.widgets,
          closed: true, closed_on: 'now', history: [{ stage: 'Lost', open: true, movedBy: by }] },
      ]);
      const target = async () => (await t.db.query(
        `SELECT value_pence::text AS pence, to_char(expected_close_date, 'YYYY-MM-DD') AS close FROM opportunities WHERE id = $1`, [existing]))[0];
      expect(await target()).toEqual({ pence: '2000000', close: '2026-01-15' });

      const before = await reimportCreatesNothing('OPPORTUNITIES', 'opportunities', await file(), 6, 2);

      expect((await undo(t, batch.id)).summary).toMatchObject({ undone: 5 });
      expect(await live('opportunities')).toBe(before - 4);
      expect(await target()).toEqual({ pence: '0', close: null });
      expect(await expectContractYearsCurrent(t.db)).toEqual([]);
    });
  });
});
