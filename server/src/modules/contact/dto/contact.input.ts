import { ArgsType, Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { ArrayMaxSize, IsBoolean, IsDateString, IsEmail, IsEnum, IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Matches, MaxLength, ValidateNested } from 'class-validator';
import { trim, trimEach, trimToNull } from '../../../common/graphql/transforms';
import { ConsentChannel, LawfulBasis, PreferredChannel } from '../contact.enums';

const lowerEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : v)) : value;
// Digits, spaces, +, brackets and dashes: UK and international numbers as people write them.
const PHONE = /^\+?[0-9 ()-]{6,24}$/;

@InputType()
export class CreateContactInput {
  @Field() @Transform(trim) @IsNotEmpty({ message: 'firstName must not be empty' }) @MaxLength(100) firstName!: string;
  @Field() @Transform(trim) @IsNotEmpty({ message: 'lastName must not be empty' }) @MaxLength(100) lastName!: string;

  @Field(() => [String], { nullable: true })
  @Transform(lowerEach) @IsOptional() @ArrayMaxSize(10)
  @IsEmail({}, { each: true, message: 'each of emails must be an email address' })
  emails?: string[];

  @Field(() => [String], { nullable: true })
  @Transform(trimEach) @IsOptional() @ArrayMaxSize(10)
  @Matches(PHONE, { each: true, message: 'each of phones must be a phone number, e.g. 0191 222 6000 or +44 191 222 6000' })
  phones?: string[];

  @Field(() => String, { nullable: true }) @Transform(trimToNull) @IsOptional() @MaxLength(200) jobTitle?: string | null;
  @Field(() => PreferredChannel, { nullable: true }) @IsOptional() @IsEnum(PreferredChannel) preferredChannel?: PreferredChannel | null;
  @Field(() => LawfulBasis, { nullable: true }) @IsOptional() @IsEnum(LawfulBasis) lawfulBasis?: LawfulBasis | null;
  @Field(() => String, { nullable: true, description: 'What shows the lawful basis holds' })
  @Transform(trimToNull) @IsOptional() @IsString() @MaxLength(2000) lawfulBasisEvidence?: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date the lawful basis was established' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'lawfulBasisOn must be a date, e.g. 2025-09-01' }) lawfulBasisOn?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() marketingOptIn?: boolean;

  @Field(() => [String], { nullable: true })
  @Transform(trimEach) @IsOptional() @ArrayMaxSize(30) @MaxLength(50, { each: true, message: 'each tag must be at most 50 characters' })
  tags?: string[];

  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'ownerId must be a user id' }) ownerId?: string | null;

  @Field(() => ID, { nullable: true, description: 'Also affiliate the new contact with this organisation (current, primary)' })
  @IsOptional() @IsUUID('all', { message: 'organisationId must be an organisation id' })
  organisationId?: string;

  @Field(() => String, { nullable: true, description: 'Their role at organisationId' })
  @Transform(trimToNull) @IsOptional() @MaxLength(200)
  role?: string | null;
}

@InputType()
export class UpdateContactInput extends PartialType(CreateContactInput, InputType) {}

@InputType()
export class AffiliationInput {
  @Field(() => ID) @IsUUID('all', { message: 'contactId must be a contact id' }) contactId!: string;
  @Field(() => ID) @IsUUID('all', { message: 'organisationId must be an organisation id' }) organisationId!: string;
  @Field(() => String, { nullable: true }) @Transform(trimToNull) @IsOptional() @MaxLength(200) role?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'fromDate must be a date, e.g. 2025-09-01' }) fromDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'toDate must be a date, e.g. 2026-07-31' }) toDate?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() isPrimary?: boolean;
}

@InputType()
export class UpdateAffiliationInput {
  @Field(() => String, { nullable: true }) @Transform(trimToNull) @IsOptional() @MaxLength(200) role?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'fromDate must be a date, e.g. 2025-09-01' }) fromDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsDateString({ strict: true }, { message: 'toDate must be a date, e.g. 2026-07-31' }) toDate?: string | null;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() isPrimary?: boolean;
}

@InputType()
export class ConsentInput {
  @Field(() => ID) @IsUUID('all', { message: 'contactId must be a contact id' }) contactId!: string;
  @Field() @Transform(trim) @IsNotEmpty({ message: 'purpose must not be empty' }) @MaxLength(200) purpose!: string;
  @Field() @Transform(trim) @IsNotEmpty({ message: 'method must not be empty' }) @MaxLength(200) method!: string;
  @Field(() => ConsentChannel, { nullable: true, description: 'The channel the consent covers; unspecified unless given' })
  @IsOptional() @IsEnum(ConsentChannel, { message: 'channel must be one of ' + Object.values(ConsentChannel).join(', ') }) channel?: ConsentChannel;
  @Field(() => String, { nullable: true, description: 'When consent was given; defaults to now' })
  @IsOptional() @IsDateString({}, { message: 'givenAt must be a date and time' }) givenAt?: string;
}

@InputType()
export class ContactFilter {
  @Field({ nullable: true, description: 'People with no lawful basis: none recorded, or consent with no consent still standing' })
  @IsOptional() @IsBoolean() withoutLawfulBasis?: boolean;
  @Field(() => String, { nullable: true, description: 'People at no engagement you can see on or after this ISO date, never-engaged ones included' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'filter.noEngagementSince must be a date, e.g. 2025-01-31' }) noEngagementSince?: string;
}

@ArgsType()
export class ContactsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25 }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
  @Field(() => String, { nullable: true, description: 'Part of the name or email' })
  @Transform(trimToNull) @IsOptional() @IsString() @MaxLength(200) search?: string | null;
  @Field(() => ID, { nullable: true, description: 'People affiliated (now or before) with this organisation' })
  @IsOptional() @IsUUID('all', { message: 'organisationId must be an organisation id' }) organisationId?: string;
  @Field(() => ContactFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ContactFilter) filter?: ContactFilter;
}
