import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDateString, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { trim, trimToNull } from '../../../common/graphql/transforms';
import { RetentionDecision, RetentionRecordType, SubjectAccessRequestStatus } from '../privacy.enums';

@InputType()
export class CreateSubjectAccessRequestInput {
  @Field(() => ID, { nullable: true, description: 'The contact the request is about, if already identified' })
  @IsOptional() @IsUUID('all', { message: 'contactId must be a contact id' }) contactId?: string | null;
  @Field({ description: 'Who asked and how, e.g. "Jo Bloggs by email to the DPO"' })
  @Transform(trim) @IsString({ message: 'requester must be text' }) @IsNotEmpty({ message: 'requester must not be empty' }) @MaxLength(500) requester!: string;
  @Field({ description: 'ISO date the request was received (UK calendar)' })
  @IsDateString({ strict: true }, { message: 'receivedOn must be a date, e.g. 2026-01-31' }) receivedOn!: string;
}

@ArgsType()
export class SubjectAccessRequestsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25 }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
  @Field(() => SubjectAccessRequestStatus, { nullable: true }) @IsOptional() @IsEnum(SubjectAccessRequestStatus) status?: SubjectAccessRequestStatus;
}

@InputType()
export class EraseContactInput {
  @Field({ description: 'The person’s name as shown ("First Last"), typed to confirm an erasure that cannot be undone' })
  @Transform(trim) @IsString({ message: 'confirmName must be text' }) @MaxLength(201) confirmName!: string;
  @Field(() => [ID], { nullable: true, description: 'Engagements whose text mentions the person: their first and last names are removed there too' })
  @IsOptional() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'each of engagementIds must be an engagement id' }) engagementIds?: string[];
  @Field(() => [ID], { nullable: true, description: 'Tasks whose text mentions the person, as for engagementIds' })
  @IsOptional() @ArrayMaxSize(500) @IsUUID('all', { each: true, message: 'each of taskIds must be a task id' }) taskIds?: string[];
}

@InputType()
export class CreateRetentionRuleInput {
  @Field(() => RetentionRecordType) @IsEnum(RetentionRecordType, { message: 'recordType must be one of ' + Object.values(RetentionRecordType).join(', ') }) recordType!: RetentionRecordType;
  @Field(() => Int) @IsInt({ message: 'periodMonths must be a whole number of months' }) @Min(1, { message: 'periodMonths must be at least 1' })
  @Max(1200, { message: 'periodMonths must be at most 1200' }) periodMonths!: number;
  @Field() @Transform(trim) @IsString({ message: 'description must be text' }) @IsNotEmpty({ message: 'description must not be empty' }) @MaxLength(300) description!: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@InputType()
export class UpdateRetentionRuleInput {
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt({ message: 'periodMonths must be a whole number of months' })
  @Min(1, { message: 'periodMonths must be at least 1' }) @Max(1200, { message: 'periodMonths must be at most 1200' }) periodMonths?: number;
  @Field({ nullable: true }) @Transform(trim) @IsOptional() @IsString({ message: 'description must be text' }) @IsNotEmpty({ message: 'description must not be empty' })
  @MaxLength(300) description?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() active?: boolean;
}

@InputType()
export class DecideRetentionInput {
  @Field(() => ID) @IsUUID('all', { message: 'ruleId must be a retention rule id' }) ruleId!: string;
  @Field(() => RetentionRecordType) @IsEnum(RetentionRecordType) recordType!: RetentionRecordType;
  @Field(() => ID) @IsUUID('all', { message: 'recordId must be a record id' }) recordId!: string;
  @Field(() => RetentionDecision) @IsEnum(RetentionDecision, { message: 'decision must be keep, archive or erase' }) decision!: RetentionDecision;
  @Field(() => String, { nullable: true, description: 'With keep: the ISO date the record comes back for review' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'keepUntil must be a date, e.g. 2027-01-31' }) keepUntil?: string | null;
  @Field(() => String, { nullable: true, description: 'With erase: the person’s name, typed to confirm' })
  @Transform(trimToNull) @IsOptional() @IsString() @MaxLength(201) confirmName?: string | null;
}

@ArgsType()
export class RetentionQueueArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25 }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
}
