import { Args, Info, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { DataSource } from 'typeorm';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { READERS, Roles } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { GqlContext } from '../../common/graphql/context';
import { selectsField } from '../../common/graphql/selection';
import { OpportunityStage } from '../opportunity/opportunity-stage.entity';
import { TimelineArgs, TimelineConnection, TimelineEntry } from './timeline.model';
import { timelinePage } from './timeline.sql';

@Resolver(() => TimelineEntry)
export class TimelineResolver {
  constructor(private readonly db: DataSource) {}

  @Query(() => TimelineConnection, {
    description: "Engagements and opportunity stage moves, newest first: an organisation's or a person's story in one list",
    complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25),
  })
  @Roles(...READERS)
  timeline(@CurrentUser() user: AuthUser, @Args() args: TimelineArgs, @Info() info: GraphQLResolveInfo): Promise<Connection<TimelineEntry>> {
    // The unscoped count reads every visible entry: only done for a query that shows it.
    return timelinePage(this.db, user, args, selectsField(info, 'totalCount'));
  }

  @ResolveField(() => OpportunityStage, { nullable: true, description: 'The stage it left; null when the opportunity was opened' })
  fromStage(entry: TimelineEntry, _args: unknown, ctx: GqlContext): Promise<OpportunityStage | null> | null {
    return entry.fromStageId ? ctx.loaders.stageById('TimelineEntry.fromStage').load(entry.fromStageId) : null;
  }
}
