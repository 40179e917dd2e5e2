import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { ConsentChannel } from './contact.enums';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** What a contact agreed to, when and how, and when they withdrew it (kept, never overwritten). */
@ObjectType()
@Entity('consent_records')
export class ConsentRecord {
  @Field(() => ID) @PrimaryGeneratedColumn('uuid') id!: string;
  @Field(() => ID) @Column({ name: 'contact_id', type: 'uuid' }) contactId!: string;
  @Field() @Column({ type: 'text' }) purpose!: string;
  @Field({ description: 'How consent was given, e.g. "web form", "signed at event"' }) @Column({ type: 'text' }) method!: string;
  @Field(() => ConsentChannel) @Column({ type: 'text', default: ConsentChannel.unspecified }) channel!: ConsentChannel;
  @Field(() => GraphQLISODateTime) @Column({ name: 'given_at', type: 'timestamptz' }) givenAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true }) withdrawnAt!: Date | null;
  @Column({ name: 'recorded_by', type: 'uuid', nullable: true }) recordedBy!: string | null;
  @Field(() => GraphQLISODateTime) @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt!: Date;
}
