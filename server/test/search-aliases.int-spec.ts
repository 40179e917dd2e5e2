import { NAME_SEARCH_SQL, SEARCH_SQL, SEARCH_THRESHOLD_SQL } from '../src/modules/search/search.sql';
import { searchKey } from '../src/modules/search/search-key';
import { codeOf, createTestApp, TestApp } from './support/test-app';

const HIT = `kind title matchedAlias score`;
const CREATE = `mutation($i: CreateOrganisationInput!) { createOrganisation(input: $i) { id version name aliases } }`;
const UPDATE = `mutation($id: ID!, $v: Int!, $i: UpdateOrganisationInput!) { updateOrganisation(id: $id, version: $v, input: $i) { id version aliases } }`;
const LOG = `mutation($i: LogEngagementInput!) { logEngagement(input: $i) { id } }`;
const OPPORTUNITY = `mutation($i: CreateOpportunityInput!) { createOpportunity(input: $i) { id } }`;

describe('search: the names people use', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const ok = async (query: string, variables: Record<string, unknown>, token = t.tokens.staff) => {
    const res = await t.gql(query, variables, token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data;
  };
  const createOrg = async (name: string, extra: Record<string, unknown> = {}, token = t.tokens.staff) =>
    (await ok(CREATE, { i: { name, type: 'employer', ...extra } }, token)).createOrganisation;
  const search = async (text: string, token = t.tokens.viewer) =>
    (await ok(`query($q: String!) { search(text: $q, first: 20) { ${HIT} } }`, { q: text }, token)).search.filter((h: any) => h.kind === 'organisation');
  const titles = async (text: string, token?: string) => (await search(text, token)).map((h: any) => h.title);
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

  beforeAll(async () => {
    await createOrg('Marks and Spencer Group plc', { aliases: ['M&S', 'Marks & Sparks'] });
    await createOrg('M&S Scaffolding Ltd');
    await createOrg('GSK plc', { aliases: ['GlaxoSmithKline'] });
    await createOrg('Royal Glaxo Trust');
    await createOrg('BAE Systems plc', { aliases: ['BAE'] });
    await createOrg('Baes Bakery Ltd');
    await createOrg('Spenser Consulting');
  });

  describe('aliases', () => {
    it('find an organisation by an alias and say which one matched', async () => {
      expect((await search('M&S'))[0]).toMatchObject({ title: 'Marks and Spencer Group plc', matchedAlias: 'M&S', score: 1 });
      expect((await search('glaxosmithkline'))[0]).toMatchObject({ title: 'GSK plc', matchedAlias: 'GlaxoSmithKline', score: 1 });
      expect((await search('Sparks'))[0]).toMatchObject({ title: 'Marks and Spencer Group plc', matchedAlias: 'Marks & Sparks' });
    });

    it('compare ignoring case, punctuation, "&" for "and" and legal suffixes', async () => {
      expect((await search('m & s'))[0]).toMatchObject({ title: 'Marks and Spencer Group plc', matchedAlias: 'M&S', score: 1 });
      expect((await search('marks & spencer group'))[0]).toMatchObject({ title: 'Marks and Spencer Group plc', matchedAlias: null, score: 1 });
      expect((await search('gsk'))[0]).toMatchObject({ title: 'GSK plc', matchedAlias: null, score: 1 });
    });

    it('are found by the organisations list search too', async () => {
      const list = await ok(`{ organisations(search: "Sparks") { edges { node { name aliases } } } }`, {});
      expect(list.organisations.edges.map((e: any) => e.node)).toEqual([{ name: 'Marks and Spencer Group plc', aliases: ['M&S', 'Marks & Sparks'] }]);
    });
  });

  describe('ranking', () => {
    it('puts an exact name or alias above a prefix, a prefix above a later word, and those above mere similarity', async () => {
      // "BAE" is BAE Systems' alias; "Baes Bakery" only starts with it.
      const bae = await search('BAE');
      expect(bae.map((h: any) => h.title).slice(0, 2)).toEqual(['BAE Systems plc', 'Baes Bakery Ltd']);
      expect(bae[0]).toMatchObject({ matchedAlias: 'BAE', score: 1 });
      expect(bae[1]).toMatchObject({ matchedAlias: null, score: 0.9 });
      // Exact alias "M&S" above the name that starts with it.
      expect((await titles('M&S')).slice(0, 2)).toEqual(['Marks and Spencer Group plc', 'M&S Scaffolding Ltd']);
      // A name starting with "glaxo" (GSK's alias) above one where a later word does.
      const glaxo = await search('glaxo');
      expect(glaxo.map((h: any) => [h.title, h.score])).toEqual([['GSK plc', 0.9], ['Royal Glaxo Trust', 0.8]]);
      // A later word starting with "spencer" above a name that is only similar ("Spenser").
      const spencer = await search('spencer');
      expect(spencer.map((h: any) => h.title)).toEqual(['Marks and Spencer Group plc', 'Spenser Consulting']);
      expect(spencer[1].score).toBeLessThan(0.8);
    });

    it('puts the name a typo was made in first, above busier names that only share its other words', async () => {
      const severn = await createOrg('Severn Composites Holdings Ltd');
      const chiltern = await createOrg('Chiltern Composites Holdings Ltd');
      const falwic = await createOrg('Falwic Composites Holdings Ltd');
      for (const org of [chiltern, chiltern, falwic, falwic]) await ok(LOG, { i: { type: 'call', summary: 'Call', organisationId: org.id, occurredOn: daysAgo(5) } });
      expect((await titles('Sveern Composites Holdings Ltd'))[0]).toBe(severn.name);
      await createOrg('Chiltern Hotels Ltd');
      const chester = await createOrg('Chester Hotels Ltd');
      await ok(LOG, { i: { type: 'call', summary: 'Call', organisationId: chester.id, occurredOn: daysAgo(5) } });
      expect((await titles('Cihltern Hotels Ltd'))[0]).toBe('Chiltern Hotels Ltd');
    });

    it('breaks ties by how active the relationship is (engagements this year, open opportunities), not by the alphabet', async () => {
      const central = await createOrg('Widgetco Central Ltd');
      const east = await createOrg('Widgetco East Ltd');
      const north = await createOrg('Widgetco North Ltd');
      const south = await createOrg('Widgetco South Ltd');
      // South: two engagements this year and an open opportunity; Central and East: one engagement each; North: one two years ago (too old to count).
      for (const [org, days] of [[south, 10], [south, 200], [central, 40], [east, 30], [north, 730]] as const) {
        await ok(LOG, { i: { type: 'meeting', summary: 'Catch-up', organisationId: org.id, occurredOn: daysAgo(days) } });
      }
      await ok(OPPORTUNITY, { i: { title: 'Apprenticeships', type: 'consultancy', valuePence: 0, organisationId: south.id } });
      // All four start with "widgetco"; on equal activity (Central, East) the name decides.
      expect(await titles('widgetco')).toEqual(['Widgetco South Ltd', 'Widgetco Central Ltd', 'Widgetco East Ltd', 'Widgetco North Ltd']);
    });
  });

  describe('confidential organisations', () => {
    it('cannot be found by their alias from another department', async () => {
      await createOrg('Skunk Analytics Ltd', { aliases: ['Project Nightjar'], confidential: true, departmentId: t.departments.ENG });
      expect(await search('Project Nightjar', t.tokens.staffBus)).toEqual([]);
      expect(await search('Nightjar', t.tokens.staffBus)).toEqual([]);
      expect((await search('Project Nightjar', t.tokens.staff))[0]).toMatchObject({ title: 'Skunk Analytics Ltd', matchedAlias: 'Project Nightjar' });
    });
  });

  describe('editing aliases', () => {
    it('trims them, drops blanks and clears them with null or []', async () => {
      const org = await createOrg('Alias Editing Ltd', { aliases: ['  AEL ', '', 'Alias Ed'] });
      expect(org.aliases).toEqual(['AEL', 'Alias Ed']);
      const cleared = (await ok(UPDATE, { id: org.id, v: org.version, i: { aliases: null } })).updateOrganisation;
      expect(cleared.aliases).toEqual([]);
      const again = (await ok(UPDATE, { id: org.id, v: cleared.version, i: { aliases: ['AEL'] } })).updateOrganisation;
      expect((await ok(UPDATE, { id: org.id, v: again.version, i: { aliases: [] } })).updateOrganisation.aliases).toEqual([]);
    });

    it('refuses too many, too long and repeated (ignoring case) names, naming the field', async () => {
      const fieldsOf = async (aliases: string[]) => {
        const res = await t.gql(CREATE, { i: { name: 'Bad Aliases Ltd', type: 'employer', aliases } }, t.tokens.staff);
        expect(codeOf(res)).toBe('BAD_USER_INPUT');
        return res.errors![0].extensions!.fields!;
      };
      expect(await fieldsOf(Array.from({ length: 21 }, (_, i) => `Alias ${i}`))).toEqual([{ field: 'aliases', messages: ['aliases may hold at most 20 names'] }]);
      expect(await fieldsOf(['x'.repeat(201)])).toEqual([{ field: 'aliases', messages: ['each of aliases must be at most 200 characters'] }]);
      expect(await fieldsOf(['M&S', 'm&s'])).toEqual([{ field: 'aliases', messages: ['aliases must not repeat a name (ignoring case)'] }]);
    });

    it('is not for viewers', async () => {
      const org = await createOrg('Viewer Proof Ltd', { aliases: ['VPL'] });
      const res = await t.gql(UPDATE, { id: org.id, v: org.version, i: { aliases: ['Hijacked'] } }, t.tokens.viewer);
      expect(codeOf(res)).toBe('FORBIDDEN');
      expect(codeOf(await t.gql(CREATE, { i: { name: 'Viewer Made', type: 'employer', aliases: ['VM'] } }, t.tokens.viewer))).toBe('FORBIDDEN');
      const seen = await ok(`query($id: ID!) { organisation(id: $id) { aliases } }`, { id: org.id }, t.tokens.viewer);
      expect(seen.organisation.aliases).toEqual(['VPL']);
    });
  });

  describe('the name terms search reads (kept by triggers)', () => {
    const terms = async (id: string) => (await t.db.query(`SELECT term, tier, confidential FROM search_terms WHERE record_id = $1 ORDER BY term`, [id]))
      .map((r: any) => `${r.term}:${r.tier}${r.confidential ? ':c' : ''}`);
    it('follow every write of an organisation: create, rename, aliases, confidentiality, archive and restore', async () => {
      const org = await createOrg('The Quillon Fabrication Co Ltd', { aliases: ['QFC'] });
      expect(await terms(org.id)).toEqual(['fabrication:2', 'qfc:1', 'quillon fabrication:1']);
      expect(await titles('fabric')).toContain('The Quillon Fabrication Co Ltd');
      const renamed = (await ok(UPDATE, { id: org.id, v: org.version, i: { name: 'Quillon Forge', aliases: [] } })).updateOrganisation;
      expect(await terms(org.id)).toEqual(['forge:2', 'quillon forge:1']);
      expect(await titles('fabric')).not.toContain('Quillon Forge');
      await t.db.query(`UPDATE organisations SET confidential = true, department_id = $2 WHERE id = $1`, [org.id, t.departments.ENG]);
      expect(await terms(org.id)).toEqual(['forge:2:c', 'quillon forge:1:c']);
      // Staff of another department no longer find it; its own department's viewer still does.
      expect(await titles('quillon', t.tokens.staffBus)).not.toContain('Quillon Forge');
      expect(await titles('quillon', t.tokens.viewer)).toContain('Quillon Forge');
      await t.db.query(`UPDATE organisations SET confidential = false, deleted_at = now() WHERE id = $1`, [org.id]);
      expect(await terms(org.id)).toEqual([]);
      await t.db.query(`UPDATE organisations SET deleted_at = NULL WHERE id = $1`, [org.id]);
      expect(await terms(org.id)).toEqual(['forge:2', 'quillon forge:1']);
      expect(renamed.version).toBeGreaterThan(org.version);
    });

    it('follow a person: rename and erasure', async () => {
      const [c] = await t.db.query(`INSERT INTO contacts (first_name, last_name) VALUES ('Ottoline', 'Brackley-Vance') RETURNING id`);
      expect(await terms(c.id)).toEqual(['brackley vance:1', 'ottoline brackley vance:1', 'vance:2']);
      await t.db.query(`UPDATE contacts SET last_name = 'Vance' WHERE id = $1`, [c.id]);
      expect(await terms(c.id)).toEqual(['ottoline vance:1', 'vance:1']);
      await t.db.query(`UPDATE contacts SET erased_at = now() WHERE id = $1`, [c.id]);
      expect(await terms(c.id)).toEqual([]);
    });
  });

  describe('at volume', () => {
    it('finds names through the terms index, aliases through the name-key index, and counts activity through an index', async () => {
      // Varied names, as real ones are: "Kestrel 3f9a2c Ltd" with alias "K3F9A", and as many people.
      const word = (seed: string) => `(ARRAY['Kestrel','Harbour','Granite','Meadow','Pioneer','Summit','Beacon','Willow'])[1 + abs(hashtext(${seed})) % 8]`;
      await t.db.query(`
        INSERT INTO organisations (name, type, aliases, trading_names, postcode)
        SELECT ${word("'n' || i")} || ' ' || substr(md5(i::text), 1, 6) || ' Ltd', 'employer',
               ARRAY[upper(substr(md5('a' || i), 1, 5))], ARRAY[${word("'t' || i")} || ' ' || substr(md5('t' || i), 1, 6)], 'NE1 4LP'
          FROM generate_series(1, 4000) AS i`);
      await t.db.query(`INSERT INTO contacts (first_name, last_name, emails)
        SELECT 'Pat', initcap(substr(md5('c' || i), 1, 7)), ARRAY['pat' || i || '@' || substr(md5('d' || i), 1, 8) || '.co.uk'] FROM generate_series(1, 4000) AS i`);
      await t.db.query(`
        INSERT INTO engagements (type, occurred_on, summary, organisation_id, department_id)
        SELECT 'call', current_date - (row_number() OVER () % 400)::int, 'call', o.id, $1 FROM organisations o, generate_series(1, 2)`, [t.departments.ENG]);
      await t.db.query('ANALYZE');
      // Every scan in the plan, as "Node Type on relation (index)".
      const scans = async (text: string, sql = SEARCH_SQL) => {
        const [{ 'QUERY PLAN': [root] }] = await t.db.transaction(async (tx) => {
          await tx.query(SEARCH_THRESHOLD_SQL);
          return tx.query(`EXPLAIN (FORMAT JSON) ${sql}`, [text, searchKey(text), [t.departments.BUS], 10]);
        });
        const out: string[] = [];
        const walk = (node: any) => {
          if (/Scan/.test(node['Node Type']) && (node['Relation Name'] || node['Index Name'])) out.push(`${node['Node Type']} on ${node['Relation Name'] ?? ''} (${node['Index Name'] ?? ''})`);
          (node.Plans ?? []).forEach(walk);
        };
        walk(root.Plan);
        return out;
      };
      const [sample] = await t.db.query(`SELECT name, aliases[1] AS alias FROM organisations WHERE name LIKE 'Kestrel %' ORDER BY name LIMIT 1`);
      for (const text of [sample.alias, sample.name.slice(0, 12), 'm and s', 'kestrl']) {
        const used = await scans(text);
        // Exact names and aliases come from the terms index (no probe of organisations by name key).
        expect(used).toEqual(expect.arrayContaining(['Index Only Scan on search_terms (search_terms_term_idx)']));
        expect(used.filter((s) => /organisations_name_keys_idx/.test(s))).toEqual([]);
        // Activity is counted through one of the per-organisation indexes of engagements (timeline or health order): the planner picks.
        expect(used.some((s) => /^(Bitmap )?Index (Only )?Scan on .*\((engagements_organisation_timeline_idx|engagements_organisation_health_idx)\)$/.test(s))).toBe(true);
        // (At 4,000 rows PostgreSQL may rightly find a scan of organisations or contacts cheaper than their trigram
        // index for the similar-only candidates; at 100,000 it takes organisations_search_trgm_idx, docs/performance.md.)
        expect(used.filter((s) => /^Seq Scan on engagements /.test(s))).toEqual([]);
        // The name tiers: one range of the terms index, then records by primary key only.
        const named = await scans(text, NAME_SEARCH_SQL);
        expect(named).toContain('Index Only Scan on search_terms (search_terms_term_idx)');
        expect(named.filter((s) => /^Seq Scan on (organisations|contacts|engagements|search_terms) /.test(s))).toEqual([]);
      }
      // Both ways to a page agree: the name tiers alone, when they fill it, give what the whole search gives.
      const page = async (sql: string, text: string) => t.db.transaction(async (tx) => {
        await tx.query(SEARCH_THRESHOLD_SQL);
        return (await tx.query(sql, [text, searchKey(text), [t.departments.BUS], 10])).map((r: any) => `${r.kind} ${r.id} ${r.score} ${r.matchedAlias}`);
      });
      // (Where they do not fill it, they are the whole search's first hits.)
      for (const [text, filled] of [['kes', true], ['harbour', true], ['pat', true], ['granite 1', true], [sample.name.slice(0, 9), true], [sample.alias, false]] as const) {
        const named = await page(NAME_SEARCH_SQL, text);
        expect(named.length === 10).toBe(filled);
        expect((await page(SEARCH_SQL, text)).slice(0, named.length)).toEqual(named);
      }
      expect((await search(sample.alias))[0]).toMatchObject({ title: sample.name, matchedAlias: sample.alias, score: 1 });
    });
  });
});
