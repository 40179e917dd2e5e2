import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PenceScalar } from '../../common/graphql/scalars/pence.scalar';
import { OpportunityType } from '../opportunity/opportunity.enums';
import { OrganisationType, SizeBand } from '../organisation/organisation.enums';

export enum PipelineDimension { stage = 'stage', type = 'type', department = 'department', owner = 'owner' }
export enum WinRateDimension { type = 'type', department = 'department' }
export enum ActivityDimension { department = 'department', type = 'type' }
export enum TopOrganisationMeasure { wonValue = 'wonValue', engagements = 'engagements' }
export enum HeBciCategory {
  collaborative_research = 'collaborative_research',
  contract_research = 'contract_research',
  consultancy = 'consultancy',
  facilities_equipment = 'facilities_equipment',
  cpd_continuing_education = 'cpd_continuing_education',
  regeneration = 'regeneration',
  ip_licensing = 'ip_licensing',
}
export enum HeBciPartnerType { sme = 'sme', other_commercial = 'other_commercial', non_commercial = 'non_commercial' }

registerEnumType(PipelineDimension, { name: 'PipelineDimension' });
registerEnumType(WinRateDimension, { name: 'WinRateDimension' });
registerEnumType(ActivityDimension, { name: 'ActivityDimension' });
registerEnumType(TopOrganisationMeasure, { name: 'TopOrganisationMeasure' });
registerEnumType(HeBciCategory, { name: 'HeBciCategory', description: 'The HE-BCI return heading a contract is counted under' });
registerEnumType(HeBciPartnerType, { name: 'HeBciPartnerType', description: 'SME, other commercial, or non-commercial (public and third sector)' });

@ObjectType({ description: 'Open pipeline for one stage, type, department or owner' })
export class PipelineReportRow {
  @Field({ description: 'The id or enum value grouped by; use it to drill into the opportunities' }) key!: string;
  @Field() label!: string;
  @Field(() => Int) count!: number;
  @Field(() => PenceScalar) valuePence!: number;
  @Field(() => PenceScalar) weightedValuePence!: number;
}

@ObjectType({ description: 'Closed opportunities (won or lost in the period) for one type or department' })
export class WinRateReportRow {
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Int) won!: number;
  @Field(() => Int) lost!: number;
  @Field(() => Float, { nullable: true, description: 'won / (won + lost), 0–1; null when nothing closed' }) winRate!: number | null;
  @Field(() => Float, { nullable: true, description: 'Mean days from creation to winning' }) averageDaysToClose!: number | null;
  @Field(() => PenceScalar) wonValuePence!: number;
}

@ObjectType({ description: 'Engagements in one month for one department or type' })
export class ActivityReportRow {
  @Field({ description: 'YYYY-MM' }) month!: string;
  @Field() key!: string;
  @Field() label!: string;
  @Field(() => Int) count!: number;
}

@ObjectType()
export class TopOrganisationRow {
  @Field(() => ID) organisationId!: string;
  @Field() name!: string;
  @Field(() => PenceScalar, { description: 'Won in the period' }) wonValuePence!: number;
  @Field(() => Int, { description: 'Engagements in the period' }) engagementCount!: number;
}

@ObjectType({ description: 'One cell of the HE-BCI summary: a heading and a partner type' })
export class HeBciCell {
  @Field(() => Int, { description: 'HE-BCI table: 1 research, 2 services, 3 regeneration, 4 IP' }) table!: number;
  @Field(() => HeBciCategory) category!: HeBciCategory;
  @Field(() => HeBciPartnerType) partnerType!: HeBciPartnerType;
  @Field(() => Int, { description: 'Contracts with value in the year' }) count!: number;
  @Field(() => PenceScalar, { description: "The year's share of their value" }) valuePence!: number;
  @Field(() => Int, { description: 'The same in £000s, rounded, as the return asks' }) valueThousands!: number;
}

@ObjectType({ description: 'Which HE-BCI heading an opportunity type is returned under; null: not returned' })
export class HeBciActivityMapping {
  @Field(() => OpportunityType) opportunityType!: OpportunityType;
  @Field(() => HeBciCategory, { nullable: true }) category!: HeBciCategory | null;
}

@ObjectType({ description: 'Which partner type an organisation counts as, by its type and size band (null: not recorded)' })
export class HeBciPartnerMapping {
  @Field(() => OrganisationType) organisationType!: OrganisationType;
  @Field(() => SizeBand, { nullable: true }) sizeBand!: SizeBand | null;
  @Field(() => HeBciPartnerType) partnerType!: HeBciPartnerType;
}

@ObjectType({ description: "HESA's Higher Education Business and Community Interaction return, from won business" })
export class HeBciSummary {
  @Field() academicYear!: string;
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => [HeBciCell], { description: 'Only the cells with contracts' }) cells!: HeBciCell[];
  @Field(() => [HeBciActivityMapping]) activityMapping!: HeBciActivityMapping[];
  @Field(() => [HeBciPartnerMapping]) partnerMapping!: HeBciPartnerMapping[];
  @Field(() => Int, { description: 'Won contracts in the year whose type is not part of the return' }) notReturnedCount!: number;
}

@ObjectType({ description: 'The reports area; each field takes its own filter' })
export class Reports {
  @Field({ description: 'When the figures were read' }) generatedAt!: Date;
}
