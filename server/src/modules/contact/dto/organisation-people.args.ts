import { ArgsType, Field, Int } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { trimToNull } from '../../../common/graphql/transforms';

/** Organisation.people: key people first, paged. */
@ArgsType()
export class OrganisationPeopleArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, at most 100' }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
  @Field(() => String, { nullable: true, description: 'Part of the name or email' })
  @Transform(trimToNull) @IsOptional() @IsString() @MaxLength(200) search?: string | null;
}
