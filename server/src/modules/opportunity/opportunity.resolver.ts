import { Args, ID, Info, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, READERS, Roles, WRITERS } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { selectsField } from '../../common/graphql/selection';
import { OpportunitiesArgs } from './dto/opportunities.args';
import { CreateOpportunityInput, UpdateOpportunityInput } from './dto/opportunity.input';
import { OpportunityConnection } from './models/opportunity-connection.model';
import { Opportunity } from './opportunity.entity';
import { OpportunityService } from './opportunity.service';

@Resolver(() => Opportunity)
export class OpportunityResolver {
  constructor(private readonly opportunities: OpportunityService) {}

  @Query(() => OpportunityConnection, {
    name: 'opportunities', description: 'Newest first unless orderBy says otherwise',
    complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25),
  })
  @Roles(...READERS)
  listOpportunities(@CurrentUser() user: AuthUser, @Args() args: OpportunitiesArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<Opportunity>> {
    // The board's columns take their counts from the pipeline totals: counting each column again would read every card in it.
    return this.opportunities.list(user, args, { count: selectsField(info, 'totalCount') });
  }

  @Query(() => Opportunity, { nullable: true })
  @Roles(...READERS)
  opportunity(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Opportunity | null> {
    return this.opportunities.findById(user, id);
  }

  @Mutation(() => Opportunity)
  @Roles(...WRITERS)
  createOpportunity(@CurrentUser() user: AuthUser, @Args('input') input: CreateOpportunityInput): Promise<Opportunity> {
    return this.opportunities.create(user, input);
  }

  @Mutation(() => Opportunity, { description: 'Everything but the stage (see moveOpportunity); refused with CONFLICT when version is not the current one' })
  @Roles(...WRITERS)
  updateOpportunity(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateOpportunityInput): Promise<Opportunity> {
    return this.opportunities.update(user, id, version, input);
  }

  @Mutation(() => Opportunity, { description: 'Moves to a stage and records it in the stage history; a lost stage needs lostReason; a stale version gives CONFLICT' })
  @Roles(...WRITERS)
  moveOpportunity(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('stageId', { type: () => ID }) stageId: string,
    @Args('lostReason', { type: () => String, nullable: true, description: 'Required when the stage is lost; ignored otherwise' }) lostReason?: string | null): Promise<Opportunity> {
    return this.opportunities.move(user, id, version, stageId, lostReason);
  }

  @Mutation(() => Opportunity, { description: 'Soft delete: hidden from lists and the pipeline, restorable by an admin' })
  @Roles(...WRITERS)
  archiveOpportunity(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Opportunity> {
    return this.opportunities.archive(user, id);
  }

  @Mutation(() => Opportunity)
  @Roles(...ADMINS)
  restoreOpportunity(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Opportunity> {
    return this.opportunities.restore(user, id);
  }
}
