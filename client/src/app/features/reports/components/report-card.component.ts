import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';

let nextId = 0;

/**
 * One question's section: heading, what it counts, actions (toggles, export), then loading,
 * error, empty or the content (chart first, table under it).
 */
@Component({
  selector: 'bce-report-card',
  imports: [MatButtonModule, MatProgressBarModule],
  template: `
    <section class="card" [attr.aria-labelledby]="headingId" [attr.aria-busy]="loading()">
      <header>
        <div class="titles">
          <h2 [id]="headingId">{{ heading() }}</h2>
          @if (description()) {
            <p class="muted description">{{ description() }}</p>
          }
        </div>
        <div class="actions"><ng-content select="[cardActions]" /></div>
      </header>
      <div class="progress">
        @if (loading()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'Loading ' + heading()" />
        }
      </div>
      @if (error(); as message) {
        <div class="banner error" role="alert">
          <p>{{ message }}</p>
          <button mat-button type="button" (click)="retry.emit()">Try again</button>
        </div>
      } @else if (empty() && !loading()) {
        <div class="empty">
          <p>{{ emptyText() }}</p>
          <ng-content select="[cardEmpty]" />
        </div>
      } @else {
        <ng-content />
      }
    </section>
  `,
  styles: `
    .card {
      padding: 16px 20px 20px;
      border-radius: 12px;
      border: 1px solid var(--mat-sys-outline-variant);
      background: var(--mat-sys-surface);
      margin-bottom: 24px;
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: flex-start;
      gap: 8px 16px;
    }
    .titles {
      flex: 1 1 320px;
    }
    h2 {
      margin: 0;
      font: var(--mat-sys-title-large);
    }
    .description {
      margin: 4px 0 0;
      font: var(--mat-sys-body-medium);
    }
    .actions {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 8px;
    }
    .progress {
      height: 4px;
      margin: 8px 0;
    }
    .empty {
      padding: 24px;
      border: 1px dashed var(--mat-sys-outline);
      border-radius: 12px;
      text-align: center;
      p {
        margin: 0 auto 8px;
        max-width: 600px;
      }
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ReportCardComponent {
  readonly heading = input.required<string>();
  /** What is counted and over which period, in one line. */
  readonly description = input('');
  readonly loading = input(false);
  readonly error = input<string | null>(null);
  readonly empty = input(false);
  /** What to do next: "No opportunities yet — add one from an organisation page or the pipeline." */
  readonly emptyText = input('Nothing to show for these filters.');
  readonly retry = output<void>();

  protected readonly headingId = `report-card-${++nextId}`;
}
