import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One stay of an opportunity in a stage: entered, and left (null while it is still there). */
@ObjectType()
@Entity('opportunity_stage_history')
export class OpportunityStageHistory {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => ID) @Column({ name: 'opportunity_id', type: 'uuid' }) opportunityId!: string;
  @Field(() => ID) @Column({ name: 'stage_id', type: 'uuid' }) stageId!: string;
  @Field(() => GraphQLISODateTime) @Column({ name: 'entered_at', type: 'timestamptz', default: () => 'now()' }) enteredAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'left_at', type: 'timestamptz', nullable: true }) leftAt!: Date | null;
  @Column({ name: 'moved_by', type: 'uuid', nullable: true }) movedBy!: string | null;
}
