import { Field, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { StageOutcome } from './opportunity.enums';

/** A pipeline stage: reference data admins edit (enquiry → qualified → proposal → negotiation → won / lost). */
@ObjectType()
@Entity('opportunity_stages')
export class OpportunityStage extends BaseRecord {
  @Field() @Column({ type: 'text' }) name!: string;
  @Field(() => Int, { description: 'Order on the board, lowest first' }) @Column({ type: 'int' }) position!: number;
  @Field(() => Int, { description: 'Probability (0–100) of an opportunity here that has none of its own' })
  @Column({ name: 'default_probability', type: 'int' }) defaultProbability!: number;
  @Field(() => StageOutcome) @Column({ type: 'text' }) outcome!: StageOutcome;
}
