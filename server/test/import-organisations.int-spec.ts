import { codeOf, createTestApp, TestApp } from './support/test-app';
import { commit, previewed, rowsOf, START, startImport, undo, waitFor } from './support/imports';

/**
 * Importing a department's organisations spreadsheet: messy rows in, one record per organisation
 * out, and everything undoable. The CSV is made here, the way Excel writes them: a BOM, CRLF line
 * ends, blank lines, stray spaces, an Excel-stripped leading zero.
 */
const CSV = [
  '\uFEFFCompany,Companies House No,Website,Postcode,Sector,Employees',
  'Tyne Engineering Ltd,1234567,,NE1 4XF,,',              // 2: CH number of an existing org (leading zero dropped by Excel)
  'Northern Widgets,,https://www.northern-widgets.co.uk/about,,Manufacturing,40', // 3: domain of an existing org
  '  Smith & Sons Ltd. ,,,ne8 1ab,C,',                     // 4: similar name in the same postcode area as "SMITH AND SONS LIMITED"
  '',
  'Smith and Sons,,,SW1A 1AA,,',                           // 6: same name, another area: a different organisation
  'Acme Robotics Ltd,,acme-robotics.co.uk,DH1 3LE,Information and communication,250+', // 7: new
  ',,,,,',                                                  // 8: blank row, skipped by the reader
  'ACME ROBOTICS LIMITED,,,DH1 3LE,,',                      // 9: the same as row 7
  ',00000001,,,,',                                          // 10: no name
  'Bad Postcode Bakery,,,XX,Bakery,lots',                   // 11: importable, three problems
].join('\r\n') + '\r\n';

describe('import: organisations', () => {
  let t: TestApp;
  let existing: Record<'tyne' | 'widgets' | 'smith', string>;
  beforeAll(async () => {
    t = await createTestApp();
    const insert = async (name: string, extra: string, values: unknown[]) =>
      (await t.db.query(`INSERT INTO organisations (name, type${extra ? ', ' + extra : ''}) VALUES ($1, 'employer'${values.map((_, i) => `, $${i + 2}`).join('')}) RETURNING id`, [name, ...values]))[0].id;
    existing = {
      tyne: await insert('Tyne Engineering', 'companies_house_number, postcode', ['01234567', 'NE1 4XF']),
      widgets: await insert('Northern Widgets Group', 'website, sector', ['https://northern-widgets.co.uk', 'C']),
      smith: await insert('SMITH AND SONS LIMITED', 'postcode', ['NE8 2BB']),
    };
  });
  afterAll(() => t.close());

  it('reads the file, suggests the mapping from the headers, and previews every row with its reason', async () => {
    const started = await startImport(t, 'ORGANISATIONS', 'employers.csv', CSV);
    expect(started.headers).toEqual(['Company', 'Companies House No', 'Website', 'Postcode', 'Sector', 'Employees']);
    expect(started.mapping).toEqual(['name', 'companiesHouseNumber', 'website', 'postcode', 'sector', 'sizeBand']);
    expect(started.rowsTotal).toBe(8);

    const batch = await previewed(t, 'ORGANISATIONS', 'employers.csv', CSV);
    expect(batch.summary).toMatchObject({ rows: 8, create: 3, match: 4, skip: 1 });
    const rows = Object.fromEntries((await rowsOf(t, batch.id)).map((r) => [r.rowNumber, r]));
    expect(Object.keys(rows).map(Number)).toEqual([2, 3, 4, 6, 7, 9, 10, 11]);
    expect(rows[2].match).toMatchObject({ recordId: existing.tyne, reason: 'COMPANIES_HOUSE_NUMBER', label: 'Tyne Engineering (NE1 4XF)' });
    expect(rows[3].match).toMatchObject({ recordId: existing.widgets, reason: 'DOMAIN' });
    expect(rows[4].match).toMatchObject({ recordId: existing.smith, reason: 'NAME', score: 1 });
    expect(rows[6].decision).toBe('CREATE');
    expect(rows[7].decision).toBe('CREATE');
    expect(rows[9].match).toMatchObject({ reason: 'EARLIER_ROW', rowNumber: 7, recordId: null });
    expect(rows[10]).toMatchObject({ decision: 'SKIP', problems: [{ field: 'name', message: 'name must not be empty' }] });
    expect(rows[11].decision).toBe('CREATE');
    expect(rows[11].problems.map((p: { field: string }) => p.field).sort()).toEqual(['postcode', 'sector', 'sizeBand']);
    expect(rows[4].cells).toEqual(['  Smith & Sons Ltd. ', '', '', 'ne8 1ab', 'C', '']);
    // Pages of a view: keyset on the row number, the count is of the whole view.
    const page = async (after: string | null) => (await t.gql(`query($id: ID!, $after: String) { importBatch(id: $id) { rows(first: 2, view: CREATE, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { rowNumber } } } } }`, { id: batch.id, after }, t.tokens.admin)).data.importBatch.rows;
    const first = await page(null);
    expect([first.totalCount, first.edges.map((e: any) => e.node.rowNumber), first.pageInfo.hasNextPage]).toEqual([3, [6, 7], true]);
    const second = await page(first.pageInfo.endCursor);
    expect([second.totalCount, second.edges.map((e: any) => e.node.rowNumber), second.pageInfo.hasNextPage]).toEqual([3, [11], false]);
  });

  it('commits: creates the new ones once, fills only the empty fields of matched ones, keeps what was there, and re-importing creates nothing', async () => {
    const batch = await previewed(t, 'ORGANISATIONS', 'employers-commit.csv', CSV);
    const done = await commit(t, batch.id);
    expect(done.summary).toMatchObject({ created: 3, merged: 2, unchanged: 2, skipped: 1 });

    const [widgets] = await t.db.query(`SELECT name, sector, size_band, website FROM organisations WHERE id = $1`, [existing.widgets]);
    expect(widgets).toEqual({ name: 'Northern Widgets Group', sector: 'C', size_band: 'small', website: 'https://northern-widgets.co.uk' });
    const [smith] = await t.db.query(`SELECT name, postcode, sector FROM organisations WHERE id = $1`, [existing.smith]);
    expect(smith).toEqual({ name: 'SMITH AND SONS LIMITED', postcode: 'NE8 2BB', sector: 'C' });
    const acme = await t.db.query(`SELECT name, website, size_band, sector, postcode FROM organisations WHERE bce_name_key(name) = 'acme robotics' AND deleted_at IS NULL`);
    expect(acme).toEqual([{ name: 'Acme Robotics Ltd', website: 'https://acme-robotics.co.uk', size_band: 'large', sector: 'J', postcode: 'DH1 3LE' }]);
    const rows = Object.fromEntries((await rowsOf(t, batch.id)).map((r) => [r.rowNumber, r]));
    expect(rows[9]).toMatchObject({ outcome: 'UNCHANGED', recordId: rows[7].recordId });
    const audit = await t.db.query(`SELECT action, changes FROM audit_events WHERE entity_id = $1 ORDER BY id`, [existing.widgets]);
    expect(audit).toEqual([{ action: 'update', changes: { sizeBand: { old: null, new: 'small' } } }]);

    const again = await previewed(t, 'ORGANISATIONS', 'employers-again.csv', CSV);
    expect(again.sameFileImportedAt).not.toBeNull();
    // The bakery's postcode was unreadable: a name alone could be anywhere in the country, so its match
    // to the record the first import made is only proposed, and a person accepts it.
    expect(again.summary).toMatchObject({ create: 1, match: 6, skip: 1, proposed: 1 });
    const bakery = (await rowsOf(t, again.id)).find((r) => r.rowNumber === 11);
    expect(bakery).toMatchObject({ decision: 'CREATE', match: { reason: 'NAME', proposed: true, recordId: rows[11].recordId } });
    const accepted = await t.gql(`mutation($id: ID!, $d: [ImportRowDecisionInput!]!) { decideImportRows(id: $id, decisions: $d) { summary { match proposed } } }`,
      { id: again.id, d: [{ rowNumber: 11, decision: 'MATCH' }] }, t.tokens.admin);
    expect(accepted.data.decideImportRows.summary).toEqual({ match: 7, proposed: 0 });
    const count = async () => Number((await t.db.query(`SELECT count(*) FROM organisations WHERE deleted_at IS NULL`))[0].count);
    const before = await count();
    expect((await commit(t, again.id)).summary).toMatchObject({ created: 0, merged: 0, unchanged: 7 });
    expect(await count()).toBe(before);

    // Undo: the three created are archived, the filled-in fields cleared; what people typed stays.
    await t.db.query(`UPDATE organisations SET sector = 'M' WHERE id = $1`, [existing.smith]); // edited after the import
    const undone = await undo(t, batch.id);
    expect(undone.summary).toMatchObject({ undone: 5 });
    expect(await count()).toBe(before - 3);
    expect((await t.db.query(`SELECT size_band FROM organisations WHERE id = $1`, [existing.widgets]))[0].size_band).toBeNull();
    expect((await t.db.query(`SELECT sector FROM organisations WHERE id = $1`, [existing.smith]))[0].sector).toBe('M');
  });

  it('lets a person change a row\'s decision before the commit, and refuses to create a row without a name', async () => {
    const batch = await previewed(t, 'ORGANISATIONS', 'decide.csv', 'Name,Postcode\nBrand New Co,NE1 1AA\n,NE1 1AA\n');
    const decide = (decisions: unknown[]) => t.gql(`mutation($id: ID!, $d: [ImportRowDecisionInput!]!) { decideImportRows(id: $id, decisions: $d) { summary { create match skip } } }`,
      { id: batch.id, d: decisions }, t.tokens.admin);
    const r = await decide([{ rowNumber: 2, decision: 'MATCH', matchId: existing.tyne }]);
    expect(r.data.decideImportRows.summary).toEqual({ create: 0, match: 1, skip: 1 });
    // Back to the preview's own choice: create, then skip, then merge into the earlier row again keeps its reason.
    const withEarlier = await previewed(t, 'ORGANISATIONS', 'earlier.csv', 'Name,Postcode\nTwice Ltd,NE1 1AA\nTWICE LIMITED,NE1 1AA\n');
    const decideIn = (batchId: string, decisions: unknown[]) => t.gql(`mutation($id: ID!, $d: [ImportRowDecisionInput!]!) { decideImportRows(id: $id, decisions: $d) { id } }`, { id: batchId, d: decisions }, t.tokens.admin);
    await decideIn(withEarlier.id, [{ rowNumber: 3, decision: 'CREATE' }]);
    expect((await decideIn(withEarlier.id, [{ rowNumber: 3, decision: 'MATCH' }])).errors).toBeUndefined();
    expect((await rowsOf(t, withEarlier.id)).find((r) => r.rowNumber === 3)).toMatchObject({ decision: 'MATCH', decidedByUser: true, match: { reason: 'EARLIER_ROW', rowNumber: 2 } });
    const noMatch = await decideIn(withEarlier.id, [{ rowNumber: 2, decision: 'MATCH' }]);
    expect(noMatch.errors![0].extensions!.fields![0].field).toBe('matchId');

    const refused = await decide([{ rowNumber: 3, decision: 'CREATE' }]);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.fields![0].field).toBe('decision');
    const done = await commit(t, batch.id);
    expect(done.summary).toMatchObject({ created: 0, unchanged: 1, merged: 0, skipped: 1 });
    expect((await t.db.query(`SELECT postcode FROM organisations WHERE id = $1`, [existing.tyne]))[0].postcode).toBe('NE1 4XF');
  });

  it('commitImport with a mapping previews and commits in one go (for scripts)', async () => {
    const batch = await startImport(t, 'ORGANISATIONS', 'script.csv', 'Org,Town\nScripted Ltd,Durham\n');
    const r = await t.gql(`mutation($id: ID!, $m: [String]) { commitImport(id: $id, mapping: $m) { status commitAfterPreview } }`, { id: batch.id, m: ['name', 'town'] }, t.tokens.manager);
    expect(r.errors).toBeUndefined();
    expect(r.data.commitImport).toEqual({ status: 'PREVIEWING', commitAfterPreview: true });
    expect((await waitFor(t, batch.id, ['COMMITTED'])).summary.created).toBe(1);
  });

  it('refuses other files, bad mappings, and anyone but managers and admins', async () => {
    const upload = (name: string, content: Buffer, token = t.tokens.admin) => t.upload(START, { entity: 'ORGANISATIONS' }, { name, content }, token);
    const png = await upload('logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]));
    expect(codeOf(png)).toBe('BAD_USER_INPUT');
    expect(png.errors![0].extensions!.fields).toEqual([{ field: 'file', messages: ['logo.png is not a CSV or XLSX file'] }]);
    expect(codeOf(await upload('empty.csv', Buffer.alloc(0)))).toBe('BAD_USER_INPUT');
    expect(codeOf(await upload('a.csv', Buffer.from('Name\nX\n'), t.tokens.staff))).toBe('FORBIDDEN');
    expect(codeOf(await upload('a.csv', Buffer.from('Name\nX\n'), t.tokens.viewer))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(`{ importBatches { totalCount } }`, {}, t.tokens.staff))).toBe('FORBIDDEN');

    const batch = await startImport(t, 'ORGANISATIONS', 'map.csv', 'Name,Town\nX,Y\n');
    const bad = await t.gql(`mutation($id: ID!, $m: [String]!) { previewImport(id: $id, mapping: $m) { id } }`, { id: batch.id, m: [null, 'colour'] }, t.tokens.admin);
    expect(bad.errors![0].extensions!.fields).toEqual([{ field: 'mapping', messages: ['column "Town": colour is not a field of organisations', 'a column must fill Name'] }]);
    const headerOnly = await t.upload(START, { entity: 'ORGANISATIONS' }, { name: 'h.csv', content: Buffer.from('Name\n') }, t.tokens.admin);
    expect((await waitFor(t, headerOnly.data.startImport.id, ['FAILED'])).error).toBe('The file has a header row but no rows below it');
  });

  it('saves a mapping, and a later file with the same headers starts with it', async () => {
    const save = await t.gql(`mutation($i: SaveImportMappingInput!) { saveImportMapping(input: $i) { name mapping } }`,
      { i: { entity: 'ORGANISATIONS', name: 'Careers fair list', headers: ['Firm', 'Where'], mapping: ['name', 'town'] } }, t.tokens.manager);
    expect(save.data.saveImportMapping).toEqual({ name: 'Careers fair list', mapping: ['name', 'town'] });
    const batch = await startImport(t, 'ORGANISATIONS', 'fair.csv', 'Firm,Where\nFair Co,York\n');
    expect(batch.mapping).toEqual(['name', 'town']);
  });
});
