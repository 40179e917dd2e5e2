import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { TaskStatus } from './task.enums';
import { ukToday } from '../../common/dates/uk-dates';

/** A follow-up for a member of staff, linked to an organisation, contact and/or engagement. */
@ObjectType()
@Entity('tasks')
export class Task extends BaseRecord {
  @Field() @Column({ type: 'text' }) title!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) notes!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date' }) @Column({ name: 'due_on', type: 'date', nullable: true }) dueOn!: string | null;
  @Field(() => TaskStatus) @Column({ type: 'text', default: 'open' }) status!: TaskStatus;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  @Field(() => ID) @Column({ name: 'assignee_id', type: 'uuid' }) assigneeId!: string;
  @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId!: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'contact_id', type: 'uuid', nullable: true }) contactId!: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'engagement_id', type: 'uuid', nullable: true }) engagementId!: string | null;
  @Field(() => ID) @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Field() @Column({ type: 'boolean', default: false }) confidential!: boolean;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;

  @Field({ description: 'Open and due before today' })
  get overdue(): boolean {
    return this.status === TaskStatus.open && !!this.dueOn && this.dueOn < ukToday();
  }
}
