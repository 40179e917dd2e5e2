import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { LogEngagementInput } from '../../engagement/dto/engagement.input';
import { EngagementType } from '../../engagement/engagement.enums';
import { Cell, cleanText, parseDate, parseEmail } from '../cells';
import { archiveImported, asChanges, auditMany, ImportContext, Importer, Match, nonEmpty, ParsedRow, Problem, RowToMatch, validateAs } from '../importer';
import { StoredCell } from '../read-spreadsheet';
import { parseEngagementType } from '../record-choices';
import { addProblem, DEPARTMENT_FIELD, emailHolders, organisationField, resolveDepartments, resolveOrganisations } from './references';
import { ukToday } from '../../../common/dates/uk-dates';

const SUMMARY_MAX = 300;
const REQUIRED = new Set(['occurredOn', 'summary']);

/** Notes keep their line breaks (cleanText would fold them into one line). */
function notesText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  const text = String(cell).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/\u00A0/g, ' ').trim();
  return text === '' ? null : text;
}

/** The latest day an engagement may have happened on, as the engagement form allows: today in the UK. */
const latestDay = () => ukToday();

interface EngagementValues {
  occurredOn: string; type: EngagementType; summary: string; details: string | null; organisation: string | null;
  contactEmail: string | null; department: string | null; organisationId?: string | null; departmentId?: string | null; contactId?: string | null;
}
const valuesOf = (row: RowToMatch) => row.values as unknown as EngagementValues;

/** The same organisation, day, type and summary: re-importing a file finds what the last import created. */
const sameRecordKey = (v: EngagementValues) => `same:${v.organisationId ?? ''}|${v.occurredOn}|${v.type}|${v.summary.toLowerCase()}`;

export const engagementImporter: Importer = {
  entity: 'engagements',
  entityType: 'engagement',
  fields: [
    { name: 'occurredOn', label: 'Date', required: true },
    { name: 'type', label: 'Type (a note when empty)', required: false },
    { name: 'summary', label: 'Summary (the start of the notes when empty)', required: true, orFilledBy: 'details' },
    { name: 'details', label: 'Notes / details', required: false },
    organisationField(false),
    { name: 'contactEmail', label: 'Contact email', required: false },
    DEPARTMENT_FIELD,
  ],

  parse(cells: Record<string, StoredCell>): ParsedRow {
    const problems: Problem[] = [];
    const date = parseDate(cells.occurredOn);
    if (!date.ok) problems.push({ field: 'occurredOn', message: date.reason });
    else if (!date.value) problems.push({ field: 'occurredOn', message: 'occurredOn must not be empty' });
    else if (date.value > latestDay()) problems.push({ field: 'occurredOn', message: `${date.value} is in the future: an engagement is logged once it has happened` });
    const type = parseEngagementType(cells.type);
    if (!type.ok) problems.push({ field: 'type', message: type.reason });
    let details = notesText(cells.details);
    let summary = cleanText(cells.summary);
    if (summary && summary.length > SUMMARY_MAX && !details) details = summary; // the whole text stays, in the details
    summary = (summary ?? cleanText(details))?.slice(0, SUMMARY_MAX).trim() ?? '';
    const contactEmail = parseEmail(cells.contactEmail);
    if (!contactEmail.ok) problems.push({ field: 'contactEmail', message: contactEmail.reason });
    const raw = { occurredOn: date.ok ? date.value ?? undefined : undefined, type: (type.ok && type.value) || EngagementType.note, summary, details };
    const { instance, problems: invalid } = validateAs(LogEngagementInput, raw);
    const values: EngagementValues = {
      occurredOn: raw.occurredOn ?? '', type: raw.type, summary: instance.summary, details: instance.details ?? null,
      organisation: cleanText(cells.organisation), contactEmail: contactEmail.ok ? contactEmail.value : null, department: cleanText(cells.department),
    };
    for (const p of invalid) {
      problems.push(p);
      if (p.field === 'details') values.details = null;
    }
    const importable = !problems.some((p) => REQUIRED.has(p.field));
    return { values: values as unknown as Record<string, unknown>, problems, importable, keys: [] };
  },

  async prepare(tx, rows, ctx) {
    // An engagement with an employer the CRM does not know yet waits for that organisation: imported without it, it would be lost from the timeline.
    await resolveOrganisations(tx, rows, { blocking: true });
    await resolveDepartments(tx, rows, ctx.departmentId);
    const holders = await emailHolders(tx, rows.map((r) => valuesOf(r).contactEmail));
    for (const row of rows) {
      const v = valuesOf(row);
      v.contactId = v.contactEmail ? holders.get(v.contactEmail) ?? null : null;
      if (v.contactEmail && !v.contactId) addProblem(row, { field: 'contactEmail', message: `No contact with the email ${v.contactEmail}: import the contacts first to link them` });
      if (row.parsed.importable) row.parsed.keys.push(sameRecordKey(v));
    }
  },

  async match(tx: EntityManager, rows: RowToMatch[]): Promise<Map<number, Match>> {
    if (!rows.length) return new Map();
    const found: Array<{ n: number; id: string }> = await tx.query(
      `SELECT r.n, m.id
         FROM unnest($1::int[], $2::uuid[], $3::date[], $4::text[], $5::text[]) AS r(n, org, day, type, summary)
         CROSS JOIN LATERAL (
           SELECT e.id FROM engagements e
            WHERE e.organisation_id IS NOT DISTINCT FROM r.org AND e.occurred_on = r.day AND e.type = r.type
              AND lower(e.summary) = r.summary AND e.deleted_at IS NULL
            ORDER BY e.created_at LIMIT 1) m`,
      [
        rows.map((r) => r.rowNumber), rows.map((r) => valuesOf(r).organisationId ?? null), rows.map((r) => valuesOf(r).occurredOn),
        rows.map((r) => valuesOf(r).type), rows.map((r) => valuesOf(r).summary.toLowerCase()),
      ],
    );
    return new Map(found.map((f) => [f.n, { id: f.id, reason: 'same_record', score: 1 }]));
  },

  async create(tx: EntityManager, rows: RowToMatch[], ctx: ImportContext): Promise<Map<number, string>> {
    if (!rows.length) return new Map();
    const records = rows.map((r) => {
      const v = valuesOf(r);
      return {
        id: randomUUID(), type: v.type, occurredOn: v.occurredOn, summary: v.summary, details: v.details,
        organisationId: v.organisationId ?? null, departmentId: v.departmentId ?? ctx.departmentId, createdBy: ctx.actorId, contactId: v.contactId ?? null,
      };
    });
    await tx.query(
      `INSERT INTO engagements (id, type, occurred_on, summary, details, organisation_id, department_id, confidential, created_by)
       SELECT x.id, x.type, x."occurredOn", x.summary, x.details, x."organisationId", x."departmentId", false, x."createdBy"
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, type text, "occurredOn" date, summary text, details text, "organisationId" uuid, "departmentId" uuid, "createdBy" uuid)`,
      [JSON.stringify(records)],
    );
    await linkContacts(tx, records.filter((r) => r.contactId).map((r) => ({ id: r.id, contactId: r.contactId! })));
    await auditMany(tx, ctx.actorId, 'engagement', 'create', records.map(({ id, createdBy: _c, contactId, ...fields }) => ({
      id, changes: { ...asChanges(nonEmpty({ ...fields, contactIds: contactId ? [contactId] : [] })), importBatch: { old: null, new: ctx.batchId } },
    })));
    return new Map(rows.map((r, i) => [r.rowNumber, records[i].id]));
  },

  async fillGaps(tx: EntityManager, rows: Array<RowToMatch & { recordId: string }>, ctx: ImportContext) {
    const result = new Map<number, Record<string, unknown> | null>();
    if (!rows.length) return result;
    const existing: Array<{ id: string; details: string | null; contacts: string[] }> = await tx.query(
      `SELECT e.id, e.details, ARRAY(SELECT ec.contact_id::text FROM engagement_contacts ec WHERE ec.engagement_id = e.id) AS contacts
         FROM engagements e WHERE e.id = ANY($1::uuid[])`, [[...new Set(rows.map((r) => r.recordId))]]);
    const byId = new Map(existing.map((e) => [e.id, e]));
    const details: Array<{ id: string; details: string }> = [];
    const links: Array<{ id: string; contactId: string }> = [];
    for (const row of rows) {
      const record = byId.get(row.recordId);
      const v = valuesOf(row);
      const filled: Record<string, unknown> = {};
      if (record && record.details === null && v.details) {
        filled.details = record.details = v.details; // a second row for the same engagement finds it filled
        details.push({ id: record.id, details: v.details });
      }
      if (record && v.contactId && !record.contacts.includes(v.contactId)) {
        filled.contactId = v.contactId;
        record.contacts.push(v.contactId);
        links.push({ id: record.id, contactId: v.contactId });
      }
      result.set(row.rowNumber, Object.keys(filled).length ? filled : null);
    }
    if (details.length) {
      await tx.query(
        `UPDATE engagements e SET details = v.details, version = e.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, details text) WHERE e.id = v.id AND e.details IS NULL`, [JSON.stringify(details)]);
    }
    await linkContacts(tx, links);
    const changed = new Map<string, Record<string, unknown>>();
    for (const d of details) changed.set(d.id, { details: d.details });
    for (const l of links) changed.set(l.id, { ...changed.get(l.id), contactIds: [...((changed.get(l.id)?.contactIds as string[]) ?? []), l.contactId] });
    await auditMany(tx, ctx.actorId, 'engagement', 'update', [...changed].map(([id, c]) => ({ id, changes: asChanges(c) })));
    return result;
  },

  async undoCreated(tx: EntityManager, ids: string[], ctx: ImportContext) {
    await archiveImported(tx, 'engagements', 'engagement', ids, ctx);
  },

  async undoFilled(tx: EntityManager, recordId: string, filled: Record<string, unknown>, ctx: ImportContext) {
    const f = filled as { details?: string; contactId?: string };
    // Only where the details still hold what the import put there: a later edit by a person stays.
    if (f.details) await tx.query(`UPDATE engagements SET details = NULL, version = version + 1, updated_at = now() WHERE id = $1 AND details = $2`, [recordId, f.details]);
    if (f.contactId) await tx.query(`DELETE FROM engagement_contacts WHERE engagement_id = $1 AND contact_id = $2`, [recordId, f.contactId]);
    const changes = asChanges({ ...(f.details && { details: f.details }), ...(f.contactId && { contactIds: [f.contactId] }) }, 'old');
    await auditMany(tx, ctx.actorId, 'engagement', 'update', [{ id: recordId, changes }]);
  },

  async labels(tx: EntityManager, ids: string[]) {
    const rows: Array<{ id: string; label: string }> = await tx.query(
      `SELECT id, to_char(occurred_on, 'DD/MM/YYYY') || ' ' || replace(type, '_', ' ') || ': ' || summary AS label FROM engagements WHERE id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.label]));
  },
};

async function linkContacts(tx: EntityManager, links: Array<{ id: string; contactId: string }>) {
  if (!links.length) return;
  await tx.query(
    `INSERT INTO engagement_contacts (engagement_id, contact_id) SELECT l.id, l."contactId" FROM jsonb_to_recordset($1::jsonb) AS l(id uuid, "contactId" uuid)
     ON CONFLICT DO NOTHING`, [JSON.stringify(links)]);
}
