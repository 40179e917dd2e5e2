import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDateString, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { trim, trimToNull } from '../../../common/graphql/transforms';
import { TaskStatus } from '../task.enums';

@InputType()
export class CreateTaskInput {
  @Field() @Transform(trim) @IsNotEmpty({ message: 'title must not be empty' }) @MaxLength(300) title!: string;
  @Field(() => String, { nullable: true }) @Transform(trimToNull) @IsOptional() @MaxLength(5000) notes?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'dueOn must be a date, e.g. 2026-12-01' }) dueOn?: string | null;
  @Field(() => ID, { nullable: true, description: 'Defaults to you' }) @IsOptional() @IsUUID('all', { message: 'assigneeId must be a user id' }) assigneeId?: string;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'organisationId must be an organisation id' }) organisationId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'contactId must be a contact id' }) contactId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'engagementId must be an engagement id' }) engagementId?: string | null;
  @Field(() => ID, { nullable: true, description: "Defaults to your first department" }) @IsOptional() @IsUUID('all', { message: 'departmentId must be a department id' }) departmentId?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() confidential?: boolean;
}

@InputType()
export class UpdateTaskInput {
  @Field(() => String, { nullable: true }) @Transform(trim) @IsOptional() @IsNotEmpty({ message: 'title must not be empty' }) @MaxLength(300) title?: string;
  @Field(() => String, { nullable: true }) @Transform(trimToNull) @IsOptional() @MaxLength(5000) notes?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'dueOn must be a date, e.g. 2026-12-01' }) dueOn?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'assigneeId must be a user id' }) assigneeId?: string;
  @Field(() => TaskStatus, { nullable: true }) @IsOptional() @IsEnum(TaskStatus) status?: TaskStatus;
}

@ArgsType()
export class MyTasksArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25 }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
  @Field(() => [TaskStatus], { nullable: true, description: 'Defaults to open' }) @IsOptional() @IsEnum(TaskStatus, { each: true }) statuses?: TaskStatus[];
}
