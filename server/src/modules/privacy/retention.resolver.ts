import { Args, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, MANAGERS, Roles } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { CreateRetentionRuleInput, DecideRetentionInput, RetentionQueueArgs, UpdateRetentionRuleInput } from './dto/privacy.input';
import { RetentionDue, RetentionReview } from './models/privacy.models';
import { RetentionRule } from './models/retention-rule.entity';
import { RetentionService } from './retention.service';

@ObjectType()
export class RetentionDueConnection extends Connection(RetentionDue) {}

/** Retention: managers read the rules and the queue; admins change rules and decide. */
@Resolver()
export class RetentionResolver {
  constructor(private readonly retention: RetentionService) {}

  @Query(() => [RetentionRule])
  @Roles(...MANAGERS)
  retentionRules(): Promise<RetentionRule[]> {
    return this.retention.rules();
  }

  @Query(() => RetentionDueConnection, { description: 'Records due for review under the active rules, in name order', complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25) })
  @Roles(...MANAGERS)
  retentionQueue(@Args() args: RetentionQueueArgs): Promise<Connection<RetentionDue>> {
    return this.retention.queue(args);
  }

  @Mutation(() => RetentionRule)
  @Roles(...ADMINS)
  createRetentionRule(@CurrentUser() user: AuthUser, @Args('input') input: CreateRetentionRuleInput): Promise<RetentionRule> {
    return this.retention.createRule(user, input);
  }

  @Mutation(() => RetentionRule, { description: 'Refused with CONFLICT when version is not the current one' })
  @Roles(...ADMINS)
  updateRetentionRule(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateRetentionRuleInput): Promise<RetentionRule> {
    return this.retention.updateRule(user, id, version, input);
  }

  @Mutation(() => RetentionReview, { description: 'keep (until keepUntil), archive, or erase (confirmName required) a record from the queue' })
  @Roles(...ADMINS)
  decideRetention(@CurrentUser() user: AuthUser, @Args('input') input: DecideRetentionInput): Promise<RetentionReview> {
    return this.retention.decide(user, input);
  }
}
