import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection, decodeCursor, pageSize, toConnection } from '../../common/database/connection';
import { returning } from '../../common/database/returning';
import { badField, badInput, conflict, notFound } from '../../common/graphql/errors';
import { ImportEntity } from './column-mapping';
import { enterPhase } from './import.phases';
import {
  ImportBatch, ImportDecision, ImportEntityKind, ImportFilledField, ImportMapping, ImportMatch, ImportMatchReason, ImportRow, ImportRowDecisionInput,
  ImportRowView, ImportStatus, ImportSummary, SaveImportMappingInput,
} from './import.models';
import { ImportWorker } from './import.worker';
import { Problem } from './importer';
import { importerFor, IMPORTERS } from './importers';
import { detectFileType, MAX_UPLOAD_BYTES } from './read-spreadsheet';

export interface UploadedFile {
  filename: string;
  createReadStream(): Readable;
}

const BATCH_COLUMNS = `b.id, b.entity, b.file_name, b.file_size, b.file_sha256, b.status, b.error, b.headers, b.mapping, b.commit_after_preview,
  b.rows_total, b.rows_done, b.phase_started_at, b.phase_rows_at_start, b.department_id, b.created_at, b.updated_at, b.version,
  u.name AS created_by_name, now() AS now,
  (SELECT max(p.updated_at) FROM import_batches p WHERE p.file_sha256 = b.file_sha256 AND p.id <> b.id AND p.status = 'committed' AND p.created_at < b.created_at) AS same_file_imported_at`;

interface BatchRecord {
  id: string; entity: ImportEntity; file_name: string; file_size: number; status: ImportStatus; error: string | null;
  headers: string[]; mapping: Array<string | null> | null; commit_after_preview: boolean; rows_total: number; rows_done: number;
  phase_started_at: Date; phase_rows_at_start: number; department_id: string | null; created_at: Date; updated_at: Date; version: number;
  created_by_name: string; now: Date; same_file_imported_at: Date | null;
}

const WORKING = new Set([ImportStatus.PARSING, ImportStatus.PREVIEWING, ImportStatus.COMMITTING, ImportStatus.UNDOING]);

/** Rows per second over this phase so far, and the time left at that rate; null until there is a rate to tell. */
export function progressRate(b: { status: ImportStatus; rows_total: number; rows_done: number; phase_rows_at_start: number; phase_started_at: Date; now: Date }) {
  const seconds = (b.now.getTime() - b.phase_started_at.getTime()) / 1000;
  const done = b.rows_done - b.phase_rows_at_start;
  if (!WORKING.has(b.status) || seconds < 0.5 || done <= 0) return { rowsPerSecond: null, secondsLeft: null };
  const rate = done / seconds;
  const left = Math.max(0, b.rows_total - b.rows_done);
  return { rowsPerSecond: Math.round(rate * 10) / 10, secondsLeft: b.status === ImportStatus.PARSING ? null : Math.ceil(left / rate) };
}

function toBatch(b: BatchRecord): ImportBatch {
  const importer = IMPORTERS[b.entity];
  return {
    id: b.id, entity: b.entity as unknown as ImportEntityKind, fileName: b.file_name, fileSize: b.file_size, status: b.status, error: b.error,
    headers: b.headers, mapping: b.mapping ?? b.headers.map(() => null), fields: importer?.fields ?? [], commitAfterPreview: b.commit_after_preview,
    rowsTotal: b.rows_total, rowsDone: b.rows_done, ...progressRate(b), departmentId: b.department_id, createdAt: b.created_at,
    updatedAt: b.updated_at, createdByName: b.created_by_name, sameFileImportedAt: b.same_file_imported_at, version: b.version,
  };
}

/** Reads an upload into memory, refusing it as soon as it passes the cap. */
async function readUpload(file: UploadedFile): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of file.createReadStream()) {
    size += (chunk as Buffer).length;
    if (size > MAX_UPLOAD_BYTES) throw badField('file', `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: split it into smaller files`);
    parts.push(chunk as Buffer);
  }
  return Buffer.concat(parts);
}

/** What a merged row filled, labelled as its columns are: "SIC codes: 71122, 62012". */
function filledFields(fields: Array<{ name: string; label: string }>, previous: Record<string, unknown> | null): ImportFilledField[] {
  if (!previous) return [];
  return Object.entries(previous).map(([field, value]) => ({
    field,
    label: FILLED_LABELS[field] ?? fields.find((f) => f.name === field)?.label.replace(/ \(.*\)$/, '') ?? field,
    value: Array.isArray(value) ? value.join(', ') : String(value),
  }));
}
/** Fields stored under another name than the column that fills them. */
const FILLED_LABELS: Record<string, string> = { sicCodes: 'SIC codes', affiliationId: 'New affiliation' };

/** Imports: upload, mapping, preview and the decisions, then commit and undo (done by ImportWorker). */
@Injectable()
export class ImportService {
  constructor(private readonly db: DataSource, private readonly worker: ImportWorker) {}

  async start(user: AuthUser, upload: PromiseLike<UploadedFile> | UploadedFile, entity: ImportEntityKind, departmentId?: string | null): Promise<ImportBatch> {
    if (!IMPORTERS[entity as unknown as ImportEntity]) throw badField('entity', `Importing ${entity} is not available yet`);
    let file: UploadedFile;
    try {
      file = await upload;
    } catch (err) {
      throw badField('file', (err as Error).message.includes('size') ? `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: split it into smaller files` : 'The file could not be read');
    }
    const content = await readUpload(file);
    if (!content.length) throw badField('file', 'The file is empty');
    const type = detectFileType(file.filename, content.subarray(0, 8192));
    if ('reason' in type) throw badField('file', type.reason);
    const department = departmentId === undefined ? (user.departmentIds[0] ?? null) : departmentId;
    if (department) {
      assertUuid(department, 'departmentId');
      const [exists] = await this.db.query(`SELECT 1 FROM departments WHERE id = $1`, [department]);
      if (!exists) throw badField('departmentId', 'departmentId is not a department');
    }
    const sha = createHash('sha256').update(content).digest('hex');
    const id = await this.db.transaction(async (tx) => {
      const [batch] = await tx.query(
        `INSERT INTO import_batches (entity, file_name, file_type, file_size, file_sha256, status, department_id, created_by)
         VALUES ($1, $2, $3, $4, $5, 'parsing', $6, $7) RETURNING id`,
        [entity, file.filename.slice(0, 255), type.type, content.length, sha, department, user.id]);
      await tx.query(`INSERT INTO import_files (batch_id, content) VALUES ($1, $2)`, [batch.id, content]);
      return batch.id as string;
    });
    this.worker.wake();
    return this.get(id);
  }

  async get(id: string, tx: EntityManager = this.db.manager): Promise<ImportBatch> {
    assertUuid(id, 'id');
    const [b] = await tx.query(`SELECT ${BATCH_COLUMNS} FROM import_batches b JOIN users u ON u.id = b.created_by WHERE b.id = $1`, [id]);
    if (!b) throw notFound('Import', id);
    return toBatch(b);
  }

  async list(args: { first?: number; after?: string }): Promise<Connection<ImportBatch>> {
    const limit = pageSize(args.first);
    const params: unknown[] = [];
    let where = 'TRUE';
    if (args.after) {
      const cursor = decodeCursor(args.after);
      assertUuid(cursor.id, 'after');
      params.push(cursor.key, cursor.id);
      where = `(b.created_at, b.id) < ($1::timestamptz, $2::uuid)`;
    }
    const rows: Array<BatchRecord & { key: string }> = await this.db.query(
      `SELECT ${BATCH_COLUMNS}, b.created_at::text AS key FROM import_batches b JOIN users u ON u.id = b.created_by
        WHERE ${where} ORDER BY b.created_at DESC, b.id DESC LIMIT ${limit + 1}`, params);
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM import_batches`);
    const keys = new Map(rows.map((r) => [r.id, r.key]));
    // The list shows each batch's counts: fetched for the page at once rather than one query a batch.
    const summaries = await this.summaries(rows.slice(0, limit).map((r) => r.id));
    const batches = rows.map((r) => ({ ...toBatch(r), summary: summaries.get(r.id) }));
    return toConnection(batches, limit, n, (b) => keys.get(b.id) ?? null);
  }

  async summary(id: string): Promise<ImportSummary> {
    return (await this.summaries([id])).get(id)!;
  }

  /** The summaries of many batches in one statement (a page of the import list). */
  async summaries(ids: string[]): Promise<Map<string, ImportSummary>> {
    const rows: Array<ImportSummary & { id: string }> = await this.db.query(
      `SELECT b.id, count(r.*)::int AS rows,
              count(*) FILTER (WHERE decision = 'create')::int AS create, count(*) FILTER (WHERE decision = 'match')::int AS match,
              count(*) FILTER (WHERE decision = 'skip')::int AS skip,
              count(*) FILTER (WHERE match_proposed AND decision = 'create' AND NOT decided_by_user)::int AS proposed, count(*) FILTER (WHERE problems <> '[]'::jsonb)::int AS "withProblems",
              count(*) FILTER (WHERE outcome = 'created')::int AS created, count(*) FILTER (WHERE outcome = 'merged')::int AS merged,
              count(*) FILTER (WHERE outcome = 'unchanged')::int AS unchanged, count(*) FILTER (WHERE outcome = 'skipped')::int AS skipped,
              count(*) FILTER (WHERE undone_at IS NOT NULL)::int AS undone
         FROM unnest($1::uuid[]) AS b(id) LEFT JOIN import_rows r ON r.batch_id = b.id GROUP BY b.id`, [ids]);
    return new Map(rows.map(({ id, ...summary }) => [id, summary]));
  }

  async rows(batchId: string, entity: ImportEntity, args: { first?: number; after?: string; view?: ImportRowView }): Promise<Connection<ImportRow>> {
    const limit = pageSize(args.first);
    const params: unknown[] = [batchId];
    const where = ['r.batch_id = $1'];
    if (args.view === ImportRowView.PROBLEMS) where.push(`r.problems <> '[]'::jsonb`);
    else if (args.view === ImportRowView.PROPOSED) where.push(`r.match_proposed`);
    else if (args.view === ImportRowView.MERGED) where.push(`r.outcome = 'merged'`);
    else if (args.view && args.view !== ImportRowView.ALL) { params.push(args.view); where.push(`r.decision = $${params.length}`); }
    const filter = where.join(' AND ');
    // The count is of the view; the page starts after the cursor's row number ($last parameter).
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM import_rows r WHERE ${filter}`, params);
    const after = args.after ? Number(decodeCursor(args.after).key) : 0;
    const rows: Array<{ row_number: number; cells: unknown[]; problems: Array<{ field: string; message: string }>; decision: ImportDecision | null; decided_by_user: boolean;
      match_id: string | null; match_reason: ImportMatchReason | null; match_score: number | null; match_row: number | null; match_proposed: boolean;
      outcome: ImportRow['outcome']; record_id: string | null; undone_at: Date | null; previous: Record<string, unknown> | null }> =
      await this.db.query(`SELECT r.row_number, r.cells, r.problems, r.decision, r.decided_by_user, r.match_id, r.match_reason, r.match_score, r.match_row,
                                  r.match_proposed, r.outcome, r.record_id, r.undone_at, CASE WHEN r.outcome = 'merged' THEN r.previous END AS previous
                             FROM import_rows r WHERE ${filter} AND r.row_number > $${params.length + 1} ORDER BY r.row_number LIMIT ${limit + 1}`, [...params, after]);
    const ids = [...new Set(rows.map((r) => r.match_id).filter((x): x is string => !!x))];
    const importer = importerFor(entity);
    const labels = ids.length ? await importer.labels(this.db.manager, ids) : new Map<string, string>();
    const nodes: Array<ImportRow & { id: string }> = rows.map((r) => ({
      id: String(r.row_number),
      rowNumber: r.row_number,
      cells: r.cells.map((c) => (c === null || c === undefined ? null : String(c))),
      problems: r.problems, decision: r.decision, decidedByUser: r.decided_by_user,
      match: r.match_reason ? {
        recordId: r.match_id, label: r.match_id ? labels.get(r.match_id) ?? null : null, reason: r.match_reason, score: Number(r.match_score ?? 1), rowNumber: r.match_row, proposed: r.match_proposed,
      } as ImportMatch : null,
      outcome: r.outcome, recordId: r.record_id, undoneAt: r.undone_at, filled: filledFields(importer.fields, r.previous),
    }));
    return toConnection(nodes, limit, n, (row) => row.rowNumber);
  }

  /** Checks a mapping against the batch's headers and the entity's fields. */
  private checkMapping(batch: ImportBatch, mapping: Array<string | null>) {
    if (mapping.length !== batch.headers.length) throw badField('mapping', `mapping must have one entry per column (${batch.headers.length})`);
    const known = new Set(batch.fields.map((f) => f.name));
    const problems: string[] = [];
    const seen = new Set<string>();
    mapping.forEach((field, i) => {
      if (field === null || field === '') return;
      if (!known.has(field)) problems.push(`column "${batch.headers[i]}": ${field} is not a field of ${batch.entity}`);
      else if (seen.has(field)) problems.push(`${field} is filled by more than one column`);
      seen.add(field);
    });
    for (const f of batch.fields.filter((f) => f.required && !seen.has(f.name) && !(f.orFilledBy && seen.has(f.orFilledBy)))) problems.push(`a column must fill ${f.label}`);
    if (problems.length) throw badInput([{ field: 'mapping', messages: problems }]);
    return mapping.map((f) => (f === '' ? null : f));
  }

  /** Starts (or restarts) the dry run with this mapping; earlier decisions are recomputed. */
  async preview(id: string, mapping: Array<string | null>, commitAfter = false): Promise<ImportBatch> {
    const batch = await this.get(id);
    if (![ImportStatus.MAPPING, ImportStatus.PREVIEWED].includes(batch.status)) {
      throw conflict(`This import is ${batch.status}: only an import waiting for its mapping or previewed can be previewed again`);
    }
    const checked = this.checkMapping(batch, mapping);
    await this.db.transaction(async (tx) => {
      await tx.query(`DELETE FROM import_row_keys WHERE batch_id = $1`, [id]);
      await tx.query(`UPDATE import_batches SET mapping = $2, commit_after_preview = $3, version = version + 1 WHERE id = $1`, [id, JSON.stringify(checked), commitAfter]);
      await enterPhase(tx, id, 'previewing', (await tx.query(`SELECT count(*)::int AS n FROM import_rows WHERE batch_id = $1`, [id]))[0].n);
    });
    this.worker.wake();
    return this.get(id);
  }

  async decide(id: string, decisions: ImportRowDecisionInput[]): Promise<ImportBatch> {
    const batch = await this.get(id);
    if (batch.status !== ImportStatus.PREVIEWED) throw conflict('Decisions can be changed after the preview and before the commit');
    const importer = importerFor(batch.entity as unknown as ImportEntity);
    await this.db.transaction(async (tx) => {
      for (const d of decisions) {
        const [row] = await tx.query(`SELECT row_number, problems, "values", match_id, match_row FROM import_rows WHERE batch_id = $1 AND row_number = $2`, [id, d.rowNumber]);
        if (!row) throw badField('rowNumber', `Row ${d.rowNumber} is not in this import`);
        if (d.decision !== ImportDecision.SKIP && (row.values === null || (row.problems as Problem[]).some((p) => p.blocking || importer.fields.find((f) => f.name === p.field)?.required))) {
          throw badField('decision', `Row ${d.rowNumber} has a problem with a required field: it can only be skipped (fix it in the spreadsheet and upload again)`);
        }
        if (d.decision === ImportDecision.MATCH && (!d.matchId || d.matchId === row.match_id)) {
          // Back to the preview's own match (a record, or an earlier row of the file), reason kept.
          if (!row.match_id && row.match_row === null) throw badField('matchId', `matchId names the record to merge row ${d.rowNumber} into: the preview found none`);
          await tx.query(`UPDATE import_rows SET decision = 'match', decided_by_user = true WHERE batch_id = $1 AND row_number = $2`, [id, d.rowNumber]);
        } else if (d.decision === ImportDecision.MATCH) {
          const [live] = await tx.query(`SELECT 1 FROM ${importer.table} WHERE id = $1 AND deleted_at IS NULL`, [d.matchId]);
          if (!live) throw badField('matchId', `matchId is not a live ${importer.entityType}`);
          await tx.query(`UPDATE import_rows SET decision = 'match', decided_by_user = true, match_id = $3, match_reason = 'chosen', match_score = 1, match_row = NULL
                           WHERE batch_id = $1 AND row_number = $2`, [id, d.rowNumber, d.matchId]);
        } else {
          // Create or skip; a match kept its record, so a person can switch back and forth.
          await tx.query(`UPDATE import_rows SET decision = $3, decided_by_user = true WHERE batch_id = $1 AND row_number = $2`, [id, d.rowNumber, d.decision]);
        }
      }
    });
    return this.get(id);
  }

  /** Commits the previewed batch; with a mapping (or a changed one), previews with it first and then commits. */
  async commit(id: string, mapping?: Array<string | null> | null): Promise<ImportBatch> {
    const batch = await this.get(id);
    const changed = mapping && JSON.stringify(mapping.map((m) => m || null)) !== JSON.stringify(batch.mapping);
    if (batch.status === ImportStatus.MAPPING || (batch.status === ImportStatus.PREVIEWED && changed)) {
      if (!mapping) throw badField('mapping', 'mapping is needed: this import has not been previewed');
      return this.preview(id, mapping, true);
    }
    if (batch.status !== ImportStatus.PREVIEWED) throw conflict(`This import is ${batch.status}: only a previewed import can be committed`);
    const moved = returning(await this.db.query(
      `UPDATE import_batches SET status = 'committing', rows_total = (SELECT count(*) FROM import_rows WHERE batch_id = $1), rows_done = 0,
              phase_started_at = now(), phase_rows_at_start = 0, updated_at = now(), version = version + 1
        WHERE id = $1 AND status = 'previewed' RETURNING id`, [id]));
    if (!moved.length) throw conflict('This import changed while you were looking at it: reload it');
    this.worker.wake();
    return this.get(id);
  }

  async undo(id: string): Promise<ImportBatch> {
    const batch = await this.get(id);
    const [{ n }] = await this.db.query(`SELECT count(*)::int AS n FROM import_rows WHERE batch_id = $1 AND outcome IN ('created', 'merged') AND undone_at IS NULL`, [id]);
    if (batch.status !== ImportStatus.COMMITTED && !(batch.status === ImportStatus.FAILED && n > 0)) {
      throw conflict(`This import is ${batch.status}: only a committed import can be undone`);
    }
    await this.db.transaction((tx) => enterPhase(tx, id, 'undoing', n));
    this.worker.wake();
    return this.get(id);
  }

  async mappings(entity: ImportEntityKind): Promise<ImportMapping[]> {
    return this.db.query(`SELECT id, entity, name, headers, mapping FROM import_mappings WHERE entity = $1 ORDER BY name`, [entity]);
  }

  async saveMapping(user: AuthUser, input: SaveImportMappingInput): Promise<ImportMapping> {
    const importer = importerFor(input.entity as unknown as ImportEntity);
    if (input.mapping.length !== input.headers.length) throw badField('mapping', 'mapping must have one entry per header');
    const unknown = input.mapping.filter((f) => f && !importer.fields.some((x) => x.name === f));
    if (unknown.length) throw badField('mapping', `${unknown.join(', ')} ${unknown.length > 1 ? 'are not fields' : 'is not a field'} of ${input.entity}`);
    const [saved] = await this.db.query(
      `INSERT INTO import_mappings (entity, name, headers, mapping, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (entity, name) DO UPDATE SET headers = EXCLUDED.headers, mapping = EXCLUDED.mapping
       RETURNING id, entity, name, headers, mapping`,
      [input.entity, input.name.trim(), input.headers, JSON.stringify(input.mapping.map((m) => m || null)), user.id]);
    return saved;
  }
}
