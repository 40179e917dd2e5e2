import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam, visibleSql } from '../../common/auth/visibility';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection, decodeCursor, encodeCursor, pageSize } from '../../common/database/connection';
import { DuplicateKind } from '../duplicates/duplicate.model';
import { Merge, MergeActivity } from './merge.model';

const NAME = (snapshot: string) =>
  `CASE m.kind WHEN 'organisation' THEN ${snapshot}->>'name' ELSE concat_ws(' ', ${snapshot}->>'first_name', ${snapshot}->>'last_name') END`;

// Undoable: not undone, the survivor untouched since, the merged record still archived into it (the rules MergeService.undo enforces).
const historySql = (where: string) => `
  SELECT m.id, m.kind, m.survivor_id, m.merged_id, m.merged_at, m.merged_at::text AS sort_key, m.undone_at, m.merged_by, m.undone_by, m.moved,
         ${NAME('m.survivor_before')} AS survivor_name, ${NAME('m.merged_before')} AS merged_name,
         (m.undone_at IS NULL AND s.version = m.survivor_version_after AND r.deleted_at IS NOT NULL AND r.merged_into_id = m.survivor_id) AS undoable
    FROM merges m
    LEFT JOIN LATERAL (SELECT version FROM organisations WHERE m.kind = 'organisation' AND id = m.survivor_id
                       UNION ALL SELECT version FROM contacts WHERE m.kind = 'contact' AND id = m.survivor_id) s ON true
    LEFT JOIN LATERAL (SELECT deleted_at, merged_into_id FROM organisations WHERE m.kind = 'organisation' AND id = m.merged_id
                       UNION ALL SELECT deleted_at, merged_into_id FROM contacts WHERE m.kind = 'contact' AND id = m.merged_id) r ON true
   WHERE ${where}
   ORDER BY m.merged_at DESC, m.id DESC`;
const PAGE_SQL = `${historySql('$1::timestamptz IS NULL OR (m.merged_at, m.id) < ($1::timestamptz, $2::uuid)')} LIMIT $3`;
const ONE_SQL = historySql('m.id = $1');

interface HistoryRow {
  id: string; kind: DuplicateKind; survivor_id: string; merged_id: string; merged_at: Date; sort_key: string; undone_at: Date | null;
  merged_by: string | null; undone_by: string | null; moved: Record<string, string[]>; survivor_name: string; merged_name: string; undoable: boolean;
}

/** Reading merges: the history (who merged what, when, undone?) and what a merge would move. */
@Injectable()
export class MergeHistoryService {
  constructor(private readonly db: DataSource) {}

  async history(args: { first?: number | null; after?: string | null }): Promise<Connection<Merge>> {
    const limit = pageSize(args.first);
    const cursor = args.after ? decodeCursor(args.after) : null;
    if (cursor) assertUuid(cursor.id, 'after');
    const [rows, [{ total }]] = await Promise.all([
      this.db.query(PAGE_SQL, [cursor?.key ?? null, cursor?.id ?? null, limit + 1]) as Promise<HistoryRow[]>,
      this.db.query('SELECT count(*)::int AS total FROM merges'),
    ]);
    const edges = rows.slice(0, limit).map((r) => ({ cursor: encodeCursor({ key: r.sort_key, id: r.id }), node: toMerge(r) }));
    return { edges, totalCount: total, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  async byId(id: string): Promise<Merge> {
    const [row] = await this.db.query(ONE_SQL, [id]);
    return toMerge(row);
  }

  /** Counts of what would move with this record (the rows the reader can see). */
  async activity(user: AuthUser, kind: DuplicateKind, id: string): Promise<MergeActivity> {
    const sql = kind === DuplicateKind.organisation
      ? `SELECT (SELECT count(*) FROM engagements e WHERE e.organisation_id = $1 AND e.deleted_at IS NULL AND ${visibleSql('e', 2)})::int AS engagements,
                (SELECT count(*) FROM opportunities o WHERE o.organisation_id = $1 AND o.deleted_at IS NULL AND ${visibleSql('o', 2)})::int AS opportunities,
                (SELECT count(*) FROM tasks t WHERE t.organisation_id = $1 AND t.deleted_at IS NULL AND ${visibleSql('t', 2)})::int AS tasks,
                (SELECT count(*) FROM affiliations a WHERE a.organisation_id = $1 AND a.deleted_at IS NULL)::int AS affiliations,
                0 AS "consentRecords"`
      : `SELECT (SELECT count(*) FROM engagement_contacts ec JOIN engagements e ON e.id = ec.engagement_id AND e.deleted_at IS NULL AND ${visibleSql('e', 2)} WHERE ec.contact_id = $1)::int AS engagements,
                (SELECT count(*) FROM opportunity_contacts oc JOIN opportunities o ON o.id = oc.opportunity_id AND o.deleted_at IS NULL AND ${visibleSql('o', 2)} WHERE oc.contact_id = $1)::int AS opportunities,
                (SELECT count(*) FROM tasks t WHERE t.contact_id = $1 AND t.deleted_at IS NULL AND ${visibleSql('t', 2)})::int AS tasks,
                (SELECT count(*) FROM affiliations a WHERE a.contact_id = $1 AND a.deleted_at IS NULL)::int AS affiliations,
                (SELECT count(*) FROM consent_records c WHERE c.contact_id = $1)::int AS "consentRecords"`;
    const [row] = await this.db.query(sql, [id, visibleParam(user)]);
    return row;
  }
}

function toMerge(r: HistoryRow): Merge {
  return {
    id: r.id, kind: r.kind, survivorId: r.survivor_id, mergedId: r.merged_id, survivorName: r.survivor_name, mergedName: r.merged_name,
    mergedAt: r.merged_at, undoneAt: r.undone_at, undoable: r.undoable, mergedById: r.merged_by, undoneById: r.undone_by,
    moved: Object.entries(r.moved ?? {}).filter(([, ids]) => ids.length).map(([table, ids]) => ({ table, count: ids.length })),
  };
}
