import { DataSource } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection, decodeCursor, pageSize, toConnection } from '../../common/database/connection';
import { OrganisationOpportunitiesArgs } from './dto/opportunities.args';
import { Opportunity } from './opportunity.entity';
import { opportunityConditions } from './opportunity.filter';

/**
 * Pages of several organisations' opportunities, newest first (keyset on created_at, id), in two
 * statements whatever the number of organisations: the rows (row_number per organisation) and the
 * counts. What the Organisation.opportunities DataLoader needs to avoid N+1.
 */
export async function opportunitiesOfOrganisations(
  db: DataSource,
  user: AuthUser,
  args: OrganisationOpportunitiesArgs,
  organisationIds: readonly string[],
): Promise<Map<string, Connection<Opportunity>>> {
  const limit = pageSize(args.first);
  const { where, params } = opportunityConditions('x', user);
  where.push('x.organisation_id IN (:...organisationIds)');
  params.organisationIds = [...organisationIds];
  const counting = db.createQueryBuilder().from('opportunities', 'x').select('x.organisation_id', 'organisation_id').addSelect('count(*)::int', 'count')
    .where(where.join(' AND '), params).groupBy('x.organisation_id').getRawMany<{ organisation_id: string; count: number }>();

  const paged = [...where];
  const pageParams: Record<string, unknown> = { ...params, limitPlusOne: limit + 1 };
  if (args.after) {
    const cursor = decodeCursor(args.after);
    assertUuid(cursor.id, 'after');
    paged.push('(x.created_at, x.id) < (:afterKey::timestamptz, :afterId::uuid)');
    Object.assign(pageParams, { afterKey: cursor.key, afterId: cursor.id });
  }
  const ranked = `SELECT x.id, row_number() OVER (PARTITION BY x.organisation_id ORDER BY x.created_at DESC, x.id DESC) AS rn
    FROM opportunities x WHERE ${paged.join(' AND ')}`;
  const page = db.getRepository(Opportunity).createQueryBuilder('o').addSelect('o.created_at::text', 'sort_key')
    .where(`o.id IN (SELECT id FROM (${ranked}) ranked WHERE rn <= :limitPlusOne)`, pageParams)
    .orderBy('o.created_at', 'DESC').addOrderBy('o.id', 'DESC')
    .getRawAndEntities();

  const [{ raw, entities }, counts] = await Promise.all([page, counting]);
  const keys = new Map(entities.map((e, i) => [e.id, raw[i].sort_key as string]));
  const byOrganisation = new Map<string, Opportunity[]>();
  for (const o of entities) byOrganisation.set(o.organisationId, [...(byOrganisation.get(o.organisationId) ?? []), o]);
  const totals = new Map(counts.map((c) => [c.organisation_id, c.count]));
  return new Map(organisationIds.map((id) => [id, toConnection(byOrganisation.get(id) ?? [], limit, totals.get(id) ?? 0, (o) => keys.get(o.id) ?? null)]));
}
