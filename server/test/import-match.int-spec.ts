import { EntityManager } from 'typeorm';
import { AREA_BUCKET_NAME_KEY_TRGM_INDEXES, AREA_BUCKETS } from '../src/common/database/gin-pending';
import { domainOf, normaliseOrganisationName, postcodeArea } from '../src/modules/import/cells';
import { RowToMatch } from '../src/modules/import/importer';
import { organisationImporter } from '../src/modules/import/importers/organisation.importer';
import { createTestApp, TestApp } from './support/test-app';

/**
 * The import's organisation matching probes each key only when the stronger ones found nothing,
 * and compares names within the row's postcode area plus the records without a postcode, rather
 * than every organisation in the country. This holds it to the query it replaced (kept here as
 * the reference) on a set of tricky rows: every row must match the same record, for the same
 * reason, with the same score and the same proposed flag.
 */
const REFERENCE_MATCH = `
  SELECT r.n, m.id, m.reason, m.score, m.proposed
    FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r(n, ch, domain, key, area, status)
    CROSS JOIN LATERAL (
      (SELECT o.id, 'companies_house_number' AS reason, 1::real AS score, false AS proposed, 1 AS rank FROM organisations o
        WHERE r.ch IS NOT NULL AND o.companies_house_number = r.ch AND o.deleted_at IS NULL LIMIT 1)
      UNION ALL
      (SELECT o.id, 'domain', 1::real, coalesce(bce_company_gone(r.status), false) <> coalesce(bce_company_gone(o.company_status), false), 2 FROM organisations o
        WHERE r.domain IS NOT NULL AND o.website IS NOT NULL AND o.deleted_at IS NULL AND bce_domain(o.website) = r.domain
          AND NOT bce_distinct_companies(r.ch, r.status, o.companies_house_number, o.company_status)
        LIMIT 1)
      UNION ALL
      (SELECT o.id, 'name', similarity(bce_name_key(o.name), r.key),
              r.area IS NULL OR o.postcode IS NULL OR coalesce(bce_company_gone(r.status), false) <> coalesce(bce_company_gone(o.company_status), false), 3
         FROM organisations o
        WHERE r.key <> '' AND o.deleted_at IS NULL AND bce_name_key(o.name) % r.key
          AND NOT bce_distinct_companies(r.ch, r.status, o.companies_house_number, o.company_status)
          AND (r.area IS NULL OR o.postcode IS NULL OR bce_postcode_area(o.postcode) = r.area)
        ORDER BY 3 DESC, o.created_at LIMIT 1)
      ORDER BY rank LIMIT 1) m`;

async function reference(tx: EntityManager, rows: RowToMatch[]) {
  const found: Array<{ n: number; id: string; reason: string; score: number; proposed: boolean }> = await tx.query(REFERENCE_MATCH, [
    rows.map((r) => r.rowNumber),
    rows.map((r) => r.values.companiesHouseNumber ?? null),
    rows.map((r) => domainOf(r.values.website as string | null)),
    rows.map((r) => normaliseOrganisationName(String(r.values.name ?? ''))),
    rows.map((r) => postcodeArea(r.values.postcode as string | null)),
    rows.map((r) => r.values.companyStatus ?? null),
  ]);
  return new Map(found.map((f) => [f.n, { id: f.id, reason: f.reason, score: Math.round(Number(f.score) * 100) / 100, proposed: f.proposed }]));
}

describe('import: organisation matching', () => {
  let t: TestApp;
  const ids: Record<string, string> = {};
  beforeAll(async () => {
    t = await createTestApp();
    // Distinct creation times, oldest first, so "the oldest of equally similar records" is one record.
    const records: Array<[string, Record<string, unknown>]> = [
      ['tyneOld', { name: 'Tyne Precision Engineering Ltd', postcode: 'NE1 4XF' }],
      ['tyneNew', { name: 'TYNE PRECISION ENGINEERING LIMITED', postcode: 'NE6 1AA' }],
      ['tyneNowhere', { name: 'Tyne Precision Engineering', postcode: null }],
      ['tyneSouth', { name: 'Tyne Precision Engineering', postcode: 'SW1A 1AA' }],
      ['reordered', { name: 'Engineering Precision Tyne', postcode: 'NE2 2BB' }],
      ['wear', { name: 'Wear Valley Foods', postcode: 'DH1 3LE', companies_house_number: '07654321', company_status: 'active' }],
      ['wearGone', { name: 'Wear Valley Foods', postcode: 'DH2 1AB', company_status: 'dissolved' }],
      ['wearOther', { name: 'Wear Valley Food', postcode: 'DH1 9ZZ', companies_house_number: '01111111' }],
      ['widgets', { name: 'Northern Widgets Group', postcode: 'NE8 2BB', website: 'https://northern-widgets.co.uk' }],
      ['archived', { name: 'Archived Robotics', postcode: 'DH1 3LE', deleted_at: new Date() }],
      ['badPostcode', { name: 'Teesside Timber Studios', postcode: 'XX' }],
      ['smithNowhere', { name: 'Smith and Sons', postcode: null }],
    ];
    let i = 0;
    for (const [key, values] of records) {
      const columns = Object.keys(values);
      const [row] = await t.db.query(
        `INSERT INTO organisations (name, type, created_at${columns.filter((c) => c !== 'name').map((c) => `, ${c}`).join('')})
         VALUES ($1, 'employer', now() - make_interval(days => $2)${columns.filter((c) => c !== 'name').map((_, j) => `, $${j + 3}`).join('')}) RETURNING id`,
        [values.name, 100 - i++, ...columns.filter((c) => c !== 'name').map((c) => values[c])]);
      ids[key] = row.id;
    }
  });
  afterAll(() => t.close());

  it('matches every tricky row as the country-wide query did', async () => {
    const cells: Array<Record<string, string>> = [
      { name: 'Tyne Precision Engineering', postcode: 'NE3 3CC' },        // several similar in NE, one without a postcode: the oldest wins
      { name: 'tyne precision engineering', postcode: '' },               // no area: compared with the whole country, proposed
      { name: 'Tyne Precision Engineering', postcode: 'SW1A 2AA' },        // the London one, or the one without a postcode
      { name: 'Engineering Precision Tyne', postcode: 'NE2 1ZZ' },         // same trigrams as the Tyne records: similarity 1
      { name: 'Wear Valley Foods', postcode: 'DH1 1AA' },                  // an older active and a dissolved one
      { name: 'Wear Valley Foods', postcode: 'DH1 1AA', companyStatus: 'Dissolved' },
      { name: 'Wear Valley Foods', postcode: 'DH1 1AA', companiesHouseNumber: '01111111' }, // by number
      { name: 'Wear Valley Foods', postcode: 'DH1 1AA', companiesHouseNumber: '02222222' }, // another number: never the numbered ones
      { name: 'Completely Different', postcode: 'NE1 1AA', website: 'www.northern-widgets.co.uk' }, // by domain
      { name: 'Wear Valley Foods', postcode: 'DH1 1AA', website: 'https://northern-widgets.co.uk' }, // domain beats name
      { name: 'Archived Robotics', postcode: 'DH1 3LE' },                  // only an archived record: new
      { name: 'Teesside Timber Studios', postcode: 'TS1 1AA' },            // a record with a postcode of no area: not a candidate
      { name: 'Teesside Timber Studios', postcode: '' },                   // … but it is for a row without an area
      { name: 'Smith & Sons Ltd.', postcode: 'NE8 1AB' },                 // the record without a postcode, proposed
      { name: 'Smith Sons', postcode: '' },
      { name: 'Brand New Widgets', postcode: 'NE8 1AB' },
      { name: 'Ltd', postcode: 'NE8 1AB' },                                // an empty name key
    ];
    const rows: RowToMatch[] = cells.map((c, i) => ({ rowNumber: i + 2, values: organisationImporter.parse(c).values }));
    const [fast, slow] = await t.db.transaction(async (tx) => {
      const matched = await organisationImporter.match(tx, rows);
      return [matched, await reference(tx, rows)];
    });
    expect(Object.fromEntries(fast)).toEqual(Object.fromEntries(slow));
    const name = (n: number) => Object.entries(ids).find(([, id]) => id === fast.get(n)?.id)?.[0] ?? null;
    expect(rows.map((r) => name(r.rowNumber))).toEqual([
      'tyneOld', 'tyneOld', 'tyneNowhere', 'tyneOld', 'wear', 'wearGone', 'wearOther', 'wearGone', 'widgets', 'widgets', null, null,
      'badPostcode', 'smithNowhere', 'smithNowhere', null, null,
    ]);
  });

  /**
   * The area probes read one partial trigram index a bucket of postcode areas (1735500000000):
   * rows and records spread over forty areas, so every bucket is probed, must be decided as the
   * reference decides them, and as the matcher decides each row alone (one row a statement).
   */
  it('decides a generated set of rows across every area bucket as the reference and as row by row', async () => {
    const areas = ['AB', 'B', 'BA', 'BD', 'BH', 'BN', 'BS', 'CB', 'CF', 'CH', 'CM', 'SS', 'DH', 'DN', 'E', 'EC', 'EH', 'EX', 'G', 'GL',
      'HU', 'L', 'LE', 'LS', 'M', 'ME', 'N', 'NE', 'NG', 'NW', 'OX', 'PL', 'PO', 'S', 'SE', 'SO', 'SR', 'SW', 'TS', 'YO'];
    const words = ['Apex', 'Harbour', 'Quay', 'Pennine', 'Humber', 'Solent', 'Cedar', 'Tyne'];
    const trades = ['Engineering', 'Dental Group', 'Logistics', 'Renewables', 'Foods'];
    let seed = 15;
    // A fixed sequence (the C library's rand: its high bits, the low ones of such a generator cycle).
    const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return Math.floor(seed / 65536) % n; };
    const typo = (s: string) => { const i = 1 + next(s.length - 2); return next(2) ? s.slice(0, i) + s.slice(i + 1) : s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2); };
    const postcode = (area: string) => `${area}${1 + next(9)} ${next(9)}AB`;
    const statuses = [null, null, null, 'active', 'dissolved'];
    const generated: Array<Record<string, unknown>> = [];
    for (let i = 0; i < 240; i++) {
      const name = `${words[next(words.length)]} ${trades[next(trades.length)]}${next(4) ? '' : ' Ltd'}`;
      generated.push({
        name: next(6) ? name : typo(name),
        postcode: next(12) ? postcode(areas[next(areas.length)]) : null,
        companies_house_number: next(3) ? null : String(30000000 + i),
        company_status: statuses[next(statuses.length)],
        trading_names: next(8) ? [] : [`${words[next(words.length)]} Trading`],
        aliases: next(8) ? [] : [`${trades[next(trades.length)]} of ${words[next(words.length)]}`],
      });
    }
    await t.db.query(
      `INSERT INTO organisations (name, type, postcode, companies_house_number, company_status, trading_names, aliases, created_at)
       SELECT g.name, 'employer', g.postcode, g.companies_house_number, g.company_status,
              ARRAY(SELECT jsonb_array_elements_text(g.trading_names)), ARRAY(SELECT jsonb_array_elements_text(g.aliases)),
              now() - make_interval(days => 1000 - g.n)
         FROM jsonb_to_recordset($1::jsonb) AS g(name text, postcode text, companies_house_number text, company_status text,
              trading_names jsonb, aliases jsonb, n int)`,
      [JSON.stringify(generated.map((g, n) => ({ ...g, n })))]);
    const cells: Array<Record<string, string>> = [];
    for (let i = 0; i < 300; i++) {
      const held = generated[next(generated.length)];
      const area = next(3) ? (held.postcode as string | null)?.match(/^[A-Z]+/)?.[0] ?? areas[next(areas.length)] : areas[next(areas.length)];
      // A typo of a held name, its trading name (which the match does not read), a name of the vocabulary, the held name itself.
      const kind = next(6);
      const name = kind <= 1 ? typo(held.name as string) : kind === 2 ? (held.trading_names as string[])[0] ?? (held.name as string)
        : kind === 3 ? `${words[next(words.length)]} ${trades[next(trades.length)]}` : (held.name as string).toUpperCase();
      cells.push({
        name,
        postcode: next(10) ? postcode(area) : '',
        companiesHouseNumber: next(4) ? '' : next(3) && held.companies_house_number ? held.companies_house_number as string : String(40000000 + i),
        companyStatus: ['', '', 'Active', 'Dissolved'][next(4)],
      });
    }
    const rows: RowToMatch[] = cells.map((c, i) => ({ rowNumber: i + 2, values: organisationImporter.parse(c).values }));
    const [batched, alone, slow] = await t.db.transaction(async (tx) => {
      const matched = await organisationImporter.match(tx, rows);
      const each = new Map();
      for (const row of rows) for (const [n, m] of await organisationImporter.match(tx, [row])) each.set(n, m);
      return [matched, each, await reference(tx, rows)];
    });
    expect(Object.fromEntries(batched)).toEqual(Object.fromEntries(slow));
    expect(Object.fromEntries(batched)).toEqual(Object.fromEntries(alone));
    // Tricky enough to mean something: names and numbers matched, some only proposed, many new; every bucket probed.
    const found = [...batched.values()];
    expect(found.filter((m) => m.reason === 'name' && !m.proposed).length).toBeGreaterThanOrEqual(30);
    expect(found.filter((m) => m.reason === 'name' && m.score < 1).length).toBeGreaterThanOrEqual(10);
    expect(found.filter((m) => m.proposed).length).toBeGreaterThanOrEqual(40);
    expect(found.filter((m) => m.reason === 'companies_house_number').length).toBeGreaterThanOrEqual(10);
    expect(rows.length - batched.size).toBeGreaterThanOrEqual(50);
    const [{ buckets }] = await t.db.query(`SELECT count(DISTINCT bce_area_bucket(a))::int AS buckets FROM unnest($1::text[]) a`,
      [rows.map((r) => postcodeArea(r.values.postcode as string | null)).filter(Boolean)]);
    expect(buckets).toBe(AREA_BUCKETS);
    // The matcher's bucket count and index names are the migration's.
    const [{ indexes }] = await t.db.query(`SELECT count(*)::int AS indexes FROM pg_indexes WHERE tablename = 'organisation_area_names' AND indexname = ANY($1::text[])`,
      [AREA_BUCKET_NAME_KEY_TRGM_INDEXES]);
    expect(indexes).toBe(AREA_BUCKETS);
  });

  it('keeps organisation_area_names to the live organisations with a postcode area, their area and name key', async () => {
    const kept = async () => t.db.query(`SELECT o.name, a.area, a.name_key = bce_name_key(o.name) AS key_current
      FROM organisation_area_names a JOIN organisations o ON o.id = a.organisation_id WHERE o.name LIKE 'Kept Area %' ORDER BY o.name`);
    // Several in one statement (the statement trigger), one of them without a postcode.
    const ids: string[] = (await t.db.query(`INSERT INTO organisations (name, type, postcode) VALUES
      ('Kept Area One Ltd', 'employer', 'ls1 4ap'), ('Kept Area Two Ltd', 'employer', 'M1 1AE'), ('Kept Area Three Ltd', 'employer', NULL) RETURNING id`))
      .map((r: { id: string }) => r.id);
    expect(await kept()).toEqual([
      { name: 'Kept Area One Ltd', area: 'LS', key_current: true },
      { name: 'Kept Area Two Ltd', area: 'M', key_current: true },
    ]);
    await t.db.query(`UPDATE organisations SET name = 'Kept Area Uno Ltd', postcode = 'BS1 5TR' WHERE id = $1`, [ids[0]]);
    await t.db.query(`UPDATE organisations SET postcode = 'SW1A 1AA' WHERE id = $1`, [ids[2]]);
    await t.db.query(`UPDATE organisations SET deleted_at = now() WHERE id = $1`, [ids[1]]);
    expect(await kept()).toEqual([
      { name: 'Kept Area Three Ltd', area: 'SW', key_current: true },
      { name: 'Kept Area Uno Ltd', area: 'BS', key_current: true },
    ]);
    await t.db.query(`UPDATE organisations SET deleted_at = NULL WHERE id = $1`, [ids[1]]);
    await t.db.query(`UPDATE organisations SET postcode = NULL WHERE id = $1`, [ids[2]]);
    await t.db.query(`DELETE FROM organisations WHERE id = $1`, [ids[0]]);
    expect(await kept()).toEqual([{ name: 'Kept Area Two Ltd', area: 'M', key_current: true }]);
    // Every live organisation with an area has its row, and no other has one.
    const [{ missing, extra }] = await t.db.query(`SELECT
      (SELECT count(*)::int FROM organisations o WHERE o.deleted_at IS NULL AND bce_postcode_area(o.postcode) IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM organisation_area_names a WHERE a.organisation_id = o.id AND a.area = bce_postcode_area(o.postcode))) AS missing,
      (SELECT count(*)::int FROM organisation_area_names a JOIN organisations o ON o.id = a.organisation_id
        WHERE o.deleted_at IS NOT NULL OR bce_postcode_area(o.postcode) IS NULL) AS extra`);
    expect({ missing, extra }).toEqual({ missing: 0, extra: 0 });
  });
});
