import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, DeleteDateColumn, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Columns every editable record has: id, timestamps, soft-delete mark and the optimistic-lock version. */
@ObjectType({ isAbstract: true })
export abstract class BaseRecord {
  @Field(() => ID)
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Field(() => GraphQLISODateTime)
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Field(() => GraphQLISODateTime)
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, name: 'archivedAt', description: 'Set when the record is archived (soft deleted)' })
  @DeleteDateColumn({ name: 'deleted_at', type: 'timestamptz' })
  deletedAt!: Date | null;

  @Field(() => Int, { description: 'Send this back with an update; a stale version is refused with CONFLICT' })
  @Column({ type: 'int', default: 1 })
  version!: number;
}
