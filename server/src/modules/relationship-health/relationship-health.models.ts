import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { PenceScalar } from '../../common/graphql/scalars/pence.scalar';
import { HealthFactorKey } from './health-formula';

export enum HealthFactor { recency = 'recency', frequency = 'frequency', breadth = 'breadth', opportunities = 'opportunities', trend = 'trend' }
registerEnumType(HealthFactor, { name: 'HealthFactor' });

@ObjectType({ description: "One factor's contribution to a health score" })
export class HealthFactorScore {
  @Field(() => HealthFactor) key!: HealthFactorKey;
  @Field() label!: string;
  @Field(() => Float, { description: 'Points earned, one decimal' }) points!: number;
  @Field(() => Int, { description: 'The most this factor can add' }) max!: number;
}

@ObjectType({ description: 'What a health score was computed from' })
export class HealthInputsModel {
  @Field(() => Int, { nullable: true, description: 'Days since the latest engagement; null if never engaged' }) daysSinceLast!: number | null;
  @Field(() => Int) engagements365!: number;
  @Field(() => Int) departments365!: number;
  @Field(() => Int) contacts365!: number;
  @Field(() => PenceScalar, { description: 'Open pipeline weighted by probability' }) openWeightedPence!: number;
  @Field(() => PenceScalar, { description: 'Won in the last two years' }) wonPence730!: number;
  @Field(() => Int) recent90!: number;
  @Field(() => Int) prior90!: number;
}

@ObjectType({ description: 'Relationship health 0–100 with the factors behind it (docs/relationship-health.md)' })
export class HealthScore {
  @Field(() => ID) organisationId!: string;
  @Field({ description: 'The day scored (YYYY-MM-DD)' }) asOf!: string;
  @Field(() => Int) score!: number;
  @Field(() => Int, { description: 'The score 90 days before asOf' }) previousScore!: number;
  @Field(() => [HealthFactorScore]) factors!: HealthFactorScore[];
  @Field(() => HealthInputsModel) inputs!: HealthInputsModel;
}

@ObjectType({ description: 'An important organisation whose health fell over the last 90 days' })
export class GoingColdOrganisation {
  @Field(() => ID) organisationId!: string;
  @Field(() => Int) score!: number;
  @Field(() => Int) previousScore!: number;
  @Field(() => String, { nullable: true }) lastEngagedOn!: string | null;
  @Field({ description: 'When these figures were computed: the daily snapshot (going cold is not scored live), or now before the first one' })
  computedAt!: Date;
}
