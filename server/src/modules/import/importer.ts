import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { EntityManager } from 'typeorm';
import { returning } from '../../common/database/returning';
import { INSERT_AUDIT_EVENTS } from '../audit/audit';
import { ImportEntity } from './column-mapping';
import { StoredCell } from './read-spreadsheet';

/**
 * What one kind of record needs to be imported. The engine (import.worker.ts) reads rows, maps
 * cells to fields, and calls these in order: parse (per row, no database), prepare and match (a
 * chunk at a time, a few queries per chunk), then create / fillGaps at commit and their undo.
 */
export interface ImportField {
  name: string;
  label: string;
  required: boolean;
  /** Another field a column may fill instead of this required one (a contact's full name for its first name). */
  orFilledBy?: string;
}

export interface Problem {
  field: string;
  message: string;
  /** Stops the row being created even where the field is optional (an organisation named but not found): it can only be skipped. */
  blocking?: boolean;
}

export type MatchReason = 'companies_house_number' | 'domain' | 'email' | 'name' | 'same_record' | 'earlier_row' | 'chosen';

export interface Match {
  id: string;
  reason: MatchReason;
  /** Name similarity 0–1 where the reason is a similar name; 1 for exact keys. */
  score: number;
  /** Only likely (a similar name with no postcode area to confirm it): the row is created as new unless a person accepts the match. */
  proposed?: boolean;
}

/** Whether a later row of the file describes the record an earlier row does. */
export type SameRecord = 'same' | 'proposed' | 'distinct';

/** A row after parse: the values to write, the problems found, and the keys that find the same record elsewhere in the file. */
export interface ParsedRow {
  values: Record<string, unknown>;
  problems: Problem[];
  /** False when a required field is missing or unreadable: the row cannot be imported. */
  importable: boolean;
  keys: string[];
}

export interface RowToMatch {
  rowNumber: number;
  values: Record<string, unknown>;
}

export interface ImportContext {
  actorId: string;
  batchId: string;
  departmentId: string | null;
}

export interface Importer {
  entity: ImportEntity;
  /** The audit trail's name for the records this creates. */
  entityType: 'organisation' | 'contact' | 'engagement' | 'opportunity';
  fields: ImportField[];
  parse(cells: Record<string, StoredCell>): ParsedRow;
  /**
   * Resolves references to other records (an organisation by name, a department by code) into the
   * rows' values, adding problems and keys; the batch's department stands in for an empty column.
   */
  prepare?(tx: EntityManager, rows: Array<RowToMatch & { parsed: ParsedRow }>, ctx: ImportContext): Promise<void>;
  /**
   * Whether a later row sharing `key` with an earlier one describes the same record (the default
   * when absent): two rows with different company numbers never do.
   */
  sameRecord?(key: string, later: Record<string, unknown>, earlier: Record<string, unknown>): SameRecord;
  /** The existing record each row describes, if any. */
  match(tx: EntityManager, rows: RowToMatch[]): Promise<Map<number, Match>>;
  /** Inserts the rows' records; returns each row's new id. */
  create(tx: EntityManager, rows: RowToMatch[], ctx: ImportContext): Promise<Map<number, string>>;
  /**
   * Fills the existing record's empty fields from the row (never overwrites what someone typed);
   * returns what it set, to be put back by undo, or null when the record already had it all.
   */
  fillGaps(tx: EntityManager, rows: Array<RowToMatch & { recordId: string }>, ctx: ImportContext): Promise<Map<number, Record<string, unknown> | null>>;
  /** Archives what the import created. */
  undoCreated(tx: EntityManager, ids: string[], ctx: ImportContext): Promise<void>;
  /** Clears the fields the import filled, where they still hold the imported value. */
  undoFilled(tx: EntityManager, recordId: string, filled: Record<string, unknown>, ctx: ImportContext): Promise<void>;
  /** Names to show for matched records. */
  labels(tx: EntityManager, ids: string[]): Promise<Map<string, string>>;
}

/** class-validator errors of an input class as problems: the same rules the API applies to a form. */
export function validateAs<T extends object>(cls: new () => T, values: Record<string, unknown>): { instance: T; problems: Problem[] } {
  const instance = plainToInstance(cls, values);
  const errors = validateSync(instance, { skipMissingProperties: false, forbidUnknownValues: false });
  const problems = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((message) => ({ field: e.property, message })));
  return { instance, problems };
}

/** Audit events for many records in one statement. */
export async function auditMany(tx: EntityManager, actorId: string, entityType: string, action: string, entries: Array<{ id: string; changes: Record<string, unknown> }>): Promise<void> {
  if (!entries.length) return;
  await tx.query(
    `${INSERT_AUDIT_EVENTS} SELECT $1, $2, e.id, $3, e.changes FROM jsonb_to_recordset($4::jsonb) AS e(id uuid, changes jsonb)`,
    [actorId, entityType, action, JSON.stringify(entries)],
  );
}

/** Old → new for each field set, the audit trail's shape. */
export const asChanges = (fields: Record<string, unknown>, from: 'old' | 'new' = 'new') =>
  Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, from === 'new' ? { old: null, new: v } : { old: v, new: null }]));

/** The fields that hold something, for a created record's audit event. */
export function nonEmpty(values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && !v.length)));
}

/** Undo's archive (soft delete) of records an import created, each with its audit event. */
export async function archiveImported(tx: EntityManager, table: string, entityType: string, ids: string[], ctx: ImportContext): Promise<void> {
  if (!ids.length) return;
  const archived = returning<{ id: string }>(await tx.query(
    `UPDATE ${table} SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL RETURNING id`, [ids]));
  await auditMany(tx, ctx.actorId, entityType, 'archive', archived.map((a) => ({ id: a.id, changes: { importBatch: { old: ctx.batchId, new: null } } })));
}
