import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { EngagementType } from './engagement.enums';

/** One interaction with an organisation and/or its people, logged by a department. */
@ObjectType()
@Entity('engagements')
export class Engagement extends BaseRecord {
  @Field(() => EngagementType) @Column({ type: 'text' }) type!: EngagementType;
  @Field({ description: 'ISO date the engagement happened' }) @Column({ name: 'occurred_on', type: 'date' }) occurredOn!: string;
  @Field() @Column({ type: 'text' }) summary!: string;
  @Field(() => String, { nullable: true }) @Column({ type: 'text', nullable: true }) details!: string | null;
  @Field(() => ID, { nullable: true }) @Column({ name: 'organisation_id', type: 'uuid', nullable: true }) organisationId!: string | null;
  @Field(() => ID) @Column({ name: 'department_id', type: 'uuid' }) departmentId!: string;
  @Field() @Column({ type: 'boolean', default: false }) confidential!: boolean;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
}
