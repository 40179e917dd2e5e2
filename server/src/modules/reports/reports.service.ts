import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { andAll, ReportFilter, reportWhere, SqlParams } from './report-filter';
import {
  ActivityDimension, ActivityReportRow, PipelineDimension, PipelineReportRow, TopOrganisationMeasure, TopOrganisationRow, WinRateDimension, WinRateReportRow,
} from './reports.models';

/**
 * Group key, label and order for each dimension over opportunities `op` (stage `s`, department
 * `d`, owner `u`), and the joins beyond the stage that its label needs: joining every table for
 * every dimension costs a hash join over the whole pipeline that the stage report never reads
 * (department_id is NOT NULL with a foreign key, so leaving `d` out drops no rows).
 */
const OPPORTUNITY_GROUPS: Record<PipelineDimension, { key: string; label: string; order: string; joins: string }> = {
  stage: { key: 's.id::text', label: 's.name', order: 'min(s.position)', joins: '' },
  type: { key: 'op.type', label: 'op.type', order: 'sum(op.value_pence) DESC', joins: '' },
  department: { key: 'd.id::text', label: 'd.name', order: 'sum(op.value_pence) DESC', joins: 'JOIN departments d ON d.id = op.department_id' },
  owner: { key: `coalesce(u.id::text, '')`, label: `coalesce(u.name, 'No owner')`, order: 'sum(op.value_pence) DESC', joins: 'LEFT JOIN users u ON u.id = op.owner_id' },
};
const ENGAGEMENT_GROUPS: Record<ActivityDimension, { key: string; label: string }> = {
  department: { key: 'd.id::text', label: 'd.name' },
  type: { key: 'e.type', label: 'e.type' },
};
const opportunitiesFor = (g: { joins: string }) => `FROM opportunities op JOIN opportunity_stages s ON s.id = op.stage_id ${g.joins}`;

/**
 * The managers' figures, each one SQL aggregation that counts only what the user may see
 * (confidential opportunities and engagements of other departments are left out for staff).
 */
@Injectable()
export class ReportsService {
  constructor(private readonly db: DataSource) {}

  /** Open pipeline grouped by a dimension; the period applies to the expected close date. */
  async pipeline(user: AuthUser, by: PipelineDimension, filter?: ReportFilter): Promise<PipelineReportRow[]> {
    const p = new SqlParams();
    const visible = p.visibleTo('op', user);
    const where = reportWhere(p, filter, 'op', { day: 'op.expected_close_date' }, 'owner_id');
    const g = OPPORTUNITY_GROUPS[by];
    const sums = `count(*)::int AS count, sum(op.value_pence)::bigint AS value,
              sum(op.value_pence * coalesce(op.probability, s.default_probability) / 100)::bigint AS weighted`;
    const matching = `op.deleted_at IS NULL AND ${visible}${andAll(where)}`;
    // By stage, each open stage is summed on its own (a lateral aggregate), which the planner reads
    // index-only from opportunities_board_idx: about 40 ms at 200,000 opportunities, where hashing
    // every live opportunity took 70 ms and three processes (EXPLAIN ANALYZE, issue 15).
    const sql = by === PipelineDimension.stage
      ? `SELECT s.id::text AS key, s.name AS label, t.count, t.value, t.weighted
           FROM opportunity_stages s CROSS JOIN LATERAL (SELECT ${sums} FROM opportunities op WHERE op.stage_id = s.id AND ${matching}) t
          WHERE s.outcome = 'open' AND t.count > 0
          ORDER BY s.position, 2`
      : `SELECT ${g.key} AS key, ${g.label} AS label, ${sums}
           ${opportunitiesFor(g)}
          WHERE s.outcome = 'open' AND ${matching}
          GROUP BY 1, 2 ORDER BY ${g.order}, 2`;
    const rows = await this.db.query(sql, p.values);
    return rows.map((r: any) => ({ key: r.key, label: r.label, count: r.count, valuePence: Number(r.value), weightedValuePence: Number(r.weighted) }));
  }

  /** Won against lost among opportunities closed in the period, and how long winning took. */
  async winRate(user: AuthUser, by: WinRateDimension, filter?: ReportFilter): Promise<WinRateReportRow[]> {
    const p = new SqlParams();
    const visible = p.visibleTo('op', user);
    const where = reportWhere(p, filter, 'op', { instant: 'op.closed_at' }, 'owner_id');
    const g = OPPORTUNITY_GROUPS[by];
    const rows = await this.db.query(
      `SELECT ${g.key} AS key, ${g.label} AS label,
              count(*) FILTER (WHERE s.outcome = 'won')::int AS won, count(*) FILTER (WHERE s.outcome = 'lost')::int AS lost,
              avg(extract(epoch FROM op.closed_at - op.created_at) / 86400) FILTER (WHERE s.outcome = 'won') AS days,
              coalesce(sum(op.value_pence) FILTER (WHERE s.outcome = 'won'), 0)::bigint AS won_value
         ${opportunitiesFor(g)}
        WHERE op.deleted_at IS NULL AND s.outcome <> 'open' AND op.closed_at IS NOT NULL AND ${visible}${andAll(where)}
        GROUP BY 1, 2 ORDER BY 2`,
      p.values,
    );
    return rows.map((r: any) => ({
      key: r.key, label: r.label, won: r.won, lost: r.lost,
      winRate: r.won + r.lost ? r.won / (r.won + r.lost) : null,
      averageDaysToClose: r.days === null ? null : Math.round(Number(r.days) * 10) / 10,
      wonValuePence: Number(r.won_value),
    }));
  }

  /** Engagements per month by department or type; the owner filter means the member of staff who logged them. */
  async activity(user: AuthUser, by: ActivityDimension, filter?: ReportFilter): Promise<ActivityReportRow[]> {
    const p = new SqlParams();
    const visible = p.visibleTo('e', user);
    const where = reportWhere(p, filter, 'e', { day: 'e.occurred_on' }, 'created_by');
    const g = ENGAGEMENT_GROUPS[by];
    const rows = await this.db.query(
      `SELECT to_char(date_trunc('month', e.occurred_on), 'YYYY-MM') AS month, ${g.key} AS key, ${g.label} AS label, count(*)::int AS count
         FROM engagements e JOIN departments d ON d.id = e.department_id
        WHERE e.deleted_at IS NULL AND ${visible}${andAll(where)}
        GROUP BY 1, 2, 3 ORDER BY 1, 3`,
      p.values,
    );
    return rows;
  }

  /** The organisations with the most won value, or the most engagements, in the period. */
  async topOrganisations(user: AuthUser, by: TopOrganisationMeasure, first: number, filter?: ReportFilter): Promise<TopOrganisationRow[]> {
    const p = new SqlParams();
    const won = reportWhere(p, filter, 'op', { instant: 'op.won_at' }, 'owner_id');
    const engaged = reportWhere(p, filter, 'e', { day: 'e.occurred_on' }, 'created_by');
    const order = by === TopOrganisationMeasure.wonValue ? 'won_value DESC, engagements DESC' : 'engagements DESC, won_value DESC';
    const rows = await this.db.query(
      `WITH won AS (
         SELECT op.organisation_id, sum(op.value_pence)::bigint AS won_value
           FROM opportunities op JOIN opportunity_stages s ON s.id = op.stage_id
          WHERE op.deleted_at IS NULL AND s.outcome = 'won' AND op.won_at IS NOT NULL AND ${p.visibleTo('op', user)}${andAll(won)}
          GROUP BY 1
       ), engaged AS (
         SELECT e.organisation_id, count(*)::int AS engagements
           FROM engagements e
          WHERE e.deleted_at IS NULL AND ${p.visibleTo('e', user)}${andAll(engaged)}
          GROUP BY 1
       )
       SELECT o.id, o.name, coalesce(won.won_value, 0) AS won_value, coalesce(engaged.engagements, 0) AS engagements
         FROM organisations o
         LEFT JOIN won ON won.organisation_id = o.id
         LEFT JOIN engaged ON engaged.organisation_id = o.id
        WHERE o.deleted_at IS NULL AND ${p.visibleTo('o', user)} AND (won.won_value > 0 OR engaged.engagements > 0)
        ORDER BY ${order}, o.name
        LIMIT ${p.add(first)}`,
      p.values,
    );
    return rows.map((r: any) => ({ organisationId: r.id, name: r.name, wonValuePence: Number(r.won_value), engagementCount: Number(r.engagements) }));
  }
}
