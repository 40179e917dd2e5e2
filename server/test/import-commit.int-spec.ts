import { createHash } from 'node:crypto';
import { createTestApp, TestApp } from './support/test-app';
import { commit, previewed } from './support/imports';

/**
 * The commit at more than one chunk (COMMIT_CHUNK_ROWS = 2,000): what it writes for every row,
 * the search terms of the records it creates (written a statement at a time since
 * 1735100000000), and a chunk that fails leaving nothing of itself.
 */
const ROWS = 2_600;
// Unlike names (a hashed word each, no word shared), so the duplicate scanner rescanning them beside the tests has few candidates to score.
const nameOf = (prefix: string, i: number) => `${createHash('md5').update(`${prefix}${i}`).digest('hex').replace(/[0-9]/g, (d) => 'ghijklmnop'[Number(d)]).slice(0, 12)} Ltd`;
/** Row 7 (i = 5) is the organisation held already at `held`'s website. */
const csv = (prefix: string, held: string) => ['Company,Postcode,Website',
  ...Array.from({ length: ROWS }, (_, i) => `${nameOf(prefix, i)},NE${1 + (i % 9)} 1AA,${i === 5 ? held : ''}`)].join('\n');

/** Each record's search terms as the table has them, and as bce_search_terms computes them from the record. */
const TERMS_DIFFER = `
  (SELECT s.record_id, s.term, s.tier, s.confidential, s.department_id FROM search_terms s WHERE s.record_id = ANY($1::uuid[])
   EXCEPT SELECT o.id, t.term, t.tier, o.confidential, o.department_id FROM organisations o, bce_search_terms(ARRAY[o.name, o.legal_name] || o.trading_names || o.aliases) t WHERE o.id = ANY($1::uuid[]))
  UNION ALL
  (SELECT o.id, t.term, t.tier, o.confidential, o.department_id FROM organisations o, bce_search_terms(ARRAY[o.name, o.legal_name] || o.trading_names || o.aliases) t WHERE o.id = ANY($1::uuid[])
   EXCEPT SELECT s.record_id, s.term, s.tier, s.confidential, s.department_id FROM search_terms s WHERE s.record_id = ANY($1::uuid[]))`;

jest.setTimeout(240_000);

describe('import: commit at scale', () => {
  let t: TestApp;
  const hold = async (website: string): Promise<string> =>
    (await t.db.query(`INSERT INTO organisations (name, type, website) VALUES ('Held Already', 'employer', $1) RETURNING id`, [website]))[0].id;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('a chunk that fails leaves none of its rows, records or terms, and the import says why', async () => {
    await hold('https://held-failing.co.uk');
    const batch = await previewed(t, 'ORGANISATIONS', 'failing.csv', csv('Failscale', 'https://held-failing.co.uk'));
    // A row of the second chunk the database now refuses (as a constraint added after the preview would).
    await t.db.query(`ALTER TABLE organisations ADD CONSTRAINT test_refuses_one CHECK (name <> '${nameOf('Failscale', 2100)}') NOT VALID`);
    try {
      await t.gql(`mutation($id: ID!) { commitImport(id: $id) { id } }`, { id: batch.id }, t.tokens.admin);
      let status = '';
      for (let i = 0; i < 2400 && status !== 'failed'; i++) {
        [{ status }] = await t.db.query(`SELECT status FROM import_batches WHERE id = $1`, [batch.id]);
        await new Promise((r) => setTimeout(r, 50));
      }
      const [b] = await t.db.query(`SELECT status, error, rows_done FROM import_batches WHERE id = $1`, [batch.id]);
      expect(b.status).toBe('failed');
      expect(b.error).toContain('test_refuses_one');
      // The first chunk whole, the second not at all.
      expect(b.rows_done).toBe(2000);
      const [rows] = await t.db.query(`SELECT count(*) FILTER (WHERE outcome IS NOT NULL)::int AS done, max(row_number) FILTER (WHERE outcome IS NOT NULL) AS last FROM import_rows WHERE batch_id = $1`, [batch.id]);
      expect(rows).toEqual({ done: 2000, last: 2001 });
      const names = Array.from({ length: ROWS }, (_, i) => nameOf('Failscale', i));
      const [orgs] = await t.db.query(`SELECT count(*)::int AS n, max(name) FILTER (WHERE name = $2) AS refused FROM organisations WHERE name = ANY($1::text[])`, [names, nameOf('Failscale', 2100)]);
      expect(orgs).toEqual({ n: 2000 - 1, refused: null });
      const [terms] = await t.db.query(`SELECT count(DISTINCT s.record_id)::int AS n FROM search_terms s JOIN organisations o ON o.id = s.record_id WHERE o.name = ANY($1::text[])`, [names]);
      expect(terms.n).toBe(2000 - 1);
    } finally {
      await t.db.query(`ALTER TABLE organisations DROP CONSTRAINT test_refuses_one`);
    }
  });

  it('writes every row across chunks: records, outcomes, one audit event each, search terms, and progress to the end', async () => {
    // Statistics as autovacuum would have them by now: left at the empty table's, the preview's name probes of the previous test's 2,000 records plan as scans.
    await t.db.query('ANALYZE organisations');
    const held = await hold('https://held-already.co.uk');
    const batch = await previewed(t, 'ORGANISATIONS', 'many.csv', csv('Commitscale', 'https://held-already.co.uk'));
    expect(batch.summary).toMatchObject({ rows: ROWS, create: ROWS - 1, match: 1 });
    const done = await commit(t, batch.id);
    expect(done.summary).toMatchObject({ created: ROWS - 1, merged: 1, unchanged: 0, skipped: 0 });
    expect(done).toMatchObject({ rowsDone: ROWS, rowsTotal: ROWS });

    const [{ department_id: department }] = await t.db.query(`SELECT department_id FROM import_batches WHERE id = $1`, [batch.id]);
    const created: string[] = (await t.db.query(`SELECT record_id FROM import_rows WHERE batch_id = $1 AND outcome = 'created'`, [batch.id])).map((r: { record_id: string }) => r.record_id);
    expect(new Set(created).size).toBe(ROWS - 1);
    const [orgs] = await t.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT name)::int AS names, count(*) FILTER (WHERE postcode IS NULL OR type <> 'employer' OR confidential)::int AS odd,
              count(*) FILTER (WHERE department_id IS NOT DISTINCT FROM $2)::int AS in_department
         FROM organisations WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL`, [created, department]);
    expect(orgs).toEqual({ n: ROWS - 1, names: ROWS - 1, odd: 0, in_department: ROWS - 1 });
    const [audit] = await t.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT entity_id)::int AS records, count(*) FILTER (WHERE changes->'importBatch'->>'new' = $2 AND changes ? 'name')::int AS named
         FROM audit_events WHERE entity_type = 'organisation' AND action = 'create' AND entity_id = ANY($1::uuid[])`, [created, batch.id]);
    expect(audit).toEqual({ n: ROWS - 1, records: ROWS - 1, named: ROWS - 1 });
    // The held record's empty postcode filled from its row, in one update event.
    expect(await t.db.query(`SELECT action, changes FROM audit_events WHERE entity_id = $1`, [held])).toEqual([{ action: 'update', changes: { postcode: { old: null, new: 'NE6 1AA' } } }]);
    // Exactly the terms the row trigger wrote (bce_search_terms of each record), no more, no fewer.
    expect(await t.db.query(TERMS_DIFFER, [created])).toEqual([]);
    expect((await t.db.query(`SELECT count(DISTINCT record_id)::int AS n FROM search_terms WHERE record_id = ANY($1::uuid[])`, [created]))[0].n).toBe(ROWS - 1);
  });

  it('a multi-row INSERT of contacts gets each one\'s terms, as the row trigger gave them', async () => {
    const ids: string[] = (await t.db.query(
      `INSERT INTO contacts (first_name, last_name, deleted_at) VALUES ('Ada', 'Lovelace', NULL), ('Grace', 'Hopper', NULL), ('Gone', 'Away', now()) RETURNING id`)).map((r: { id: string }) => r.id);
    const terms = await t.db.query(`SELECT record_id, term, tier FROM search_terms WHERE kind = 1 AND record_id = ANY($1::uuid[]) ORDER BY term`, [ids]);
    expect(terms).toEqual([
      { record_id: ids[0], term: 'ada lovelace', tier: 1 },
      { record_id: ids[1], term: 'grace hopper', tier: 1 },
      { record_id: ids[1], term: 'hopper', tier: 1 },
      { record_id: ids[0], term: 'lovelace', tier: 1 },
    ]);
  });
});
