import { DuplicateScanner } from '../src/modules/duplicates/duplicate-scanner';
import { commit, previewed, rowsOf, startImport } from './support/imports';
import { codeOf, createTestApp, TestApp } from './support/test-app';

/**
 * A Companies House BasicCompanyData extract, as a BCE office downloads it (the header row's
 * leading spaces, dotted names, SicText columns, UK dates, "None Supplied") imported against
 * records the office already has. Every rule of "never merge two companies" is held to here.
 */
const HEADER = ['CompanyName', ' CompanyNumber', 'RegAddress.CareOf', 'RegAddress.POBox', 'RegAddress.AddressLine1', ' RegAddress.AddressLine2',
  'RegAddress.PostTown', 'RegAddress.County', 'RegAddress.Country', 'RegAddress.PostCode', 'CompanyCategory', 'CompanyStatus', 'CountryOfOrigin',
  'DissolutionDate', 'IncorporationDate', 'SICCode.SicText_1', 'SICCode.SicText_2', 'SICCode.SicText_3', 'SICCode.SicText_4', 'URI'];
const row = (name: string, number: string, line1: string, town: string, postcode: string, category: string, status: string, incorporated: string, sic: string[], dissolved = '') =>
  [name, number, '', '', line1, '', town, '', 'United Kingdom', postcode, category, status, 'United Kingdom', dissolved, incorporated,
    ...[...sic, 'None Supplied', '', '', ''].slice(0, 4), `http://business.data.gov.uk/id/company/${number}`]
    .map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
const CSV = [
  HEADER.join(','),
  // 2: the record the office has, by number (Excel dropped the leading zero).
  row('TYNESIDE ROBOTICS LIMITED', '4123456', '1 Quayside', 'NEWCASTLE UPON TYNE', 'NE1 3DE', 'Private Limited Company', 'Active', '01/04/2009',
    ['71122 - Engineering related scientific and technical consulting activities', '62012 - Business and domestic software development']),
  // 3: the group's other company: same name key, same area, another number — a second organisation.
  row('TYNESIDE ROBOTICS (UK) LIMITED', '07654321', '1 Quayside', 'NEWCASTLE UPON TYNE', 'NE1 3DE', 'Private Limited Company', 'Active', '15/06/2012',
    ['35110 - Production of electricity']),
  // 4: Scottish company, number written without its zeros; a plc is commercial, not a public body.
  row('CALEDONIAN POWER PLC', 'SC12345', '5 George Street', 'EDINBURGH', 'EH2 2PB', 'Public Limited Company', 'Active', '03/11/1998', ['35110 - Production of electricity']),
  // 5: a dissolved company with the name of a live record in the same area: never merged into it.
  row('WEARSIDE WIDGETS LIMITED', '03999888', 'Unit 2', 'SUNDERLAND', 'SR1 1AA', 'Private Limited Company', 'Dissolved', '20/02/1996', ['25990 - Manufacture of other fabricated metal products n.e.c.'], '01/07/2021'),
  // 6: a charitable incorporated organisation, an LLP, a Northern Irish company, a registered society.
  row('DURHAM COMMUNITY ARTS CIO', 'CE001234', 'Old Hall', 'DURHAM', 'DH1 3HP', 'Charitable Incorporated Organisation', 'Active', '01/09/2015', ['90010 - Performing arts']),
  row('NORTHUMBRIA ADVISERS LLP', 'OC301234', '9 Grey Street', 'NEWCASTLE UPON TYNE', 'NE1 6EE', 'Limited Liability Partnership', 'Active', '12/12/2002', ['69201 - Accounting and auditing activities']),
  row('BELFAST MARINE LIMITED', 'NI 12345', '3 Harbour Road', 'BELFAST', 'BT3 9AA', 'Private Limited Company', 'Active - Proposal to Strike off', '04/05/2001', ['30110 - Building of ships and floating structures']),
  row('TEESSIDE FOOD CO-OPERATIVE', 'RS007123', 'Market Place', 'MIDDLESBROUGH', 'TS1 2AA', 'Registered Society', 'Active', '07/07/1977', ['47110 - Retail sale in non-specialised stores with food, beverages or tobacco predominating']),
  // 10: the same company as row 2 again (a later extract): fills nothing new.
  row('TYNESIDE ROBOTICS LIMITED', '04123456', '1 Quayside', 'NEWCASTLE UPON TYNE', 'NE1 3DE', 'Private Limited Company', 'Active', '01/04/2009', ['71122']),
  // 11: a number the register does not issue: reported, the company still comes in without it.
  row('ODD NUMBER LIMITED', 'XX123456', '1 High Street', 'YORK', 'YO1 7HH', 'Private Limited Company', 'Active', '02/02/2020', ['74909']),
].join('\n') + '\n';

describe('import: a Companies House registry export', () => {
  let t: TestApp;
  const existing: Record<string, string> = {};
  const insert = async (key: string, columns: Record<string, unknown>) => {
    const names = Object.keys(columns);
    existing[key] = (await t.db.query(`INSERT INTO organisations (type, ${names.join(', ')}) VALUES ('employer', ${names.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING id`,
      Object.values(columns)))[0].id;
  };
  beforeAll(async () => {
    t = await createTestApp();
    await insert('tyneside', { name: 'Tyneside Robotics', companies_house_number: '04123456', postcode: 'NE1 3DE', website: 'https://tyneside-robotics.co.uk' });
    await insert('wearside', { name: 'Wearside Widgets Ltd', postcode: 'SR1 2BB', company_status: 'active' });
  });
  afterAll(() => t.close());

  let batch: any;
  let rows: Record<number, any>;
  it('maps the export without a hand-made mapping', async () => {
    const started = await startImport(t, 'ORGANISATIONS', 'BasicCompanyData-extract.csv', CSV);
    const mapped = Object.fromEntries(started.headers.map((h: string, i: number) => [h, started.mapping[i]]).filter(([, f]: [string, string | null]) => f));
    expect(mapped).toEqual({
      CompanyName: 'name', CompanyNumber: 'companiesHouseNumber', 'RegAddress.AddressLine1': 'addressLine1', 'RegAddress.AddressLine2': 'addressLine2',
      'RegAddress.PostTown': 'town', 'RegAddress.PostCode': 'postcode', CompanyCategory: 'companyCategory', CompanyStatus: 'companyStatus',
      IncorporationDate: 'incorporationDate', 'SICCode.SicText_1': 'sicCode1', 'SICCode.SicText_2': 'sicCode2', 'SICCode.SicText_3': 'sicCode3', 'SICCode.SicText_4': 'sicCode4',
    });
  });

  it('previews: the same number merges, another number never does, a dissolved company never joins a live one', async () => {
    batch = await previewed(t, 'ORGANISATIONS', 'BasicCompanyData-extract-2.csv', CSV);
    rows = Object.fromEntries((await rowsOf(t, batch.id)).map((r) => [r.rowNumber, r]));
    expect(rows[2]).toMatchObject({ decision: 'MATCH', match: { recordId: existing.tyneside, reason: 'COMPANIES_HOUSE_NUMBER', proposed: false } });
    expect(rows[3]).toMatchObject({ decision: 'CREATE', match: null });
    expect(rows[5]).toMatchObject({ decision: 'CREATE', match: null });
    expect(rows[10]).toMatchObject({ decision: 'MATCH', match: { recordId: existing.tyneside, reason: 'COMPANIES_HOUSE_NUMBER' } });
    expect(rows[11].problems).toEqual([{ field: 'companiesHouseNumber', message: expect.stringContaining('XX, which is not a Companies House register prefix') }]);
    expect(batch.summary).toMatchObject({ rows: 10, create: 8, match: 2, skip: 0, proposed: 0 });
  });

  it('commits the register\'s facts: numbers normalised, status, category, incorporation date, every SIC code, the section from the official list', async () => {
    const done = await commit(t, batch.id);
    expect(done.summary).toMatchObject({ created: 8, merged: 1, unchanged: 1 });
    const orgs = await t.db.query(`SELECT name, companies_house_number AS ch, type, sector, sic_codes AS sic, company_status AS status, company_category AS category,
                                          incorporation_date::text AS incorporated, town, postcode
                                     FROM organisations WHERE deleted_at IS NULL ORDER BY name`);
    const by = Object.fromEntries(orgs.map((o: any) => [o.name, o]));
    expect(by['TYNESIDE ROBOTICS (UK) LIMITED']).toMatchObject({ ch: '07654321', sector: 'D', sic: ['35110'], status: 'active', incorporated: '2012-06-15' });
    expect(by['CALEDONIAN POWER PLC']).toMatchObject({ ch: 'SC012345', type: 'employer', sector: 'D', category: 'Public Limited Company' });
    expect(by['WEARSIDE WIDGETS LIMITED']).toMatchObject({ ch: '03999888', status: 'dissolved', sector: 'C' });
    expect(by['Wearside Widgets Ltd']).toMatchObject({ status: 'active', ch: null });
    expect(by['DURHAM COMMUNITY ARTS CIO']).toMatchObject({ ch: 'CE001234', type: 'community', sector: 'R' });
    expect(by['NORTHUMBRIA ADVISERS LLP']).toMatchObject({ ch: 'OC301234', type: 'employer', sector: 'M' });
    expect(by['BELFAST MARINE LIMITED']).toMatchObject({ ch: 'NI012345', status: 'active_proposal_to_strike_off', sector: 'C' });
    expect(by['TEESSIDE FOOD CO-OPERATIVE']).toMatchObject({ ch: 'RS007123', type: 'community', sector: 'G' });
    expect(by['ODD NUMBER LIMITED']).toMatchObject({ ch: null, sector: 'M' });
    // The record the office had keeps its own name and website and gains what it lacked — exactly what row 2's outcome lists.
    expect(by['Tyneside Robotics']).toMatchObject({ ch: '04123456', sector: 'M', sic: ['71122', '62012'], status: 'active', incorporated: '2009-04-01', town: 'NEWCASTLE UPON TYNE' });
    const outcome = Object.fromEntries((await rowsOf(t, batch.id)).map((r) => [r.rowNumber, r]));
    expect(outcome[2].outcome).toBe('MERGED');
    expect(Object.fromEntries(outcome[2].filled.map((f: any) => [f.field, f.value]))).toEqual({
      sector: 'M', companyStatus: 'active', companyCategory: 'Private Limited Company', incorporationDate: '2009-04-01', sicCodes: '71122, 62012',
      addressLine1: '1 Quayside', town: 'NEWCASTLE UPON TYNE',
    });
    expect(outcome[2].filled.find((f: any) => f.field === 'sicCodes').label).toBe('SIC codes');
    expect(outcome[10]).toMatchObject({ outcome: 'UNCHANGED', filled: [] });
  });

  it('lands every row\'s fills when two rows of a batch fill different gaps of one record', async () => {
    await insert('gaps', { name: 'Gap Filler Ltd', companies_house_number: '05555555' });
    const b = await previewed(t, 'ORGANISATIONS', 'gaps.csv', 'Name,Company number,Website,Town,Postcode\nGap Filler Ltd,5555555,gapfiller.co.uk,,\nGAP FILLER LIMITED,05555555,,Hexham,NE46 1AA\n');
    const done = await commit(t, b.id);
    expect(done.summary).toMatchObject({ merged: 2 });
    const [gaps] = await t.db.query(`SELECT website, town, postcode FROM organisations WHERE id = $1`, [existing.gaps]);
    expect(gaps).toEqual({ website: 'https://gapfiller.co.uk', town: 'Hexham', postcode: 'NE46 1AA' });
    const filled = (await rowsOf(t, b.id)).map((r) => r.filled.map((f: any) => f.field));
    expect(filled).toEqual([['website'], ['town', 'postcode']]);
  });

  it('within one file: two numbers are two companies, and a name with no postcode is only proposed', async () => {
    const b = await previewed(t, 'ORGANISATIONS', 'same-file.csv', [
      'Name,Company number,Postcode',
      'Hadrian Holdings Limited,08111111,NE1 1AA',
      'HADRIAN HOLDINGS (UK) LIMITED,08222222,NE1 1AA', // another number: another company
      'Hadrian Holdings Ltd,08111111,NE1 1AA', // the first row's company again
      'Roman Wall Tours,,', // no postcode: could be anywhere
      'ROMAN WALL TOURS LTD,,', // proposed, not merged
      'Wansbeck Ltd,,NE61 1AA',
    ].join('\n'));
    const r = Object.fromEntries((await rowsOf(t, b.id)).map((x) => [x.rowNumber, x]));
    expect(r[3]).toMatchObject({ decision: 'CREATE', match: null });
    expect(r[4]).toMatchObject({ decision: 'MATCH', match: { reason: 'EARLIER_ROW', rowNumber: 2, proposed: false } });
    expect(r[6]).toMatchObject({ decision: 'CREATE', match: { reason: 'EARLIER_ROW', rowNumber: 5, proposed: true } });
    expect(b.summary).toMatchObject({ create: 5, match: 1, proposed: 1 });
    const proposedView = await rowsOf(t, b.id, 'PROPOSED');
    expect(proposedView.map((x) => x.rowNumber)).toEqual([6]);
  });

  it('a similar name with no postcode is proposed against a record, never merged', async () => {
    await insert('tours', { name: 'Kielder Forest Tours', postcode: 'NE48 1QZ' });
    const b = await previewed(t, 'ORGANISATIONS', 'no-postcode.csv', 'Name\nKielder Forest Tours Ltd\n');
    const [only] = await rowsOf(t, b.id);
    expect(only).toMatchObject({ decision: 'CREATE', match: { recordId: existing.tours, reason: 'NAME', proposed: true } });
  });

  it('the duplicates list never offers two numbered companies or a dissolved beside a live one, and merge refuses them', async () => {
    await t.app.get(DuplicateScanner).runUntilIdle();
    const pairs = await t.gql(`{ organisationDuplicates(first: 100) { edges { node { organisationA { name } organisationB { name } } } } }`, {}, t.tokens.admin);
    const named = pairs.data.organisationDuplicates.edges.map((e: any) => [e.node.organisationA.name, e.node.organisationB.name].sort().join(' + '));
    expect(named.filter((n: string) => /TYNESIDE|Tyneside|Hadrian|HADRIAN|Wearside|WEARSIDE/.test(n))).toEqual([]);

    const [a, b] = await t.db.query(`SELECT id, version FROM organisations WHERE name IN ('Tyneside Robotics', 'TYNESIDE ROBOTICS (UK) LIMITED') ORDER BY name DESC`);
    const merge = await t.gql(`mutation($i: MergeInput!) { mergeOrganisations(input: $i) { id } }`,
      { i: { survivorId: a.id, survivorVersion: a.version, mergedId: b.id, mergedVersion: b.version, fields: [] } }, t.tokens.admin);
    expect(merge.errors).toBeDefined();
    expect(codeOf(merge)).toBe('BAD_USER_INPUT');
    expect(merge.errors![0].extensions!.fields![0]).toMatchObject({ field: 'mergedId', messages: [expect.stringMatching(/different Companies House numbers \(07654321 and 04123456\)/)] });

    const [live, gone] = await t.db.query(`SELECT id, version FROM organisations WHERE name IN ('Wearside Widgets Ltd', 'WEARSIDE WIDGETS LIMITED') ORDER BY name DESC`);
    await t.db.query(`UPDATE organisations SET companies_house_number = NULL WHERE id = $1`, [gone.id]);
    const [g] = await t.db.query(`SELECT version FROM organisations WHERE id = $1`, [gone.id]);
    const refused = await t.gql(`mutation($i: MergeInput!) { mergeOrganisations(input: $i) { id } }`,
      { i: { survivorId: live.id, survivorVersion: live.version, mergedId: gone.id, mergedVersion: g.version, fields: [] } }, t.tokens.admin);
    expect(refused.errors![0].extensions!.fields![0].messages[0]).toMatch(/dissolved and the other active/);
  });

  it('the API takes every number format and stores the register\'s form, unique', async () => {
    const create = (n: string) => t.gql(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { companiesHouseNumber } }`,
      { i: { name: `Format ${n}`, type: 'employer', companiesHouseNumber: n } }, t.tokens.admin);
    expect((await create('ip 29305r')).data.createOrganisation.companiesHouseNumber).toBe('IP29305R');
    expect((await create('R0123')).data.createOrganisation.companiesHouseNumber).toBe('R0000123');
    expect((await create('so 1234')).data.createOrganisation.companiesHouseNumber).toBe('SO001234');
    const dup = await create('SO001234');
    expect(codeOf(dup)).toBe('BAD_USER_INPUT');
    const bad = await create('ZZ123456');
    expect(bad.errors![0].extensions!.fields![0].field).toBe('companiesHouseNumber');
  });
});
