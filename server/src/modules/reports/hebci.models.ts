import { Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { IsEnum, IsOptional } from 'class-validator';
import { PenceScalar } from '../../common/graphql/scalars/pence.scalar';
import { FundingSource, IpIncomeType, OpportunityType } from '../opportunity/opportunity.enums';

export enum HeBciCategory {
  collaborative_research = 'collaborative_research',
  contract_research = 'contract_research',
  consultancy = 'consultancy',
  facilities_equipment = 'facilities_equipment',
  cpd_continuing_education = 'cpd_continuing_education',
  regeneration = 'regeneration',
  ip_licensing = 'ip_licensing',
}
export enum HeBciPartnerType { sme = 'sme', other_commercial = 'other_commercial', non_commercial = 'non_commercial', unknown = 'unknown' }

registerEnumType(HeBciCategory, { name: 'HeBciCategory', description: 'The HE-BCI return heading a contract is counted under' });
registerEnumType(HeBciPartnerType, { name: 'HeBciPartnerType', description: 'SME, other (non-SME) commercial, non-commercial (public and third sector), or unknown: a commercial partner whose size is not recorded (listed for fixing, never counted as other commercial)' });

/** What a line of the return measures. */
export enum HeBciMeasure {
  income = 'income',
  public_funding = 'public_funding',
  cash_contribution = 'cash_contribution',
  in_kind = 'in_kind',
  learner_days = 'learner_days',
}
export enum HeBciIncomeRule { instalments = 'instalments', day_spread = 'day_spread' }
export enum SmeBasis { figures = 'figures', size_band = 'size_band', group = 'group', none = 'none', non_commercial = 'non_commercial' }

registerEnumType(HeBciMeasure, {
  name: 'HeBciMeasure',
  description: 'income; public_funding (Table 1 head 1 grant-in-aid, by source); cash_contribution and in_kind (collaborators, by partner type); learner_days (CPD)',
});
registerEnumType(HeBciIncomeRule, { name: 'HeBciIncomeRule', description: 'instalments: those received/due in the year; day_spread: value shared by days of the contract' });
registerEnumType(SmeBasis, { name: 'SmeBasis', description: 'What decided the partner type: the figures, the size band, the group (parent), nothing recorded, or a non-commercial body' });

/** Where one contract's figure for the year goes in the return. */
@ObjectType({ description: 'One part of a line of the return' })
export class HeBciPart {
  @Field(() => Int) table!: number;
  @Field(() => HeBciCategory) category!: HeBciCategory;
  @Field(() => HeBciMeasure) measure!: HeBciMeasure;
  @Field(() => FundingSource, { nullable: true, description: 'Set on lines reported by funding source; null there means not recorded' }) fundingSource!: FundingSource | null;
  @Field(() => IpIncomeType, { nullable: true }) ipIncomeType!: IpIncomeType | null;
  @Field(() => HeBciPartnerType, { nullable: true, description: 'Null on lines reported by funding source' }) partnerType!: HeBciPartnerType | null;
  @Field(() => PenceScalar) valuePence!: number;
  @Field(() => Int, { nullable: true }) learnerDays!: number | null;
}

@ObjectType({ description: "A line of the return in HESA's layout" })
export class HeBciLine extends HeBciPart {
  @Field(() => Int, { description: 'Contracts contributing' }) count!: number;
  @Field(() => Int, { description: '£000s, rounded from the summed pence' }) valueThousands!: number;
}

@ObjectType({ description: 'A won contract behind the HE-BCI figures' })
export class HeBciRecord {
  @Field(() => ID) opportunityId!: string;
  @Field() title!: string;
  @Field(() => OpportunityType) type!: OpportunityType;
  @Field(() => ID) organisationId!: string;
  @Field() organisationName!: string;
  @Field(() => HeBciPartnerType) partnerType!: HeBciPartnerType;
  @Field(() => SmeBasis) sizeBasis!: SmeBasis;
  @Field({ description: 'Why the partner type is what it is' }) sizeReason!: string;
  @Field(() => HeBciIncomeRule) rule!: HeBciIncomeRule;
  @Field(() => PenceScalar, { description: 'The whole contract value' }) valuePence!: number;
  @Field(() => PenceScalar, { description: 'Income counted in this year' }) incomePence!: number;
  @Field(() => [HeBciPart]) parts!: HeBciPart[];
}

@ObjectType({ description: 'An organisation whose SME status cannot be decided' })
export class HeBciUnknownSize {
  @Field(() => ID) organisationId!: string;
  @Field() name!: string;
  @Field() reason!: string;
  @Field(() => Int) contracts!: number;
}

@ObjectType({ description: 'The euro rate the EU SME thresholds (€50m turnover, €43m balance sheet) are converted to pounds at' })
export class HeBciEuroRate {
  @Field(() => Float, { description: 'Pounds per euro' }) gbpPerEur!: number;
  @Field() source!: string;
  @Field({ description: 'ISO date of the rate' }) rateDate!: string;
  @Field(() => PenceScalar) smeTurnoverMaxPence!: number;
  @Field(() => PenceScalar) smeBalanceSheetMaxPence!: number;
}

/**
 * A cell of the return, to list the contracts behind it: a key left out matches any value, a key
 * given as null matches "not recorded" (the same rule as the lines' own keys).
 */
@InputType({ description: 'A cell of the return: category and measure, and optionally funding source, IP income type and partner type (left out: any; null: not recorded)' })
export class HeBciCellFilter {
  @Field(() => HeBciCategory) @IsEnum(HeBciCategory, { message: 'cell.category must be an HE-BCI category' }) category!: HeBciCategory;
  @Field(() => HeBciMeasure) @IsEnum(HeBciMeasure, { message: 'cell.measure must be an HE-BCI measure' }) measure!: HeBciMeasure;
  @Field(() => FundingSource, { nullable: true }) @IsOptional() @IsEnum(FundingSource, { message: 'cell.fundingSource must be a funding source' }) fundingSource?: FundingSource | null;
  @Field(() => IpIncomeType, { nullable: true }) @IsOptional() @IsEnum(IpIncomeType, { message: 'cell.ipIncomeType must be an IP income type' }) ipIncomeType?: IpIncomeType | null;
  @Field(() => HeBciPartnerType, { nullable: true }) @IsOptional() @IsEnum(HeBciPartnerType, { message: 'cell.partnerType must be an HE-BCI partner type' }) partnerType?: HeBciPartnerType | null;
}

@ObjectType({ description: 'Whether an organisation is an SME for HE-BCI, and why' })
export class SmeStatus {
  @Field(() => HeBciPartnerType) partnerType!: HeBciPartnerType;
  @Field(() => String, { description: 'sme, large or unknown (null for a non-commercial body)', nullable: true }) size!: 'sme' | 'large' | 'unknown' | null;
  @Field(() => SmeBasis) basis!: SmeBasis;
  @Field() reason!: string;
}
