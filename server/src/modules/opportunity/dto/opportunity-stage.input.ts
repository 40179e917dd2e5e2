import { Field, InputType, Int, PartialType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsEnum, IsInt, IsNotEmpty, Max, MaxLength, Min } from 'class-validator';
import { trim } from '../../../common/graphql/transforms';
import { StageOutcome } from '../opportunity.enums';

@InputType()
export class CreateOpportunityStageInput {
  @Field() @Transform(trim) @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(100, { message: 'name must be at most 100 characters' }) name!: string;
  @Field(() => Int, { description: 'Order on the board, lowest first' })
  @IsInt({ message: 'position must be a whole number' }) @Min(0, { message: 'position must not be negative' }) @Max(1000, { message: 'position must be at most 1000' }) position!: number;
  @Field(() => Int) @IsInt({ message: 'defaultProbability must be a whole number' })
  @Min(0, { message: 'defaultProbability must be between 0 and 100' }) @Max(100, { message: 'defaultProbability must be between 0 and 100' }) defaultProbability!: number;
  @Field(() => StageOutcome) @IsEnum(StageOutcome, { message: 'outcome must be open, won or lost' }) outcome!: StageOutcome;
}

@InputType()
export class UpdateOpportunityStageInput extends PartialType(CreateOpportunityStageInput) {}
