import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import type { ImportBatchViewFragment } from '../../../graphql/generated';
import { PROGRESS_LABELS, progressLine, progressPercent } from '../data-access/import-steps';

/**
 * A background phase under way: a determinate bar (indeterminate while the file is read, as its
 * length is not known) and "4,500 of 100,000 rows · 2,300 rows/s · about 40 s left". Driven by
 * the batch the page polls, so it is the same after a reload.
 */
@Component({
  selector: 'bce-import-progress',
  imports: [MatProgressBarModule],
  template: `
    <div class="progress">
      <mat-progress-bar
        [mode]="reading() ? 'indeterminate' : 'determinate'"
        [value]="percent()"
        [attr.aria-label]="label()"
        [attr.aria-valuetext]="line()"
      />
      <p class="line">{{ line() }}</p>
      <p class="muted">{{ hint() }}</p>
    </div>
  `,
  styles: `
    .progress {
      max-width: 720px;
      padding: 16px;
      border-radius: 12px;
      background: var(--mat-sys-surface-container-low);
    }
    mat-progress-bar {
      margin: 8px 0 12px;
    }
    .line {
      margin: 0 0 4px;
      font: var(--mat-sys-title-medium);
      font-variant-numeric: tabular-nums;
    }
    .muted {
      margin: 0;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ImportProgressComponent {
  readonly batch = input.required<ImportBatchViewFragment>();

  protected readonly reading = computed(() => this.batch().status === 'PARSING');
  protected readonly percent = computed(() => progressPercent(this.batch()));
  protected readonly line = computed(() => progressLine(this.batch()));
  protected readonly label = computed(() => PROGRESS_LABELS[this.batch().status] ?? 'Progress');
  protected readonly hint = computed(() =>
    this.batch().status === 'COMMITTING' || this.batch().status === 'UNDOING'
      ? 'This carries on on the server: you can leave this page and come back to it from Import.'
      : 'This page moves on by itself when it is done.',
  );
}
