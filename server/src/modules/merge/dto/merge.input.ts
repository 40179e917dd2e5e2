import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, ValidateNested } from 'class-validator';
import { DuplicateKind } from '../../duplicates/duplicate.model';
import { MergeSource } from '../merge-values';

@InputType()
export class MergeFieldChoice {
  @Field({ description: 'A field name, e.g. "website"' }) @IsString() @MaxLength(50) field!: string;
  @Field(() => MergeSource) @IsEnum(MergeSource) from!: MergeSource;
}

@InputType({ description: 'Merge mergedId into survivorId; both versions as read (stale → CONFLICT)' })
export class MergeInput {
  @Field(() => ID) @IsUUID('all', { message: 'survivorId must be an id' }) survivorId!: string;
  @Field(() => Int) @IsInt() @Min(1) survivorVersion!: number;
  @Field(() => ID) @IsUUID('all', { message: 'mergedId must be an id' }) mergedId!: string;
  @Field(() => Int) @IsInt() @Min(1) mergedVersion!: number;
  @Field(() => [MergeFieldChoice], { defaultValue: [], description: 'Fields not named keep the survivor value; list fields (tags, emails…) are always combined' })
  @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => MergeFieldChoice)
  fields!: MergeFieldChoice[];
}

@ArgsType()
export class MergesArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, at most 100' }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
}

@ArgsType()
export class MergeActivityArgs {
  @Field(() => DuplicateKind) @IsEnum(DuplicateKind) kind!: DuplicateKind;
  @Field(() => ID) @IsUUID('all', { message: 'id must be an id' }) id!: string;
}
