import { ArgsType, Field, ID, Int } from '@nestjs/graphql';
import { IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { DuplicateKind } from '../duplicate.model';

@ArgsType()
class DuplicatePageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, at most 100' }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
}

@ArgsType()
export class OrganisationDuplicatesArgs extends DuplicatePageArgs {
  @Field(() => ID, { nullable: true, description: 'Only pairs that include this organisation' })
  @IsOptional() @IsUUID('all', { message: 'organisationId must be an id' }) organisationId?: string;
}

@ArgsType()
export class ContactDuplicatesArgs extends DuplicatePageArgs {
  @Field(() => ID, { nullable: true, description: 'Only pairs that include this contact' })
  @IsOptional() @IsUUID('all', { message: 'contactId must be an id' }) contactId?: string;
}

@ArgsType()
export class DismissDuplicateArgs {
  @Field(() => DuplicateKind) @IsEnum(DuplicateKind) kind!: DuplicateKind;
  @Field(() => ID) @IsUUID('all', { message: 'aId must be an id' }) aId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'bId must be an id' }) bId!: string;
}
