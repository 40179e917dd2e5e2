import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam, visibleSql } from '../../common/auth/visibility';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection, decodeCursor, pageSize, toConnection } from '../../common/database/connection';
import { Engagement } from './engagement.entity';
import { EngagementFilter, EngagementsArgs } from './dto/engagement.input';

/** Whose timeline: engagements of organisations, of contacts (present at them), or everyone's. */
export type TimelineScope = { kind: 'organisation' | 'contact'; ids: readonly string[] } | null;

export const ENGAGEMENT_COLUMNS = `e.id, e.type, e.occurred_on::text AS occurred_on, e.summary, e.details, e.organisation_id, e.department_id,
  e.confidential, e.created_by, e.created_at, e.updated_at, e.deleted_at, e.version`;

export function toEngagement(r: Record<string, any>): Engagement {
  return Object.assign(new Engagement(), {
    id: r.id, type: r.type, occurredOn: r.occurred_on, summary: r.summary, details: r.details, organisationId: r.organisation_id,
    departmentId: r.department_id, confidential: r.confidential, createdBy: r.created_by, createdAt: r.created_at,
    updatedAt: r.updated_at, deletedAt: r.deleted_at, version: r.version,
  });
}

/** The filter's conditions on engagements `e` (the caller adds deletion and visibility); `p` binds a parameter. */
export function engagementConditions(f: EngagementFilter, p: (value: unknown) => string): string[] {
  const where: string[] = [];
  if (f.organisationId) where.push(`e.organisation_id = ${p(f.organisationId)}::uuid`);
  if (f.contactId) where.push(`EXISTS (SELECT 1 FROM engagement_contacts x WHERE x.engagement_id = e.id AND x.contact_id = ${p(f.contactId)}::uuid)`);
  if (f.departmentIds?.length) where.push(`e.department_id = ANY(${p(f.departmentIds)}::uuid[])`);
  if (f.types?.length) where.push(`e.type = ANY(${p(f.types)}::text[])`);
  if (f.staffId) {
    const staff = p(f.staffId);
    where.push(`(e.created_by = ${staff}::uuid OR EXISTS (SELECT 1 FROM engagement_staff s WHERE s.engagement_id = e.id AND s.user_id = ${staff}::uuid))`);
  }
  if (f.from) where.push(`e.occurred_on >= ${p(f.from)}::date`);
  if (f.to) where.push(`e.occurred_on <= ${p(f.to)}::date`);
  return where;
}

/** A timeline cursor: the day, the moment within it ("day|timestamp") and the row's id. */
export function decodeDayTimeCursor(after: string): { day: string; at: string; id: string } {
  const cursor = decodeCursor(after);
  assertUuid(cursor.id, 'after');
  const [day, at] = String(cursor.key).split('|');
  return { day, at, id: cursor.id };
}

/**
 * Pages of timelines, newest first, keyset on (occurred_on, created_at, id), for many scopes in
 * one query (row_number per scope): what a DataLoader needs to serve nested timelines without N+1.
 * Confidential engagements are filtered here, so every route to a timeline obeys the rule.
 */
export async function timelines(db: DataSource, user: AuthUser, args: EngagementsArgs, scope: TimelineScope): Promise<Map<string, Connection<Engagement>>> {
  const limit = pageSize(args.first);
  const f = args.filter ?? {};
  const params: unknown[] = [visibleParam(user)];
  const p = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where = ['e.deleted_at IS NULL', visibleSql('e', 1)];
  let scopeColumn = `''::text`;
  let from = 'engagements e';
  if (scope?.kind === 'organisation') {
    scopeColumn = 'e.organisation_id::text';
    where.push(`e.organisation_id = ANY(${p(scope.ids)}::uuid[])`);
  } else if (scope?.kind === 'contact') {
    from = 'engagements e JOIN engagement_contacts ec ON ec.engagement_id = e.id';
    scopeColumn = 'ec.contact_id::text';
    where.push(`ec.contact_id = ANY(${p(scope.ids)}::uuid[])`);
  }
  where.push(...engagementConditions(f, p));
  const counted = `SELECT ${scopeColumn} AS scope_id, count(*)::int AS count FROM ${from} WHERE ${where.join(' AND ')} GROUP BY 1`;
  const countParams = [...params];

  if (args.after) {
    const { day, at, id } = decodeDayTimeCursor(args.after);
    where.push(`(e.occurred_on, e.created_at, e.id) < (${p(day)}::date, ${p(at)}::timestamptz, ${p(id)}::uuid)`);
  }
  const paged = `SELECT * FROM (
      SELECT ${ENGAGEMENT_COLUMNS}, e.occurred_on::text || '|' || e.created_at::text AS sort_key, ${scopeColumn} AS scope_id,
             row_number() OVER (PARTITION BY ${scopeColumn} ORDER BY e.occurred_on DESC, e.created_at DESC, e.id DESC) AS rn
      FROM ${from} WHERE ${where.join(' AND ')}) t
    WHERE rn <= ${limit + 1} ORDER BY scope_id, rn`;
  const [rows, counts] = await Promise.all([db.query(paged, params), db.query(counted, countParams)]);

  const byScope = new Map<string, { rows: Engagement[]; keys: Map<string, string> }>();
  for (const r of rows) {
    const group = byScope.get(r.scope_id) ?? { rows: [] as Engagement[], keys: new Map<string, string>() };
    group.rows.push(toEngagement(r));
    group.keys.set(r.id, r.sort_key);
    byScope.set(r.scope_id, group);
  }
  const totals = new Map<string, number>(counts.map((c: { scope_id: string; count: number }) => [c.scope_id, c.count]));
  const result = new Map<string, Connection<Engagement>>();
  for (const id of scope ? scope.ids : ['']) {
    const group = byScope.get(id) ?? { rows: [], keys: new Map() };
    result.set(id, toConnection(group.rows, limit, totals.get(id) ?? 0, (e) => group.keys.get(e.id) ?? null));
  }
  return result;
}
