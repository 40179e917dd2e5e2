import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDateString, IsEnum, IsInt, IsNotEmpty, IsOptional, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { PenceScalar } from '../../../common/graphql/scalars/pence.scalar';
import { trim, trimToNull } from '../../../common/graphql/transforms';
import { OpportunityType } from '../opportunity.enums';

@InputType()
export class CreateOpportunityInput {
  @Field() @Transform(trim) @IsNotEmpty({ message: 'title must not be empty' }) @MaxLength(300, { message: 'title must be at most 300 characters' }) title!: string;
  @Field(() => OpportunityType) @IsEnum(OpportunityType, { message: 'type must be one of ' + Object.values(OpportunityType).join(', ') }) type!: OpportunityType;
  @Field(() => ID) @IsUUID('all', { message: 'organisationId must be an organisation id' }) organisationId!: string;
  @Field(() => ID, { nullable: true, description: 'Defaults to the first open stage' })
  @IsOptional() @IsUUID('all', { message: 'stageId must be a stage id' }) stageId?: string;
  @Field(() => PenceScalar, { nullable: true, description: 'Value in pence (0 when not given on create)' })
  @IsOptional() @IsInt({ message: 'valuePence must be a whole number of pence' }) @Min(0, { message: 'valuePence must not be negative' }) valuePence?: number;
  @Field(() => Int, { nullable: true, description: "0–100; null uses the stage's default" })
  @IsOptional() @IsInt({ message: 'probability must be a whole number' }) @Min(0, { message: 'probability must be between 0 and 100' }) @Max(100, { message: 'probability must be between 0 and 100' })
  probability?: number | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'expectedCloseDate must be a date, e.g. 2026-07-31' }) expectedCloseDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'startDate must be a date, e.g. 2026-08-01' }) startDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'endDate must be a date, e.g. 2028-07-31' }) endDate?: string | null;
  @Field(() => ID, { nullable: true, description: 'The owner (you when not given on create)' }) @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Your first department when not given on create' })
  @IsOptional() @IsUUID('all', { message: 'departmentId must be a department id' }) departmentId?: string;
  @Field(() => [ID], { nullable: true }) @IsOptional() @ArrayMaxSize(50) @IsUUID('all', { each: true, message: 'contactIds must be contact ids' }) contactIds?: string[];
  @Field({ nullable: true, description: "Visible only to its department, managers and admins (the organisation's setting when not given on create)" })
  @IsOptional() @IsBoolean({ message: 'confidential must be true or false' }) confidential?: boolean;
  @Field(() => String, { nullable: true, description: 'Why it was lost: needed in a lost stage' })
  @Transform(trimToNull) @IsOptional() @MaxLength(2000, { message: 'lostReason must be at most 2000 characters' }) lostReason?: string | null;
}

/** Every field optional; null clears an optional one. The stage changes only through moveOpportunity, which keeps the history. */
@InputType()
export class UpdateOpportunityInput extends PartialType(OmitType(CreateOpportunityInput, ['stageId'] as const)) {}
