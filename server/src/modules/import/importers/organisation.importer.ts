import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CreateOrganisationInput } from '../../organisation/dto/organisation.input';
import { cleanText, domainOf, normaliseOrganisationName, parsePostcode, postcodeArea } from '../cells';
import { parseOrganisationType, parseSector, parseSizeBand } from '../choices';
import { archiveImported, asChanges, auditMany, ImportContext, Importer, Match, nonEmpty, ParsedRow, Problem, RowToMatch, validateAs } from '../importer';
import { StoredCell } from '../read-spreadsheet';

/** A similar name (pg_trgm, on the normalised name) this close or closer, in the same postcode area, is taken as the same organisation. */
export const NAME_MATCH_SIMILARITY = 0.75;

/** The organisation columns an import writes, field → column. */
const COLUMNS: Record<string, string> = {
  name: 'name', legalName: 'legal_name', type: 'type', sector: 'sector', sizeBand: 'size_band',
  companiesHouseNumber: 'companies_house_number', website: 'website', addressLine1: 'address_line1',
  addressLine2: 'address_line2', town: 'town', postcode: 'postcode', tags: 'tags',
};
/** Fields an import may fill on an existing organisation when they are empty there. */
const FILLABLE = ['legalName', 'sector', 'sizeBand', 'companiesHouseNumber', 'website', 'addressLine1', 'addressLine2', 'town', 'postcode'];
const REQUIRED = new Set(['name', 'type']);

/** Excel drops leading zeros: 1234567 is Companies House number 01234567. */
function companiesHouseNumber(cell: StoredCell): string | null {
  const text = cleanText(cell)?.toUpperCase().replace(/\s/g, '') ?? null;
  return text && /^\d{1,7}$/.test(text) ? text.padStart(8, '0') : text;
}

const splitTags = (cell: StoredCell) => [...new Set((cleanText(cell) ?? '').split(/[;,|]/).map((t) => t.trim()).filter(Boolean))];

export const organisationImporter: Importer = {
  entity: 'organisations',
  entityType: 'organisation',
  fields: [
    { name: 'name', label: 'Name', required: true },
    { name: 'legalName', label: 'Legal name', required: false },
    { name: 'type', label: 'Type (employer when empty)', required: false },
    { name: 'companiesHouseNumber', label: 'Companies House number', required: false },
    { name: 'website', label: 'Website', required: false },
    { name: 'sector', label: 'Sector (SIC)', required: false },
    { name: 'sizeBand', label: 'Size band or headcount', required: false },
    { name: 'addressLine1', label: 'Address line 1', required: false },
    { name: 'addressLine2', label: 'Address line 2', required: false },
    { name: 'town', label: 'Town', required: false },
    { name: 'postcode', label: 'Postcode', required: false },
    { name: 'tags', label: 'Tags (comma separated)', required: false },
  ],

  parse(cells: Record<string, StoredCell>): ParsedRow {
    const problems: Problem[] = [];
    const choice = <T>(field: string, parsed: { ok: true; value: T | null } | { ok: false; reason: string }): T | null => {
      if (parsed.ok) return parsed.value;
      problems.push({ field, message: parsed.reason });
      return null;
    };
    const raw: Record<string, unknown> = {
      name: cleanText(cells.name) ?? '',
      legalName: cleanText(cells.legalName),
      type: choice('type', parseOrganisationType(cells.type)),
      companiesHouseNumber: companiesHouseNumber(cells.companiesHouseNumber),
      website: cleanText(cells.website),
      sector: choice('sector', parseSector(cells.sector)),
      sizeBand: choice('sizeBand', parseSizeBand(cells.sizeBand)),
      addressLine1: cleanText(cells.addressLine1),
      addressLine2: cleanText(cells.addressLine2),
      town: cleanText(cells.town),
      postcode: choice('postcode', parsePostcode(cells.postcode)),
      tags: splitTags(cells.tags),
    };
    const { instance, problems: invalid } = validateAs(CreateOrganisationInput, raw);
    const values: Record<string, unknown> = {};
    for (const field of Object.keys(COLUMNS)) values[field] = (instance as unknown as Record<string, unknown>)[field] ?? null;
    // A bad optional cell is reported and left out; the rest of the row still comes in.
    for (const p of invalid) {
      problems.push(p);
      if (!REQUIRED.has(p.field)) values[p.field] = p.field === 'tags' ? [] : null;
    }
    const importable = !problems.some((p) => REQUIRED.has(p.field));
    const name = String(values.name ?? '');
    const area = postcodeArea(values.postcode as string | null);
    const domain = domainOf(values.website as string | null);
    const keys = [
      values.companiesHouseNumber ? `ch:${values.companiesHouseNumber}` : null,
      domain ? `domain:${domain}` : null,
      normaliseOrganisationName(name) ? `name:${normaliseOrganisationName(name)}|${area ?? ''}` : null,
    ].filter((k): k is string => k !== null);
    return { values, problems, importable, keys };
  },

  async match(tx: EntityManager, rows: RowToMatch[]): Promise<Map<number, Match>> {
    if (!rows.length) return new Map();
    // The trigram index answers `%` with this threshold, so the lateral join stays an index probe per row.
    // (No ORDER BY on the domain probe: with one, the planner walks the created_at index instead.)
    await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(NAME_MATCH_SIMILARITY)]);
    const found: Array<{ n: number; id: string; reason: Match['reason']; score: number }> = await tx.query(
      `SELECT r.n, m.id, m.reason, m.score
         FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[]) AS r(n, ch, domain, key, area)
         CROSS JOIN LATERAL (
           (SELECT o.id, 'companies_house_number' AS reason, 1::real AS score, 1 AS rank FROM organisations o
             WHERE r.ch IS NOT NULL AND o.companies_house_number = r.ch AND o.deleted_at IS NULL LIMIT 1)
           UNION ALL
           (SELECT o.id, 'domain', 1::real, 2 FROM organisations o
             WHERE r.domain IS NOT NULL AND o.website IS NOT NULL AND o.deleted_at IS NULL AND bce_domain(o.website) = r.domain
             LIMIT 1)
           UNION ALL
           (SELECT o.id, 'name', similarity(bce_name_key(o.name), r.key), 3 FROM organisations o
             WHERE r.key <> '' AND o.deleted_at IS NULL AND bce_name_key(o.name) % r.key
               AND (r.area IS NULL OR o.postcode IS NULL OR bce_postcode_area(o.postcode) = r.area)
             ORDER BY 3 DESC, o.created_at LIMIT 1)
           ORDER BY rank LIMIT 1) m`,
      [
        rows.map((r) => r.rowNumber),
        rows.map((r) => r.values.companiesHouseNumber ?? null),
        rows.map((r) => domainOf(r.values.website as string | null)),
        rows.map((r) => normaliseOrganisationName(String(r.values.name ?? ''))),
        rows.map((r) => postcodeArea(r.values.postcode as string | null)),
      ],
    );
    return new Map(found.map((f) => [f.n, { id: f.id, reason: f.reason, score: Math.round(Number(f.score) * 100) / 100 }]));
  },

  async create(tx: EntityManager, rows: RowToMatch[], ctx: ImportContext): Promise<Map<number, string>> {
    if (!rows.length) return new Map();
    const taken = await takenCompaniesHouseNumbers(tx, rows.map((r) => r.values.companiesHouseNumber as string | null));
    const records = rows.map((r) => {
      const ch = r.values.companiesHouseNumber as string | null;
      // A number another organisation (or an earlier row) holds is unique: leave it off rather than fail the chunk.
      const companiesHouseNumber = ch && !taken.has(ch) ? ch : null;
      if (companiesHouseNumber) taken.add(companiesHouseNumber);
      return { ...r.values, companiesHouseNumber, id: randomUUID() };
    });
    await tx.query(
      `INSERT INTO organisations (id, name, legal_name, type, sector, size_band, companies_house_number, website, address_line1,
                                  address_line2, town, postcode, tags, department_id, confidential)
       SELECT x.id, x."name", x."legalName", x."type", x."sector", x."sizeBand", x."companiesHouseNumber", x."website", x."addressLine1",
              x."addressLine2", x."town", x."postcode", ARRAY(SELECT jsonb_array_elements_text(coalesce(x."tags", '[]'))), $2, false
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "name" text, "legalName" text, "type" text, "sector" text, "sizeBand" text,
              "companiesHouseNumber" text, "website" text, "addressLine1" text, "addressLine2" text, "town" text, "postcode" text, "tags" jsonb)`,
      [JSON.stringify(records), ctx.departmentId],
    );
    await auditMany(tx, ctx.actorId, 'organisation', 'create', records.map((r) => ({ id: r.id, changes: { ...asChanges(nonEmpty({ ...r, id: undefined })), importBatch: { old: null, new: ctx.batchId } } })));
    return new Map(rows.map((r, i) => [r.rowNumber, records[i].id]));
  },

  async fillGaps(tx: EntityManager, rows: Array<RowToMatch & { recordId: string }>, ctx: ImportContext) {
    const result = new Map<number, Record<string, unknown> | null>();
    if (!rows.length) return result;
    const existing: Array<Record<string, unknown> & { id: string }> = await tx.query(
      `SELECT id, ${FILLABLE.map((f) => `${COLUMNS[f]} AS "${f}"`).join(', ')} FROM organisations WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.recordId)],
    );
    const byId = new Map(existing.map((e) => [e.id, e]));
    const taken = await takenCompaniesHouseNumbers(tx, rows.map((r) => r.values.companiesHouseNumber as string | null));
    const updates: Array<Record<string, unknown>> = [];
    const claimed = new Set<string>(); // two rows filling one record: the first wins
    for (const row of rows) {
      const record = byId.get(row.recordId);
      const filled: Record<string, unknown> = {};
      for (const field of FILLABLE) {
        const value = row.values[field];
        const unique = field === 'companiesHouseNumber' && taken.has(value as string);
        if (record && record[field] === null && value !== null && value !== undefined && !unique && !claimed.has(`${row.recordId}.${field}`)) {
          filled[field] = value;
          claimed.add(`${row.recordId}.${field}`);
          if (field === 'companiesHouseNumber') taken.add(value as string);
        }
      }
      result.set(row.rowNumber, Object.keys(filled).length ? filled : null);
      if (Object.keys(filled).length) updates.push({ id: row.recordId, ...filled });
    }
    if (updates.length) {
      await tx.query(
        `UPDATE organisations o SET ${FILLABLE.map((f) => `${COLUMNS[f]} = COALESCE(o.${COLUMNS[f]}, v."${f}")`).join(', ')},
                version = o.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, ${FILLABLE.map((f) => `"${f}" text`).join(', ')})
          WHERE o.id = v.id`,
        [JSON.stringify(updates)],
      );
      await auditMany(tx, ctx.actorId, 'organisation', 'update', updates.map(({ id, ...filled }) => ({ id: id as string, changes: asChanges(filled) })));
    }
    return result;
  },

  async undoCreated(tx: EntityManager, ids: string[], ctx: ImportContext) {
    await archiveImported(tx, 'organisations', 'organisation', ids, ctx);
  },

  async undoFilled(tx: EntityManager, recordId: string, filled: Record<string, unknown>, ctx: ImportContext) {
    const fields = Object.keys(filled).filter((f) => FILLABLE.includes(f));
    if (!fields.length) return;
    // Only where the field still holds what the import put there: a later edit by a person stays.
    const sets = fields.map((f, i) => `${COLUMNS[f]} = CASE WHEN ${COLUMNS[f]}::text IS NOT DISTINCT FROM $${i + 2}::text THEN NULL ELSE ${COLUMNS[f]} END`);
    await tx.query(`UPDATE organisations SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`, [recordId, ...fields.map((f) => String(filled[f]))]);
    await auditMany(tx, ctx.actorId, 'organisation', 'update', [{ id: recordId, changes: asChanges(Object.fromEntries(fields.map((f) => [f, filled[f]])), 'old') }]);
  },

  async labels(tx: EntityManager, ids: string[]) {
    const rows: Array<{ id: string; label: string }> = await tx.query(
      `SELECT id, name || coalesce(' (' || postcode || ')', '') AS label FROM organisations WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.label]));
  },
};

/** The Companies House numbers among `numbers` that a live organisation already holds. */
async function takenCompaniesHouseNumbers(tx: EntityManager, numbers: Array<string | null>): Promise<Set<string>> {
  const wanted = numbers.filter((n): n is string => !!n);
  if (!wanted.length) return new Set();
  const rows: Array<{ n: string }> = await tx.query(
    `SELECT companies_house_number AS n FROM organisations WHERE companies_house_number = ANY($1::text[]) AND deleted_at IS NULL`, [wanted]);
  return new Set(rows.map((r) => r.n));
}
