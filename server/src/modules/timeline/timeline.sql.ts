import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam, visibleSql } from '../../common/auth/visibility';
import { Connection, pageSize, toConnection } from '../../common/database/connection';
import { rowsById } from '../../common/database/rows-by-id';
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
 * Where a page of moves comes from. Unscoped (or by department, colleague, dates) it walks
 * opportunity_stage_history_timeline_idx newest first, joining each stay to its opportunity. For
 * one organisation or person that walk can pass most of the index before it finds a page (at
 * 100,000 organisations the busiest one's page passed 36,000 of 670,000 stays), so the scope's
 * opportunities come first (opportunities_organisation_visible_idx) and their stays, only the
 * columns the page and filters use, from opportunity_stage_history_opportunity_moves_idx alone,
 * then sorted. OFFSET 0 keeps the planner from flattening the lateral subquery back into the walk.
 */
function movesFrom(f: TimelineFilter): string {
  if (!f.organisationId && !f.contactId) return 'opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id';
  return `opportunities o CROSS JOIN LATERAL (SELECT s.id, s.opportunity_id, s.entered_at, s.moved_by FROM opportunity_stage_history s
                                                 WHERE s.opportunity_id = o.id OFFSET 0) h`;
}

/**
 * One newest-first page of engagements and opportunity stage moves, interleaved: a keyset over
 * the UNION ALL of both on (day, time, id), so paging never skips or repeats an entry of either
 * kind. Confidential engagements and opportunities are filtered by the same rule as everywhere.
 *
 * Each branch takes its own first `limit + 1` rows after the cursor, in the order of an index
 * (engagements_occurred_idx, opportunity_stage_history_timeline_idx), before the two are merged:
 * the page never sorts the whole history. The stage a move came from is looked up only for the
 * rows on the page. A timeline scoped to an organisation or a person reads moves the other way
 * round, from that scope's few opportunities (see `movesFrom`).
 *
 * The total is counted only when `withTotal` (the caller asked for totalCount), beside the page
 * rather than before it; unscoped it is a count of every visible entry, linear in the data.
 */
export async function timelinePage(db: DataSource, user: AuthUser, args: TimelineArgs, withTotal = true): Promise<Connection<TimelineEntry>> {
  const limit = pageSize(args.first);
  const f = args.filter ?? {};
  const kinds = f.kinds?.length ? f.kinds : Object.values(TimelineEntryKind);
  const params: unknown[] = [visibleParam(user)];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const branches: Array<{ where: string[]; after: (key: string) => string; page: (where: string) => string; count: string }> = [];
  if (kinds.includes(TimelineEntryKind.ENGAGEMENT)) {
    const where = ['e.deleted_at IS NULL', visibleSql('e', 1), ...engagementConditions(f, p)];
    branches.push({
      where,
      after: (key) => `(e.occurred_on, e.created_at, e.id) < ${key}`,
      page: (w) => `SELECT 'engagement' AS kind, e.id, e.occurred_on AS day, e.created_at AS at, NULL::uuid AS opportunity_id
                      FROM engagements e WHERE ${w}
                     ORDER BY e.occurred_on DESC, e.created_at DESC, e.id DESC LIMIT ${limit + 1}`,
      count: `SELECT count(*) FROM engagements e WHERE ${where.join(' AND ')}`,
    });
  }
  if (kinds.includes(TimelineEntryKind.OPPORTUNITY_MOVE)) {
    const where = ['o.deleted_at IS NULL', visibleSql('o', 1), ...moveConditions(f, p)];
    const from = 'opportunity_stage_history h JOIN opportunities o ON o.id = h.opportunity_id';
    branches.push({
      where,
      after: (key) => `(${MOVE_DAY}, h.entered_at, h.id) < ${key}`,
      page: (w) => `SELECT 'opportunity_move', h.id, ${MOVE_DAY}, h.entered_at, h.opportunity_id
                      FROM ${movesFrom(f)} WHERE ${w}
                     ORDER BY ${MOVE_DAY} DESC, h.entered_at DESC, h.id DESC LIMIT ${limit + 1}`,
      count: `SELECT count(*) FROM ${from} WHERE ${where.join(' AND ')}`,
    });
  }
  const countParams = [...params];
  const counting = withTotal
    ? db.query(`SELECT (${branches.map((b) => `(${b.count})`).join(' + ')})::int AS total`, countParams).then((r: Array<{ total: number }>) => r[0].total)
    : null;
  // Handled here too, so a count that fails after the page has failed is no unhandled rejection.
  counting?.catch(() => undefined);

  // The cursor is applied inside each branch, on the columns its index is ordered by.
  let key: string | null = null;
  if (args.after) {
    const { day, at, id } = decodeDayTimeCursor(args.after);
    key = `(${p(day)}::date, ${p(at)}::timestamptz, ${p(id)}::uuid)`;
  }
  const pages = branches.map((b) => `(${b.page([...b.where, ...(key ? [b.after(key)] : [])].join(' AND '))})`);
  const rows: Array<{ kind: TimelineEntryKind; id: string; day: string; at: string; from_stage_id: string | null }> = await db.query(
    // The stage it came from is the stay that ended the instant this one began.
    `SELECT t.kind, t.id, t.day::text AS day, t.at::text AS at,
            CASE WHEN t.opportunity_id IS NOT NULL THEN
              (SELECT prev.stage_id FROM opportunity_stage_history prev
                WHERE prev.opportunity_id = t.opportunity_id AND prev.left_at = t.at AND prev.id <> t.id LIMIT 1) END AS from_stage_id
       FROM (SELECT * FROM (${pages.join(' UNION ALL ')}) AS u (kind, id, day, at, opportunity_id)
              ORDER BY u.day DESC, u.at DESC, u.id DESC LIMIT ${limit + 1}) AS t
      ORDER BY t.day DESC, t.at DESC, t.id DESC`,
    params,
  );
  const entries = await withRecords(db, rows);
  const keys = new Map(rows.map((r) => [r.id, `${r.day}|${r.at}`]));
  // Not asked for, totalCount is never read: the resolver only skips it when the query does not select it.
  const total = counting ? await counting : (null as unknown as number);
  return toConnection(entries, limit, total, (entry) => keys.get(entry.id) ?? null);
}

const OPPORTUNITIES_OF_STAYS = 't.id IN (SELECT h.opportunity_id FROM opportunity_stage_history h WHERE h.id = ANY($1::uuid[]))';

/** Fetches the engagements, stage stays and opportunities behind a page's rows: three queries in one round, whatever the page size. */
async function withRecords(db: DataSource, rows: Array<{ kind: TimelineEntryKind; id: string; day: string; from_stage_id: string | null }>): Promise<TimelineEntry[]> {
  const engagementIds = rows.filter((r) => r.kind === TimelineEntryKind.ENGAGEMENT).map((r) => r.id);
  const moveIds = rows.filter((r) => r.kind === TimelineEntryKind.OPPORTUNITY_MOVE).map((r) => r.id);
  // The engagements are fetched beside the moves and their opportunities, not after them.
  const [engagements, [moves, opportunities]] = await Promise.all([
    engagementIds.length
      ? db.query(`SELECT ${ENGAGEMENT_COLUMNS} FROM engagements e WHERE e.id = ANY($1::uuid[])`, [engagementIds])
        .then((found: Array<Record<string, unknown>>) => new Map(found.map((r) => [r.id as string, toEngagement(r)])))
      : new Map<string, ReturnType<typeof toEngagement>>(),
    // The stays and their opportunities side by side: the opportunities picked by the stays' ids.
    Promise.all(moveIds.length ? [rowsById(db, OpportunityStageHistory)(moveIds), rowsById(db, Opportunity, { ids: OPPORTUNITIES_OF_STAYS })(moveIds)] : [[], []])
      .then(([stays, found]) => [new Map(stays.map((h) => [h.id, h])), new Map(found.map((o) => [o.id, o]))] as const),
  ]);
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
