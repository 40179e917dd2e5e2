import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { Connection } from '../../common/database/connection';
import { KeysetSort, keysetPage, keysetPagesPer } from '../../common/database/keyset';
import { SortDirection } from '../organisation/organisation.enums';
import { OpportunitiesArgs, OrganisationOpportunitiesArgs, PipelineFilter, StageOpportunitiesArgs } from './dto/opportunities.args';
import { Opportunity } from './opportunity.entity';
import { OpportunitySortField } from './opportunity.enums';
import { opportunityConditions, SORTS } from './opportunity.filter';

/** One page of the opportunities this user may see, keyset-paginated (newest first by default), with the total count unless `count` is false. */
export function opportunityPage(db: DataSource, user: AuthUser, args: OpportunitiesArgs, { count = true } = {}): Promise<Connection<Opportunity>> {
  const { where, params } = opportunityConditions('o', user, args.filter);
  const q = db.getRepository(Opportunity).createQueryBuilder('o');
  for (const condition of where) q.andWhere(condition);
  q.setParameters(params);
  const order = args.orderBy ?? { field: OpportunitySortField.createdAt, direction: SortDirection.desc };
  return keysetPage(q, { ...SORTS[order.field], desc: order.direction === SortDirection.desc }, args, { count });
}

/**
 * The first page of each pipeline stage's column, as `opportunities(filter: {…filter, stageIds:
 * [stage]})` returns it (same order and cursors, so a column's "show more" continues with that
 * query), uncounted: the pipeline's stage count is the column's count. One statement per stage,
 * run together: each is a short range of opportunities_board_idx, where one statement ranking
 * rows per stage (keysetPagesPer) would have to rank every open opportunity. Stages are a
 * handful of admin-edited rows, so the statements stay bounded.
 */
export async function opportunitiesOfStages(
  db: DataSource,
  user: AuthUser,
  args: StageOpportunitiesArgs & { filter: PipelineFilter },
  stageIds: readonly string[],
): Promise<Map<string, Connection<Opportunity>>> {
  const pages = await Promise.all(stageIds.map((stageId) =>
    opportunityPage(db, user, { first: args.first, filter: { ...args.filter, stageIds: [stageId] }, orderBy: args.orderBy }, { count: false })));
  return new Map(stageIds.map((stageId, i) => [stageId, pages[i]]));
}

/** Newest first, as an organisation's page lists them. */
const NEWEST: KeysetSort = { key: 'x.created_at', keyAsText: 'x.created_at::text', cast: '::timestamptz', desc: true };

/**
 * Pages of several organisations' opportunities, newest first, in two statements whatever the
 * number of organisations (keysetPagesPer: the rows and the counts). What the
 * Organisation.opportunities DataLoader needs to avoid N+1.
 */
export function opportunitiesOfOrganisations(
  db: DataSource,
  user: AuthUser,
  args: OrganisationOpportunitiesArgs,
  organisationIds: readonly string[],
): Promise<Map<string, Connection<Opportunity>>> {
  const { where, params } = opportunityConditions('x', user);
  where.push('x.organisation_id IN (:...organisationIds)');
  const q = db.getRepository(Opportunity).createQueryBuilder('x').where(where.join(' AND '), { ...params, organisationIds: [...organisationIds] });
  return keysetPagesPer(q, NEWEST, args, { parent: 'x.organisation_id', parents: organisationIds, parentOf: (o) => o.organisationId });
}
