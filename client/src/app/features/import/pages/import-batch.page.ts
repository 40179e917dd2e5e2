import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, effect, ElementRef, inject, Injector, signal, untracked, viewChild } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, RouterLink } from '@angular/router';
import { Subscription } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import { ImportBatchGQL, ImportBatchViewFragment } from '../../../graphql/generated';
import { formatDateTime } from '../../../shared/dates/dates';
import { labelOf } from '../../../shared/labels/enum-labels';
import { IMPORT_ENTITY_LABELS } from '../../../shared/labels/import-labels';
import { countOf } from '../../../shared/numbers/numbers';
import { ImportMappingComponent } from '../components/import-mapping.component';
import { ImportPreviewComponent } from '../components/import-preview.component';
import { ImportProgressComponent } from '../components/import-progress.component';
import { ImportResultComponent } from '../components/import-result.component';
import { isWorking, STEP_HEADINGS, stepOf, ImportStep } from '../data-access/import-steps';

/** How often the page asks how a background phase is getting on. */
const POLL_MS = 1000;

/**
 * /import/:id — one page that follows the batch's status on the server: reading, mapping, preview,
 * commit, result. Everything shown comes from the server's status, so a reload (or another
 * manager opening the link) lands on the same step with the same progress.
 */
@Component({
  selector: 'bce-import-batch-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, ImportProgressComponent, ImportMappingComponent, ImportPreviewComponent, ImportResultComponent],
  templateUrl: './import-batch.page.html',
  styleUrl: './import-batch.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportBatchPage {
  private readonly batchGql = inject(ImportBatchGQL);
  private readonly injector = inject(Injector);
  private readonly id = inject(ActivatedRoute).snapshot.paramMap.get('id') ?? '';
  private readonly stepHeading = viewChild<ElementRef<HTMLElement>>('stepHeading');
  private timer: ReturnType<typeof setTimeout> | null = null;
  private request?: Subscription;
  private destroyed = false;

  protected readonly batch = signal<ImportBatchViewFragment | null>(null);
  protected readonly error = signal<string | null>(null);
  /** A previewed import can go back to its mapping; the server keeps it previewed until a new preview starts. */
  protected readonly editingMapping = signal(false);
  protected readonly step = computed<ImportStep | null>(() => {
    const b = this.batch();
    if (!b) return null;
    return this.editingMapping() && b.status === 'PREVIEWED' ? 'mapping' : stepOf(b.status);
  });
  protected readonly heading = computed(() => (this.step() ? STEP_HEADINGS[this.step()!] : ''));
  protected readonly about = computed(() => {
    const b = this.batch();
    return b ? `${labelOf(IMPORT_ENTITY_LABELS, b.entity)} · ${countOf(b.summary.rows, 'row')} · uploaded by ${b.createdByName} on ${formatDateTime(b.createdAt)}` : '';
  });

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      this.stopPolling();
    });
    // A new step replaces the one the person was on: move focus to its heading, so a screen reader
    // announces it and the keyboard starts from there.
    let shown: ImportStep | null = null;
    effect(() => {
      const step = this.step();
      if (!step || step === shown) return;
      shown = step;
      untracked(() => afterNextRender({ write: () => this.stepHeading()?.nativeElement.focus() }, { injector: this.injector }));
    });
    this.load();
  }

  /** Shows a batch the server returned (after a poll or a mutation), and polls while the server works on it. */
  protected show(batch: ImportBatchViewFragment): void {
    this.batch.set(batch);
    if (batch.status !== 'PREVIEWED') this.editingMapping.set(false);
    this.stopPolling();
    if (isWorking(batch.status) && !this.destroyed) this.timer = setTimeout(() => this.load(), POLL_MS);
  }

  protected load(): void {
    this.stopPolling();
    this.request = this.batchGql.fetch({ variables: { id: this.id }, fetchPolicy: 'network-only' }).subscribe({
      next: (result) => {
        this.error.set(null);
        if (result.data?.importBatch) this.show(result.data.importBatch);
      },
      error: (error: unknown) => {
        const api = toApiError(error);
        if (api.code === 'UNAUTHENTICATED') return;
        this.error.set(api.code === 'NOT_FOUND' ? 'There is no such import: it may have been a link to another installation.' : api.message);
        // A dropped connection mid-commit should not stop the page following it.
        if (api.code === 'NETWORK' && !this.destroyed) this.timer = setTimeout(() => this.load(), POLL_MS * 3);
      },
    });
  }

  private stopPolling(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.request?.unsubscribe();
  }
}
