import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** 'move' is an opportunity changing stage; 'unmerge' a merge undone; 'export' a list or full export (entity_id names that export) or a subject access export (entity_id the contact); 'erase' a person anonymised (no values kept). */
export type AuditAction = 'create' | 'update' | 'archive' | 'restore' | 'merge' | 'unmerge' | 'move' | 'export' | 'erase';
export type AuditChanges = Record<string, { old: unknown; new: unknown }>;

@ObjectType({ description: 'One changed field: values as JSON text, null when empty' })
export class FieldChange {
  @Field() field!: string;
  @Field(() => String, { nullable: true }) old!: string | null;
  @Field(() => String, { nullable: true }) new!: string | null;
}

/** Who changed which record, when, and each field old → new. Written in the same transaction as the change. */
@ObjectType()
@Entity('audit_events')
export class AuditEvent {
  @Field(() => ID) @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' }) id!: string;
  @Field(() => GraphQLISODateTime) @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' }) occurredAt!: Date;
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId!: string | null;
  @Field() @Column({ name: 'entity_type', type: 'text' }) entityType!: string;
  @Field(() => ID) @Column({ name: 'entity_id', type: 'uuid' }) entityId!: string;
  @Field() @Column({ type: 'text' }) action!: AuditAction;
  @Column({ type: 'jsonb', default: () => "'{}'" }) changes!: AuditChanges;
}
