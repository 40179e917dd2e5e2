import { ArgsType, Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsEnum, IsInt, IsOptional, IsString, IsUUID, MaxLength, Min, IsNotEmpty } from 'class-validator';
import { Connection } from '../../common/database/connection';

export enum ImportEntityKind { ORGANISATIONS = 'organisations', CONTACTS = 'contacts', ENGAGEMENTS = 'engagements', OPPORTUNITIES = 'opportunities' }
export enum ImportStatus {
  PARSING = 'parsing', MAPPING = 'mapping', PREVIEWING = 'previewing', PREVIEWED = 'previewed',
  COMMITTING = 'committing', COMMITTED = 'committed', UNDOING = 'undoing', UNDONE = 'undone', FAILED = 'failed',
}
export enum ImportDecision { CREATE = 'create', MATCH = 'match', SKIP = 'skip' }
export enum ImportOutcome { CREATED = 'created', MERGED = 'merged', UNCHANGED = 'unchanged', SKIPPED = 'skipped' }
export enum ImportMatchReason {
  COMPANIES_HOUSE_NUMBER = 'companies_house_number', DOMAIN = 'domain', EMAIL = 'email', NAME = 'name',
  SAME_RECORD = 'same_record', EARLIER_ROW = 'earlier_row', CHOSEN = 'chosen',
}
export enum ImportRowView { ALL = 'all', CREATE = 'create', MATCH = 'match', SKIP = 'skip', PROBLEMS = 'problems', PROPOSED = 'proposed', MERGED = 'merged' }

registerEnumType(ImportEntityKind, { name: 'ImportEntity', description: 'What the rows of a spreadsheet describe' });
registerEnumType(ImportStatus, { name: 'ImportStatus', description: 'parsing → mapping → previewing → previewed → committing → committed (→ undoing → undone); failed says why in error' });
registerEnumType(ImportDecision, { name: 'ImportDecision', description: 'What the commit will do with a row' });
registerEnumType(ImportOutcome, { name: 'ImportOutcome', description: 'What the commit did with a row' });
registerEnumType(ImportMatchReason, { name: 'ImportMatchReason', description: 'Why a row was taken to be an existing record' });
registerEnumType(ImportRowView, { name: 'ImportRowView', description: 'Rows by decision, with problems, with a proposed match, or (after the commit) merged into existing records' });

@ObjectType({ description: 'A field a column can fill' })
export class ImportFieldModel {
  @Field() name!: string;
  @Field() label!: string;
  @Field() required!: boolean;
  /** Server-side only: see ImportField.orFilledBy. */
  orFilledBy?: string;
}

@ObjectType()
export class ImportProblem {
  @Field() field!: string;
  @Field() message!: string;
}

@ObjectType({ description: 'The existing record (or earlier row of the file) a row will be merged into' })
export class ImportMatch {
  @Field(() => ID, { nullable: true }) recordId!: string | null;
  @Field(() => String, { nullable: true, description: 'The record\'s name as shown to people' }) label!: string | null;
  @Field(() => ImportMatchReason) reason!: ImportMatchReason;
  @Field(() => Float, { description: 'Name similarity 0–1 for a similar name; 1 for an exact key' }) score!: number;
  @Field(() => Int, { nullable: true, description: 'The earlier row of this file describing the same record' }) rowNumber!: number | null;
  @Field({ description: 'True when the match is only likely (a similar name with no postcode area to confirm it, or a company that no longer exists beside one of unknown status): the row is created as new unless a person chooses MATCH' })
  proposed!: boolean;
}

@ObjectType({ description: 'A field a row filled on the record it merged into, and the value it put there' })
export class ImportFilledField {
  @Field() field!: string;
  @Field() label!: string;
  @Field() value!: string;
}

@ObjectType()
export class ImportRow {
  @Field(() => Int, { description: 'The line in the spreadsheet (1 is the header row)' }) rowNumber!: number;
  @Field(() => [String], { nullable: 'items', description: 'The cells as read, in column order' }) cells!: Array<string | null>;
  @Field(() => [ImportProblem]) problems!: ImportProblem[];
  @Field(() => ImportDecision, { nullable: true }) decision!: ImportDecision | null;
  @Field({ description: 'True when a person changed the preview\'s decision' }) decidedByUser!: boolean;
  @Field(() => ImportMatch, { nullable: true }) match!: ImportMatch | null;
  @Field(() => ImportOutcome, { nullable: true }) outcome!: ImportOutcome | null;
  @Field(() => ID, { nullable: true, description: 'The record created or merged into' }) recordId!: string | null;
  @Field(() => [ImportFilledField], { description: 'The empty fields this row filled on the record it merged into (none unless the outcome is MERGED)' }) filled!: ImportFilledField[];
  @Field(() => GraphQLISODateTime, { nullable: true }) undoneAt!: Date | null;
}

@ObjectType()
export class ImportRowConnection extends Connection(ImportRow) {}

@ObjectType({ description: 'Rows by decision (after the preview) and by outcome (after the commit)' })
export class ImportSummary {
  @Field(() => Int) rows!: number;
  @Field(() => Int) create!: number;
  @Field(() => Int) match!: number;
  @Field(() => Int) skip!: number;
  @Field(() => Int, { description: 'Rows with a proposed match no one has decided on yet: they will be created as new' }) proposed!: number;
  @Field(() => Int, { description: 'Rows with at least one problem (an importable row may still have one)' }) withProblems!: number;
  @Field(() => Int) created!: number;
  @Field(() => Int) merged!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => Int) skipped!: number;
  @Field(() => Int) undone!: number;
}

@ObjectType()
export class ImportBatch {
  @Field(() => ID) id!: string;
  @Field(() => ImportEntityKind) entity!: ImportEntityKind;
  @Field() fileName!: string;
  @Field(() => Int) fileSize!: number;
  @Field(() => ImportStatus) status!: ImportStatus;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => [String]) headers!: string[];
  @Field(() => [String], { nullable: 'items', description: 'The field each column fills, in column order; null ignores the column' }) mapping!: Array<string | null>;
  @Field(() => [ImportFieldModel]) fields!: ImportFieldModel[];
  @Field({ description: 'True when the commit will start as soon as the preview is done' }) commitAfterPreview!: boolean;
  @Field(() => Int, { description: 'Rows in the current phase (rows read so far while parsing)' }) rowsTotal!: number;
  @Field(() => Int) rowsDone!: number;
  @Field(() => Float, { nullable: true }) rowsPerSecond!: number | null;
  @Field(() => Int, { nullable: true, description: 'Estimated seconds left in the current phase' }) secondsLeft!: number | null;
  @Field(() => ID, { nullable: true }) departmentId!: string | null;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => GraphQLISODateTime) updatedAt!: Date;
  @Field(() => String) createdByName!: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the same file was last imported (committed) before' }) sameFileImportedAt!: Date | null;
  @Field(() => Int) version!: number;
}

@ObjectType()
export class ImportBatchConnection extends Connection(ImportBatch) {}

@ObjectType({ description: 'A column mapping saved for the next spreadsheet with the same headers' })
export class ImportMapping {
  @Field(() => ID) id!: string;
  @Field(() => ImportEntityKind) entity!: ImportEntityKind;
  @Field() name!: string;
  @Field(() => [String]) headers!: string[];
  @Field(() => [String], { nullable: 'items' }) mapping!: Array<string | null>;
}

@ArgsType()
export class ImportPageArgs {
  @Field(() => Int, { nullable: true, defaultValue: 25, description: 'Page size, at most 100' }) @IsOptional() @IsInt() first?: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @MaxLength(500) after?: string;
}

@ArgsType()
export class ImportRowsArgs extends ImportPageArgs {
  @Field(() => ImportRowView, { nullable: true, defaultValue: ImportRowView.ALL })
  @IsOptional() @IsEnum(ImportRowView)
  view?: ImportRowView;
}

@InputType()
export class SaveImportMappingInput {
  @Field(() => ImportEntityKind) @IsEnum(ImportEntityKind) entity!: ImportEntityKind;
  @Field() @IsString() @IsNotEmpty({ message: 'name must not be empty' }) @MaxLength(100, { message: 'name must be at most 100 characters' }) name!: string;
  @Field(() => [String]) @ArrayMaxSize(100) @IsString({ each: true }) @MaxLength(200, { each: true }) headers!: string[];
  @Field(() => [String], { nullable: 'items' }) @ArrayMaxSize(100) mapping!: Array<string | null>;
}

@InputType()
export class ImportRowDecisionInput {
  @Field(() => Int) @IsInt() @Min(1) rowNumber!: number;
  @Field(() => ImportDecision) @IsEnum(ImportDecision) decision!: ImportDecision;
  @Field(() => ID, { nullable: true, description: 'With MATCH: the existing record to merge into' })
  @IsOptional() @IsUUID('all', { message: 'matchId must be a record id' }) matchId?: string | null;
}
