import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Connection } from '../../common/database/connection';
import { DuplicateKind } from '../duplicates/duplicate.model';
import { MergeSource } from './merge-values';

registerEnumType(MergeSource, { name: 'MergeSource', description: 'Which record a field value is taken from' });

@ObjectType({ description: 'How many rows of one table a merge moved to the survivor' })
export class MovedRowCount {
  @Field({ description: 'engagements, opportunities, tasks, affiliations, consent_records, engagement_contacts, opportunity_contacts' }) table!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'One merge of two records, and whether it was undone' })
export class Merge {
  @Field(() => ID) id!: string;
  @Field(() => DuplicateKind) kind!: DuplicateKind;
  @Field(() => ID) survivorId!: string;
  @Field(() => ID) mergedId!: string;
  @Field({ description: "The survivor's name before the merge" }) survivorName!: string;
  @Field({ description: "The merged record's name" }) mergedName!: string;
  @Field(() => GraphQLISODateTime) mergedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) undoneAt!: Date | null;
  @Field({ description: 'Not undone, and neither record changed since in a way undo would lose' }) undoable!: boolean;
  @Field(() => [MovedRowCount]) moved!: MovedRowCount[];
  mergedById!: string | null;
  undoneById!: string | null;
}

@ObjectType()
export class MergeConnection extends Connection(Merge) {}

@ObjectType({ description: 'What would move to the survivor if this record were merged into another' })
export class MergeActivity {
  @Field(() => Int) engagements!: number;
  @Field(() => Int) opportunities!: number;
  @Field(() => Int) tasks!: number;
  @Field(() => Int, { description: 'Organisations: people affiliated; contacts: organisations affiliated with' }) affiliations!: number;
  @Field(() => Int) consentRecords!: number;
}
