import { EntityManager } from 'typeorm';
import { AREA_NAME_KEY_TRGM_INDEX, flushGinPending } from '../../../common/database/gin-pending';
import { normaliseOrganisationName } from '../cells';
import { ImportField, ParsedRow, Problem, RowToMatch } from '../importer';

/**
 * Resolving what a row names (an organisation, a department) to the live record, for the importers
 * of records that belong to one. One query per chunk: the distinct names go in as an array.
 */
type Row = RowToMatch & { parsed: ParsedRow };

/** The columns that name the record's organisation and department, as the importers' fields. */
export const organisationField = (required: boolean): ImportField => ({ name: 'organisation', label: 'Organisation (name or Companies House number)', required });
export const DEPARTMENT_FIELD: ImportField = { name: 'department', label: "Department code or name (the import's department when empty)", required: false };

/** A name this close (pg_trgm similarity of the normalised names) or closer is taken to be that organisation. */
export const ORGANISATION_NAME_SIMILARITY = 0.75;

/** What a spreadsheet may hold for a Companies House number: Excel drops the leading zeros of 01234567. */
export function companiesHouseNumberIn(text: string): string | null {
  const compact = text.toUpperCase().replace(/\s/g, '');
  if (/^\d{1,8}$/.test(compact)) return compact.padStart(8, '0');
  return /^[A-Z]{2}\d{6}$/.test(compact) ? compact : null;
}

/**
 * Each text's live organisation id: the same normalised name (the oldest when several share it),
 * else the Companies House number, else the most similar name. Null where none is close enough.
 */
export async function findOrganisations(tx: EntityManager, texts: string[]): Promise<Map<string, string>> {
  const distinct = [...new Set(texts)];
  if (!distinct.length) return new Map();
  // The trigram index answers `%` at this threshold, so each lookup stays an index probe (of the
  // area index's name column: every organisation, whatever its postcode). Each probe runs only when
  // the ones before it found nothing (the one-time filters on byKey.id and byCh.id).
  await tx.query(`SELECT set_config('pg_trgm.similarity_threshold', $1, true)`, [String(ORGANISATION_NAME_SIMILARITY)]);
  await flushGinPending(tx, AREA_NAME_KEY_TRGM_INDEX);
  const found: Array<{ text: string; id: string }> = await tx.query(
    `SELECT r.text, coalesce(byKey.id, byCh.id, byName.id) AS id
       FROM unnest($1::text[], $2::text[], $3::text[]) AS r(text, key, ch)
       LEFT JOIN LATERAL (
         SELECT o.id FROM organisations o
          WHERE r.key <> '' AND bce_name_key(o.name) = r.key AND o.deleted_at IS NULL ORDER BY o.created_at, o.id LIMIT 1) byKey ON true
       LEFT JOIN LATERAL (
         SELECT o.id FROM organisations o
          WHERE byKey.id IS NULL AND r.ch IS NOT NULL AND o.companies_house_number = r.ch AND o.deleted_at IS NULL LIMIT 1) byCh ON true
       LEFT JOIN LATERAL (
         SELECT o.id FROM organisations o
          WHERE byKey.id IS NULL AND byCh.id IS NULL AND r.key <> '' AND bce_name_key(o.name) % r.key AND o.deleted_at IS NULL
          ORDER BY similarity(bce_name_key(o.name), r.key) DESC, o.created_at LIMIT 1) byName ON true
      WHERE coalesce(byKey.id, byCh.id, byName.id) IS NOT NULL`,
    [distinct, distinct.map(normaliseOrganisationName), distinct.map(companiesHouseNumberIn)],
  );
  return new Map(found.map((f) => [f.text, f.id]));
}

/**
 * Puts the organisation each row names into values.organisationId. A name with no organisation is
 * a problem on `organisation`; `blocking` says whether the row can still come in without it.
 */
export async function resolveOrganisations(tx: EntityManager, rows: Row[], options: { blocking: boolean }): Promise<void> {
  const named = rows.filter((r) => typeof r.values.organisation === 'string');
  const ids = await findOrganisations(tx, named.map((r) => r.values.organisation as string));
  for (const row of rows) {
    const text = row.values.organisation as string | null;
    row.values.organisationId = text ? ids.get(text) ?? null : null;
    if (text && !row.values.organisationId) {
      addProblem(row, { field: 'organisation', message: `No organisation called "${text}": import the organisations first, or add it`, blocking: options.blocking });
    }
  }
}

/** Each row's department: the column's code or name (any case), else the batch's department. */
export async function resolveDepartments(tx: EntityManager, rows: Row[], batchDepartmentId: string | null): Promise<void> {
  const texts = [...new Set(rows.map((r) => r.values.department).filter((t): t is string => typeof t === 'string'))];
  const departments: Array<{ id: string; code: string; name: string }> = texts.length
    ? await tx.query(
      `SELECT id, code, name FROM departments WHERE deleted_at IS NULL AND (upper(code) = ANY($1::text[]) OR lower(name) = ANY($2::text[])) ORDER BY created_at`,
      [texts.map((t) => t.toUpperCase()), texts.map((t) => t.toLowerCase())])
    : [];
  const byText = new Map<string, string>();
  for (const d of departments) {
    for (const key of [d.code.toLowerCase(), d.name.toLowerCase()]) if (!byText.has(key)) byText.set(key, d.id);
  }
  for (const row of rows) {
    const text = row.values.department as string | null;
    row.values.departmentId = text ? byText.get(text.toLowerCase()) ?? null : batchDepartmentId;
    if (text && !row.values.departmentId) {
      addProblem(row, { field: 'department', message: `No department with the code or name "${text}"`, blocking: true });
    } else if (!row.values.departmentId) {
      addProblem(row, { field: 'department', message: 'department must be given: map a department column or start the import for a department', blocking: true });
    }
  }
}

/** A problem found while resolving: a blocking one makes the row one that can only be skipped. */
export function addProblem(row: Row, problem: Problem): void {
  row.parsed.problems.push(problem.blocking ? problem : { field: problem.field, message: problem.message });
  if (problem.blocking) row.parsed.importable = false;
}

/** Which live contact holds each of these (lower-case) emails. */
export async function emailHolders(tx: EntityManager, emails: Array<string | null>): Promise<Map<string, string>> {
  const wanted = [...new Set(emails.filter((e): e is string => !!e))];
  if (!wanted.length) return new Map();
  const rows: Array<{ email: string; id: string }> = await tx.query(
    `SELECT e.email, c.id FROM contacts c CROSS JOIN LATERAL unnest(c.emails) AS e(email)
      WHERE c.emails && $1::text[] AND c.deleted_at IS NULL AND e.email = ANY($1::text[]) ORDER BY c.created_at DESC`, [wanted]);
  // Newest first, so the oldest holder of an email is the one kept.
  return new Map(rows.map((r) => [r.email, r.id]));
}
