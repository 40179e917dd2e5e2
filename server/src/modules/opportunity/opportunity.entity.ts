import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { penceColumn, PenceScalar } from '../../common/graphql/scalars/pence.scalar';
import { OpportunityType } from './opportunity.enums';

/** Potential BCE business with an organisation, owned by a department, moving through the pipeline stages. */
@ObjectType()
@Entity('opportunities')
export class Opportunity extends BaseRecord {
  @Field() @Column({ type: 'text' }) title!: string;
  @Field(() => OpportunityType) @Column({ type: 'text' }) type!: OpportunityType;
  @Field(() => ID) @Column({ name: 'stage_id', type: 'uuid' }) stageId!: string;
  @Field(() => PenceScalar, { description: 'Value in pence (GBP × 100)' })
  @Column({ name: 'value_pence', type: 'bigint', default: 0, transformer: penceColumn }) valuePence!: number;
  @Field(() => Int, { nullable: true, description: "0–100; null means the stage's default probability" })
  @Column({ type: 'int', nullable: true }) probability!: number | null;
  @Field(() => String, { nullable: true, description: 'ISO date' }) @Column({ name: 'expected_close_date', type: 'date', nullable: true }) expectedCloseDate!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date delivery starts (multi-year contracts)' }) @Column({ name: 'start_date', type: 'date', nullable: true }) startDate!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date delivery ends' }) @Column({ name: 'end_date', type: 'date', nullable: true }) endDate!: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId!: string | null;
  @Field(() => ID) @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Field(() => ID) @Column({ name: 'organisation_id', type: 'uuid' }) organisationId!: string;
  @Field(() => String, { nullable: true, description: 'Why it was lost (set when moved to a lost stage)' })
  @Column({ name: 'lost_reason', type: 'text', nullable: true }) lostReason!: string | null;
  @Field({ description: 'Visible only to its department, managers and admins' }) @Column({ type: 'boolean', default: false }) confidential!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it entered a won stage' })
  @Column({ name: 'won_at', type: 'timestamptz', nullable: true }) wonAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it entered a won or lost stage' })
  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true }) closedAt!: Date | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
}
