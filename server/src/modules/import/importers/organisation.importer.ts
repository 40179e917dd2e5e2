import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CreateOrganisationInput } from '../../organisation/dto/organisation.input';
import { companyNumberFromUri, normaliseCompanyNumber } from '../../organisation/companies-house-number';
import { distinctCompanies, distinctCompaniesSql, isGone, organisationTypeOfCategory, parseCompanyStatus } from '../../organisation/company-register';
import { CompanyStatus, OrganisationType } from '../../organisation/organisation.enums';
import { parseSicCodes } from '../../organisation/sic/sic-2007';
import { cleanText, domainOf, normaliseOrganisationName, parseDate, parsePostcode, postcodeArea } from '../cells';
import { parseOrganisationType, parseSector, parseSizeBand, sectionOfCodes } from '../choices';
import {
  archiveImported, asChanges, auditMany, ImportContext, Importer, Match, nonEmpty, ParsedRow, Problem, RowToMatch, SameRecord, validateAs,
} from '../importer';
import { StoredCell } from '../read-spreadsheet';
import {
  AREA_BUCKET_NAME_KEY_TRGM_INDEXES, AREA_BUCKETS, AREA_NAME_KEY_TRGM_INDEX, flushGinPending, UNPLACED_NAME_KEY_TRGM_INDEX,
} from '../../../common/database/gin-pending';

/** A similar name (pg_trgm, on the normalised name) this close or closer, in the same postcode area, is taken as the same organisation. */
export const NAME_MATCH_SIMILARITY = 0.75;

/** The organisation columns an import writes, field → column. */
const COLUMNS: Record<string, string> = {
  name: 'name', legalName: 'legal_name', type: 'type', sector: 'sector', sizeBand: 'size_band',
  companiesHouseNumber: 'companies_house_number', companyStatus: 'company_status', companyCategory: 'company_category',
  incorporationDate: 'incorporation_date', sicCodes: 'sic_codes', website: 'website', addressLine1: 'address_line1',
  addressLine2: 'address_line2', town: 'town', postcode: 'postcode', tags: 'tags',
};
/** Fields an import may fill on an existing organisation when they are empty there, with their SQL types. */
const FILLABLE: Record<string, string> = {
  legalName: 'text', sector: 'text', sizeBand: 'text', companiesHouseNumber: 'text', companyStatus: 'text', companyCategory: 'text',
  incorporationDate: 'date', sicCodes: 'text[]', website: 'text', addressLine1: 'text', addressLine2: 'text', town: 'text', postcode: 'text',
};
const FILLABLE_FIELDS = Object.keys(FILLABLE);
const REQUIRED = new Set(['name', 'type']);
const SIC_FIELDS = ['sicCode1', 'sicCode2', 'sicCode3', 'sicCode4'];

const isEmpty = (v: unknown) => v === null || v === undefined || (Array.isArray(v) && v.length === 0);

/** The number in a company-number cell or a registry URI; Excel's dropped zeros and spaces put right. */
function companiesHouseNumber(cell: StoredCell): { ok: true; value: string | null } | { ok: false; reason: string } {
  const text = cleanText(cell);
  if (text && /^https?:\/\//i.test(text)) {
    const fromUri = companyNumberFromUri(text);
    return fromUri ? { ok: true, value: fromUri } : { ok: false, reason: `"${text}" is not a Companies House registry address` };
  }
  return normaliseCompanyNumber(text);
}

/** Every SIC column's codes, main first, each once; at most the four Companies House records. */
function sicCodesOf(cells: Record<string, StoredCell>, problems: Problem[]): string[] {
  const codes: string[] = [];
  for (const field of SIC_FIELDS) {
    const parsed = parseSicCodes(cleanText(cells[field]));
    if (!parsed.ok) problems.push({ field, message: parsed.reason });
    else for (const code of parsed.codes) if (!codes.includes(code)) codes.push(code);
  }
  if (codes.length > 4) problems.push({ field: 'sicCode1', message: `${codes.length} SIC codes: Companies House records at most 4, the first 4 are kept` });
  return codes.slice(0, 4);
}

const splitTags = (cell: StoredCell) => [...new Set((cleanText(cell) ?? '').split(/[;,|]/).map((t) => t.trim()).filter(Boolean))];

/** The trigram indexes the name probes of MATCH_SQL read: flushed before each chunk's probes. */
const MATCH_NAME_INDEXES = [AREA_NAME_KEY_TRGM_INDEX, UNPLACED_NAME_KEY_TRGM_INDEX, ...AREA_BUCKET_NAME_KEY_TRGM_INDEXES];

const distinct = distinctCompaniesSql({ ch: 'r.ch', status: 'r.status' }, { ch: 'o.companies_house_number', status: 'o.company_status' });
const statusUnsure = `coalesce(bce_company_gone(r.status), false) <> coalesce(bce_company_gone(o.company_status), false)`;
/** The columns a similar-name probe returns: the record's and its name key (for the score). */
const PROBED = 'o.id, o.name, o.postcode, o.companies_house_number, o.company_status, o.created_at';
/** One similar-name probe of organisations, `place` narrowing where the record may be (a condition on o and r). */
const nameProbe = (place: string) => `SELECT ${PROBED}, bce_name_key(o.name) AS name_key FROM organisations o
  WHERE o.deleted_at IS NULL AND bce_name_key(o.name) % r.key AND ${place}`;

/**
 * The probe of the records in the row's postcode area, one UNION ALL branch a bucket of areas:
 * only the row's bucket runs (a one-time filter on r), and reads that bucket's partial trigram
 * index of organisation_area_names (the bucket a constant, so the planner can prove the index's
 * predicate), whose stored key the recheck compares. A record in the row's area is in the row's
 * bucket, so the bucket condition drops none of the area's records.
 */
const areaProbes = Array.from({ length: AREA_BUCKETS }, (_, b) => `SELECT ${PROBED}, a.name_key
    FROM organisation_area_names a JOIN organisations o ON o.id = a.organisation_id
   WHERE bce_area_bucket(r.area) = ${b} AND bce_area_bucket(a.area) = ${b} AND a.area = r.area AND a.name_key % r.key AND o.deleted_at IS NULL`)
  .join('\n              UNION ALL ');

/**
 * Each row's existing organisation: by Companies House number, else by domain, else by the most
 * similar name (then the oldest record). A record with another company number, or a dissolved
 * company beside a live one, is never a candidate (bce_distinct_companies); a name match without
 * both postcode areas, or against a record whose status is unknown when the row's company no
 * longer exists, is only proposed.
 *
 * Each key is probed only when the stronger ones found nothing (the one-time filters on ch.id and
 * dom.id). A name is compared within the row's postcode area, plus records with no postcode. The
 * area's records come from its bucket's partial index (areaProbes; 1735500000000-import-match-area-buckets):
 * a trigram index of the whole country, even with the area as a GIN column of its own
 * (organisations_area_name_key_trgm_idx), decodes every "eng" and "ing" of the country: ~2.2 ms
 * CPU a row at 100,000 organisations, against ~0.15 ms in a bucket's index. The records without a
 * postcode have their own partial index. Only a row without a postcode area is compared with every
 * organisation (the area index's name column alone). (No ORDER BY on the domain probe: with one,
 * the planner walks the created_at index instead.)
 */
const MATCH_SQL = `
  SELECT r.n, coalesce(ch.id, dom.id, nm.id) AS id,
         CASE WHEN ch.id IS NOT NULL THEN 'companies_house_number' WHEN dom.id IS NOT NULL THEN 'domain' ELSE 'name' END AS reason,
         coalesce(nm.score, 1) AS score, coalesce(dom.proposed, nm.proposed, false) AS proposed
    FROM unnest($1::int[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[]) AS r(n, ch, domain, key, area, status)
    LEFT JOIN LATERAL (
      SELECT o.id FROM organisations o WHERE r.ch IS NOT NULL AND o.companies_house_number = r.ch AND o.deleted_at IS NULL LIMIT 1) ch ON true
    LEFT JOIN LATERAL (
      SELECT o.id, ${statusUnsure} AS proposed FROM organisations o
       WHERE ch.id IS NULL AND r.domain IS NOT NULL AND o.website IS NOT NULL AND o.deleted_at IS NULL AND bce_domain(o.website) = r.domain AND NOT ${distinct}
       LIMIT 1) dom ON true
    LEFT JOIN LATERAL (
      SELECT o.id, similarity(o.name_key, r.key) AS score, r.area IS NULL OR o.postcode IS NULL OR ${statusUnsure} AS proposed
        FROM (${areaProbes}
              UNION ALL ${nameProbe('r.area IS NOT NULL AND o.postcode IS NULL')}
              UNION ALL ${nameProbe('r.area IS NULL')}) o
       WHERE ch.id IS NULL AND dom.id IS NULL AND r.key <> '' AND NOT ${distinct}
       ORDER BY 2 DESC, o.created_at, o.id LIMIT 1) nm ON true
   WHERE coalesce(ch.id, dom.id, nm.id) IS NOT NULL`;

export const organisationImporter: Importer = {
  entity: 'organisations',
  entityType: 'organisation',
  fields: [
    { name: 'name', label: 'Name', required: true },
    { name: 'legalName', label: 'Legal name', required: false },
    { name: 'type', label: 'Type (from the company category, else employer, when empty)', required: false },
    { name: 'companiesHouseNumber', label: 'Companies House number (or registry URI)', required: false },
    { name: 'companyStatus', label: 'Company status (Active, Dissolved, …)', required: false },
    { name: 'companyCategory', label: 'Company category (Private Limited Company, …)', required: false },
    { name: 'incorporationDate', label: 'Incorporation date', required: false },
    { name: 'website', label: 'Website', required: false },
    { name: 'sicCode1', label: 'SIC code (main)', required: false },
    { name: 'sicCode2', label: 'SIC code 2', required: false },
    { name: 'sicCode3', label: 'SIC code 3', required: false },
    { name: 'sicCode4', label: 'SIC code 4', required: false },
    { name: 'sector', label: 'Sector (from the main SIC code when empty)', required: false },
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
    const companyCategory = cleanText(cells.companyCategory);
    const sicCodes = sicCodesOf(cells, problems);
    const raw: Record<string, unknown> = {
      name: cleanText(cells.name) ?? '',
      legalName: cleanText(cells.legalName),
      // An empty type takes what the company category says (a plc is a business, a CIO a community body).
      type: cleanText(cells.type) === null ? organisationTypeOfCategory(companyCategory) ?? OrganisationType.employer : choice('type', parseOrganisationType(cells.type)),
      companiesHouseNumber: choice('companiesHouseNumber', companiesHouseNumber(cells.companiesHouseNumber)),
      companyStatus: choice('companyStatus', parseCompanyStatus(cleanText(cells.companyStatus))),
      companyCategory,
      incorporationDate: choice('incorporationDate', parseDate(cells.incorporationDate)),
      sicCodes,
      website: cleanText(cells.website),
      sector: cleanText(cells.sector) === null ? sectionOfCodes(sicCodes) : choice('sector', parseSector(cells.sector)),
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
      if (!problems.some((q) => q.field === p.field)) problems.push(p);
      if (!REQUIRED.has(p.field)) values[p.field] = p.field === 'tags' || p.field === 'sicCodes' ? [] : null;
    }
    const importable = !problems.some((p) => REQUIRED.has(p.field));
    const name = String(values.name ?? '');
    const area = postcodeArea(values.postcode as string | null);
    const domain = domainOf(values.website as string | null);
    // Strongest first: the earlier row a later one joins is found by the first key they share.
    const keys = [
      values.companiesHouseNumber ? `ch:${values.companiesHouseNumber}` : null,
      domain ? `domain:${domain}` : null,
      normaliseOrganisationName(name) ? `name:${normaliseOrganisationName(name)}|${area ?? ''}` : null,
    ].filter((k): k is string => k !== null);
    return { values, problems, importable, keys };
  },

  sameRecord(key: string, later: Record<string, unknown>, earlier: Record<string, unknown>): SameRecord {
    if (distinctCompanies(identity(later), identity(earlier))) return 'distinct';
    if (key.startsWith('ch:')) return 'same';
    // A name with no postcode area could be anywhere in the country; a company that no longer exists
    // beside one whose status is unknown may be its successor: a person decides.
    const unconfirmed = key.startsWith('name:') && (!postcodeArea(later.postcode as string | null) || !postcodeArea(earlier.postcode as string | null));
    return unconfirmed || isGone(later.companyStatus as string) !== isGone(earlier.companyStatus as string) ? 'proposed' : 'same';
  },

  async match(tx: EntityManager, rows: RowToMatch[]): Promise<Map<number, Match>> {
    if (!rows.length) return new Map();
    // The trigram indexes answer `%` with this threshold, so each probe stays an index probe per row.
    await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(NAME_MATCH_SIMILARITY)]);
    await flushGinPending(tx, MATCH_NAME_INDEXES);
    const found: Array<{ n: number; id: string; reason: Match['reason']; score: number; proposed: boolean }> = await tx.query(MATCH_SQL, [
      rows.map((r) => r.rowNumber),
      rows.map((r) => r.values.companiesHouseNumber ?? null),
      rows.map((r) => domainOf(r.values.website as string | null)),
      rows.map((r) => normaliseOrganisationName(String(r.values.name ?? ''))),
      rows.map((r) => postcodeArea(r.values.postcode as string | null)),
      rows.map((r) => r.values.companyStatus ?? null),
    ]);
    return new Map(found.map((f) => [f.n, { id: f.id, reason: f.reason, score: Math.round(Number(f.score) * 100) / 100, proposed: f.proposed }]));
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
      `INSERT INTO organisations (id, name, legal_name, type, sector, size_band, companies_house_number, company_status, company_category,
                                  incorporation_date, sic_codes, website, address_line1, address_line2, town, postcode, tags, department_id, confidential)
       SELECT x.id, x."name", x."legalName", x."type", x."sector", x."sizeBand", x."companiesHouseNumber", x."companyStatus", x."companyCategory",
              x."incorporationDate", coalesce(x."sicCodes", '{}'), x."website", x."addressLine1", x."addressLine2", x."town", x."postcode",
              ARRAY(SELECT jsonb_array_elements_text(coalesce(x."tags", '[]'))), $2, false
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "name" text, "legalName" text, "type" text, "sector" text, "sizeBand" text,
              "companiesHouseNumber" text, "companyStatus" text, "companyCategory" text, "incorporationDate" date, "sicCodes" text[],
              "website" text, "addressLine1" text, "addressLine2" text, "town" text, "postcode" text, "tags" jsonb)`,
      [JSON.stringify(records), ctx.departmentId],
    );
    await auditMany(tx, ctx.actorId, 'organisation', 'create', records.map((r) => ({ id: r.id, changes: { ...asChanges(nonEmpty({ ...r, id: undefined })), importBatch: { old: null, new: ctx.batchId } } })));
    return new Map(rows.map((r, i) => [r.rowNumber, records[i].id]));
  },

  async fillGaps(tx: EntityManager, rows: Array<RowToMatch & { recordId: string }>, ctx: ImportContext) {
    const result = new Map<number, Record<string, unknown> | null>();
    if (!rows.length) return result;
    const existing: Array<Record<string, unknown> & { id: string }> = await tx.query(
      `SELECT id, ${FILLABLE_FIELDS.map((f) => `${COLUMNS[f]} AS "${f}"`).join(', ')} FROM organisations WHERE id = ANY($1::uuid[])`,
      [rows.map((r) => r.recordId)],
    );
    const byId = new Map(existing.map((e) => [e.id, { ...e }]));
    const taken = await takenCompaniesHouseNumbers(tx, rows.map((r) => r.values.companiesHouseNumber as string | null));
    // Every row's fills on one record gather into one update: two rows of a batch filling different
    // gaps of the same record both land (an UPDATE … FROM with two source rows would apply one).
    const fills = new Map<string, Record<string, unknown>>();
    for (const row of rows) {
      const record = byId.get(row.recordId);
      const filled: Record<string, unknown> = {};
      for (const field of FILLABLE_FIELDS) {
        const value = row.values[field];
        const unique = field === 'companiesHouseNumber' && taken.has(value as string);
        // The first row to fill a gap fills it; the record as updated so far is what a later row sees.
        if (record && isEmpty(record[field]) && !isEmpty(value) && !unique) {
          filled[field] = value;
          record[field] = value;
          if (field === 'companiesHouseNumber') taken.add(value as string);
        }
      }
      result.set(row.rowNumber, Object.keys(filled).length ? filled : null);
      if (Object.keys(filled).length) fills.set(row.recordId, { ...fills.get(row.recordId), ...filled });
    }
    if (fills.size) {
      const updates = [...fills].map(([id, filled]) => ({ id, ...filled }));
      await tx.query(
        `UPDATE organisations o SET ${FILLABLE_FIELDS.map((f) => `${COLUMNS[f]} = ${FILLABLE[f] === 'text[]'
          ? `CASE WHEN cardinality(o.${COLUMNS[f]}) = 0 AND v."${f}" IS NOT NULL THEN v."${f}" ELSE o.${COLUMNS[f]} END`
          : `COALESCE(o.${COLUMNS[f]}, v."${f}")`}`).join(', ')},
                version = o.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, ${FILLABLE_FIELDS.map((f) => `"${f}" ${FILLABLE[f]}`).join(', ')})
          WHERE o.id = v.id`,
        [JSON.stringify(updates)],
      );
      await auditMany(tx, ctx.actorId, 'organisation', 'update', updates.map(({ id, ...filled }) => ({ id, changes: asChanges(filled) })));
    }
    return result;
  },

  async undoCreated(tx: EntityManager, ids: string[], ctx: ImportContext) {
    await archiveImported(tx, 'organisations', 'organisation', ids, ctx);
  },

  async undoFilled(tx: EntityManager, recordId: string, filled: Record<string, unknown>, ctx: ImportContext) {
    const fields = Object.keys(filled).filter((f) => f in FILLABLE);
    if (!fields.length) return;
    // Only where the field still holds what the import put there: a later edit by a person stays.
    const sets = fields.map((f, i) => `${COLUMNS[f]} = CASE WHEN ${COLUMNS[f]} IS NOT DISTINCT FROM $${i + 2}::${FILLABLE[f]} THEN ${FILLABLE[f] === 'text[]' ? `'{}'` : 'NULL'} ELSE ${COLUMNS[f]} END`);
    await tx.query(`UPDATE organisations SET ${sets.join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`, [recordId, ...fields.map((f) => filled[f])]);
    await auditMany(tx, ctx.actorId, 'organisation', 'update', [{ id: recordId, changes: asChanges(Object.fromEntries(fields.map((f) => [f, filled[f]])), 'old') }]);
  },

  async labels(tx: EntityManager, ids: string[]) {
    const rows: Array<{ id: string; label: string }> = await tx.query(
      `SELECT id, name || coalesce(' (' || postcode || ')', '') AS label FROM organisations WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.label]));
  },
};

const identity = (values: Record<string, unknown>) => ({
  companiesHouseNumber: (values.companiesHouseNumber as string | null) ?? null,
  companyStatus: (values.companyStatus as CompanyStatus | null) ?? null,
});

/** The Companies House numbers among `numbers` that a live organisation already holds. */
async function takenCompaniesHouseNumbers(tx: EntityManager, numbers: Array<string | null>): Promise<Set<string>> {
  const wanted = numbers.filter((n): n is string => !!n);
  if (!wanted.length) return new Set();
  const rows: Array<{ n: string }> = await tx.query(
    `SELECT companies_house_number AS n FROM organisations WHERE companies_house_number = ANY($1::text[]) AND deleted_at IS NULL`, [wanted]);
  return new Set(rows.map((r) => r.n));
}
