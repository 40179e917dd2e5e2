import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize, ArrayMinSize, IsDateString, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested,
} from 'class-validator';
import { trim, trimToNull } from '../../../common/graphql/transforms';
import { AssessmentScope, AssessmentStatus } from '../assessment.enums';

@InputType()
export class StartAssessmentInput {
  @Field() @Transform(trim) @IsNotEmpty({ message: 'title must not be empty' }) @MaxLength(200, { message: 'title must be at most 200 characters' }) title!: string;
  @Field(() => ID, { nullable: true, description: 'Assess one department; omit for the whole institution' })
  @IsOptional() @IsUUID('all', { message: 'departmentId must be a department id' }) departmentId?: string | null;
}

@InputType()
export class AnswerInput {
  @Field() @IsString() @IsNotEmpty({ message: 'statementKey must not be empty' }) @MaxLength(100) statementKey!: string;
  @Field(() => Int, { description: '1 peripheral, 2 tactical, 3 strategic' })
  @IsInt({ message: 'level must be 1, 2 or 3' }) @Min(1, { message: 'level must be 1, 2 or 3' }) @Max(3, { message: 'level must be 1, 2 or 3' }) level!: number;
  @Field(() => String, { nullable: true, description: 'What the answer rests on' })
  @Transform(trimToNull) @IsOptional() @MaxLength(2000, { message: 'evidence must be at most 2000 characters' }) evidence?: string | null;
}

@InputType({ description: "Saves some or all of the signed-in user's answers; answering a statement again replaces the earlier answer" })
export class AnswerAssessmentInput {
  @Field(() => ID) @IsUUID('all', { message: 'assessmentId must be an assessment id' }) assessmentId!: string;
  @Field(() => [AnswerInput]) @ArrayMinSize(1, { message: 'answers must not be empty' }) @ArrayMaxSize(200)
  @ValidateNested({ each: true }) @Type(() => AnswerInput) answers!: AnswerInput[];
}

@ArgsType()
export class AssessmentsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, at most 100' }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
  @Field(() => AssessmentScope, { nullable: true }) @IsOptional() @IsEnum(AssessmentScope) scope?: AssessmentScope;
  @Field(() => ID, { nullable: true, description: "Only this department's assessments" })
  @IsOptional() @IsUUID('all', { message: 'departmentId must be a department id' }) departmentId?: string;
  @Field(() => AssessmentStatus, { nullable: true }) @IsOptional() @IsEnum(AssessmentStatus) status?: AssessmentStatus;
}

@InputType()
export class AddAssessmentActionInput {
  @Field(() => ID) @IsUUID('all', { message: 'assessmentId must be an assessment id' }) assessmentId!: string;
  @Field() @IsString() @IsNotEmpty({ message: 'dimensionKey must not be empty' }) @MaxLength(100) dimensionKey!: string;
  @Field() @Transform(trim) @IsNotEmpty({ message: 'text must not be empty' }) @MaxLength(1000, { message: 'text must be at most 1000 characters' }) text!: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'dueOn must be a date, e.g. 2026-12-01' }) dueOn?: string | null;
}

@InputType({ description: 'Every field optional; null clears owner or due date' })
export class UpdateAssessmentActionInput {
  @Field({ nullable: true }) @IsOptional() @IsString() @IsNotEmpty({ message: 'dimensionKey must not be empty' }) @MaxLength(100) dimensionKey?: string;
  @Field({ nullable: true }) @Transform(trim) @IsOptional() @IsNotEmpty({ message: 'text must not be empty' }) @MaxLength(1000) text?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'dueOn must be a date, e.g. 2026-12-01' }) dueOn?: string | null;
}
