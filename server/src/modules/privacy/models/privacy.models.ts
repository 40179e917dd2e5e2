import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { Contact } from '../../contact/contact.entity';
import { ErasureSource, RetentionDecision, RetentionRecordType } from '../privacy.enums';
import { RetentionRule } from './retention-rule.entity';

@ObjectType({ description: 'Whether this person may be sent marketing by email, and why (UK GDPR and PECR)' })
export class EmailMarketing {
  @Field() allowed!: boolean;
  @Field({ description: 'Treated as an individual subscriber under PECR: a sole trader, a partnership that is not an LLP, or no organisation' })
  individual!: boolean;
  @Field() reason!: string;
}

@ObjectType({ description: 'How many rows of one table an erasure changed' })
export class ErasureCount {
  @Field() table!: string;
  @Field(() => Int) rows!: number;
}

@ObjectType({ description: 'That a person was erased, by whom and when, and how many rows it touched; never what was erased' })
export class Erasure {
  @Field(() => ID) id!: string;
  @Field(() => ID) contactId!: string;
  @Field(() => GraphQLISODateTime) erasedAt!: Date;
  @Field(() => ErasureSource) source!: ErasureSource;
  @Field(() => [ErasureCount]) counts!: ErasureCount[];
}

@ObjectType({ description: 'A record due for review under a retention rule, with why' })
export class RetentionDue {
  @Field(() => RetentionRecordType) recordType!: RetentionRecordType;
  @Field(() => ID) recordId!: string;
  @Field(() => Contact) contact!: Contact;
  @Field(() => RetentionRule) rule!: RetentionRule;
  @Field(() => String, { nullable: true, description: 'ISO date of their last engagement; null when never engaged' }) lastEngagementOn!: string | null;
  @Field({ description: 'ISO date of the latest activity counted: last engagement, or when the record was created' }) lastActivityOn!: string;
  @Field() reason!: string;
}

@ObjectType({ description: 'A person’s decision on a record in the retention queue' })
export class RetentionReview {
  @Field(() => ID) id!: string;
  @Field(() => ID) ruleId!: string;
  @Field(() => RetentionRecordType) recordType!: RetentionRecordType;
  @Field(() => ID) recordId!: string;
  @Field(() => RetentionDecision) decision!: RetentionDecision;
  @Field(() => String, { nullable: true, description: 'ISO date a kept record comes back to the queue' }) keepUntil!: string | null;
  @Field(() => GraphQLISODateTime) decidedAt!: Date;
}
