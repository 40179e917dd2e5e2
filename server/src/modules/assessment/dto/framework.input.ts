import { Field, InputType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsEnum, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';
import { trim, trimToNull } from '../../../common/graphql/transforms';
import { MaturityLevel } from '../assessment.enums';

const KEY = /^[a-z][a-z0-9_.]{0,99}$/;
const KEY_MESSAGE = 'key must be lower case letters, digits, _ and . (at most 100)';
const text = (max: number) => [Transform(trim), IsString(), IsNotEmpty({ message: 'must not be empty' }), MaxLength(max)];
const apply = (...decorators: PropertyDecorator[]): PropertyDecorator => (target, key) => decorators.forEach((d) => d(target, key));

@InputType()
export class FrameworkLevelInput {
  @Field(() => MaturityLevel) @IsEnum(MaturityLevel) key!: MaturityLevel;
  @Field() @apply(...text(100)) name!: string;
  @Field(() => String, { nullable: true }) @Transform(trimToNull) @IsOptional() @MaxLength(100) alias?: string | null;
  @Field(() => String, { nullable: true }) @Transform(trimToNull) @IsOptional() @MaxLength(200) aliasSource?: string | null;
  @Field() @apply(...text(2000)) description!: string;
}

@InputType()
export class FrameworkSectionInput {
  @Field() @Matches(KEY, { message: KEY_MESSAGE }) key!: string;
  @Field() @apply(...text(200)) title!: string;
  @Field() @apply(...text(2000)) summary!: string;
}

@InputType()
export class FrameworkStatementInput {
  @Field() @Matches(KEY, { message: KEY_MESSAGE }) key!: string;
  @Field() @apply(...text(1000)) text!: string;
}

@InputType()
export class LevelDescriptorsInput {
  @Field() @apply(...text(2000)) peripheral!: string;
  @Field() @apply(...text(2000)) tactical!: string;
  @Field() @apply(...text(2000)) strategic!: string;
}

@InputType()
export class LevelRecommendationsInput {
  @Field(() => [String]) @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(1000, { each: true }) tactical!: string[];
  @Field(() => [String]) @ArrayMaxSize(10) @IsString({ each: true }) @MaxLength(1000, { each: true }) strategic!: string[];
}

@InputType()
export class FrameworkDimensionInput {
  @Field() @Matches(KEY, { message: KEY_MESSAGE }) key!: string;
  @Field() @apply(...text(200)) title!: string;
  @Field() @apply(...text(2000)) summary!: string;
  @Field(() => [String]) @ArrayMinSize(1, { message: 'sectionKeys must name at least one section' }) @ArrayMaxSize(7) @IsString({ each: true }) sectionKeys!: string[];
  @Field(() => [FrameworkStatementInput]) @ArrayMinSize(1, { message: 'statements must not be empty' }) @ArrayMaxSize(10)
  @ValidateNested({ each: true }) @Type(() => FrameworkStatementInput) statements!: FrameworkStatementInput[];
  @Field(() => LevelDescriptorsInput) @ValidateNested() @Type(() => LevelDescriptorsInput) descriptors!: LevelDescriptorsInput;
  @Field(() => LevelRecommendationsInput) @ValidateNested() @Type(() => LevelRecommendationsInput) recommendations!: LevelRecommendationsInput;
}

@InputType({ description: 'The whole framework text; saving it makes the next version' })
export class FrameworkInput {
  @Field() @apply(...text(300)) title!: string;
  @Field() @apply(...text(2000)) source!: string;
  @Field(() => [FrameworkLevelInput]) @ArrayMinSize(3) @ArrayMaxSize(3) @ValidateNested({ each: true }) @Type(() => FrameworkLevelInput) levels!: FrameworkLevelInput[];
  @Field(() => [FrameworkSectionInput]) @ArrayMinSize(1) @ArrayMaxSize(20) @ValidateNested({ each: true }) @Type(() => FrameworkSectionInput) sections!: FrameworkSectionInput[];
  @Field(() => [FrameworkDimensionInput]) @ArrayMinSize(1) @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => FrameworkDimensionInput) dimensions!: FrameworkDimensionInput[];
}
