import { Args, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLUpload } from 'graphql-upload-minimal';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { MANAGERS, Roles } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { ImportEntity } from './column-mapping';
import {
  ImportBatch, ImportBatchConnection, ImportEntityKind, ImportMapping, ImportPageArgs, ImportRow, ImportRowConnection, ImportRowDecisionInput,
  ImportRowsArgs, ImportSummary, SaveImportMappingInput,
} from './import.models';
import { ImportService, UploadedFile } from './import.service';

/** The upload as graphql-upload hands it over. An interface, so the validation pipe leaves it alone (it would try to rebuild a Promise). */
interface UploadArg extends PromiseLike<UploadedFile> {
  readonly __upload?: never;
}

/**
 * Imports are for managers and admins: bringing a department's spreadsheet in touches records
 * across the institution, and matching sees confidential organisations.
 */
@Resolver(() => ImportBatch)
export class ImportResolver {
  constructor(private readonly imports: ImportService) {}

  @Mutation(() => ImportBatch, { description: 'Upload a CSV or XLSX file (at most 50 MB); the rows are read in the background, then the batch waits for its mapping' })
  @Roles(...MANAGERS)
  startImport(
    @CurrentUser() user: AuthUser,
    @Args('file', { type: () => GraphQLUpload }) file: UploadArg,
    @Args('entity', { type: () => ImportEntityKind }) entity: ImportEntityKind,
    @Args('departmentId', { type: () => ID, nullable: true, description: "The department the created records belong to; defaults to the importer's first" }) departmentId?: string | null,
  ): Promise<ImportBatch> {
    return this.imports.start(user, file, entity, departmentId);
  }

  @Query(() => ImportBatch)
  @Roles(...MANAGERS)
  importBatch(@Args('id', { type: () => ID }) id: string): Promise<ImportBatch> {
    return this.imports.get(id);
  }

  @Query(() => ImportBatchConnection, { description: 'Newest first' })
  @Roles(...MANAGERS)
  importBatches(@Args() args: ImportPageArgs): Promise<Connection<ImportBatch>> {
    return this.imports.list(args);
  }

  @Mutation(() => ImportBatch, { description: 'The dry run: decides for every row what the commit will do (create, match, skip) and why' })
  @Roles(...MANAGERS)
  previewImport(
    @Args('id', { type: () => ID }) id: string,
    @Args('mapping', { type: () => [String], nullable: 'items', description: 'The field each column fills, in column order; null ignores it' }) mapping: Array<string | null>,
  ): Promise<ImportBatch> {
    return this.imports.preview(id, mapping);
  }

  @Mutation(() => ImportBatch, { description: "Changes rows' decisions after the preview" })
  @Roles(...MANAGERS)
  decideImportRows(@Args('id', { type: () => ID }) id: string, @Args('decisions', { type: () => [ImportRowDecisionInput] }) decisions: ImportRowDecisionInput[]): Promise<ImportBatch> {
    return this.imports.decide(id, decisions);
  }

  @Mutation(() => ImportBatch, { description: 'Commits in the background; with a mapping that differs from the preview\'s, previews with it first' })
  @Roles(...MANAGERS)
  commitImport(
    @Args('id', { type: () => ID }) id: string,
    @Args('mapping', { type: () => [String], nullable: 'itemsAndList' }) mapping?: Array<string | null> | null,
  ): Promise<ImportBatch> {
    return this.imports.commit(id, mapping);
  }

  @Mutation(() => ImportBatch, { description: 'Archives what the import created and clears what it filled in (where nobody has changed it since)' })
  @Roles(...MANAGERS)
  undoImport(@Args('id', { type: () => ID }) id: string): Promise<ImportBatch> {
    return this.imports.undo(id);
  }

  @Query(() => [ImportMapping])
  @Roles(...MANAGERS)
  importMappings(@Args('entity', { type: () => ImportEntityKind }) entity: ImportEntityKind): Promise<ImportMapping[]> {
    return this.imports.mappings(entity);
  }

  @Mutation(() => ImportMapping, { description: 'Saves a mapping under a name; a later file with the same headers starts with it' })
  @Roles(...MANAGERS)
  saveImportMapping(@CurrentUser() user: AuthUser, @Args('input') input: SaveImportMappingInput): Promise<ImportMapping> {
    return this.imports.saveMapping(user, input);
  }

  @ResolveField(() => ImportSummary)
  summary(@Parent() batch: ImportBatch & { summary?: ImportSummary }): Promise<ImportSummary> | ImportSummary {
    return batch.summary ?? this.imports.summary(batch.id);
  }

  @ResolveField(() => ImportRowConnection)
  rows(@Parent() batch: ImportBatch, @Args() args: ImportRowsArgs): Promise<Connection<ImportRow>> {
    return this.imports.rows(batch.id, batch.entity as unknown as ImportEntity, args);
  }
}
