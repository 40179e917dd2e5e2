import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext } from '../../common/graphql/context';
import { PenceScalar } from '../../common/graphql/scalars/pence.scalar';
import { AuditEvent } from '../audit/audit-event.entity';
import { Contact } from '../contact/contact.entity';
import { Department } from '../department/department.entity';
import { Organisation } from '../organisation/organisation.entity';
import { User } from '../user/user.entity';
import { OpportunityInstalment } from './opportunity-instalment.entity';
import { OpportunityStageHistory } from './opportunity-stage-history.entity';
import { OpportunityStage } from './opportunity-stage.entity';
import { Opportunity } from './opportunity.entity';
import { effectiveProbability, weightedValuePence } from './opportunity.probability';

/**
 * Opportunity.stage, effectiveProbability and weightedValuePence are siblings on the same parents,
 * so they always batch together: one stage loader for the three, one statement instead of three.
 */
const STAGE_LOADER = 'Opportunity.stage';

/** An opportunity's related records and derived figures, every one batched through the request's DataLoaders. */
@Resolver(() => Opportunity)
export class OpportunityFieldsResolver {
  @ResolveField(() => Organisation, { nullable: true, description: 'Null when the organisation is confidential to another department' })
  organisation(o: Opportunity, _args: unknown, ctx: GqlContext): Promise<Organisation | null> {
    return ctx.loaders.organisationById('Opportunity.organisation').load(o.organisationId);
  }

  @ResolveField(() => User, { nullable: true })
  owner(o: Opportunity, _args: unknown, ctx: GqlContext): Promise<User | null> | null {
    return o.ownerId ? ctx.loaders.userById('Opportunity.owner').load(o.ownerId) : null;
  }

  @ResolveField(() => Department, { nullable: true })
  department(o: Opportunity, _args: unknown, ctx: GqlContext): Promise<Department | null> {
    return ctx.loaders.departmentById('Opportunity.department').load(o.departmentId);
  }

  @ResolveField(() => OpportunityStage)
  async stage(o: Opportunity, _args: unknown, ctx: GqlContext): Promise<OpportunityStage> {
    return (await ctx.loaders.stageById(STAGE_LOADER).load(o.stageId))!;
  }

  @ResolveField(() => [Contact])
  contacts(o: Opportunity, _args: unknown, ctx: GqlContext): Promise<Contact[]> {
    return ctx.loaders.contactsByOpportunity.load(o.id);
  }

  @ResolveField(() => [OpportunityInstalment], { description: 'Income instalments by due date; HE-BCI counts them in the year received (or due)' })
  instalments(o: Opportunity, _args: unknown, ctx: GqlContext): Promise<OpportunityInstalment[]> {
    return ctx.loaders.instalmentsByOpportunity.load(o.id);
  }

  @ResolveField(() => [OpportunityStageHistory], { description: 'Each stage it has been in, oldest first, with when it entered and left' })
  stageHistory(o: Opportunity, _args: unknown, ctx: GqlContext): Promise<OpportunityStageHistory[]> {
    return ctx.loaders.stageHistoryByOpportunity.load(o.id);
  }

  @ResolveField(() => Int, { description: "The probability that counts: its own, else the stage's default; 100 when won, 0 when lost" })
  async effectiveProbability(o: Opportunity, _args: unknown, ctx: GqlContext): Promise<number> {
    const stage = await ctx.loaders.stageById(STAGE_LOADER).load(o.stageId);
    return effectiveProbability(o.probability, stage!);
  }

  @ResolveField(() => PenceScalar, { description: 'value × effective probability, in whole pence (half a penny rounds up)' })
  async weightedValuePence(o: Opportunity, _args: unknown, ctx: GqlContext): Promise<number> {
    const stage = await ctx.loaders.stageById(STAGE_LOADER).load(o.stageId);
    return weightedValuePence(o.valuePence, effectiveProbability(o.probability, stage!));
  }

  @ResolveField(() => [AuditEvent], { description: 'Every change, newest first' })
  history(o: Opportunity, _args: unknown, ctx: GqlContext): Promise<AuditEvent[]> {
    return ctx.loaders.history.load(`opportunity:${o.id}`);
  }
}

@Resolver(() => OpportunityStageHistory)
export class OpportunityStageHistoryResolver {
  @ResolveField(() => OpportunityStage)
  async stage(h: OpportunityStageHistory, _args: unknown, ctx: GqlContext): Promise<OpportunityStage> {
    return (await ctx.loaders.stageById('OpportunityStageHistory.stage').load(h.stageId))!;
  }

  @ResolveField(() => User, { nullable: true, description: 'Who moved it into the stage' })
  movedBy(h: OpportunityStageHistory, _args: unknown, ctx: GqlContext): Promise<User | null> | null {
    return h.movedBy ? ctx.loaders.userById('OpportunityStageHistory.movedBy').load(h.movedBy) : null;
  }
}
