import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/database/connection';

/** Which kind of record a duplicate pair, dismissal or merge is about. */
export enum DuplicateKind {
  organisation = 'organisation',
  contact = 'contact',
}
registerEnumType(DuplicateKind, { name: 'DuplicateKind' });

export enum DuplicateReasonKind {
  companies_house_number = 'companies_house_number',
  domain = 'domain',
  email = 'email',
  similar_name = 'similar_name',
}
registerEnumType(DuplicateReasonKind, {
  name: 'DuplicateReasonKind',
  description: 'companies_house_number, domain and email are exact matches; similar_name is pg_trgm similarity of the normalised name',
});

@ObjectType({ description: 'Why two records look like one: the reason and what matched' })
export class DuplicateReason {
  @Field(() => DuplicateReasonKind) kind!: DuplicateReasonKind;
  @Field(() => Float, { nullable: true, description: 'similar_name only: 0–1' }) similarity!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'What matched: the number, domain or email; for similar_name the postcode area (organisations) or the shared organisation (contacts)',
  })
  value!: string | null;
}

@ObjectType({ description: 'Two live records that may be the same, with why; a is the one with the lower id' })
export class DuplicateCandidate {
  @Field(() => ID, { description: '"aId:bId"' }) id!: string;
  @Field(() => DuplicateKind) kind!: DuplicateKind;
  @Field(() => ID) aId!: string;
  @Field(() => ID) bId!: string;
  @Field(() => Float, { description: 'Higher is more likely: exact identifiers first, then name similarity' }) score!: number;
  @Field(() => [DuplicateReason]) reasons!: DuplicateReason[];
}

@ObjectType()
export class DuplicateCandidateConnection extends Connection(DuplicateCandidate) {}

@ObjectType({ description: 'How current the organisation duplicates list is: the background scan of changed organisations' })
export class DuplicateScan {
  @Field(() => Int, { description: 'Organisations created or changed since the scan got to them; their pairs are not in the list yet' })
  pendingOrganisations!: number;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Changes made up to this time are checked (null: nothing scanned yet)' })
  checkedUpTo!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the scan last stored a chunk' })
  lastScannedAt!: Date | null;
}
