import { Args, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, READERS, Roles } from '../../common/auth/roles';
import { badField } from '../../common/graphql/errors';
import { GqlContext } from '../../common/graphql/context';
import { Organisation } from '../organisation/organisation.entity';
import { GoingColdOrganisation, HealthScore } from './relationship-health.models';
import { RelationshipHealthService } from './relationship-health.service';

@Resolver(() => HealthScore)
export class RelationshipHealthResolver {
  constructor(private readonly health: RelationshipHealthService) {}

  @Query(() => HealthScore, { description: 'Score 0–100 with each factor; counts only what you may see' })
  @Roles(...READERS)
  relationshipHealth(@CurrentUser() user: AuthUser, @Args('organisationId', { type: () => ID }) organisationId: string): Promise<HealthScore> {
    return this.health.forOrganisation(user, organisationId);
  }

  @Query(() => [GoingColdOrganisation], { description: 'Important organisations whose score fell by 10 or more in 90 days, biggest fall first, as of the daily snapshot (computedAt)' })
  @Roles(...READERS)
  goingCold(@CurrentUser() user: AuthUser, @Args('first', { type: () => Int, defaultValue: 10 }) first: number): Promise<GoingColdOrganisation[]> {
    if (first < 1 || first > 100) throw badField('first', 'first must be between 1 and 100');
    return this.health.goingCold(user, first);
  }

  @Mutation(() => Date, { description: 'Recomputes the going-cold list now (it is otherwise computed daily); returns when' })
  @Roles(...ADMINS)
  refreshGoingCold(): Promise<Date> {
    return this.health.refreshGoingCold();
  }
}

@Resolver(() => GoingColdOrganisation)
export class GoingColdOrganisationResolver {
  @ResolveField(() => Organisation)
  organisation(row: GoingColdOrganisation, _args: unknown, ctx: GqlContext): Promise<Organisation | null> {
    return ctx.loaders.organisationById('GoingColdOrganisation.organisation').load(row.organisationId);
  }
}
