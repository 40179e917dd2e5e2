import { DataSource, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam, visibleSql } from '../../common/auth/visibility';
import { Connection, pageSize, toConnection } from '../../common/database/connection';
import { decodeDayTimeCursor, ENGAGEMENT_COLUMNS, engagementConditions, toEngagement } from '../engagement/engagement.timeline';
import { OpportunityStageHistory } from '../opportunity/opportunity-stage-history.entity';
import { Opportunity } from '../opportunity/opportunity.entity';
import { TimelineArgs, TimelineEntry, TimelineEntryKind, TimelineFilter } from './timeline.model';

/** The UK calendar day an opportunity entered a stage: what "happened on" means beside engagements' dates. */
const MOVE_DAY = `(h.entered_at AT TIME ZONE 'Europe/London')::date`;

/** Conditions on stage-history rows `h` joined to their opportunity `o`, mirroring the engagement filter. */
function moveConditions(f: TimelineFilter, p: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (f.organisationId) where.push(`o.organisation_id = ${p(f.organisationId)}::uuid`);
  if (f.contactId) where.push(`EXISTS (SELECT 1 FROM opportunity_contacts x WHERE x.opportunity_id = o.id AND x.contact_id = ${p(f.contactId)}::uuid)`);
  if (f.departmentIds?.length) where.push(`o.department_id = ANY(${p(f.departmentIds)}::uuid[])`);
  if (f.staffId) {
    const staff = p(f.staffId);
    where.push(`(h.moved_by = ${staff}::uuid OR o.owner_id = ${staff}::uuid)`);
  }
  if (f.from) where.push(`${MOVE_DAY} >= ${p(f.from)}::date`);
  if (f.to) where.push(`${MOVE_DAY} <= ${p(f.to)}::date`);
  return where;
}

/**
 * One newest-first page of engagements and opportunity stage moves, interleaved: a keyset over
 * the UNION ALL of both on (day, time, id), so paging never skips or repeats an entry of either
 * kind. Confidential engagements and opportunities are filtered by the same rule as everywhere.
 */
export async function timelinePage(db: DataSource, user: AuthUser, args: TimelineArgs): Promise<Connection<TimelineEntry>> {
  const limit = pageSize(args.first);
  const f = args.filter ?? {};
  const kinds = f.kinds?.length ? f.kinds : Object.values(TimelineEntryKind);
  const params: unknown[] = [visibleParam(user)];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const branches: Array<{ page: string; count: string }> = [];
  if (kinds.includes(TimelineEntryKind.ENGAGEMENT)) {
    const where = ['e.deleted_at IS NULL', visibleSql('e', 1), ...engagementConditions(f, p)].join(' AND ');
    branches.push({
      page: `SELECT 'engagement' AS kind, e.id, e.occurred_on AS day, e.created_at AS at, NULL::uuid AS from_stage_id FROM engagements e WHERE ${where}`,
      count: `SELECT count(*) FROM engagements e WHERE ${where}`,
    });
  }
  if (kinds.includes(TimelineEntryKind.OPPORTUNITY_MOVE)) {
    const where = ['o.deleted_at IS NULL', visibleSql('o', 1), ...moveConditions(f, p)].join(' AND ');
    const from = 'opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id';
    branches.push({
      // The stage it came from is the stay that ended the instant this one began.
      page: `SELECT 'opportunity_move', h.id, ${MOVE_DAY}, h.entered_at,
               (SELECT prev.stage_id FROM opportunity_stage_history prev
                 WHERE prev.opportunity_id = h.opportunity_id AND prev.left_at = h.entered_at AND prev.id <> h.id LIMIT 1)
             FROM ${from} WHERE ${where}`,
      count: `SELECT count(*) FROM ${from} WHERE ${where}`,
    });
  }
  const total: number = (await db.query(`SELECT (${branches.map((b) => `(${b.count})`).join(' + ')})::int AS total`, params))[0].total;

  let after = 'TRUE';
  if (args.after) {
    const { day, at, id } = decodeDayTimeCursor(args.after);
    after = `(t.day, t.at, t.id) < (${p(day)}::date, ${p(at)}::timestamptz, ${p(id)}::uuid)`;
  }
  const rows: Array<{ kind: TimelineEntryKind; id: string; day: string; at: string; from_stage_id: string | null }> = await db.query(
    `SELECT t.kind, t.id, t.day::text AS day, t.at::text AS at, t.from_stage_id
       FROM (${branches.map((b) => b.page).join(' UNION ALL ')}) AS t (kind, id, day, at, from_stage_id)
      WHERE ${after}
      ORDER BY t.day DESC, t.at DESC, t.id DESC LIMIT ${limit + 1}`,
    params,
  );
  const entries = await withRecords(db, rows);
  const keys = new Map(rows.map((r) => [r.id, `${r.day}|${r.at}`]));
  return toConnection(entries, limit, total, (entry) => keys.get(entry.id) ?? null);
}

/** Fetches the engagements, stage stays and opportunities behind a page's rows: three queries, whatever the page size. */
async function withRecords(db: DataSource, rows: Array<{ kind: TimelineEntryKind; id: string; day: string; from_stage_id: string | null }>): Promise<TimelineEntry[]> {
  const engagementIds = rows.filter((r) => r.kind === TimelineEntryKind.ENGAGEMENT).map((r) => r.id);
  const moveIds = rows.filter((r) => r.kind === TimelineEntryKind.OPPORTUNITY_MOVE).map((r) => r.id);
  const engagements = engagementIds.length
    ? new Map<string, ReturnType<typeof toEngagement>>(
      (await db.query(`SELECT ${ENGAGEMENT_COLUMNS} FROM engagements e WHERE e.id = ANY($1::uuid[])`, [engagementIds])).map((r: Record<string, unknown>) => [r.id, toEngagement(r)]))
    : new Map();
  const moves = new Map((moveIds.length ? await db.getRepository(OpportunityStageHistory).findBy({ id: In(moveIds) }) : []).map((h) => [h.id, h]));
  const opportunityIds = [...new Set([...moves.values()].map((h) => h.opportunityId))];
  const opportunities = new Map((opportunityIds.length ? await db.getRepository(Opportunity).findBy({ id: In(opportunityIds) }) : []).map((o) => [o.id, o]));
  return rows.map((r) => {
    const move = moves.get(r.id) ?? null;
    return Object.assign(new TimelineEntry(), {
      id: r.id, kind: r.kind, occurredOn: r.day,
      engagement: engagements.get(r.id) ?? null,
      opportunityMove: move,
      opportunity: move ? opportunities.get(move.opportunityId) ?? null : null,
      fromStageId: r.from_stage_id,
    });
  });
}
