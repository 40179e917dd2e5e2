import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { badField, conflict, notFound } from '../../common/graphql/errors';
import { diffFields, recordAudit } from '../audit/audit';
import { distinctCompanies } from '../organisation/company-register';
import { MergeInput } from './dto/merge.input';
import { MergeSpec, MERGE_SPECS } from './merge-spec';
import { mergedValues, RowValues } from './merge-values';
import { moveRows, MovedRows, RemovedRows, unmoveRows } from './move-rows';

const companyOf = (row: RowValues) => ({ companiesHouseNumber: (row.companies_house_number as string | null) ?? null, companyStatus: (row.company_status as string | null) ?? null });

/** A record's merge-relevant values keyed by GraphQL field name, for the audit trail. */
const asFields = (spec: MergeSpec, row: RowValues) =>
  Object.fromEntries(Object.entries({ ...spec.choosable, ...spec.unioned }).map(([field, column]) => [field, row[column] ?? null]));

const lockRows = async (tx: EntityManager, spec: MergeSpec, ids: string[]): Promise<Map<string, RowValues>> => {
  const rows: Array<{ row: RowValues }> = await tx.query(`SELECT to_jsonb(r) AS row FROM ${spec.table} r WHERE r.id = ANY($1::uuid[]) ORDER BY r.id FOR UPDATE`, [ids]);
  return new Map(rows.map(({ row }) => [row.id as string, row]));
};

/**
 * Merging two records into one, and undoing it. Everything happens in one transaction: the
 * survivor takes the chosen values, every related row moves, the merged record is archived with
 * a pointer to the survivor, and `merges` keeps exactly what changed so an admin can undo it.
 */
@Injectable()
export class MergeService {
  constructor(private readonly db: DataSource) {}

  /** Returns the survivor's id. Managers and admins see every record, so no visibility check is needed here. */
  async merge(user: AuthUser, spec: MergeSpec, input: MergeInput): Promise<string> {
    const { survivorId, mergedId } = input;
    assertUuid(survivorId, 'survivorId');
    assertUuid(mergedId, 'mergedId');
    if (survivorId.toLowerCase() === mergedId.toLowerCase()) throw badField('mergedId', 'mergedId must be a different record from survivorId: a record cannot be merged into itself');
    return this.db.transaction(async (tx) => {
      const rows = await lockRows(tx, spec, [survivorId, mergedId]);
      const survivor = rows.get(survivorId.toLowerCase());
      const merged = rows.get(mergedId.toLowerCase());
      for (const [field, row, id] of [['survivorId', survivor, survivorId], ['mergedId', merged, mergedId]] as const) {
        if (!row) throw notFound(spec.label, id);
        if (row.deleted_at) throw badField(field, `${field} is an archived ${spec.label.toLowerCase()}; restore it before merging`);
      }
      for (const [row, version] of [[survivor!, input.survivorVersion], [merged!, input.mergedVersion]] as const) {
        if (row.version !== version) {
          throw conflict(`${spec.label} ${describe(spec, row)} was changed by someone else (you read version ${version}, it is now version ${row.version}). Reload and merge again.`, {
            currentVersion: row.version,
          });
        }
      }
      if (spec.table === 'organisations') {
        const why = distinctCompanies(companyOf(merged!), companyOf(survivor!));
        if (why) throw badField('mergedId', `${describe(spec, merged!)} and ${describe(spec, survivor!)} cannot be merged: ${why}. If one belongs to the other, record the group as its parent organisation instead.`);
      }
      const values = mergedValues(spec, survivor!, merged!, input.fields);
      if (spec.table === 'organisations') {
        const confidential = 'confidential' in values ? values.confidential : survivor!.confidential;
        const department = 'department_id' in values ? values.department_id : survivor!.department_id;
        if (confidential && !department) throw badField('fields', 'a confidential organisation needs a department: choose departmentId from the record that has one');
      }

      // The merged record goes first: archiving it frees its Companies House number for the survivor to take.
      await tx.query(`UPDATE ${spec.table} SET deleted_at = now(), merged_into_id = $1, version = version + 1, updated_at = now() WHERE id = $2`, [survivor!.id, merged!.id]);
      const { moved, removed } = await moveRows(tx, spec, survivor!.id as string, merged!.id as string);
      const columns = Object.keys(values);
      const [[after]] = await tx.query(
        `UPDATE ${spec.table} SET ${columns.map((c, i) => `${c} = $${i + 2}`).join(', ')}, version = version + 1, updated_at = now() WHERE id = $1 RETURNING to_jsonb(${spec.table}) AS row`,
        [survivor!.id, ...columns.map((c) => values[c])],
      );
      const afterRow: RowValues = after.row;
      await tx.query(
        `INSERT INTO merges (kind, survivor_id, merged_id, survivor_before, merged_before, survivor_version_after, moved, removed, merged_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [spec.kind, survivor!.id, merged!.id, survivor, merged, afterRow.version, JSON.stringify(moved), JSON.stringify(removed), user.id],
      );
      const fields = Object.keys({ ...spec.choosable, ...spec.unioned });
      await recordAudit(tx, {
        actorId: user.id, entityType: spec.kind, entityId: survivor!.id as string, action: 'merge',
        changes: { ...diffFields(asFields(spec, survivor!), asFields(spec, afterRow), fields), mergedFrom: { old: null, new: merged!.id }, moved: { old: null, new: counts(moved) } },
      });
      await recordAudit(tx, { actorId: user.id, entityType: spec.kind, entityId: merged!.id as string, action: 'merge', changes: { mergedInto: { old: null, new: survivor!.id } } });
      return survivor!.id as string;
    });
  }

  /**
   * Puts a merge back exactly. Refused (CONFLICT) once the survivor has been edited since — undo
   * would silently throw those edits away — or once the merged record was restored some other way.
   * Rows added to the survivor after the merge stay with it; only the rows the merge moved go back.
   */
  async undo(user: AuthUser, id: string): Promise<string> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      const [m] = await tx.query(`SELECT * FROM merges WHERE id = $1 FOR UPDATE`, [id]);
      if (!m) throw notFound('Merge', id);
      if (m.undone_at) throw conflict('This merge has already been undone');
      const spec = MERGE_SPECS[m.kind as keyof typeof MERGE_SPECS];
      const rows = await lockRows(tx, spec, [m.survivor_id, m.merged_id]);
      const survivor = rows.get(m.survivor_id);
      const merged = rows.get(m.merged_id);
      if (!survivor || survivor.version !== m.survivor_version_after) {
        throw conflict(`${spec.label} ${describe(spec, m.survivor_before)} has been changed since the merge (version ${m.survivor_version_after}, now ${survivor?.version}); undoing would lose those changes. Undo any later merge into it first, or merge again by hand.`);
      }
      if (!merged || !merged.deleted_at || merged.merged_into_id !== m.survivor_id) {
        throw conflict(`${spec.label} ${describe(spec, m.merged_before)} is no longer archived as merged; it was restored or changed since the merge.`);
      }
      const columns = Object.values({ ...spec.choosable, ...spec.unioned });
      await tx.query(
        `UPDATE ${spec.table} t SET (${columns.join(', ')}) = (SELECT ${columns.map((c) => `p.${c}`).join(', ')} FROM jsonb_populate_record(NULL::${spec.table}, $2::jsonb) p),
                version = version + 1, updated_at = now() WHERE t.id = $1`,
        [m.survivor_id, m.survivor_before],
      );
      await tx.query(`UPDATE ${spec.table} SET deleted_at = NULL, merged_into_id = NULL, version = version + 1, updated_at = now() WHERE id = $1`, [m.merged_id]);
      await unmoveRows(tx, spec, m.survivor_id, m.merged_id, m.moved as MovedRows, m.removed as RemovedRows);
      await tx.query(`UPDATE merges SET undone_at = now(), undone_by = $2 WHERE id = $1`, [id, user.id]);
      const fields = Object.keys({ ...spec.choosable, ...spec.unioned });
      await recordAudit(tx, {
        actorId: user.id, entityType: spec.kind, entityId: m.survivor_id, action: 'unmerge',
        changes: { ...diffFields(asFields(spec, survivor), asFields(spec, m.survivor_before), fields), mergedFrom: { old: m.merged_id, new: null } },
      });
      await recordAudit(tx, { actorId: user.id, entityType: spec.kind, entityId: m.merged_id, action: 'unmerge', changes: { mergedInto: { old: m.survivor_id, new: null } } });
      return id;
    });
  }
}

const describe = (spec: MergeSpec, row: RowValues) => `"${spec.table === 'organisations' ? row.name : `${row.first_name} ${row.last_name}`}"`;

export const counts = (moved: MovedRows): Record<string, number> =>
  Object.fromEntries(Object.entries(moved).filter(([, ids]) => ids.length).map(([table, ids]) => [table, ids.length]));
