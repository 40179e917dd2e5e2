import { Field, ID, InputType, Int, OmitType, PartialType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDateString, IsEnum, IsInt, IsNotEmpty, IsOptional, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PenceScalar } from '../../../common/graphql/scalars/pence.scalar';
import { trim, trimToNull } from '../../../common/graphql/transforms';
import { FundingSource, IpIncomeType, OpportunityType } from '../opportunity.enums';

@InputType({ description: 'One income instalment of a contract: it counts in the academic year it is received (or due, until received)' })
export class OpportunityInstalmentInput {
  @Field() @IsDateString({ strict: true }, { message: 'instalments.dueOn must be a date, e.g. 2026-09-30' }) dueOn!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'instalments.receivedOn must be a date, e.g. 2026-10-02' }) receivedOn?: string | null;
  @Field(() => PenceScalar) @IsInt({ message: 'instalments.amountPence must be a whole number of pence' }) @Min(1, { message: 'instalments.amountPence must be more than 0' }) amountPence!: number;
  @Field(() => String, { nullable: true }) @Transform(trimToNull) @IsOptional() @MaxLength(500, { message: 'instalments.note must be at most 500 characters' }) note?: string | null;
}

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

  @Field(() => FundingSource, { nullable: true, description: 'Collaborative research and KTP: a Table 1 source; regeneration: a Table 3 source' })
  @IsOptional() @IsEnum(FundingSource, { message: 'fundingSource must be one of ' + Object.values(FundingSource).join(', ') }) fundingSource?: FundingSource | null;
  @Field(() => PenceScalar, { nullable: true, description: 'Collaborative research and KTP: the collaborator’s in-kind contribution' })
  @IsOptional() @IsInt({ message: 'inKindPence must be a whole number of pence' }) @Min(0, { message: 'inKindPence must not be negative' }) inKindPence?: number | null;
  @Field(() => Int, { nullable: true, description: 'CPD: learner days' })
  @IsOptional() @IsInt({ message: 'cpdLearnerDays must be a whole number of days' }) @Min(0, { message: 'cpdLearnerDays must not be negative' }) cpdLearnerDays?: number | null;
  @Field(() => IpIncomeType, { nullable: true, description: 'IP licensing: the Table 4 income type' })
  @IsOptional() @IsEnum(IpIncomeType, { message: 'ipIncomeType must be one of ' + Object.values(IpIncomeType).join(', ') }) ipIncomeType?: IpIncomeType | null;
  @Field(() => PenceScalar, { nullable: true, description: 'KTP: the grant part; with ktpCompanyPence it must sum to valuePence' })
  @IsOptional() @IsInt({ message: 'ktpGrantPence must be a whole number of pence' }) @Min(0, { message: 'ktpGrantPence must not be negative' }) ktpGrantPence?: number | null;
  @Field(() => PenceScalar, { nullable: true, description: 'KTP: the company contribution part' })
  @IsOptional() @IsInt({ message: 'ktpCompanyPence must be a whole number of pence' }) @Min(0, { message: 'ktpCompanyPence must not be negative' }) ktpCompanyPence?: number | null;
  @Field(() => [OpportunityInstalmentInput], { nullable: true, description: 'Income instalments; given, they replace the ones recorded (an empty list clears them)' })
  @IsOptional() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => OpportunityInstalmentInput) instalments?: OpportunityInstalmentInput[];
}

/** Every field optional; null clears an optional one. The stage changes only through moveOpportunity, which keeps the history. */
@InputType()
export class UpdateOpportunityInput extends PartialType(OmitType(CreateOpportunityInput, ['stageId'] as const)) {}
