import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { badField } from '../../common/graphql/errors';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, READERS, Roles } from '../../common/auth/roles';
import { CreateOpportunityStageInput, UpdateOpportunityStageInput } from './dto/opportunity-stage.input';
import { OpportunityStage } from './opportunity-stage.entity';
import { OpportunityStageService } from './opportunity-stage.service';

@Resolver(() => OpportunityStage)
export class OpportunityStageResolver {
  constructor(private readonly stages: OpportunityStageService) {}

  @Query(() => [OpportunityStage], { description: 'The pipeline stages in board order' })
  @Roles(...READERS)
  opportunityStages(): Promise<OpportunityStage[]> {
    return this.stages.list();
  }

  @Mutation(() => OpportunityStage)
  @Roles(...ADMINS)
  createOpportunityStage(@CurrentUser() user: AuthUser, @Args('input') input: CreateOpportunityStageInput): Promise<OpportunityStage> {
    return this.stages.create(user, input);
  }

  @Mutation(() => OpportunityStage, { description: 'Refused with CONFLICT when version is not the current one' })
  @Roles(...ADMINS)
  updateOpportunityStage(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateOpportunityStageInput): Promise<OpportunityStage> {
    return this.stages.update(user, id, version, input);
  }

  @Mutation(() => [OpportunityStage], { description: 'Sets the board order: ids must name every stage once, first column first' })
  @Roles(...ADMINS)
  reorderOpportunityStages(@CurrentUser() user: AuthUser, @Args('ids', { type: () => [ID] }) ids: string[]): Promise<OpportunityStage[]> {
    if (ids.length > 100) throw badField('ids', 'ids must list at most 100 stages');
    return this.stages.reorder(user, ids);
  }
}
