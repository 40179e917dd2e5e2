import { Field, ID, InputType, Int, PartialType } from '@nestjs/graphql';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayUnique, IsBoolean, IsEnum, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, IsUrl, IsUUID, Matches, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { PenceScalar } from '../../../common/graphql/scalars/pence.scalar';
import { normalisePostcode, normaliseWebsite, trim, trimEach, trimToNull } from '../../../common/graphql/transforms';
import { COMPANY_NUMBER_PATTERN, normaliseCompanyNumber } from '../companies-house-number';
import { CompanyStatus, LegalForm, OrganisationType, Region, RelationshipRole, RelationshipStage, SicSection, SizeBand } from '../organisation.enums';

/** The register's own form ("1234567" → "01234567", "sc 12345" → "SC012345"); what cannot be one is left for @Matches to refuse. */
const companyNumber = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const parsed = normaliseCompanyNumber(value);
  return parsed.ok ? parsed.value : value.trim().toUpperCase();
};

/** A number Companies House issues (a register prefix it uses), in its normalised form. */
const IsCompanyNumber = () => ValidateBy({
  name: 'isCompanyNumber',
  validator: {
    validate: (value: unknown) => typeof value === 'string' && COMPANY_NUMBER_PATTERN.test(value) && normaliseCompanyNumber(value).ok,
    defaultMessage: () => 'companiesHouseNumber must be a Companies House number: 8 digits (01234567) or a register prefix and 6 digits (SC012345, OC301234, IP29305R)',
  },
});

// A UK postcode after normalisation (outward code, space, inward code); GIR 0AA included.
export const UK_POSTCODE = /^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})$/;

/** Enough for abbreviations, former names and brands; the migration's CHECK holds the same limit. */
export const MAX_ALIASES = 20;

@InputType()
export class CreateOrganisationInput {
  @Field()
  @Transform(trim)
  @IsString()
  @IsNotEmpty({ message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(200, { message: 'legalName must be at most 200 characters' })
  legalName?: string | null;

  @Field(() => [String], { nullable: true })
  @Transform(trimEach)
  @IsOptional()
  @ArrayMaxSize(10, { message: 'tradingNames may hold at most 10 names' })
  @MaxLength(200, { each: true, message: 'each of tradingNames must be at most 200 characters' })
  tradingNames?: string[];

  @Field(() => [String], { nullable: true, description: 'Other names people use, e.g. "M&S"; null or [] clears them' })
  @Transform(({ value }) => (value === null ? [] : trimEach({ value })))
  @IsOptional()
  @ArrayMaxSize(MAX_ALIASES, { message: `aliases may hold at most ${MAX_ALIASES} names` })
  @MaxLength(200, { each: true, message: 'each of aliases must be at most 200 characters' })
  @ArrayUnique((alias: string) => (typeof alias === 'string' ? alias.toLowerCase() : alias), { message: 'aliases must not repeat a name (ignoring case)' })
  aliases?: string[];

  @Field(() => OrganisationType)
  @IsEnum(OrganisationType, { message: 'type must be one of ' + Object.values(OrganisationType).join(', ') })
  type!: OrganisationType;

  @Field(() => SicSection, { nullable: true })
  @IsOptional()
  @IsEnum(SicSection, { message: 'sector must be a SIC 2007 section letter A to U' })
  sector?: SicSection | null;

  @Field(() => SizeBand, { nullable: true })
  @IsOptional()
  @IsEnum(SizeBand)
  sizeBand?: SizeBand | null;

  @Field(() => LegalForm, { nullable: true })
  @IsOptional()
  @IsEnum(LegalForm, { message: 'legalForm must be one of ' + Object.values(LegalForm).join(', ') })
  legalForm?: LegalForm | null;

  @Field(() => String, { nullable: true })
  @Transform(companyNumber)
  @IsOptional()
  @IsCompanyNumber()
  companiesHouseNumber?: string | null;

  @Field(() => CompanyStatus, { nullable: true })
  @IsOptional()
  @IsEnum(CompanyStatus, { message: 'companyStatus must be one of ' + Object.values(CompanyStatus).join(', ') })
  companyStatus?: CompanyStatus | null;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(200, { message: 'companyCategory must be at most 200 characters' })
  companyCategory?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date, e.g. 2009-04-01' })
  @Transform(trimToNull)
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'incorporationDate must be an ISO date, e.g. 2009-04-01' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'incorporationDate must be an ISO date, e.g. 2009-04-01' })
  incorporationDate?: string | null;

  @Field(() => [String], { nullable: true, description: 'SIC 2007 codes, five digits each, the main one first' })
  @Transform(trimEach)
  @IsOptional()
  @ArrayMaxSize(4, { message: 'sicCodes may hold at most 4 codes (as Companies House records)' })
  @Matches(/^\d{5}$/, { each: true, message: 'each of sicCodes must be five digits, e.g. 71122' })
  sicCodes?: string[];

  @Field(() => Int, { nullable: true, description: 'Staff headcount (full-time equivalent)' })
  @IsOptional()
  @IsInt({ message: 'headcount must be a whole number' })
  @Min(0, { message: 'headcount must not be negative' })
  @Max(10_000_000, { message: 'headcount must be at most 10,000,000' })
  headcount?: number | null;

  @Field(() => PenceScalar, { nullable: true, description: 'Annual turnover in pence' })
  @IsOptional()
  @Min(0, { message: 'turnoverPence must not be negative' })
  turnoverPence?: number | null;

  @Field(() => PenceScalar, { nullable: true, description: 'Balance sheet total in pence' })
  @IsOptional()
  @Min(0, { message: 'balanceSheetPence must not be negative' })
  balanceSheetPence?: number | null;

  @Field(() => Int, { nullable: true, description: 'The year headcount, turnover and balance sheet are from, e.g. 2025' })
  @IsOptional()
  @IsInt({ message: 'sizeYear must be a year, e.g. 2025' })
  @Min(1900, { message: 'sizeYear must be a year from 1900' })
  @Max(2200, { message: 'sizeYear must be a year, e.g. 2025' })
  sizeYear?: number | null;

  @Field(() => ID, { nullable: true, description: 'The parent organisation (group)' })
  @IsOptional()
  @IsUUID('all', { message: 'parentId must be an organisation id' })
  parentId?: string | null;

  @Field(() => Int, { nullable: true, description: 'Share of this organisation the parent holds, 0–100 %' })
  @IsOptional()
  @IsInt({ message: 'parentOwnershipPercent must be a whole number from 0 to 100' })
  @Min(0, { message: 'parentOwnershipPercent must be from 0 to 100' })
  @Max(100, { message: 'parentOwnershipPercent must be from 0 to 100' })
  parentOwnershipPercent?: number | null;

  @Field(() => String, { nullable: true })
  @Transform(normaliseWebsite)
  @IsOptional()
  @MaxLength(300)
  @IsUrl({ protocols: ['http', 'https'], require_tld: true }, { message: 'website must be a web address, e.g. https://example.co.uk' })
  website?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(200, { message: 'addressLine1 must be at most 200 characters' })
  addressLine1?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(200, { message: 'addressLine2 must be at most 200 characters' })
  addressLine2?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(trimToNull)
  @IsOptional()
  @MaxLength(100, { message: 'town must be at most 100 characters' })
  town?: string | null;

  @Field(() => String, { nullable: true })
  @Transform(normalisePostcode)
  @IsOptional()
  @Matches(UK_POSTCODE, { message: 'postcode must be a valid UK postcode, e.g. NE1 7RU' })
  postcode?: string | null;

  @Field(() => Region, { nullable: true })
  @IsOptional()
  @IsEnum(Region)
  region?: Region | null;

  @Field(() => RelationshipStage, { nullable: true, description: 'Defaults to prospect' })
  @IsOptional()
  @IsEnum(RelationshipStage, { message: 'relationshipStage must be one of ' + Object.values(RelationshipStage).join(', ') })
  relationshipStage?: RelationshipStage;

  @Field(() => [RelationshipRole], { nullable: true })
  @IsOptional()
  @IsEnum(RelationshipRole, { each: true })
  relationshipRoles?: RelationshipRole[];

  @Field(() => [String], { nullable: true })
  @Transform(trimEach)
  @IsOptional()
  @ArrayMaxSize(30, { message: 'tags may hold at most 30 tags' })
  @MaxLength(50, { each: true, message: 'each tag must be at most 50 characters' })
  tags?: string[];

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsUUID('all', { message: 'ownerId must be a user id' })
  ownerId?: string | null;

  @Field(() => ID, { nullable: true, description: "Defaults to the creator's first department" })
  @IsOptional()
  @IsUUID('all', { message: 'departmentId must be a department id' })
  departmentId?: string | null;

  @Field({ nullable: true, description: 'Visible only to its department, managers and admins' })
  @IsOptional()
  @IsBoolean({ message: 'confidential must be true or false' })
  confidential?: boolean;
}

/** Every field optional; an explicit null clears an optional field. */
@InputType()
export class UpdateOrganisationInput extends PartialType(CreateOrganisationInput) {}
