import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { toPence } from '../../common/graphql/scalars/pence.scalar';
import { PipelineFilter } from './dto/opportunities.args';
import { Pipeline, PipelineStage } from './models/pipeline.model';
import { OpportunityStage } from './opportunity-stage.entity';
import { opportunityConditions } from './opportunity.filter';
import { weightedValueSql } from './opportunity.probability';

const STAGE_COLUMNS = 's.id, s.name, s.position, s.default_probability, s.outcome, s.created_at, s.updated_at, s.deleted_at, s.version';

@Injectable()
export class PipelineService {
  constructor(private readonly db: DataSource) {}

  /**
   * Every open stage in board order with the count, total and weighted total of the visible
   * opportunities in it, and the overall totals. Each stage is summed on its own (a lateral
   * subquery), so the planner reads only the open stages' rows, index-only from
   * opportunities_board_idx, instead of hashing every live opportunity; the overall totals are the
   * stages' sums added exactly (BigInt). Sums are refused rather than rounded past a safe integer.
   */
  async pipeline(user: AuthUser, filter: PipelineFilter = {}): Promise<Pipeline> {
    // Only the shared filters: a pipeline is by definition every open stage.
    const { departmentIds, ownerId, types, organisationId, expectedCloseFrom, expectedCloseTo } = filter;
    const { where, params } = opportunityConditions('o', user, { departmentIds, ownerId, types, organisationId, expectedCloseFrom, expectedCloseTo });
    const sql = `
      SELECT ${STAGE_COLUMNS}, t.count, t.total, t.weighted
        FROM opportunity_stages s
       CROSS JOIN LATERAL (
             SELECT count(*)::int AS count, coalesce(sum(o.value_pence), 0)::text AS total,
                    coalesce(sum(${weightedValueSql('o', 's')}), 0)::text AS weighted
               FROM opportunities o WHERE o.stage_id = s.id AND ${where.join(' AND ')}) t
       WHERE s.outcome = 'open' AND s.deleted_at IS NULL
       ORDER BY s.position, s.name`;
    const [query, values] = this.db.driver.escapeQueryWithParameters(sql, params);
    const rows: Array<Record<string, any>> = await this.db.query(query, values);
    const stages: PipelineStage[] = rows.map((r) => ({
      stage: Object.assign(new OpportunityStage(), {
        id: r.id, name: r.name, position: r.position, defaultProbability: r.default_probability, outcome: r.outcome,
        createdAt: r.created_at, updatedAt: r.updated_at, deletedAt: r.deleted_at, version: r.version,
      }),
      count: r.count, totalValuePence: toPence(r.total), weightedValuePence: toPence(r.weighted), filter,
    }));
    const sum = (key: 'total' | 'weighted') => toPence(rows.reduce((s, r) => s + BigInt(r[key]), 0n));
    const count = rows.reduce((n, r) => n + r.count, 0);
    return { stages, count, totalValuePence: sum('total'), weightedValuePence: sum('weighted') };
  }
}
