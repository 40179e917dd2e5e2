import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatButtonToggleModule } from '@angular/material/button-toggle';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { toApiError } from '../../../core/errors/api-error';
import {
  CommitImportGQL, DecideImportRowsGQL, ImportBatchViewFragment, ImportDecision, ImportRowView, ImportRowViewFragment, ImportRowsGQL,
} from '../../../graphql/generated';
import { formatNumericDate } from '../../../shared/dates/dates';
import { countOf, formatCount } from '../../../shared/numbers/numbers';
import { decisionChoices, decisionInput, matchInWords, problemInWords, shownColumns } from '../data-access/import-rows';

const PAGE_SIZE = 50;

/**
 * The PREVIEWED step: what the commit will do, in counts and row by row, with each row's decision
 * changeable (saved at once), then "Import N rows". Rows are keyset-paged through the server.
 */
@Component({
  selector: 'bce-import-preview',
  imports: [MatButtonModule, MatButtonToggleModule, MatProgressBarModule],
  templateUrl: './import-preview.component.html',
  styleUrls: ['./import-shared.scss', './import-preview.component.scss'],
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportPreviewComponent implements OnInit {
  private readonly rowsGql = inject(ImportRowsGQL);
  private readonly decideGql = inject(DecideImportRowsGQL);
  private readonly commitGql = inject(CommitImportGQL);

  readonly batch = input.required<ImportBatchViewFragment>();
  readonly changed = output<ImportBatchViewFragment>();
  readonly changeMapping = output<void>();

  protected readonly view = signal<ImportRowView>('ALL');
  protected readonly rows = signal<ImportRowViewFragment[]>([]);
  protected readonly total = signal(0);
  /** Cursors of the pages before this one (keyset paging goes forward; back is the cursor we came from). */
  private readonly cursors = signal<Array<string | undefined>>([undefined]);
  protected readonly nextCursor = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly busy = signal(false);
  protected readonly banner = signal<string | null>(null);

  protected readonly columns = computed(() => shownColumns(this.batch().mapping, this.rows(), 2));
  protected readonly toImport = computed(() => this.batch().summary.create + this.batch().summary.match);
  protected readonly sameFile = computed(() => {
    const at = this.batch().sameFileImportedAt;
    return at ? `This file was imported on ${formatNumericDate(at)}: rows already imported will match, nothing will be created twice.` : null;
  });
  protected readonly views = computed(() => {
    const s = this.batch().summary;
    return [
      { value: 'ALL' as const, label: 'All', count: s.rows },
      { value: 'CREATE' as const, label: 'Create', count: s.create },
      { value: 'MATCH' as const, label: 'Match', count: s.match },
      { value: 'SKIP' as const, label: 'Skip', count: s.skip },
      { value: 'PROBLEMS' as const, label: 'Problems', count: s.withProblems },
      ...(s.proposed ? [{ value: 'PROPOSED' as const, label: 'Possible matches', count: s.proposed }] : []),
    ];
  });
  protected readonly pageText = computed(() => {
    const first = (this.cursors().length - 1) * PAGE_SIZE + 1;
    return this.total() ? `Rows ${formatCount(first)}–${formatCount(first + this.rows().length - 1)} of ${formatCount(this.total())}` : '';
  });
  protected readonly count = formatCount;
  protected readonly countOf = countOf;
  protected readonly matchInWords = matchInWords;
  protected readonly choicesFor = (row: ImportRowViewFragment) => decisionChoices(row, this.batch().fields);
  protected readonly problemText = (p: { field: string; message: string }) => problemInWords(p, this.batch().fields);

  ngOnInit(): void {
    this.load();
  }

  protected setView(view: ImportRowView): void {
    this.view.set(view);
    this.cursors.set([undefined]);
    this.load();
  }

  protected next(): void {
    const cursor = this.nextCursor();
    if (!cursor) return;
    this.cursors.update((c) => [...c, cursor]);
    this.load();
  }

  protected previous(): void {
    if (this.cursors().length < 2) return;
    this.cursors.update((c) => c.slice(0, -1));
    this.load();
  }

  protected hasPrevious = computed(() => this.cursors().length > 1);

  protected decide(row: ImportRowViewFragment, select: HTMLSelectElement): void {
    const decision = select.value as ImportDecision;
    const input = decisionInput(row, decision);
    if (!input) {
      select.value = row.decision ?? 'SKIP';
      return;
    }
    this.busy.set(true);
    this.banner.set(null);
    this.decideGql.mutate({ variables: { id: this.batch().id, decisions: [input] } }).subscribe({
      next: (result) => {
        this.busy.set(false);
        const summary = result.data?.decideImportRows.summary;
        this.rows.update((rows) => rows.map((r) => (r.rowNumber === row.rowNumber ? { ...r, decision, decidedByUser: true } : r)));
        if (summary) this.changed.emit({ ...this.batch(), summary });
      },
      error: (error: unknown) => {
        this.busy.set(false);
        select.value = row.decision ?? 'SKIP';
        const api = toApiError(error);
        this.banner.set(api.fields['decision']?.join(' ') ?? api.fields['matchId']?.join(' ') ?? api.message);
      },
    });
  }

  protected commit(): void {
    this.busy.set(true);
    this.banner.set(null);
    this.commitGql.mutate({ variables: { id: this.batch().id } }).subscribe({
      next: (result) => {
        this.busy.set(false);
        if (result.data?.commitImport) this.changed.emit(result.data.commitImport);
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.banner.set(toApiError(error).message);
      },
    });
  }

  private load(): void {
    this.loading.set(true);
    const after = this.cursors()[this.cursors().length - 1];
    this.rowsGql.fetch({ variables: { id: this.batch().id, first: PAGE_SIZE, after, view: this.view() }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        this.loading.set(false);
        const page = result.data?.importBatch.rows;
        this.rows.set(page?.edges.map((e) => e.node) ?? []);
        this.total.set(page?.totalCount ?? 0);
        this.nextCursor.set(page?.pageInfo.hasNextPage ? page.pageInfo.endCursor ?? null : null);
      },
      error: (error: unknown) => {
        this.loading.set(false);
        this.banner.set(toApiError(error).message);
      },
    });
  }
}
