import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { Connection } from '../../common/database/connection';
import { KeysetSort, keysetPagesPer } from '../../common/database/keyset';
import { OrganisationOpportunitiesArgs } from './dto/opportunities.args';
import { Opportunity } from './opportunity.entity';
import { opportunityConditions } from './opportunity.filter';

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
