import { codeOf, createTestApp, TestApp } from './support/test-app';

const FIELDS = 'id name type postcode website companiesHouseNumber relationshipStage tags version archivedAt owner { id }';
const CREATE = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, version: $v, input: $i) { ${FIELDS} } }`;
const GET = `query($id: ID!) { organisation(id: $id) { ${FIELDS} } }`;
const LIST = `query($first: Int, $after: String, $search: String, $filter: OrganisationFilter, $orderBy: OrganisationOrder) {
  organisations(first: $first, after: $after, search: $search, filter: $filter, orderBy: $orderBy) {
    totalCount edges { cursor node { id name } } pageInfo { hasNextPage endCursor } } }`;

describe('organisations', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const create = async (input: Record<string, unknown>, token = t.tokens.staff) => {
    const res = await t.gql(CREATE, { i: { type: 'employer', ...input } }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.createOrganisation;
  };

  it('creates an organisation, normalising postcode and website, owned by its creator', async () => {
    const org = await create({ name: '  Tyne Valley Engineering Ltd ', postcode: 'ne46 1bt', website: 'tyne-valley.co.uk', companiesHouseNumber: 'sc123456' });
    expect(org).toMatchObject({
      name: 'Tyne Valley Engineering Ltd', postcode: 'NE46 1BT', website: 'https://tyne-valley.co.uk', companiesHouseNumber: 'SC123456',
      relationshipStage: 'prospect', version: 1, archivedAt: null, owner: { id: t.users.staff },
    });
    expect((await t.gql(GET, { id: org.id }, t.tokens.viewer)).data.organisation.name).toBe('Tyne Valley Engineering Ltd');
  });

  it('refuses bad input with BAD_USER_INPUT naming each field, and writes nothing', async () => {
    const before = (await t.gql(LIST, {}, t.tokens.staff)).data.organisations.totalCount;
    const res = await t.gql(CREATE, {
      i: { name: '', type: 'employer', postcode: 'NOT A POSTCODE', companiesHouseNumber: 'SC1234567', website: 'not a url', tags: ['x'.repeat(51)] },
    }, t.tokens.staff);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    const fields = res.errors![0].extensions!.fields!.map((f) => f.field).sort();
    expect(fields).toEqual(['companiesHouseNumber', 'name', 'postcode', 'tags', 'website']);
    expect((await t.gql(LIST, {}, t.tokens.staff)).data.organisations.totalCount).toBe(before);
  });

  it('refuses an unknown enum value and an unknown owner, naming the field', async () => {
    const badType = await t.gql(CREATE, { i: { name: 'X', type: 'spaceship' } }, t.tokens.staff);
    expect(codeOf(badType)).toBe('BAD_USER_INPUT');
    const badOwner = await t.gql(CREATE, { i: { name: 'X', type: 'employer', ownerId: '00000000-0000-4000-8000-000000000000' } }, t.tokens.staff);
    expect(badOwner.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['ownerId']);
  });

  it('refuses a second organisation with the same Companies House number', async () => {
    await create({ name: 'First Holdings', companiesHouseNumber: '07654321' });
    const res = await t.gql(CREATE, { i: { name: 'Second Holdings', type: 'employer', companiesHouseNumber: '07654321' } }, t.tokens.staff);
    expect(res.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['companiesHouseNumber']);
  });

  it('keeps registry facts and the SME test inputs, and refuses a parent that would make a loop', async () => {
    const group = await create({ name: 'Northern Group plc', headcount: 4200, turnoverPence: 90_000_000_000 });
    const sub = await create({
      name: 'Northern Group (Tyne) Ltd', companyStatus: 'active', companyCategory: 'Private Limited Company', incorporationDate: '2009-04-01',
      sicCodes: ['71122', '35110'], headcount: 40, turnoverPence: 500_000_000, balanceSheetPence: 300_000_000, sizeYear: 2025,
      parentId: group.id, parentOwnershipPercent: 100,
    });
    const read = await t.gql(`query($id: ID!) { organisation(id: $id) { companyStatus companyCategory incorporationDate sicCodes headcount
      turnoverPence balanceSheetPence sizeYear parentId parentOwnershipPercent } }`, { id: sub.id }, t.tokens.viewer);
    expect(read.data.organisation).toEqual({
      companyStatus: 'active', companyCategory: 'Private Limited Company', incorporationDate: '2009-04-01', sicCodes: ['71122', '35110'],
      headcount: 40, turnoverPence: 500_000_000, balanceSheetPence: 300_000_000, sizeYear: 2025, parentId: group.id, parentOwnershipPercent: 100,
    });
    const loop = await t.gql(UPDATE, { id: group.id, v: 1, i: { parentId: sub.id } }, t.tokens.staff);
    expect(loop.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['parentId']);
    const bad = await t.gql(CREATE, { i: { name: 'Bad', type: 'employer', sicCodes: ['7112'], headcount: -1, parentOwnershipPercent: 101, incorporationDate: '01/04/2009' } }, t.tokens.staff);
    expect(bad.errors![0].extensions!.fields!.map((f) => f.field).sort()).toEqual(['headcount', 'incorporationDate', 'parentOwnershipPercent', 'sicCodes']);
  });

  it('updates with the current version and refuses a stale one with CONFLICT, keeping the first write', async () => {
    const org = await create({ name: 'Wearside Castings' });
    const first = await t.gql(UPDATE, { id: org.id, v: 1, i: { relationshipStage: 'active', tags: ['apprenticeships', 'apprenticeships'] } }, t.tokens.staff);
    expect(first.data.updateOrganisation).toMatchObject({ relationshipStage: 'active', tags: ['apprenticeships'], version: 2 });
    const stale = await t.gql(UPDATE, { id: org.id, v: 1, i: { relationshipStage: 'dormant' } }, t.tokens.manager);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect((await t.gql(GET, { id: org.id }, t.tokens.staff)).data.organisation).toMatchObject({ relationshipStage: 'active', version: 2 });
  });

  it('clears an optional field with null but refuses to clear a required one', async () => {
    const org = await create({ name: 'Clearable Ltd', postcode: 'LS1 4AP' });
    const cleared = await t.gql(UPDATE, { id: org.id, v: 1, i: { postcode: null } }, t.tokens.staff);
    expect(cleared.data.updateOrganisation.postcode).toBeNull();
    const refused = await t.gql(UPDATE, { id: org.id, v: 2, i: { name: null } }, t.tokens.staff);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0].extensions!.fields!.map((f) => f.field)).toEqual(['name']);
  });

  it('does not let a viewer write anything', async () => {
    const org = await create({ name: 'Viewer Proof Ltd' });
    expect(codeOf(await t.gql(CREATE, { i: { name: 'Nope', type: 'employer' } }, t.tokens.viewer))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql(UPDATE, { id: org.id, v: 1, i: { name: 'Nope' } }, t.tokens.viewer))).toBe('FORBIDDEN');
    expect(codeOf(await t.gql('mutation($id: ID!) { archiveOrganisation(id: $id) { id } }', { id: org.id }, t.tokens.viewer))).toBe('FORBIDDEN');
    expect((await t.gql(GET, { id: org.id }, t.tokens.viewer)).data.organisation).toMatchObject({ name: 'Viewer Proof Ltd', version: 1 });
  });

  it('archives (soft delete): hidden from lists and lookups, restorable only by an admin', async () => {
    const org = await create({ name: 'Archivable Widgets' });
    const archived = await t.gql('mutation($id: ID!) { archiveOrganisation(id: $id) { archivedAt } }', { id: org.id }, t.tokens.staff);
    expect(archived.data.archiveOrganisation.archivedAt).not.toBeNull();
    expect((await t.gql(GET, { id: org.id }, t.tokens.staff)).data.organisation).toBeNull();
    const search = await t.gql(LIST, { search: 'Archivable' }, t.tokens.staff);
    expect(search.data.organisations.totalCount).toBe(0);
    const [row] = await t.db.query('SELECT name FROM organisations WHERE id = $1', [org.id]);
    expect(row.name).toBe('Archivable Widgets'); // still in the database

    const RESTORE = 'mutation($id: ID!) { restoreOrganisation(id: $id) { archivedAt } }';
    expect(codeOf(await t.gql(RESTORE, { id: org.id }, t.tokens.staff))).toBe('FORBIDDEN');
    expect((await t.gql(RESTORE, { id: org.id }, t.tokens.admin)).data.restoreOrganisation.archivedAt).toBeNull();
    expect((await t.gql(LIST, { search: 'Archivable' }, t.tokens.staff)).data.organisations.totalCount).toBe(1);
  });

  describe('listing', () => {
    const names: string[] = [];
    beforeAll(async () => {
      // 37 organisations sharing a word, with duplicate names (ties broken by id) and mixed case.
      const inputs = Array.from({ length: 37 }, (_, i) => ({
        name: `Paging ${['alpha', 'Beta', 'gamma', 'delta'][i % 4]} ${String(Math.floor(i / 2)).padStart(2, '0')}`,
        type: i % 3 === 0 ? 'partner' : 'employer',
        relationshipStage: i % 5 === 0 ? 'active' : 'prospect',
        ownerId: i % 2 ? t.users.manager : t.users.staff,
        postcode: i === 7 ? 'SW1A 1AA' : undefined,
      }));
      for (const input of inputs) names.push((await create(input)).name);
    });

    async function walk(variables: Record<string, unknown>, first: number) {
      const seen: Array<{ id: string; name: string }> = [];
      let after: string | null = null;
      let total = 0;
      for (let page = 0; page < 100; page++) {
        const res: any = await t.gql(LIST, { ...variables, first, after }, t.tokens.staff);
        expect(res.errors).toBeUndefined();
        total = res.data.organisations.totalCount;
        seen.push(...res.data.organisations.edges.map((e: any) => e.node));
        if (!res.data.organisations.pageInfo.hasNextPage) break;
        after = res.data.organisations.pageInfo.endCursor;
      }
      return { seen, total };
    }

    it.each([
      ['name', 'asc'], ['name', 'desc'], ['createdAt', 'asc'], ['createdAt', 'desc'], ['updatedAt', 'desc'],
    ])('pages by %s %s without gaps or repeats', async (field, direction) => {
      const { seen, total } = await walk({ search: 'Paging', orderBy: { field, direction } }, 5);
      expect(total).toBe(37);
      expect(seen).toHaveLength(37);
      expect(new Set(seen.map((o) => o.id)).size).toBe(37);
      if (field === 'name') {
        const keys = seen.map((o) => o.name.toLowerCase());
        const sorted = [...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
        expect(keys).toEqual(direction === 'asc' ? sorted : sorted.reverse());
      }
    });

    it('filters by type, stage and owner, and combines them with search', async () => {
      const partners = await walk({ search: 'Paging', filter: { types: ['partner'] } }, 50);
      expect(partners.total).toBe(13);
      const activeOwnedByManager = await walk({ search: 'Paging', filter: { stages: ['active'], ownerId: t.users.manager } }, 50);
      expect(activeOwnedByManager.total).toBe(names.filter((_, i) => i % 5 === 0 && i % 2 === 1).length);
    });

    it('finds by part of a name (case-insensitive) and by postcode with any spacing', async () => {
      expect((await walk({ search: 'paging BETA 0' }, 50)).total).toBe(5);
      expect((await walk({ search: 'sw1a1aa' }, 50)).seen.map((o) => o.name)).toEqual([names[7]]);
    });

    it('caps the page size and refuses a tampered cursor', async () => {
      const big = await t.gql(LIST, { first: 1000, search: 'Paging' }, t.tokens.staff);
      expect(codeOf(big)).toBe('BAD_USER_INPUT');
      const bad = await t.gql(LIST, { first: 5, after: 'bm90LWEtY3Vyc29y' }, t.tokens.staff);
      expect(codeOf(bad)).toBe('BAD_USER_INPUT');
    });
  });

  it('refuses a query too complex to run (list sizes multiply), before running it', async () => {
    const complex = await t.gql(`{ ${Array.from({ length: 30 }, (_, i) => `o${i}: organisations(first: 100) { edges { node { id name owner { name } } } }`).join(' ')} }`, {}, t.tokens.staff);
    expect(codeOf(complex)).toBe('BAD_USER_INPUT');
    expect(complex.errors?.[0].message).toMatch(/too complex/i);
  });
});
