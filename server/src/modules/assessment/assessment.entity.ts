import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { AssessmentScope, AssessmentStatus } from './assessment.enums';
import { MeasuredIndicator } from './evidence.sql';

/** A maturity self-assessment of the institution or one department, answered against one framework version. */
@ObjectType()
@Entity('assessments')
export class Assessment extends BaseRecord {
  @Field() @Column({ type: 'text' }) title!: string;
  @Field(() => ID, { nullable: true, description: 'Null for an institution-wide assessment' })
  @Column({ name: 'department_id', type: 'uuid', nullable: true }) departmentId!: string | null;
  @Column({ name: 'framework_id', type: 'uuid' }) frameworkId!: string;
  @Field(() => AssessmentStatus) @Column({ type: 'text', default: 'in_progress' }) status!: AssessmentStatus;
  @Field(() => ID) @Column({ name: 'lead_id', type: 'uuid' }) leadId!: string;
  @Field(() => GraphQLISODateTime) @Column({ name: 'started_at', type: 'timestamptz', default: () => 'now()' }) startedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt!: Date | null;
  /** The evidence indicators as measured at completion (null while in progress: then they are measured live). */
  @Column({ type: 'jsonb', nullable: true }) evidence!: { asOf: string; indicators: MeasuredIndicator[] } | null;

  @Field(() => AssessmentScope)
  get scope(): AssessmentScope {
    return this.departmentId ? AssessmentScope.department : AssessmentScope.institution;
  }
}
