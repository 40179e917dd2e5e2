import { Args, Context, Query, ResolveField, Resolver, Parent } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { READERS, Roles } from '../../common/auth/roles';
import { GqlContext } from '../../common/graphql/context';
import { Connection } from '../../common/database/connection';
import { PipelineFilter, StageOpportunitiesArgs } from './dto/opportunities.args';
import { OpportunityConnection } from './models/opportunity-connection.model';
import { Pipeline, PipelineStage } from './models/pipeline.model';
import { Opportunity } from './opportunity.entity';
import { PipelineService } from './pipeline.service';

@Resolver(() => Pipeline)
export class PipelineResolver {
  constructor(private readonly pipelines: PipelineService) {}

  @Query(() => Pipeline, { description: 'Open opportunities by stage with counts, totals and weighted totals; confidential ones count only for those who may see them' })
  @Roles(...READERS)
  pipeline(@CurrentUser() user: AuthUser, @Args('filter', { type: () => PipelineFilter, nullable: true }) filter?: PipelineFilter): Promise<Pipeline> {
    return this.pipelines.pipeline(user, filter ?? {});
  }
}

@Resolver(() => PipelineStage)
export class PipelineStageResolver {
  @ResolveField(() => OpportunityConnection, {
    description: "The stage's opportunities in the pipeline's filter: a board column's first page, in one request with the totals' stages. "
      + 'totalCount is not counted (the stage count is it); continue with opportunities(filter: { stageIds: [stage.id] }, after: pageInfo.endCursor)',
    complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25),
  })
  opportunities(@Parent() stage: PipelineStage, @Args() args: StageOpportunitiesArgs, @Context() ctx: GqlContext): Promise<Connection<Opportunity>> {
    return ctx.loaders.opportunitiesByStage({ first: args.first, orderBy: args.orderBy, filter: stage.filter }).load(stage.stage.id);
  }
}
