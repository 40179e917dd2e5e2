import { codeOf, createTestApp, TestApp } from './support/test-app';

const COUNTS = `{ dataQuality { organisationsMissingSector organisationsMissingSizeBand organisationsMissingPostcode
  organisationsWithoutRecentEngagement contactsWithoutRecentEngagement contactsWithoutLawfulBasis staleOpportunities today engagementCutoff } }`;
const ORGS = `query($f: OrganisationFilter) { organisations(first: 100, filter: $f) { totalCount edges { node { name } } } }`;
const CONTACTS = `query($f: ContactFilter) { contacts(first: 100, filter: $f) { totalCount edges { node { lastName } } } }`;
const OPPS = `query($f: OpportunityFilter) { opportunities(first: 100, filter: $f) { totalCount edges { node { title } } } }`;

/**
 * A hand-built institution with one record per case (see each insert's comment), counted as ENG
 * staff (who see ENG's confidential records) and as BUS staff (who do not).
 */
describe('data quality', () => {
  let t: TestApp;
  let cutoff: string;

  beforeAll(async () => {
    t = await createTestApp();
    const eng = t.departments.ENG;
    const org = async (name: string, cols: string, values: string, deleted = false, confidential = false) =>
      (await t.db.query(
        `INSERT INTO organisations (name, type, ${cols} deleted_at, confidential, department_id) VALUES ($1, 'employer', ${values} $2, $3, $4) RETURNING id`,
        [name, deleted ? new Date() : null, confidential, eng],
      ))[0].id as string;
    const full = `sector, size_band, postcode,`;
    const fullValues = `'C', 'small', 'NE1 4LP',`;
    const a = await org('Alpha complete and engaged', full, fullValues);
    const b = await org('Bravo missing sector, quiet', 'size_band, postcode,', `'small', 'NE1 4LP',`);
    await org('Charlie missing size and postcode, never engaged', 'sector,', `'C',`);
    await org('Delta archived, missing everything', '', '', true);
    await org('Echo confidential to ENG, missing sector', 'size_band, postcode,', `'small', 'NE1 4LP',`, false, true);
    const f = await org('Foxtrot engaged only in confidence', full, fullValues);

    const engagement = async (organisationId: string, daysAgo: number, confidential = false) =>
      (await t.db.query(
        `INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id, confidential) VALUES ('call', current_date - $1::int, 'call', $2, $3, $4) RETURNING id`,
        [daysAgo, organisationId, eng, confidential],
      ))[0].id as string;
    const recentA = await engagement(a, 30);
    const oldB = await engagement(b, 730);
    const secretF = await engagement(f, 20, true);

    const contact = async (lastName: string, basis: string | null, deleted = false) =>
      (await t.db.query(`INSERT INTO contacts (first_name, last_name, lawful_basis, deleted_at) VALUES ('Pat', $1, $2, $3) RETURNING id`, [lastName, basis, deleted ? new Date() : null]))[0].id as string;
    const present = (engagementId: string, contactId: string) => t.db.query('INSERT INTO engagement_contacts (engagement_id, contact_id) VALUES ($1, $2)', [engagementId, contactId]);
    const consent = (contactId: string, withdrawn: boolean) =>
      t.db.query(`INSERT INTO consent_records (contact_id, purpose, method, given_at, withdrawn_at) VALUES ($1, 'newsletter', 'web form', now() - interval '1 day', CASE WHEN $2 THEN now() END)`, [contactId, withdrawn]);
    await present(recentA, await contact('One-contract-engaged', 'contract'));
    await contact('Two-no-basis-never-engaged', null);
    const three = await contact('Three-consent-live-quiet', 'consent');
    await consent(three, false);
    await present(oldB, three);
    const four = await contact('Four-consent-withdrawn', 'consent');
    await consent(four, true);
    await present(secretF, four);
    await contact('Five-archived', null, true);

    const [{ open }] = await t.db.query(`SELECT id AS open FROM opportunity_stages WHERE name = 'Enquiry'`);
    const [{ won }] = await t.db.query(`SELECT id AS won FROM opportunity_stages WHERE name = 'Won'`);
    const opp = (title: string, stage: string, closeIn: number | null, extra: { deleted?: boolean; confidential?: boolean } = {}) =>
      t.db.query(
        `INSERT INTO opportunities (title, type, stage_id, expected_close_date, department_id, organisation_id, deleted_at, confidential)
         VALUES ($1, 'consultancy', $2, current_date + $3::int, $4, $5, $6, $7)`,
        [title, stage, closeIn, eng, a, extra.deleted ? new Date() : null, extra.confidential ?? false],
      );
    await opp('Open, overdue', open, -10);
    await opp('Open, due next month', open, 30);
    await opp('Won, overdue date', won, -10);
    await opp('Open, overdue, archived', open, -10, { deleted: true });
    await opp('Open, overdue, confidential to ENG', open, -10, { confidential: true });
    await opp('Open, undated', open, null);

    cutoff = (await ok(COUNTS, t.tokens.staff)).dataQuality.engagementCutoff;
  });
  afterAll(() => t.close());

  async function ok(query: string, token: string, variables: Record<string, unknown> = {}) {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  }
  const orgNames = async (token: string, f: Record<string, unknown>) =>
    (await ok(ORGS, token, { f })).organisations.edges.map((e: any) => e.node.name.split(' ')[0]).sort();
  const contactNames = async (token: string, f: Record<string, unknown>) =>
    (await ok(CONTACTS, token, { f })).contacts.edges.map((e: any) => e.node.lastName.split('-')[0]).sort();
  const oppTitles = async (token: string, f: Record<string, unknown>) =>
    (await ok(OPPS, token, { f })).opportunities.edges.map((e: any) => e.node.title).sort();

  it('counts live records missing a field, a year without engagement, no lawful basis and stale opportunities, as ENG staff see them', async () => {
    const { dataQuality } = await ok(COUNTS, t.tokens.staff);
    expect(dataQuality).toMatchObject({
      organisationsMissingSector: 2, organisationsMissingSizeBand: 1, organisationsMissingPostcode: 1,
      organisationsWithoutRecentEngagement: 3, contactsWithoutRecentEngagement: 2, contactsWithoutLawfulBasis: 2, staleOpportunities: 2,
    });
    expect(dataQuality.engagementCutoff).toBe(`${Number(dataQuality.today.slice(0, 4)) - 1}${dataQuality.today.slice(4)}`.replace(/-02-29$/, '-02-28'));
  });

  it('gives each count exactly the records its list filter returns', async () => {
    const staff = t.tokens.staff;
    expect(await orgNames(staff, { missing: ['sector'] })).toEqual(['Bravo', 'Echo']);
    expect(await orgNames(staff, { missing: ['sizeBand'] })).toEqual(['Charlie']);
    expect(await orgNames(staff, { missing: ['postcode'] })).toEqual(['Charlie']);
    expect(await orgNames(staff, { missing: ['sizeBand', 'postcode'] })).toEqual(['Charlie']);
    expect(await orgNames(staff, { noEngagementSince: cutoff })).toEqual(['Bravo', 'Charlie', 'Echo']);
    expect(await contactNames(staff, { withoutLawfulBasis: true })).toEqual(['Four', 'Two']);
    expect(await contactNames(staff, { noEngagementSince: cutoff })).toEqual(['Three', 'Two']);
    expect(await oppTitles(staff, { staleOnly: true })).toEqual(['Open, overdue', 'Open, overdue, confidential to ENG']);
  });

  it("does not count another department's confidential records, nor their confidential engagements", async () => {
    const bus = t.tokens.staffBus;
    const { dataQuality } = await ok(COUNTS, bus);
    expect(dataQuality).toMatchObject({
      organisationsMissingSector: 1, organisationsWithoutRecentEngagement: 3, contactsWithoutRecentEngagement: 3, contactsWithoutLawfulBasis: 2, staleOpportunities: 1,
    });
    expect(await orgNames(bus, { missing: ['sector'] })).toEqual(['Bravo']);
    // Foxtrot's only recent engagement is ENG's confidential one: to BUS it looks quiet, and Echo is not theirs to see.
    expect(await orgNames(bus, { noEngagementSince: cutoff })).toEqual(['Bravo', 'Charlie', 'Foxtrot']);
    expect(await contactNames(bus, { noEngagementSince: cutoff })).toEqual(['Four', 'Three', 'Two']);
    expect(await oppTitles(bus, { staleOnly: true })).toEqual(['Open, overdue']);
  });

  it('lets managers count everything and viewers read the counts', async () => {
    expect((await ok(COUNTS, t.tokens.manager)).dataQuality.organisationsMissingSector).toBe(2);
    expect((await ok(COUNTS, t.tokens.viewer)).dataQuality.staleOpportunities).toBe(2);
  });

  it('refuses the unauthenticated', async () => {
    expect(codeOf(await t.gql(COUNTS))).toBe('UNAUTHENTICATED');
  });

  it('refuses a filter date that is not a date, naming the field', async () => {
    const res = await t.gql(ORGS, { f: { noEngagementSince: '31/12/2024' } }, t.tokens.staff);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(res.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['filter.noEngagementSince']);
    const contacts = await t.gql(CONTACTS, { f: { noEngagementSince: 'last year' } }, t.tokens.staff);
    expect(contacts.errors?.[0].extensions?.fields?.map((f) => f.field)).toEqual(['filter.noEngagementSince']);
  });

  it('counts a record again once it is fixed: setting the sector takes it off the list', async () => {
    const before = (await ok(COUNTS, t.tokens.staff)).dataQuality.organisationsMissingSector;
    const { organisations } = await ok(`{ organisations(filter: { missing: [sector] }) { edges { node { id version name } } } }`, t.tokens.staff);
    const bravo = organisations.edges.find((e: any) => e.node.name.startsWith('Bravo')).node;
    await ok('mutation($id: ID!, $v: Int!) { updateOrganisation(id: $id, version: $v, input: { sector: C }) { id } }', t.tokens.staff, { id: bravo.id, v: bravo.version });
    expect((await ok(COUNTS, t.tokens.staff)).dataQuality.organisationsMissingSector).toBe(before - 1);
  });
});
