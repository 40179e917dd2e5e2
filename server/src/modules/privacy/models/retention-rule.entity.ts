import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import { RetentionRecordType } from '../privacy.enums';

/** How long a kind of record is kept without activity before a person reviews it, e.g. contacts with no engagement for 72 months. */
@ObjectType()
@Entity('retention_rules')
export class RetentionRule {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => RetentionRecordType) @Column({ name: 'record_type', type: 'text' }) recordType!: RetentionRecordType;
  @Field(() => Int, { description: 'Months without activity before the record is due for review' }) @Column({ name: 'period_months', type: 'int' }) periodMonths!: number;
  @Field() @Column({ type: 'text' }) description!: string;
  @Field() @Column({ type: 'boolean', default: true }) active!: boolean;
  @Field(() => Int) @Column({ type: 'int', default: 1 }) version!: number;
  @Field(() => GraphQLISODateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
  @Field(() => GraphQLISODateTime) @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
