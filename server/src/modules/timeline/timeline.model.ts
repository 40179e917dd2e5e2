import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { Connection } from '../../common/database/connection';
import { EngagementFilter } from '../engagement/dto/engagement.input';
import { Engagement } from '../engagement/engagement.entity';
import { OpportunityStageHistory } from '../opportunity/opportunity-stage-history.entity';
import { Opportunity } from '../opportunity/opportunity.entity';

export enum TimelineEntryKind {
  ENGAGEMENT = 'engagement',
  OPPORTUNITY_MOVE = 'opportunity_move',
}
registerEnumType(TimelineEntryKind, {
  name: 'TimelineEntryKind',
  valuesMap: {
    ENGAGEMENT: { description: 'An engagement was logged' },
    OPPORTUNITY_MOVE: { description: 'An opportunity was opened (entered its first stage) or moved to another stage' },
  },
});

/** One line of a timeline: an engagement, or an opportunity entering a stage. Exactly one of the two is set. */
@ObjectType()
export class TimelineEntry {
  @Field(() => ID, { description: "The engagement's id, or the stage-history row's id" }) id!: string;
  @Field(() => TimelineEntryKind) kind!: TimelineEntryKind;
  @Field({ description: 'ISO date (UK time) the entry happened on' }) occurredOn!: string;
  @Field(() => Engagement, { nullable: true }) engagement!: Engagement | null;
  @Field(() => Opportunity, { nullable: true, description: 'The opportunity that moved' }) opportunity!: Opportunity | null;
  @Field(() => OpportunityStageHistory, { nullable: true, description: 'The stay it began: stage, when, by whom' }) opportunityMove!: OpportunityStageHistory | null;
  /** Resolved to `fromStage` through the stage loader. */
  fromStageId!: string | null;
}

@ObjectType()
export class TimelineConnection extends Connection(TimelineEntry) {}

@InputType({ description: "An engagement filter plus which kinds of entry to show; engagement types narrow only the engagements" })
export class TimelineFilter extends EngagementFilter {
  @Field(() => [TimelineEntryKind], { nullable: true, description: 'Default: every kind' })
  @IsOptional() @ArrayMaxSize(2) @IsEnum(TimelineEntryKind, { each: true, message: 'filter.kinds must be timeline entry kinds' }) kinds?: TimelineEntryKind[];
}

@ArgsType()
export class TimelineArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25 }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
  @Field(() => TimelineFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => TimelineFilter) filter?: TimelineFilter;
}
