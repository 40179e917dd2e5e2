import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { ImportBatchesGQL, ImportBatchesQuery } from '../../../graphql/generated';
import { formatDateTime } from '../../../shared/dates/dates';
import { labelOf } from '../../../shared/labels/enum-labels';
import { IMPORT_ENTITY_LABELS, IMPORT_STATUS_LABELS } from '../../../shared/labels/import-labels';
import { formatCount } from '../../../shared/numbers/numbers';
import { ConnectionList } from '../../../shared/paging/connection-list';
import { NewImportComponent } from '../components/new-import.component';

type Batch = ImportBatchesQuery['importBatches']['edges'][number]['node'];

/** /import: a new import, and the imports so far (newest first), each opening on its current step. */
@Component({
  selector: 'bce-import-list-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, NewImportComponent],
  templateUrl: './import-list.page.html',
  styleUrl: './import-list.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportListPage {
  private readonly batchesGql = inject(ImportBatchesGQL);
  protected readonly list = new ConnectionList<Batch>();
  protected readonly entityLabel = (b: Batch) => labelOf(IMPORT_ENTITY_LABELS, b.entity);
  protected readonly statusLabel = (b: Batch) => labelOf(IMPORT_STATUS_LABELS, b.status);
  protected readonly when = formatDateTime;
  protected readonly count = formatCount;

  constructor() {
    this.load(false);
  }

  protected load(more: boolean): void {
    if (more) this.list.loadingMore.set(true);
    const after = more ? this.list.pageInfo()?.endCursor ?? undefined : undefined;
    this.batchesGql.fetch({ variables: { first: 25, after }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => this.list.show(result.data?.importBatches, more),
      error: (error: unknown) => this.list.fail(error),
    });
  }
}
