import { randomUUID } from 'node:crypto';
import { codeOf, createTestApp, TestApp } from './support/test-app';

const PEOPLE = `query($id: ID!, $first: Int, $after: String, $search: String) {
  organisation(id: $id) { people(first: $first, after: $after, search: $search) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id role isPrimary current contact { name } } } } }
}`;

describe('Organisation.people', () => {
  let t: TestApp;
  let org: string;
  /** Who works there, in the order the page must show them. */
  const expected: string[] = [];

  beforeAll(async () => {
    t = await createTestApp();
    org = randomUUID();
    await t.db.query(`INSERT INTO organisations (id, name, type) VALUES ($1, 'Peopled Ltd', 'employer')`, [org]);
    const person = async (first: string, last: string, affiliation: { primary?: boolean; toDate?: string; archived?: boolean }) => {
      const [c] = await t.db.query(`INSERT INTO contacts (first_name, last_name, emails, deleted_at) VALUES ($1, $2, $3, $4) RETURNING id`,
        [first, last, [`${first}.${last}@peopled.co.uk`.toLowerCase()], affiliation.archived ? new Date() : null]);
      await t.db.query(`INSERT INTO affiliations (contact_id, organisation_id, role, is_primary, to_date) VALUES ($1, $2, 'Staff', $3, $4)`,
        [c.id, org, affiliation.primary ?? false, affiliation.toDate ?? null]);
    };
    // Former primary and former others last, whatever their names; then current others; current primary first.
    await person('Ann', 'Aardvark', { toDate: '2020-06-30' });
    await person('Zed', 'Zebra', { primary: true, toDate: '2021-01-31' });
    await person('Mo', 'Middle', {});
    await person('Bo', 'Middle', {});
    await person('Yan', 'Young', { primary: true });
    await person('Abe', 'Young', { primary: true });
    await person('Gone', 'Archived', { primary: true, archived: true });
    // Forty more current people, so paging crosses tiers.
    for (let i = 0; i < 40; i++) await person(`P${String(i).padStart(2, '0')}`, 'Person', {});
    expected.push('Abe Young', 'Yan Young', 'Bo Middle', 'Mo Middle', ...Array.from({ length: 40 }, (_, i) => `P${String(i).padStart(2, '0')} Person`), 'Ann Aardvark', 'Zed Zebra');
  });
  afterAll(() => t.close());

  const people = async (variables: Record<string, unknown>, token = t.tokens.viewer) => {
    const res = await t.gql(PEOPLE, { id: org, ...variables }, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data.organisation.people;
  };

  it('puts current primary people first, then current roles, then former ones, by surname then first name', async () => {
    const page = await people({ first: 100 });
    expect(page.edges.map((e: any) => e.node.contact.name)).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
    expect(page.pageInfo.hasNextPage).toBe(false);
    expect(page.edges[0].node).toMatchObject({ isPrimary: true, current: true });
    expect(page.edges.at(-1).node).toMatchObject({ isPrimary: true, current: false });
  });

  it('pages through everyone without gaps or duplicates, 25 by default', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const page: any = await people({ after, first: pages === 0 ? undefined : 7 });
      if (pages === 0) expect(page.edges).toHaveLength(25);
      seen.push(...page.edges.map((e: any) => e.node.contact.name));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages++;
    } while (after);
    expect(seen).toEqual(expected);
    expect(pages).toBe(1 + Math.ceil((expected.length - 25) / 7));
  });

  it('finds a person by part of their name or email, counting only the matches', async () => {
    const page = await people({ search: 'middle' });
    expect(page.edges.map((e: any) => e.node.contact.name)).toEqual(['Bo Middle', 'Mo Middle']);
    expect(page.totalCount).toBe(2);
    expect((await people({ search: 'zed.zebra@' })).edges.map((e: any) => e.node.contact.name)).toEqual(['Zed Zebra']);
    // A % is a character to find, not a wildcard.
    expect(await people({ search: '%' })).toMatchObject({ totalCount: 0, edges: [] });
  });

  it('does not show an archived person', async () => {
    expect((await people({ first: 100, search: 'archived' })).totalCount).toBe(0);
  });

  it('caps first at 100 and refuses a cursor it did not issue', async () => {
    expect(codeOf(await t.gql(PEOPLE, { id: org, first: 101 }, t.tokens.viewer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(PEOPLE, { id: org, first: 0 }, t.tokens.viewer))).toBe('BAD_USER_INPUT');
    expect(codeOf(await t.gql(PEOPLE, { id: org, after: 'not-a-cursor' }, t.tokens.viewer))).toBe('BAD_USER_INPUT');
  });

  it('counts only when totalCount is asked for', async () => {
    const res = await t.gql(`query($id: ID!) { organisation(id: $id) { people(first: 2) { edges { node { id } } pageInfo { hasNextPage } } } }`, { id: org }, t.tokens.viewer);
    expect(res.errors).toBeUndefined();
    expect(res.data.organisation.people).toMatchObject({ pageInfo: { hasNextPage: true } });
  });

  it("keeps a confidential organisation's people from another department, as affiliations does", async () => {
    const secret = randomUUID();
    await t.db.query(`INSERT INTO organisations (id, name, type, confidential, department_id) VALUES ($1, 'Secret People Ltd', 'employer', true, $2)`,
      [secret, t.departments.ENG]);
    const [c] = await t.db.query(`INSERT INTO contacts (first_name, last_name) VALUES ('Quiet', 'Person') RETURNING id`);
    await t.db.query(`INSERT INTO affiliations (contact_id, organisation_id) VALUES ($1, $2)`, [c.id, secret]);
    const query = `query($id: ID!) { organisation(id: $id) { people { totalCount edges { node { contact { name } } } } } }`;
    const other = await t.gql(query, { id: secret }, t.tokens.staffBus);
    expect(other.errors).toBeUndefined();
    expect(other.data.organisation).toBeNull();
    for (const token of [t.tokens.staff, t.tokens.manager]) {
      const own = await t.gql(query, { id: secret }, token);
      expect(own.data.organisation.people).toEqual({ totalCount: 1, edges: [{ node: { contact: { name: 'Quiet Person' } } }] });
    }
  });

  it('still answers the deprecated affiliations list with everyone', async () => {
    const res = await t.gql(`query($id: ID!) { organisation(id: $id) { affiliations { id } } }`, { id: org }, t.tokens.viewer);
    expect(res.data.organisation.affiliations).toHaveLength(expected.length);
  });

  it('pages people nested under the organisations list (one batch for every organisation)', async () => {
    const res = await t.gql(`{ organisations(first: 100, search: "Peopled") { edges { node { name people(first: 3) { totalCount edges { node { contact { name } } } } } } } }`, {}, t.tokens.viewer);
    expect(res.errors).toBeUndefined();
    expect(res.data.organisations.edges[0].node.people).toEqual({ totalCount: expected.length, edges: expected.slice(0, 3).map((name) => ({ node: { contact: { name } } })) });
  });
});
