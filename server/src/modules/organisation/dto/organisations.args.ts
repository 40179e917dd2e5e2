import { ArgsType, Field, ID, InputType, Int } from '@nestjs/graphql';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsDateString, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, ValidateNested } from 'class-validator';
import { trimToNull } from '../../../common/graphql/transforms';
import { OrganisationQualityField } from '../organisation-quality';
import { OrganisationSortField, OrganisationType, Region, RelationshipRole, RelationshipStage, SicSection, SortDirection } from '../organisation.enums';

@InputType()
export class OrganisationFilter {
  @Field(() => [OrganisationType], { nullable: true }) @IsOptional() @IsEnum(OrganisationType, { each: true }) types?: OrganisationType[];
  @Field(() => [RelationshipStage], { nullable: true }) @IsOptional() @IsEnum(RelationshipStage, { each: true }) stages?: RelationshipStage[];
  @Field(() => ID, { nullable: true }) @IsOptional() @IsUUID('all', { message: 'filter.ownerId must be a user id' }) ownerId?: string;
  @Field(() => [SicSection], { nullable: true }) @IsOptional() @IsEnum(SicSection, { each: true }) sectors?: SicSection[];
  @Field(() => [Region], { nullable: true }) @IsOptional() @IsEnum(Region, { each: true }) regions?: Region[];
  @Field(() => [RelationshipRole], { nullable: true, description: 'Organisations holding any of these roles' })
  @IsOptional() @IsEnum(RelationshipRole, { each: true }) roles?: RelationshipRole[];
  @Field(() => [OrganisationQualityField], { nullable: true, description: 'Organisations missing every one of these fields (the data-quality lists)' })
  @IsOptional() @IsEnum(OrganisationQualityField, { each: true }) missing?: OrganisationQualityField[];
  @Field(() => String, { nullable: true, description: 'Organisations with no engagement you can see on or after this ISO date, never-engaged ones included' })
  @IsOptional() @IsDateString({ strict: true }, { message: 'filter.noEngagementSince must be a date, e.g. 2025-01-31' }) noEngagementSince?: string;
  @Field({ nullable: true, description: 'Include archived organisations (managers and admins)' }) @IsOptional() @IsBoolean() includeArchived?: boolean;
}

@InputType()
export class OrganisationOrder {
  @Field(() => OrganisationSortField) @IsEnum(OrganisationSortField) field!: OrganisationSortField;
  @Field(() => SortDirection) @IsEnum(SortDirection) direction!: SortDirection;
}

@ArgsType()
export class OrganisationsArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, at most 100' })
  @IsOptional() @IsInt()
  first?: number;

  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;

  @Field(() => String, { nullable: true, description: 'Part of the name, legal or trading name, alias, postcode, Companies House number or website' })
  @Transform(trimToNull) @IsOptional() @IsString() @MaxLength(200)
  search?: string | null;

  @Field(() => OrganisationFilter, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => OrganisationFilter) filter?: OrganisationFilter;

  @Field(() => OrganisationOrder, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => OrganisationOrder) orderBy?: OrganisationOrder;
}
