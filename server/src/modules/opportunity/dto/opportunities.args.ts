import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { trimToNull } from '../../../common/graphql/transforms';
import { SortDirection } from '../../organisation/organisation.enums';
import { OpportunitySortField, OpportunityType, StageOutcome } from '../opportunity.enums';

/** The filters the pipeline board and the opportunity list share. */
@InputType()
export class PipelineFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true, message: 'filter.departmentIds must be department ids' }) departmentIds?: string[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'filter.ownerId must be a user id' }) ownerId?: string;
  @Field(() => [OpportunityType], { nullable: true }) @IsOptional() @IsEnum(OpportunityType, { each: true }) types?: OpportunityType[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'filter.organisationId must be an organisation id' }) organisationId?: string;
  @Field(() => String, { nullable: true, description: 'Expected to close on or after this ISO date' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'filter.expectedCloseFrom must be a date' }) expectedCloseFrom?: string;
  @Field(() => String, { nullable: true, description: 'Expected to close on or before this ISO date' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'filter.expectedCloseTo must be a date' }) expectedCloseTo?: string;
}

@InputType()
export class OpportunityFilter extends PipelineFilter {
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true, message: 'filter.stageIds must be stage ids' }) stageIds?: string[];
  @Field(() => StageOutcome, { nullable: true, description: "Only opportunities whose stage has this outcome" }) @IsOptional() @IsEnum(StageOutcome) outcome?: StageOutcome;
  @Field(() => String, { nullable: true, description: 'Part of the title' })
  @Transform(trimToNull) @IsOptional() @IsString() @MaxLength(200) search?: string | null;
  @Field({ nullable: true, description: 'Stale: still open (an open-outcome stage) with an expected close date before today (UK)' })
  @IsOptional() @IsBoolean() staleOnly?: boolean;
  @Field(() => String, { nullable: true, description: 'Won or lost on or after this ISO date (as the win-rate report counts)' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'filter.closedFrom must be a date' }) closedFrom?: string;
  @Field(() => String, { nullable: true, description: 'Won or lost on or before this ISO date' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'filter.closedTo must be a date' }) closedTo?: string;
  @Field(() => String, { nullable: true, description: 'Won, and delivery runs on or after this ISO date (as the HE-BCI return counts a year)' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'filter.runningFrom must be a date' }) runningFrom?: string;
  @Field(() => String, { nullable: true, description: 'Won, and delivery starts on or before this ISO date' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'filter.runningTo must be a date' }) runningTo?: string;
}

@InputType()
export class OpportunityOrder {
  @Field(() => OpportunitySortField) @IsEnum(OpportunitySortField) field!: OpportunitySortField;
  @Field(() => SortDirection) @IsEnum(SortDirection) direction!: SortDirection;
}

/** A page of opportunities; newest first unless orderBy says otherwise. */
@ArgsType()
export class OpportunitiesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, at most 100' }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
  @Field(() => OpportunityFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => OpportunityFilter) filter?: OpportunityFilter;
  @Field(() => OpportunityOrder, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => OpportunityOrder) orderBy?: OpportunityOrder;
}

/** PipelineStage.opportunities: a board column's first page, in the pipeline's filter. */
@ArgsType()
export class StageOpportunitiesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, at most 100' }) @IsOptional() @IsInt() first?: number;
  @Field(() => OpportunityOrder, { nullable: true, description: 'Newest first unless this says otherwise' })
  @IsOptional() @ValidateNested() @Type(() => OpportunityOrder) orderBy?: OpportunityOrder;
}

/** Organisation.opportunities: newest first, paged. */
@ArgsType()
export class OrganisationOpportunitiesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, at most 100' }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
}
