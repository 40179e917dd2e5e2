import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { SubjectAccessRequestStatus } from '../privacy.enums';

/** A person asking for everything held about them; answered within one calendar month (dueOn). */
@ObjectType()
@Entity('subject_access_requests')
export class SubjectAccessRequest {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => ID, { nullable: true, description: 'The contact the request is about, once identified' })
  @Column({ name: 'contact_id', type: 'uuid', nullable: true }) contactId!: string | null;
  @Field({ description: 'Who asked and how, e.g. "Jo Bloggs by email to the DPO"' }) @Column({ type: 'text' }) requester!: string;
  @Field({ description: 'ISO date the request was received' }) @Column({ name: 'received_on', type: 'date' }) receivedOn!: string;
  @Field({ description: 'ISO date the answer is due: the same day next month, or the month’s last day' }) @Column({ name: 'due_on', type: 'date' }) dueOn!: string;
  @Field(() => SubjectAccessRequestStatus) @Column({ type: 'text', default: SubjectAccessRequestStatus.open }) status!: SubjectAccessRequestStatus;
  @Field(() => String, { nullable: true }) @Column({ name: 'completed_on', type: 'date', nullable: true }) completedOn!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When everything held was last exported for it' })
  @Column({ name: 'last_exported_at', type: 'timestamptz', nullable: true }) lastExportedAt!: Date | null;
  @Column({ name: 'last_exported_by', type: 'uuid', nullable: true }) lastExportedBy!: string | null;
  @Column({ name: 'created_by', type: 'uuid', nullable: true }) createdBy!: string | null;
  @Column({ name: 'completed_by', type: 'uuid', nullable: true }) completedBy!: string | null;
  @Field(() => GraphQLISODateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
