import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PenceScalar } from '../../../common/graphql/scalars/pence.scalar';
import { PipelineFilter } from '../dto/opportunities.args';
import { OpportunityStage } from '../opportunity-stage.entity';

@ObjectType({ description: 'One open stage of the pipeline: its opportunities counted and totalled' })
export class PipelineStage {
  @Field(() => OpportunityStage) stage!: OpportunityStage;
  @Field(() => Int) count!: number;
  @Field(() => PenceScalar, { description: 'Sum of the values' }) totalValuePence!: number;
  @Field(() => PenceScalar, { description: 'Sum of each value × its effective probability, in whole pence' }) weightedValuePence!: number;
  /** The pipeline's filter, which this stage's opportunities field lists within (not a GraphQL field). */
  filter!: PipelineFilter;
}

@ObjectType({ description: 'Open opportunities by stage, in board order, with overall totals' })
export class Pipeline {
  @Field(() => [PipelineStage]) stages!: PipelineStage[];
  @Field(() => Int) count!: number;
  @Field(() => PenceScalar) totalValuePence!: number;
  @Field(() => PenceScalar) weightedValuePence!: number;
}
