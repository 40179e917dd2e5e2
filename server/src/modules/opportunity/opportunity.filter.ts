import { AuthUser } from '../../common/auth/auth-user';
import { visibleTo } from '../../common/auth/visibility';
import { KeysetSort } from '../../common/database/keyset';
import { ukDateSql, ukDayStartSql } from '../../common/database/uk-today';
import { ukToday } from '../../common/dates/uk-dates';
import { OpportunityFilter } from './dto/opportunities.args';
import { OpportunitySortField } from './opportunity.enums';

/** SQL conditions with TypeORM named parameters: usable in a query builder or, escaped, in raw SQL. */
export interface Conditions {
  where: string[];
  params: Record<string, unknown>;
}

/**
 * The rows of `opportunities` (as `alias`) this user may see that match the filter: live ones
 * only, confidential ones only for their department, managers and admins. The list, the counts
 * and the pipeline all start here, so they cannot disagree about what is visible.
 */
export function opportunityConditions(alias: string, user: AuthUser, f: OpportunityFilter = {}): Conditions {
  const [visible, visibleParams] = visibleTo(alias, user);
  const where = [`${alias}.deleted_at IS NULL`, visible];
  const params: Record<string, unknown> = { ...visibleParams };
  const add = (sql: string, values: Record<string, unknown>) => {
    where.push(sql);
    Object.assign(params, values);
  };
  if (f.departmentIds?.length) add(`${alias}.department_id IN (:...departmentIds)`, { departmentIds: f.departmentIds });
  if (f.ownerId) add(`${alias}.owner_id = :ownerId`, { ownerId: f.ownerId });
  if (f.types?.length) add(`${alias}.type IN (:...types)`, { types: f.types });
  if (f.organisationId) add(`${alias}.organisation_id = :organisationId`, { organisationId: f.organisationId });
  if (f.expectedCloseFrom) add(`${alias}.expected_close_date >= :expectedCloseFrom::date`, { expectedCloseFrom: f.expectedCloseFrom });
  if (f.expectedCloseTo) add(`${alias}.expected_close_date <= :expectedCloseTo::date`, { expectedCloseTo: f.expectedCloseTo });
  if (f.stageIds?.length) add(`${alias}.stage_id IN (:...stageIds)`, { stageIds: f.stageIds });
  if (f.staleOnly) add(staleSql(alias), { today: ukToday() });
  if (f.outcome) add(`${alias}.stage_id IN (SELECT id FROM opportunity_stages WHERE outcome = :outcome)`, { outcome: f.outcome });
  // The same bounds the reports use, so a drill-down lists exactly the records behind a figure.
  if (f.closedFrom) add(`${alias}.closed_at >= ${ukDayStartSql(':closedFrom')}`, { closedFrom: f.closedFrom });
  if (f.closedTo) add(`${alias}.closed_at < ${ukDayStartSql(':closedTo::date + 1')}`, { closedTo: f.closedTo });
  if (f.runningFrom || f.runningTo) {
    // HE-BCI spreads a won contract over start → end (won date when undated): see hebci.service.
    where.push(`${alias}.won_at IS NOT NULL`);
    const wonDay = ukDateSql(`${alias}.won_at`);
    if (f.runningFrom) add(`greatest(coalesce(${alias}.end_date, ${alias}.start_date, ${wonDay}), coalesce(${alias}.start_date, ${wonDay})) >= :runningFrom::date`, { runningFrom: f.runningFrom });
    if (f.runningTo) add(`coalesce(${alias}.start_date, ${wonDay}) <= :runningTo::date`, { runningTo: f.runningTo });
  }
  if (f.search) {
    // Substring match on the title, served by the trigram index opportunities_title_trgm_idx.
    add(`${alias}.title ILIKE :titleLike`, { titleLike: `%${f.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` });
  }
  return { where, params };
}

/** Still open, yet its expected close date has passed (before `:today`, the UK day): the pipeline is overstating itself. */
export const staleSql = (alias: string) =>
  `${alias}.expected_close_date < :today::date AND ${alias}.stage_id IN (SELECT id FROM opportunity_stages WHERE outcome = 'open')`;

// Each sort has a partial (key, id) index in migration Opportunities1732600000000, so paging is an index range scan.
const NO_CLOSE_DATE = `'9999-12-31'::date`;
export const SORTS: Record<OpportunitySortField, Omit<KeysetSort, 'desc'>> = {
  // Timestamps travel in cursors as text so microseconds survive the round trip.
  [OpportunitySortField.createdAt]: { key: 'o.created_at', keyAsText: 'o.created_at::text', cast: '::timestamptz' },
  [OpportunitySortField.title]: { key: 'lower(o.title) COLLATE "C"', keyAsText: 'lower(o.title)', cast: '::text COLLATE "C"' },
  [OpportunitySortField.valuePence]: { key: 'o.value_pence', keyAsText: 'o.value_pence::text', cast: '::bigint' },
  // Undated opportunities sort after any dated one.
  [OpportunitySortField.expectedCloseDate]: {
    key: `coalesce(o.expected_close_date, ${NO_CLOSE_DATE})`, keyAsText: `coalesce(o.expected_close_date, ${NO_CLOSE_DATE})::text`, cast: '::date',
  },
};
