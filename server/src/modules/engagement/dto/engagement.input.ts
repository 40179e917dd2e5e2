import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDateString, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { trim, trimToNull } from '../../../common/graphql/transforms';
import { EngagementType } from '../engagement.enums';

@InputType({ description: 'A follow-up task created with the engagement' })
export class FollowUpInput {
  @Field() @Transform(trim) @IsNotEmpty({ message: 'followUp.title must not be empty' }) @MaxLength(300) title!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'followUp.dueOn must be a date, e.g. 2026-12-01' }) dueOn?: string | null;
  @Field(() => ID, { nullable: true, description: 'Defaults to the person logging' }) @IsOptional() @IsUUID('all', { message: 'followUp.assigneeId must be a user id' }) assigneeId?: string;
}

@InputType()
export class LogEngagementInput {
  @Field(() => EngagementType) @IsEnum(EngagementType, { message: 'type must be an engagement type' }) type!: EngagementType;
  @Field(() => String, { nullable: true, description: 'Defaults to today' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'occurredOn must be a date, e.g. 2026-11-23' }) occurredOn?: string;
  @Field() @Transform(trim) @IsNotEmpty({ message: 'summary must not be empty' }) @MaxLength(300) summary!: string;
  @Field(() => String, { nullable: true }) @Transform(trimToNull) @IsOptional() @MaxLength(20000) details?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'organisationId must be an organisation id' }) organisationId?: string | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'contactIds must be contact ids' }) contactIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Staff present; the person logging is always included' })
  @IsOptional() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'staffIds must be user ids' }) staffIds?: string[];
  @Field(() => ID, { nullable: true, description: "Defaults to the user's first department" })
  @IsOptional() @IsUUID('all', { message: 'departmentId must be a department id' }) departmentId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() confidential?: boolean;
  @Field(() => FollowUpInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => FollowUpInput) followUp?: FollowUpInput;
}

@InputType()
export class UpdateEngagementInput {
  @Field(() => EngagementType, { nullable: true }) @IsOptional() @IsEnum(EngagementType) type?: EngagementType;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'occurredOn must be a date, e.g. 2026-11-23' }) occurredOn?: string;
  @Field(() => String, { nullable: true }) @Transform(trim) @IsOptional() @IsNotEmpty({ message: 'summary must not be empty' }) @MaxLength(300) summary?: string;
  @Field(() => String, { nullable: true }) @Transform(trimToNull) @IsOptional() @MaxLength(20000) details?: string | null;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'contactIds must be contact ids' }) contactIds?: string[];
  @Field({ nullable: true }) @IsOptional() @IsBoolean() confidential?: boolean;
}

@InputType()
export class EngagementFilter {
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'filter.organisationId must be an organisation id' }) organisationId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'filter.contactId must be a contact id' }) contactId?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @IsUUID('all', { each: true, message: 'filter.departmentIds must be department ids' }) departmentIds?: string[];
  @Field(() => [EngagementType], { nullable: true }) @IsOptional() @IsEnum(EngagementType, { each: true }) types?: EngagementType[];
  @Field(() => ID, { nullable: true, description: 'Logged by or attended by this member of staff' })
  @IsOptional() @IsUUID('all', { message: 'filter.staffId must be a user id' }) staffId?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'filter.from must be a date' }) from?: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'filter.to must be a date' }) to?: string;
}

/** Arguments of a timeline (engagements newest first); also used by nested engagement fields. */
@ArgsType()
export class EngagementsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25 }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
  @Field(() => EngagementFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => EngagementFilter) filter?: EngagementFilter;
}
