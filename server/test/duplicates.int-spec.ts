import { codeOf, createTestApp, TestApp } from './support/test-app';

const ORG_PAIRS = `query($first: Int, $after: String, $organisationId: ID) {
  organisationDuplicates(first: $first, after: $after, organisationId: $organisationId) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id aId bId score reasons { kind similarity value } organisationA { name } organisationB { name } } } } }`;
const CONTACT_PAIRS = `query($contactId: ID) {
  contactDuplicates(contactId: $contactId) { totalCount edges { node { aId bId score reasons { kind similarity value } contactA { name } contactB { name } } } } }`;
const DISMISS = `mutation($kind: DuplicateKind!, $a: ID!, $b: ID!) { dismissDuplicate(kind: $kind, aId: $a, bId: $b) }`;

describe('duplicate candidates', () => {
  let t: TestApp;
  const org: Record<string, string> = {};

  const ok = async (query: string, variables: Record<string, unknown> = {}, token = t.tokens.admin) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const createOrg = async (key: string, input: Record<string, unknown>) => {
    org[key] = (await ok(`mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id } }`, { i: { type: 'employer', ...input } })).createOrganisation.id;
  };
  const pairs = async (token = t.tokens.admin, variables: Record<string, unknown> = {}) => (await ok(ORG_PAIRS, { first: 100, ...variables }, token)).organisationDuplicates;
  const pairOf = (list: any, x: string, y: string) => list.edges.map((e: any) => e.node).find((n: any) => [n.aId, n.bId].sort().join() === [x, y].sort().join());

  beforeAll(async () => {
    t = await createTestApp();
    await createOrg('acme', { name: 'Acme Engineering Ltd', postcode: 'NE1 7RU', website: 'https://www.acme-eng.co.uk' });
    await createOrg('acmeCopy', { name: 'ACME Engineering Limited', postcode: 'ne8 1ab' });
    await createOrg('acmeSouth', { name: 'Acme Engineering', postcode: 'SW1A 1AA' });
    await createOrg('acmeSite', { name: 'Northern Fabrication Group', postcode: 'DH1 3LE', website: 'acme-eng.co.uk/careers' });
    await createOrg('smith', { name: 'Smith & Sons plc', postcode: 'LS1 4AP' });
    await createOrg('smithAnd', { name: 'Smith and Sons', postcode: 'LS6 2AA' });
    await createOrg('unrelated', { name: 'Tyne Robotics', postcode: 'NE2 4HH' });
    await createOrg('secretA', { name: 'Skunkworks Defence', postcode: 'BS1 1AA', confidential: true, departmentId: t.departments.ENG });
    await createOrg('secretB', { name: 'Skunkworks Defence Ltd', postcode: 'BS2 0JA' });
  });
  afterAll(() => t.close());

  it('finds a similar normalised name in the same postcode area, with its similarity and area', async () => {
    const pair = pairOf(await pairs(), org.acme, org.acmeCopy);
    expect(pair.reasons).toEqual([{ kind: 'similar_name', similarity: 1, value: 'NE' }]);
    expect(pair.score).toBe(1);
    const smith = pairOf(await pairs(), org.smith, org.smithAnd);
    expect(smith.reasons).toEqual([{ kind: 'similar_name', similarity: 1, value: 'LS' }]);
  });

  it('does not pair names across postcode areas when the name is the only reason', async () => {
    const list = await pairs();
    expect(pairOf(list, org.acme, org.acmeSouth)).toBeUndefined();
    expect(pairOf(list, org.acmeCopy, org.acmeSouth)).toBeUndefined();
    expect(pairOf(list, org.unrelated, org.acme)).toBeUndefined();
  });

  it('finds the same website domain whatever the names and areas, ranked above name-only pairs', async () => {
    const list = await pairs();
    const pair = pairOf(list, org.acme, org.acmeSite);
    expect(pair.reasons).toEqual([{ kind: 'domain', similarity: null, value: 'acme-eng.co.uk' }]);
    expect(pair.score).toBe(2);
    const scores = list.edges.map((e: any) => e.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(list.edges[0].node.id).toBe(pair.id);
  });

  it('finds the same Companies House number, ranked first (live records cannot share one, so the pair is made behind the unique index)', async () => {
    // Live organisations cannot share a number (unique index), so the pair is made behind the index's back.
    await t.db.query(`DROP INDEX organisations_ch_number_key`);
    try {
      await t.db.query(`UPDATE organisations SET companies_house_number = '01234567' WHERE id = ANY($1)`, [[org.smith, org.unrelated]]);
      const pair = pairOf(await pairs(), org.smith, org.unrelated);
      expect(pair.reasons).toEqual([{ kind: 'companies_house_number', similarity: null, value: '01234567' }]);
      expect(pair.score).toBe(3);
      expect((await pairs()).edges[0].node.id).toBe(pair.id);
    } finally {
      await t.db.query(`UPDATE organisations SET companies_house_number = NULL WHERE id = ANY($1)`, [[org.smith, org.unrelated]]);
      await t.db.query(`CREATE UNIQUE INDEX organisations_ch_number_key ON organisations (companies_house_number) WHERE companies_house_number IS NOT NULL AND deleted_at IS NULL`);
    }
  });

  it('pages on (score, ids) without repeats or gaps, with the total', async () => {
    const all = await pairs();
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await pairs(t.tokens.admin, { first: 1, after });
      expect(page.totalCount).toBe(all.totalCount);
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e: any) => e.node.id));
    expect(all.totalCount).toBe(all.edges.length);
  });

  it('lists only the pairs of one organisation when asked', async () => {
    const list = await pairs(t.tokens.admin, { organisationId: org.acme });
    expect(list.edges.map((e: any) => [e.node.aId, e.node.bId].find((id: string) => id !== org.acme)).sort()).toEqual([org.acmeCopy, org.acmeSite].sort());
    expect(list.totalCount).toBe(2);
  });

  it('hides a pair with a confidential organisation from another department, shows it to its own', async () => {
    expect(pairOf(await pairs(t.tokens.staff), org.secretA, org.secretB)).toBeDefined();
    expect(pairOf(await pairs(t.tokens.staffBus), org.secretA, org.secretB)).toBeUndefined();
    expect(pairOf(await pairs(t.tokens.staffBus), org.acme, org.acmeCopy)).toBeDefined();
  });

  it('stops showing a pair dismissed as "not a duplicate", whichever way round it was named', async () => {
    expect(await ok(DISMISS, { kind: 'organisation', a: org.smithAnd, b: org.smith }, t.tokens.staff)).toEqual({ dismissDuplicate: true });
    expect(await ok(DISMISS, { kind: 'organisation', a: org.smith, b: org.smithAnd }, t.tokens.staff)).toEqual({ dismissDuplicate: true });
    expect(pairOf(await pairs(), org.smith, org.smithAnd)).toBeUndefined();
  });

  it('refuses a dismissal from a viewer, and of a record the user cannot see', async () => {
    expect(codeOf(await t.gql(DISMISS, { kind: 'organisation', a: org.acme, b: org.acmeCopy }, t.tokens.viewer))).toBe('FORBIDDEN');
    const hidden = await t.gql(DISMISS, { kind: 'organisation', a: org.secretA, b: org.secretB }, t.tokens.staffBus);
    expect(codeOf(hidden)).toBe('BAD_USER_INPUT');
    expect(hidden.errors![0].extensions!.fields![0].field).toBe('aId');
    expect(pairOf(await pairs(), org.secretA, org.secretB)).toBeDefined();
  });

  it('refuses an unauthenticated caller', async () => {
    expect(codeOf(await t.gql(ORG_PAIRS, {}))).toBe('UNAUTHENTICATED');
  });

  describe('contacts', () => {
    const person: Record<string, string> = {};
    beforeAll(async () => {
      const create = async (key: string, input: Record<string, unknown>) => {
        person[key] = (await ok('mutation($i: CreateContactInput!) { createContact(input: $i) { id } }', { i: input })).createContact.id;
      };
      await create('jo', { firstName: 'Joanne', lastName: 'Bloggs', emails: ['jo@acme-eng.co.uk'], organisationId: org.acme });
      await create('joTypo', { firstName: 'Joanne', lastName: 'Blogs', organisationId: org.acme });
      await create('joElsewhere', { firstName: 'Joanne', lastName: 'Bloggs', organisationId: org.unrelated });
      await create('sam', { firstName: 'Sam', lastName: 'Patel', emails: ['sam@example.com'] });
      await create('samCopy', { firstName: 'Samir', lastName: 'Patel' });
      // createContact refuses an email another contact has; duplicates arrive by import or older data.
      await t.db.query(`UPDATE contacts SET emails = '{SAM@example.com}' WHERE id = $1`, [person.samCopy]);
    });

    it('pairs the same email (any case) first, then a similar name at the same organisation', async () => {
      const list = (await ok(CONTACT_PAIRS)).contactDuplicates;
      const nodes = list.edges.map((e: any) => e.node);
      expect(nodes[0].reasons).toEqual([{ kind: 'email', similarity: null, value: 'sam@example.com' }]);
      expect(nodes[0].score).toBe(3);
      const jo = nodes.find((n: any) => [n.aId, n.bId].sort().join() === [person.jo, person.joTypo].sort().join());
      expect(jo.reasons).toEqual([{ kind: 'similar_name', similarity: expect.any(Number), value: 'Acme Engineering Ltd' }]);
      expect(jo.reasons[0].similarity).toBeGreaterThanOrEqual(0.6);
      expect(list.totalCount).toBe(2);
    });

    it('does not pair the same name at different organisations', async () => {
      const list = (await ok(CONTACT_PAIRS, { contactId: person.joElsewhere })).contactDuplicates;
      expect(list.totalCount).toBe(0);
    });

    it('drops a dismissed contact pair', async () => {
      await ok(DISMISS, { kind: 'contact', a: person.sam, b: person.samCopy }, t.tokens.staff);
      const list = (await ok(CONTACT_PAIRS)).contactDuplicates;
      expect(list.edges.map((e: any) => e.node.reasons[0].kind)).toEqual(['similar_name']);
    });
  });
});
