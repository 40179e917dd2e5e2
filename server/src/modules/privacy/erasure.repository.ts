import { EntityManager } from 'typeorm';
import { returning } from '../../common/database/returning';
import { ERASED } from './scrub-text';

export interface ErasedPerson { id: string; firstName: string; lastName: string; emails: string[]; phones: string[]; erasedAt: Date | null }
export interface ErasureRow { id: string; contactId: string; erasedAt: Date; source: string; counts: Record<string, number> }
type Scrub = <T>(value: T) => T;

/** ILIKE patterns for "contains this, literally". */
const likeAny = (terms: string[]) => terms.filter((t) => t.trim().length >= 2).map((t) => `%${t.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
const count = (result: unknown) => (Array.isArray(result) && typeof result[1] === 'number' ? result[1] : returning(result).length);

/** The person and everyone merged into them (the same person's older records), locked for the erasure. */
export async function lockPeople(tx: EntityManager, contactId: string): Promise<ErasedPerson[]> {
  return tx.query(
    `WITH RECURSIVE same AS (SELECT id FROM contacts WHERE id = $1 UNION SELECT c.id FROM contacts c JOIN same s ON c.merged_into_id = s.id)
     SELECT c.id, c.first_name AS "firstName", c.last_name AS "lastName", c.emails, c.phones, c.erased_at AS "erasedAt"
       FROM contacts c JOIN same USING (id) ORDER BY c.id = $1 DESC, c.id FOR UPDATE OF c`, [contactId]);
}

export async function findErasure(tx: EntityManager, contactId: string): Promise<ErasureRow | null> {
  const [row] = await tx.query(`SELECT id, contact_id AS "contactId", erased_at AS "erasedAt", source, counts FROM erasures WHERE contact_id = $1`, [contactId]);
  return row ?? null;
}

/** The person's own rows: names become "Erased person", contact details and free text go; links, dates and ids stay so figures still add up. */
export async function anonymiseOwnRows(tx: EntityManager, ids: string[]): Promise<Record<string, number>> {
  const [first, last] = ERASED.split(' ');
  return {
    contacts: count(await tx.query(
      `UPDATE contacts SET first_name = $2, last_name = $3, emails = '{}', phones = '{}', job_title = NULL, preferred_channel = NULL, lawful_basis_evidence = NULL,
              tags = '{}', marketing_opt_in = false, erased_at = now(), version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids, first, last])),
    affiliations: count(await tx.query(`UPDATE affiliations SET role = NULL, version = version + 1, updated_at = now() WHERE contact_id = ANY($1::uuid[])`, [ids])),
    consent_records: count(await tx.query(`UPDATE consent_records SET method = 'erased' WHERE contact_id = ANY($1::uuid[])`, [ids])),
    subject_access_requests: count(await tx.query(`UPDATE subject_access_requests SET requester = $2 WHERE contact_id = ANY($1::uuid[])`, [ids, ERASED])),
    // The audit trail keeps that a field changed and when, never its values.
    audit_events: count(await tx.query(
      `UPDATE audit_events SET changes = (SELECT coalesce(jsonb_object_agg(k, jsonb_build_object('old', NULL, 'new', NULL)), '{}') FROM jsonb_object_keys(changes) k)
        WHERE changes <> '{}' AND ((entity_type = 'contact' AND entity_id = ANY($1::uuid[]))
           OR (entity_type = 'consent' AND entity_id IN (SELECT id FROM consent_records WHERE contact_id = ANY($1::uuid[])))
           OR (entity_type = 'affiliation' AND entity_id IN (SELECT id FROM affiliations WHERE contact_id = ANY($1::uuid[]))))`, [ids])),
  };
}

/**
 * Engagements and tasks about the person: their text scrubbed, audit values too. Ones they were at, tasks about them and
 * the ones the caller flagged lose each name alone as well (`strong`); ones found only by their text, the full name, emails and phones.
 */
export async function scrubRecordText(tx: EntityManager, ids: string[], flagged: { engagementIds: string[]; taskIds: string[] }, terms: string[], scrub: Scrub, strong: Scrub) {
  // Any engagement or task whose text holds the full name, an email or a phone is found too (a scan: erasures are rare).
  const mentions = likeAny(terms);
  const engagements: Array<{ id: string; summary: string; details: string | null; flagged: boolean }> = await tx.query(
    `SELECT e.id, e.summary, e.details, e.id = ANY($2::uuid[]) OR e.id IN (SELECT engagement_id FROM engagement_contacts WHERE contact_id = ANY($1::uuid[])) AS flagged FROM engagements e
      WHERE e.id = ANY($2::uuid[]) OR e.id IN (SELECT engagement_id FROM engagement_contacts WHERE contact_id = ANY($1::uuid[]))
         OR e.summary ILIKE ANY($3::text[]) OR e.details ILIKE ANY($3::text[]) FOR UPDATE`, [ids, flagged.engagementIds, mentions]);
  const tasks: Array<{ id: string; title: string; notes: string | null; flagged: boolean }> = await tx.query(
    `SELECT t.id, t.title, t.notes, t.id = ANY($2::uuid[]) OR t.contact_id = ANY($1::uuid[]) AS flagged FROM tasks t
      WHERE t.id = ANY($2::uuid[]) OR t.contact_id = ANY($1::uuid[]) OR t.title ILIKE ANY($3::text[]) OR t.notes ILIKE ANY($3::text[]) FOR UPDATE`, [ids, flagged.taskIds, mentions]);
  const engagementRows = await rewriteText(tx, 'engagements', engagements, { summary: 300, details: 20000 }, (r) => (r.flagged ? strong : scrub));
  const taskRows = await rewriteText(tx, 'tasks', tasks, { title: 300, notes: 5000 }, (r) => (r.flagged ? strong : scrub));
  const strongIds = [...engagements, ...tasks].filter((r) => r.flagged).map((r) => r.id);
  const auditRows = await scrubJson(tx, 'audit_events', 'id', ['changes'],
    `entity_type IN ('engagement', 'task', 'opportunity', 'export') AND (entity_id = ANY($1::uuid[]) OR changes::text ILIKE ANY($2::text[]))`, [[...engagements, ...tasks].map((r) => r.id), mentions], (row) => (strongIds.includes(row.entity_id as string) ? strong : scrub), ['entity_id']);
  return { engagements: engagementRows, tasks: taskRows, audit_events: auditRows };
}

/** Writes back the text columns (each cut to its length limit) of the rows the scrub changed; how many. */
async function rewriteText<R extends { id: string; flagged: boolean }>(tx: EntityManager, table: 'engagements' | 'tasks', rows: R[],
  limits: Partial<Record<keyof R & string, number>>, scrubFor: (row: R) => Scrub): Promise<number> {
  const columns = Object.keys(limits) as Array<keyof R & string>;
  let changed = 0;
  for (const row of rows) {
    const scrub = scrubFor(row);
    const after = columns.map((c) => (row[c] === null ? null : String(scrub(row[c])).slice(0, limits[c])));
    if (columns.every((c, i) => after[i] === row[c])) continue;
    await tx.query(`UPDATE ${table} SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now() WHERE id = $1`, [row.id, ...after]);
    changed++;
  }
  return changed;
}

/**
 * Copies of the person kept elsewhere: merge snapshots, imported spreadsheet rows (their own rows
 * emptied, other rows that name them scrubbed) and the uploaded files those rows came from (the
 * bytes of a spreadsheet cannot be edited, so the file goes; its rows stay), queued webhook payloads.
 */
export async function scrubCopies(tx: EntityManager, ids: string[], emails: string[], terms: string[], scrub: Scrub): Promise<Record<string, number>> {
  const empty: Scrub = (value) => blank(value) as typeof value;
  const mentions = likeAny(terms);
  const batches: Array<{ batch_id: string }> = await tx.query(
    `SELECT DISTINCT batch_id FROM import_rows WHERE record_id = ANY($1::uuid[]) OR match_id = ANY($1::uuid[]) OR cells::text ILIKE ANY($2::text[])`, [ids, mentions]);
  const files = batches.length ? count(await tx.query(
    `DELETE FROM import_files f USING import_batches b WHERE f.batch_id = b.id AND b.id = ANY($1::uuid[]) AND b.status NOT IN ('parsing')`, [batches.map((b) => b.batch_id)])) : 0;
  return {
    import_files: files,
    import_rows_mentioning: await scrubJson(tx, 'import_rows', 'ctid', ['cells', 'values', 'previous'],
      `(record_id = ANY($1::uuid[]) OR match_id = ANY($1::uuid[])) IS NOT TRUE AND (cells::text ILIKE ANY($2::text[]) OR "values"::text ILIKE ANY($2::text[]))`, [ids, mentions], () => scrub),
    // A merge's snapshots are the person's own records: emptied (undoing the merge is refused once the survivor changed).
    merges: await scrubJson(tx, 'merges', 'id', ['survivor_before', 'merged_before'],
      `kind = 'contact' AND (survivor_id = ANY($1::uuid[]) OR merged_id = ANY($1::uuid[]))`, [ids], () => empty),
    import_rows: await scrubJson(tx, 'import_rows', 'ctid', ['cells', 'values', 'previous'], `(record_id = ANY($1::uuid[]) OR match_id = ANY($1::uuid[]))`, [ids], () => empty),
    import_row_keys: emails.length ? count(await tx.query(`DELETE FROM import_row_keys WHERE key ILIKE ANY($1::text[])`, [likeAny(emails)])) : 0,
    webhook_deliveries: await scrubJson(tx, 'webhook_deliveries', 'id', ['payload'], `payload::text ~ $1`, [ids.join('|')], () => scrub),
  };
}

/** Every string leaf emptied, the shape kept (an imported row's cells). */
function blank(value: unknown): unknown {
  if (typeof value === 'string') return '';
  if (Array.isArray(value)) return value.map(blank);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blank(v)]));
  return value;
}

const KEY_TYPES: Record<string, string> = { audit_events: 'bigint', merges: 'uuid', import_rows: 'tid', webhook_deliveries: 'uuid' };

/** Reads jsonb columns of matching rows, scrubs them in JavaScript (so the JSON stays valid) and writes back the ones that changed. */
async function scrubJson(tx: EntityManager, table: string, key: 'id' | 'ctid', columns: string[], where: string, params: unknown[],
  scrubFor: (row: Record<string, unknown>) => Scrub, extra: string[] = []): Promise<number> {
  const rows: Array<Record<string, unknown>> = await tx.query(
    `SELECT ${key}::text AS key, ${[...columns.map((c) => `"${c}"`), ...extra].join(', ')} FROM ${table} WHERE ${where} FOR UPDATE`, params);
  let changed = 0;
  for (const row of rows) {
    const scrub = scrubFor(row);
    const after = columns.map((c) => (row[c] === null ? null : scrub(row[c])));
    if (columns.every((c, i) => JSON.stringify(row[c]) === JSON.stringify(after[i]))) continue;
    await tx.query(`UPDATE ${table} SET ${columns.map((c, i) => `"${c}" = $${i + 2}::jsonb`).join(', ')} WHERE ${key} = $1::${KEY_TYPES[table]}`,
      [row.key, ...after.map((v) => (v === null ? null : JSON.stringify(v)))]);
    changed++;
  }
  return changed;
}

export async function insertErasure(tx: EntityManager, contactId: string, userId: string, source: string, counts: Record<string, number>): Promise<ErasureRow> {
  const [row] = await tx.query(
    `INSERT INTO erasures (contact_id, erased_by, source, counts) VALUES ($1, $2, $3, $4) RETURNING id, contact_id AS "contactId", erased_at AS "erasedAt", source, counts`,
    [contactId, userId, source, JSON.stringify(counts)]);
  return row;
}
