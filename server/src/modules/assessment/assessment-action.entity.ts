import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';

/** An item of an assessment's action plan; it can be turned into a task with an owner and due date. */
@ObjectType()
@Entity('assessment_actions')
export class AssessmentAction extends BaseRecord {
  @Field(() => ID) @Column({ name: 'assessment_id', type: 'uuid' }) assessmentId!: string;
  @Field({ description: 'The framework dimension it improves' }) @Column({ name: 'dimension_key', type: 'text' }) dimensionKey!: string;
  @Field() @Column({ type: 'text' }) text!: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date' }) @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn!: string | null;
  @Field(() => ID, { nullable: true, description: 'The task it was turned into' }) @Column({ name: 'task_id', type: 'uuid', nullable: true }) taskId!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
}
