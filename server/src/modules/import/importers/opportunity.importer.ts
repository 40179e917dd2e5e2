import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { CreateOpportunityInput } from '../../opportunity/dto/opportunity.input';
import { StageOutcome } from '../../opportunity/opportunity.enums';
import { cleanText, Parsed, parseDate, parsePence } from '../cells';
import { archiveImported, asChanges, auditMany, ImportContext, Importer, Match, nonEmpty, ParsedRow, Problem, RowToMatch, validateAs } from '../importer';
import { StoredCell } from '../read-spreadsheet';
import { parseOpportunityType, parseProbability } from '../record-choices';
import { addProblem, DEPARTMENT_FIELD, organisationField, resolveDepartments, resolveOrganisations } from './references';

const REQUIRED = new Set(['title', 'type', 'organisation']);
const DATES = ['expectedCloseDate', 'startDate', 'endDate'] as const;
const DATE_COLUMNS: Record<(typeof DATES)[number], string> = { expectedCloseDate: 'expected_close_date', startDate: 'start_date', endDate: 'end_date' };

interface OpportunityValues {
  title: string; type: string | null; organisation: string | null; valuePence: number | null; stage: string | null; probability: number | null;
  expectedCloseDate: string | null; startDate: string | null; endDate: string | null; department: string | null; lostReason: string | null;
  organisationId?: string | null; departmentId?: string | null; stageId?: string | null; stageOutcome?: StageOutcome;
}
const valuesOf = (row: RowToMatch) => row.values as unknown as OpportunityValues;

export const opportunityImporter: Importer = {
  entity: 'opportunities',
  entityType: 'opportunity',
  fields: [
    { name: 'title', label: 'Title', required: true },
    organisationField(true),
    { name: 'type', label: 'Type (KTP, CPD, consultancy…)', required: true },
    { name: 'value', label: 'Value (£)', required: false },
    { name: 'stage', label: 'Stage (the first open stage when empty)', required: false },
    { name: 'probability', label: "Probability % (the stage's when empty)", required: false },
    { name: 'expectedCloseDate', label: 'Expected close date', required: false },
    { name: 'startDate', label: 'Start date', required: false },
    { name: 'endDate', label: 'End date', required: false },
    DEPARTMENT_FIELD,
    { name: 'lostReason', label: 'Why it was lost', required: false },
  ],

  parse(cells: Record<string, StoredCell>): ParsedRow {
    const problems: Problem[] = [];
    const read = <T>(field: string, parsed: Parsed<T>): T | null => {
      if (parsed.ok) return parsed.value;
      problems.push({ field, message: parsed.reason });
      return null;
    };
    const type = cleanText(cells.type) ? read('type', parseOpportunityType(cells.type)) : null;
    const values: OpportunityValues = {
      title: cleanText(cells.title) ?? '', type, organisation: cleanText(cells.organisation), valuePence: read('value', parsePence(cells.value)),
      stage: cleanText(cells.stage), probability: read('probability', parseProbability(cells.probability)),
      expectedCloseDate: read('expectedCloseDate', parseDate(cells.expectedCloseDate)), startDate: read('startDate', parseDate(cells.startDate)),
      endDate: read('endDate', parseDate(cells.endDate)), department: cleanText(cells.department), lostReason: cleanText(cells.lostReason),
    };
    if (values.startDate && values.endDate && values.endDate < values.startDate) {
      problems.push({ field: 'endDate', message: `endDate ${values.endDate} is before startDate ${values.startDate}: left out` });
      values.endDate = null;
    }
    if (!values.organisation) problems.push({ field: 'organisation', message: 'organisation must not be empty' });
    // The organisation is resolved by prepare; the rest gets the API's own checks.
    const { problems: invalid } = validateAs(CreateOpportunityInput, { ...values, type: values.type ?? undefined, valuePence: values.valuePence ?? undefined, organisationId: undefined });
    for (const p of invalid.filter((p) => p.field !== 'organisationId')) {
      if (p.field === 'type' && problems.some((q) => q.field === 'type')) continue; // the words were already explained
      problems.push(p);
      if (!REQUIRED.has(p.field)) (values as unknown as Record<string, unknown>)[p.field] = null;
    }
    const importable = !problems.some((p) => REQUIRED.has(p.field));
    return { values: values as unknown as Record<string, unknown>, problems, importable, keys: [] };
  },

  async prepare(tx, rows, ctx) {
    await resolveOrganisations(tx, rows, { blocking: true });
    await resolveDepartments(tx, rows, ctx.departmentId);
    const stages: Array<{ id: string; name: string; outcome: StageOutcome }> = await tx.query(
      `SELECT id, name, outcome FROM opportunity_stages WHERE deleted_at IS NULL ORDER BY position, name`);
    const firstOpen = stages.find((s) => s.outcome === StageOutcome.open);
    for (const row of rows) {
      const v = valuesOf(row);
      const stage = v.stage ? stages.find((s) => s.name.toLowerCase() === v.stage!.toLowerCase()) : firstOpen;
      v.stageId = stage?.id ?? null;
      v.stageOutcome = stage?.outcome;
      if (!stage) {
        addProblem(row, { field: 'stage', blocking: true, message: v.stage ? `No stage called "${v.stage}" (${stages.map((s) => s.name).join(', ')})` : 'There is no open stage to put it in' });
      }
      if (row.parsed.importable) row.parsed.keys.push(`same:${v.organisationId}|${v.title.toLowerCase()}`);
    }
  },

  async match(tx: EntityManager, rows: RowToMatch[]): Promise<Map<number, Match>> {
    if (!rows.length) return new Map();
    const found: Array<{ n: number; id: string }> = await tx.query(
      `SELECT r.n, m.id FROM unnest($1::int[], $2::uuid[], $3::text[]) AS r(n, org, title)
         CROSS JOIN LATERAL (SELECT o.id FROM opportunities o WHERE o.organisation_id = r.org AND lower(o.title) = r.title AND o.deleted_at IS NULL
                              ORDER BY o.created_at LIMIT 1) m`,
      [rows.map((r) => r.rowNumber), rows.map((r) => valuesOf(r).organisationId ?? null), rows.map((r) => valuesOf(r).title.toLowerCase())],
    );
    return new Map(found.map((f) => [f.n, { id: f.id, reason: 'same_record', score: 1 }]));
  },

  async create(tx: EntityManager, rows: RowToMatch[], ctx: ImportContext): Promise<Map<number, string>> {
    if (!rows.length) return new Map();
    const records = rows.map((r) => {
      const v = valuesOf(r);
      return {
        id: randomUUID(), title: v.title, type: v.type, stageId: v.stageId, outcome: v.stageOutcome, valuePence: v.valuePence ?? 0, probability: v.probability,
        expectedCloseDate: v.expectedCloseDate, startDate: v.startDate, endDate: v.endDate, departmentId: v.departmentId ?? ctx.departmentId,
        organisationId: v.organisationId, lostReason: v.stageOutcome === StageOutcome.lost ? v.lostReason : null,
      };
    });
    // As the opportunity form: a confidential organisation's opportunities are confidential, the importer owns them, and a
    // won or lost stage closes them, on the expected close date when it has passed (a deal is not won in the future), else now.
    const created: Array<{ id: string; wonAt: string | null; closedAt: string | null; confidential: boolean }> = await tx.query(
      `WITH x AS (SELECT x.*, CASE WHEN x.outcome = 'open' THEN NULL
                                   ELSE LEAST(coalesce((x."expectedCloseDate"::timestamp AT TIME ZONE 'Europe/London'), now()), now()) END AS closed_at
                    FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, title text, type text, "stageId" uuid, outcome text, "valuePence" bigint, probability int,
                         "expectedCloseDate" date, "startDate" date, "endDate" date, "departmentId" uuid, "organisationId" uuid, "lostReason" text))
       INSERT INTO opportunities (id, title, type, stage_id, value_pence, probability, expected_close_date, start_date, end_date, owner_id,
                                  department_id, organisation_id, lost_reason, confidential, won_at, closed_at, created_by)
       SELECT x.id, x.title, x.type, x."stageId", x."valuePence", x.probability, x."expectedCloseDate", x."startDate", x."endDate", $2,
              x."departmentId", x."organisationId", x."lostReason", o.confidential, CASE WHEN x.outcome = 'won' THEN x.closed_at END, x.closed_at, $2
         FROM x JOIN organisations o ON o.id = x."organisationId"
       RETURNING id, won_at AS "wonAt", closed_at AS "closedAt", confidential`,
      [JSON.stringify(records), ctx.actorId],
    );
    // Its first stay in the stage history: an opportunity always has exactly one open row there.
    await tx.query(
      `INSERT INTO opportunity_stage_history (opportunity_id, stage_id, entered_at, moved_by)
       SELECT x.id, x."stageId", now(), $2 FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, "stageId" uuid)`,
      [JSON.stringify(records.map((r) => ({ id: r.id, stageId: r.stageId }))), ctx.actorId],
    );
    const closing = new Map(created.map((c) => [c.id, c]));
    await auditMany(tx, ctx.actorId, 'opportunity', 'create', records.map(({ id, outcome: _o, ...fields }) => ({
      id, changes: { ...asChanges(nonEmpty({ ...fields, ...closing.get(id), id: undefined, ownerId: ctx.actorId })), importBatch: { old: null, new: ctx.batchId } },
    })));
    return new Map(rows.map((r, i) => [r.rowNumber, records[i].id]));
  },

  async fillGaps(tx: EntityManager, rows: Array<RowToMatch & { recordId: string }>, ctx: ImportContext) {
    const result = new Map<number, Record<string, unknown> | null>();
    if (!rows.length) return result;
    const existing: Array<{ id: string; valuePence: string; expectedCloseDate: string | null; startDate: string | null; endDate: string | null }> = await tx.query(
      `SELECT id, value_pence AS "valuePence", to_char(expected_close_date, 'YYYY-MM-DD') AS "expectedCloseDate",
              to_char(start_date, 'YYYY-MM-DD') AS "startDate", to_char(end_date, 'YYYY-MM-DD') AS "endDate"
         FROM opportunities WHERE id = ANY($1::uuid[])`, [[...new Set(rows.map((r) => r.recordId))]]);
    const byId = new Map(existing.map((e) => [e.id, { ...e, valuePence: Number(e.valuePence) }]));
    const updates = new Map<string, Record<string, unknown>>();
    for (const row of rows) {
      const record = byId.get(row.recordId);
      const v = valuesOf(row);
      const filled: Record<string, unknown> = {};
      if (record) {
        if (record.valuePence === 0 && v.valuePence) filled.valuePence = record.valuePence = v.valuePence;
        for (const field of DATES) if (record[field] === null && v[field]) filled[field] = record[field] = v[field];
        // Filling one end of the dates must not put the end before the start.
        if (record.startDate && record.endDate && record.endDate < record.startDate) {
          for (const field of ['startDate', 'endDate'] as const) if (filled[field]) { delete filled[field]; record[field] = null; }
        }
        if (Object.keys(filled).length) updates.set(record.id, { ...updates.get(record.id), ...filled });
      }
      result.set(row.rowNumber, Object.keys(filled).length ? filled : null);
    }
    if (updates.size) {
      const list = [...updates].map(([id, f]) => ({ id, ...f }));
      await tx.query(
        `UPDATE opportunities o SET value_pence = CASE WHEN o.value_pence = 0 THEN coalesce(v."valuePence", 0) ELSE o.value_pence END,
                ${DATES.map((f) => `${DATE_COLUMNS[f]} = coalesce(o.${DATE_COLUMNS[f]}, v."${f}")`).join(', ')}, version = o.version + 1, updated_at = now()
           FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, "valuePence" bigint, "expectedCloseDate" date, "startDate" date, "endDate" date)
          WHERE o.id = v.id`, [JSON.stringify(list)]);
      await auditMany(tx, ctx.actorId, 'opportunity', 'update', list.map(({ id, ...f }) => ({ id, changes: asChanges(f) })));
    }
    return result;
  },

  async undoCreated(tx: EntityManager, ids: string[], ctx: ImportContext) {
    await archiveImported(tx, 'opportunities', 'opportunity', ids, ctx);
  },

  async undoFilled(tx: EntityManager, recordId: string, filled: Record<string, unknown>, ctx: ImportContext) {
    const f = filled as Partial<Record<'valuePence' | (typeof DATES)[number], unknown>>;
    // Only where the field still holds what the import put there: a later edit by a person stays.
    await tx.query(
      `UPDATE opportunities SET value_pence = CASE WHEN value_pence = $2::bigint THEN 0 ELSE value_pence END,
              ${DATES.map((d, i) => `${DATE_COLUMNS[d]} = CASE WHEN ${DATE_COLUMNS[d]} = $${i + 3}::date THEN NULL ELSE ${DATE_COLUMNS[d]} END`).join(', ')},
              version = version + 1, updated_at = now()
        WHERE id = $1`,
      [recordId, f.valuePence ?? null, ...DATES.map((d) => f[d] ?? null)],
    );
    await auditMany(tx, ctx.actorId, 'opportunity', 'update', [{ id: recordId, changes: asChanges(f, 'old') }]);
  },

  async labels(tx: EntityManager, ids: string[]) {
    const rows: Array<{ id: string; label: string }> = await tx.query(
      `SELECT p.id, p.title || ' (' || o.name || ')' AS label FROM opportunities p JOIN organisations o ON o.id = p.organisation_id WHERE p.id = ANY($1::uuid[])`, [ids]);
    return new Map(rows.map((r) => [r.id, r.label]));
  },
};
