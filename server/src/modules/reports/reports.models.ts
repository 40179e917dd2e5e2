import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PenceScalar } from '../../common/graphql/scalars/pence.scalar';
import { OpportunityType } from '../opportunity/opportunity.enums';
import { OrganisationType } from '../organisation/organisation.enums';
import { HeBciCategory, HeBciEuroRate, HeBciLine, HeBciPartnerType, HeBciRecord, HeBciUnknownSize } from './hebci.models';

export { HeBciCategory, HeBciPartnerType };

export enum PipelineDimension { stage = 'stage', type = 'type', department = 'department', owner = 'owner' }
export enum WinRateDimension { type = 'type', department = 'department' }
export enum ActivityDimension { department = 'department', type = 'type' }
export enum TopOrganisationMeasure { wonValue = 'wonValue', engagements = 'engagements' }
registerEnumType(PipelineDimension, { name: 'PipelineDimension' });
registerEnumType(WinRateDimension, { name: 'WinRateDimension' });
registerEnumType(ActivityDimension, { name: 'ActivityDimension' });
registerEnumType(TopOrganisationMeasure, { name: 'TopOrganisationMeasure' });

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

@ObjectType({ description: 'Whether organisations of a type are commercial partners (the SME test then splits them) or non-commercial' })
export class HeBciSectorMapping {
  @Field(() => OrganisationType) organisationType!: OrganisationType;
  @Field() commercial!: boolean;
}

@ObjectType({ description: "HESA's Higher Education Business and Community Interaction return, from won business" })
export class HeBciSummary {
  @Field() academicYear!: string;
  @Field() from!: string;
  @Field() to!: string;
  @Field(() => [HeBciCell], { description: 'Only the cells with contracts' }) cells!: HeBciCell[];
  @Field(() => [HeBciActivityMapping]) activityMapping!: HeBciActivityMapping[];
  @Field(() => [HeBciSectorMapping]) sectorMapping!: HeBciSectorMapping[];
  @Field(() => Int, { description: 'Won contracts in the year whose type is not part of the return' }) notReturnedCount!: number;
  @Field(() => [HeBciLine], { description: "The return's lines in HESA's layout: public funding and regeneration by funding source, the rest by partner type" }) lines!: HeBciLine[];
  /** Every contract behind the figures, read when first asked for; the field (hebci-summary.resolver.ts) pages and filters them. */
  records!: () => Promise<HeBciRecord[]>;
  @Field(() => [HeBciUnknownSize], { description: 'Commercial partners whose size is unknown: fix them so they count as SME or other commercial' }) unknownSize!: HeBciUnknownSize[];
  @Field(() => HeBciEuroRate) euroRate!: HeBciEuroRate;
  @Field({ description: 'How income is counted in the year' }) incomeRule!: string;
}

@ObjectType({ description: 'The reports area; each field takes its own filter' })
export class Reports {
  @Field({ description: 'When the figures were read' }) generatedAt!: Date;
}
