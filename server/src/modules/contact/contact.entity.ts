import { Field, GraphQLISODateTime, ID, ObjectType } from '@nestjs/graphql';
import { Column, Entity } from 'typeorm';
import { BaseRecord } from '../../common/database/base-record';
import { LawfulBasis, PreferredChannel } from './contact.enums';

/** A person outside the institution; linked to organisations through affiliations. */
@ObjectType()
@Entity('contacts')
export class Contact extends BaseRecord {
  @Field() @Column({ name: 'first_name', type: 'text' }) firstName!: string;
  @Field() @Column({ name: 'last_name', type: 'text' }) lastName!: string;
  @Field(() => [String]) @Column({ type: 'text', array: true, default: () => "'{}'" }) emails!: string[];
  @Field(() => [String]) @Column({ type: 'text', array: true, default: () => "'{}'" }) phones!: string[];
  @Field(() => String, { nullable: true }) @Column({ name: 'job_title', type: 'text', nullable: true }) jobTitle!: string | null;
  @Field(() => PreferredChannel, { nullable: true }) @Column({ name: 'preferred_channel', type: 'text', nullable: true }) preferredChannel!: PreferredChannel | null;
  @Field(() => LawfulBasis, { nullable: true }) @Column({ name: 'lawful_basis', type: 'text', nullable: true }) lawfulBasis!: LawfulBasis | null;
  @Field(() => String, { nullable: true, description: 'What shows the lawful basis holds, e.g. "contract 2025-118" or "LIA 2025-03"' })
  @Column({ name: 'lawful_basis_evidence', type: 'text', nullable: true }) lawfulBasisEvidence!: string | null;
  @Field(() => String, { nullable: true, description: 'ISO date the lawful basis was established' })
  @Column({ name: 'lawful_basis_on', type: 'date', nullable: true }) lawfulBasisOn!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Set when the person was erased (anonymised for good)' })
  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true }) erasedAt!: Date | null;
  @Field() @Column({ name: 'marketing_opt_in', type: 'boolean', default: false }) marketingOptIn!: boolean;
  @Field(() => [String]) @Column({ type: 'text', array: true, default: () => "'{}'" }) tags!: string[];
  @Field(() => ID, { nullable: true }) @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Set when this person was merged into another record (it is then archived)' })
  @Column({ name: 'merged_into_id', type: 'uuid', nullable: true }) mergedIntoId!: string | null;

  @Field({ description: 'First and last name' })
  get name(): string {
    return `${this.firstName} ${this.lastName}`;
  }
}
