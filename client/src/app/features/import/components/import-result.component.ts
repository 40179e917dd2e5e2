import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { toApiError } from '../../../core/errors/api-error';
import { ImportBatchViewFragment, ImportEntity, ImportRowsGQL, ImportRowViewFragment, UndoImportGQL } from '../../../graphql/generated';
import { filledInWords } from '../data-access/import-rows';
import { countOf, formatCount } from '../../../shared/numbers/numbers';
import { ConfirmDialogComponent, ConfirmDialogData } from '../../organisations/components/confirm-dialog.component';

/** Where the imported records are listed. */
const LIST_OF: Record<ImportEntity, { path: string; label: string }> = {
  ORGANISATIONS: { path: '/organisations', label: 'See the organisations' },
  CONTACTS: { path: '/contacts', label: 'See the contacts' },
  ENGAGEMENTS: { path: '/my-day', label: 'See your day' },
  OPPORTUNITIES: { path: '/pipeline', label: 'See the pipeline' },
};

/** The end of an import: what it did (COMMITTED), that it was undone (UNDONE), or why it failed (FAILED); and undo. */
@Component({
  selector: 'bce-import-result',
  imports: [RouterLink, MatButtonModule],
  template: `
    @let s = batch().summary;
    @switch (batch().status) {
      @case ('COMMITTED') {
        <ul class="summary" aria-label="What the import did">
          <li class="card create"><span class="n">{{ count(s.created) }}</span> created</li>
          <li class="card match"><span class="n">{{ count(s.merged) }}</span> merged into existing records</li>
          <li class="card"><span class="n">{{ count(s.unchanged) }}</span> already there, unchanged</li>
          <li class="card"><span class="n">{{ count(s.skipped) }}</span> skipped</li>
        </ul>
        @if (merged().length) {
          <section class="filled" aria-labelledby="filled-heading">
            <h3 id="filled-heading">What the merged rows filled in</h3>
            <p class="muted">Only empty fields are filled: what was already on a record is kept.</p>
            <ul>
              @for (row of merged(); track row.rowNumber) {
                <li><a [routerLink]="recordLink(row.recordId)">Row {{ row.rowNumber }}</a> — {{ filledInWords(row.filled) }}</li>
              }
            </ul>
            @if (s.merged > merged().length) {
              <p class="muted">and {{ countOf(s.merged - merged().length, 'more row') }}.</p>
            }
          </section>
        }
      }
      @case ('UNDONE') {
        <div class="banner info" role="status">
          <p>This import was undone: the {{ countOf(s.created, 'record') }} it created are archived (an admin can restore them) and the fields it
            filled in are cleared, except where someone has changed them since.</p>
        </div>
      }
      @case ('FAILED') {
        <div class="banner error" role="alert">
          <p>{{ batch().error ?? 'The import stopped with an error.' }}</p>
        </div>
        <p>Fix the spreadsheet and upload it again from <a routerLink="/import">Import</a>.
          @if (undoable() > 0) {
            {{ countOf(undoable(), 'row') }} were imported before it stopped: undo them below, or keep them — importing the fixed file again will match them rather than create them twice.
          }
        </p>
      }
    }
    @if (message(); as m) {
      <div class="banner error" role="alert"><p>{{ m }}</p></div>
    }
    <div class="actions">
      @if (batch().status === 'COMMITTED') {
        <a mat-flat-button [routerLink]="list().path">{{ list().label }}</a>
      }
      @if (batch().status === 'COMMITTED' || (batch().status === 'FAILED' && undoable() > 0)) {
        <button mat-stroked-button type="button" (click)="undo()" [disabled]="busy()">Undo this import</button>
      }
      <a mat-button routerLink="/import">Start another import</a>
    </div>
  `,
  styles: `
    .filled ul {
      padding-left: 20px;
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      gap: 8px;
      align-items: center;
    }
  `,
  styleUrl: './import-shared.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportResultComponent implements OnInit {
  private readonly dialog = inject(MatDialog);
  private readonly undoGql = inject(UndoImportGQL);
  private readonly rowsGql = inject(ImportRowsGQL);

  readonly batch = input.required<ImportBatchViewFragment>();
  readonly changed = output<ImportBatchViewFragment>();

  protected readonly busy = signal(false);
  protected readonly message = signal<string | null>(null);
  protected readonly list = computed(() => LIST_OF[this.batch().entity]);
  /** Rows whose records the import created or filled in and that are not undone yet. */
  protected readonly undoable = computed(() => {
    const s = this.batch().summary;
    return Math.max(0, s.created + s.merged - s.undone);
  });
  protected readonly count = formatCount;
  protected readonly countOf = countOf;
  protected readonly filledInWords = filledInWords;
  /** The first merged rows with what each filled, so people can see exactly what changed on their records. */
  protected readonly merged = signal<ImportRowViewFragment[]>([]);
  protected readonly recordLink = (id: string | null | undefined) => (id && this.batch().entity === 'ORGANISATIONS' ? ['/organisations', id] : [this.list().path]);

  ngOnInit(): void {
    if (this.batch().status !== 'COMMITTED' || !this.batch().summary.merged) return;
    this.rowsGql.fetch({ variables: { id: this.batch().id, first: 25, view: 'MERGED' }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => this.merged.set(result.data?.importBatch?.rows.edges.map((e) => e.node) ?? []),
      error: () => this.merged.set([]),
    });
  }

  protected undo(): void {
    const s = this.batch().summary;
    const data: ConfirmDialogData = {
      title: 'Undo this import?',
      message: `This archives the ${countOf(s.created, 'record')} it created and clears the fields it filled in${s.merged ? ` on ${countOf(s.merged, 'existing record')}` : ''}. Changes people made since are kept.`,
      confirmLabel: 'Undo the import',
    };
    this.dialog
      .open<ConfirmDialogComponent, ConfirmDialogData, boolean>(ConfirmDialogComponent, { data })
      .afterClosed()
      .subscribe((yes) => {
        if (!yes) return;
        this.busy.set(true);
        this.message.set(null);
        this.undoGql.mutate({ variables: { id: this.batch().id } }).subscribe({
          next: (result) => {
            this.busy.set(false);
            if (result.data?.undoImport) this.changed.emit(result.data.undoImport);
          },
          error: (error: unknown) => {
            this.busy.set(false);
            this.message.set(toApiError(error).message);
          },
        });
      });
  }
}
