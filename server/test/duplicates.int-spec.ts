import { DuplicateScanner, SCAN_LOCK_KEY } from '../src/modules/duplicates/duplicate-scanner';
import { NAME_SIMILARITY } from '../src/modules/duplicates/duplicate-rule';
import { organisationPairsSql } from '../src/modules/duplicates/duplicates.sql';
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
  /** The list once the scanner has caught up with every change made so far (one organisation's pairs are live anyway). */
  const pairs = async (token = t.tokens.admin, variables: Record<string, unknown> = {}) => {
    await t.app.get(DuplicateScanner).runUntilIdle();
    return (await ok(ORG_PAIRS, { first: 100, ...variables }, token)).organisationDuplicates;
  };
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
      await t.db.query(`UPDATE organisations SET companies_house_number = '01234567', updated_at = now() WHERE id = ANY($1)`, [[org.smith, org.unrelated]]);
      const pair = pairOf(await pairs(), org.smith, org.unrelated);
      expect(pair.reasons).toEqual([{ kind: 'companies_house_number', similarity: null, value: '01234567' }]);
      expect(pair.score).toBe(3);
      expect((await pairs()).edges[0].node.id).toBe(pair.id);
    } finally {
      await t.db.query(`UPDATE organisations SET companies_house_number = NULL, updated_at = now() WHERE id = ANY($1)`, [[org.smith, org.unrelated]]);
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

  describe('the background scan', () => {
    const SCAN = `{ duplicateScan { pendingOrganisations checkedUpTo lastScannedAt } }`;
    const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, version: $v, input: $i) { id } }`;
    const scanner = () => t.app.get(DuplicateScanner);
    const mark = async () => (await t.db.query(`SELECT scanned_updated_at::text AS at, scanned_id AS id, last_scanned_at::text AS stored FROM duplicate_scan_state`))[0];
    const stored = async (x: string, y: string) =>
      (await t.db.query(`SELECT 1 FROM organisation_duplicate_pairs WHERE a_id = least($1::uuid, $2::uuid) AND b_id = greatest($1::uuid, $2::uuid)`, [x, y])).length;
    const rename = async (id: string, input: Record<string, unknown>) => {
      const [{ version }] = await t.db.query(`SELECT version FROM organisations WHERE id = $1`, [id]);
      await ok(UPDATE, { id, v: version, i: input });
    };
    /** Holds the scanners off (their advisory lock) while `body` runs, so what it sees is not the scan catching up. */
    const withScanHeld = async (body: () => Promise<void>) => {
      const runner = t.db.createQueryRunner();
      await runner.startTransaction();
      try {
        await runner.query(`SELECT pg_advisory_xact_lock($1)`, [SCAN_LOCK_KEY]);
        await body();
      } finally {
        await runner.rollbackTransaction();
        await runner.release();
      }
    };

    beforeAll(async () => {
      await createOrg('kielder', { name: 'Kielder Water Sports Ltd', postcode: 'NE48 1BX' });
      await createOrg('kielderCopy', { name: 'KIELDER WATER SPORTS LIMITED', postcode: 'NE48 2AA' });
    });

    it('stores the pair of two new organisations once they are scanned', async () => {
      await scanner().runUntilIdle();
      expect(await stored(org.kielder, org.kielderCopy)).toBe(1);
      expect(pairOf(await pairs(), org.kielder, org.kielderCopy).reasons).toEqual([{ kind: 'similar_name', similarity: 1, value: 'NE' }]);
    });

    it('stores exactly the pairs the rule finds live, in the same order with the same scores', async () => {
      await scanner().runUntilIdle();
      const live: Array<{ a_id: string | null; b_id: string; score: string }> = await t.db.transaction(async (tx) => {
        await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(NAME_SIMILARITY)]);
        return tx.query(organisationPairsSql(false), [null, null, null, null, null, 1000]);
      });
      const list = await pairs();
      expect(list.edges.map((e: any) => `${e.node.id} ${e.node.score}`)).toEqual(live.filter((r) => r.a_id).map((r) => `${r.a_id}:${r.b_id} ${Number(r.score)}`));
      expect(list.totalCount).toBeGreaterThan(3);
    });

    it('drops the pair when one side is renamed away and rescanned (the other side needs no rescan); its own page shows it at once', async () => {
      await withScanHeld(async () => {
        await rename(org.kielderCopy, { name: 'Hexham Abbey Tours' });
        // One organisation's pairs are computed live, so they are right before the scan catches up.
        expect((await ok(ORG_PAIRS, { organisationId: org.kielder })).organisationDuplicates.totalCount).toBe(0);
        expect(await stored(org.kielder, org.kielderCopy)).toBe(1);
      });
      await scanner().runUntilIdle();
      expect(await stored(org.kielder, org.kielderCopy)).toBe(0);
      expect(pairOf(await pairs(), org.kielder, org.kielderCopy)).toBeUndefined();
    });

    it('hides an archived organisation\'s pairs at once and removes them on the rescan', async () => {
      await createOrg('kielderAgain', { name: 'Kielder Water Sports', postcode: 'NE48 3CD' });
      expect(pairOf(await pairs(), org.kielder, org.kielderAgain)).toBeDefined();
      await withScanHeld(async () => {
        await ok(`mutation($id: ID!) { archiveOrganisation(id: $id) { id } }`, { id: org.kielderAgain });
        expect(await stored(org.kielder, org.kielderAgain)).toBe(1);
        const list = (await ok(ORG_PAIRS, { first: 100 })).organisationDuplicates;
        expect(pairOf(list, org.kielder, org.kielderAgain)).toBeUndefined();
      });
      await scanner().runUntilIdle();
      expect(await stored(org.kielder, org.kielderAgain)).toBe(0);
    });

    it('is incremental: with nothing changed a pass scans nothing; an edit is pending until the scan reaches it', async () => {
      await scanner().runUntilIdle();
      const before = await mark();
      expect(await scanner().runUntilIdle()).toBe(0);
      expect(await mark()).toEqual(before);
      expect((await ok(SCAN, {}, t.tokens.viewer)).duplicateScan.pendingOrganisations).toBe(0);

      await withScanHeld(async () => {
        await rename(org.kielder, { postcode: 'NE46 1AA' });
        const scan = (await ok(SCAN, {}, t.tokens.viewer)).duplicateScan;
        expect(scan.pendingOrganisations).toBe(1);
        expect(new Date(scan.checkedUpTo).getTime()).toBe(new Date(before.at).getTime());
        expect(new Date(scan.lastScannedAt).getTime()).toBe(new Date(before.stored).getTime());
      });
      await scanner().runUntilIdle();
      expect((await mark()).id).toBe(org.kielder);
      expect((await ok(SCAN)).duplicateScan.pendingOrganisations).toBe(0);
    });

    it('refuses the scan state to an unauthenticated caller', async () => {
      expect(codeOf(await t.gql(SCAN, {}))).toBe('UNAUTHENTICATED');
    });
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
