import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { penceColumn, PenceScalar } from '../../common/graphql/scalars/pence.scalar';
import { CompanyStatus, LegalForm, OrganisationType, Region, RelationshipRole, RelationshipStage, SicSection, SizeBand } from './organisation.enums';

/** An external body: employer, partner, funder, school or college, public body, community group. */
@ObjectType()
@Entity('organisations')
export class Organisation extends BaseRecord {
  @Field()
  @Column({ type: 'text' })
  name!: string;

  @Field(() => String, { nullable: true })
  @Column({ name: 'legal_name', type: 'text', nullable: true })
  legalName!: string | null;

  @Field(() => [String])
  @Column({ name: 'trading_names', type: 'text', array: true, default: () => "'{}'" })
  tradingNames!: string[];

  @Field(() => [String], { description: 'Other names people use for it, e.g. "M&S" or "GSK"; searched with the name' })
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  aliases!: string[];

  @Field(() => OrganisationType)
  @Column({ type: 'text' })
  type!: OrganisationType;

  @Field(() => SicSection, { nullable: true })
  @Column({ type: 'text', nullable: true })
  sector!: SicSection | null;

  @Field(() => SizeBand, { nullable: true })
  @Column({ name: 'size_band', type: 'text', nullable: true })
  sizeBand!: SizeBand | null;

  @Field(() => LegalForm, { nullable: true, description: 'Sole traders and non-LLP partnerships count as individuals for email marketing (PECR)' })
  @Column({ name: 'legal_form', type: 'text', nullable: true })
  legalForm!: LegalForm | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'companies_house_number', type: 'text', nullable: true })
  companiesHouseNumber!: string | null;

  @Field(() => CompanyStatus, { nullable: true, description: 'Status at Companies House' })
  @Column({ name: 'company_status', type: 'text', nullable: true })
  companyStatus!: CompanyStatus | null;

  @Field(() => String, { nullable: true, description: "Companies House company category as the register words it, e.g. 'Private Limited Company'" })
  @Column({ name: 'company_category', type: 'text', nullable: true })
  companyCategory!: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date of incorporation' })
  @Column({ name: 'incorporation_date', type: 'date', nullable: true })
  incorporationDate!: string | null;

  @Field(() => [String], { description: 'Every SIC 2007 code registered (five digits), first the main one' })
  @Column({ name: 'sic_codes', type: 'text', array: true, default: () => "'{}'" })
  sicCodes!: string[];

  @Field(() => Int, { nullable: true, description: 'Staff headcount (full-time equivalent), for the SME test' })
  @Column({ type: 'int', nullable: true })
  headcount!: number | null;

  @Field(() => PenceScalar, { nullable: true, description: 'Annual turnover in pence (GBP × 100), for the SME test' })
  @Column({ name: 'turnover_pence', type: 'bigint', nullable: true, transformer: penceColumn })
  turnoverPence!: number | null;

  @Field(() => PenceScalar, { nullable: true, description: 'Balance sheet total in pence (GBP × 100), for the SME test' })
  @Column({ name: 'balance_sheet_pence', type: 'bigint', nullable: true, transformer: penceColumn })
  balanceSheetPence!: number | null;

  @Field(() => Int, { nullable: true, description: 'The year headcount, turnover and balance sheet are from' })
  @Column({ name: 'size_year', type: 'int', nullable: true })
  sizeYear!: number | null;

  @Field(() => ID, { nullable: true, description: 'The parent organisation (group) this one belongs to' })
  @Column({ name: 'parent_id', type: 'uuid', nullable: true })
  parentId!: string | null;

  @Field(() => Int, { nullable: true, description: 'Share of this organisation the parent holds, 0–100 %' })
  @Column({ name: 'parent_ownership_percent', type: 'int', nullable: true })
  parentOwnershipPercent!: number | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  website!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'address_line1', type: 'text', nullable: true })
  addressLine1!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ name: 'address_line2', type: 'text', nullable: true })
  addressLine2!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  town!: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: 'text', nullable: true })
  postcode!: string | null;

  @Field(() => Region, { nullable: true })
  @Column({ type: 'text', nullable: true })
  region!: Region | null;

  @Field(() => RelationshipStage)
  @Column({ name: 'relationship_stage', type: 'text', default: 'prospect' })
  relationshipStage!: RelationshipStage;

  @Field(() => [RelationshipRole])
  @Column({ name: 'relationship_roles', type: 'text', array: true, default: () => "'{}'" })
  relationshipRoles!: RelationshipRole[];

  @Field(() => [String])
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  tags!: string[];

  @Field(() => ID, { nullable: true })
  @Column({ name: 'owner_id', type: 'uuid', nullable: true })
  ownerId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The department that looks after this organisation (sees it when confidential)' })
  @Column({ name: 'department_id', type: 'uuid', nullable: true })
  departmentId!: string | null;

  @Field({ description: 'Visible only to its department, managers and admins' })
  @Column({ type: 'boolean', default: false })
  confidential!: boolean;

  @Field(() => ID, { nullable: true, description: 'Set when this record was merged into another (it is then archived)' })
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true })
  mergedIntoId!: string | null;
}
