import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { toApiError } from '../../core/errors/api-error';
import { SessionStore } from '../../core/auth/session.store';
import { DataQualityGQL } from '../../graphql/generated';
import { ChartComponent, EChartsOption } from '../../shared/charts/chart.component';
import { QualityCheck, qualityChecks, toFixText } from './data-quality.checks';

/** /data-quality: what needs fixing, each card one click from the filtered list where it is fixed. */
@Component({
  selector: 'bce-data-quality-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule, ChartComponent],
  template: `
    <div class="page-header">
      <h1>Data quality</h1>
      @if (isAdmin()) {
        <a mat-stroked-button routerLink="/settings/export">Export all data</a>
      }
    </div>
    <p class="intro muted">Records that need attention, counted over what you can see. Each card opens the list to fix them.</p>
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Counting records" />
    }
    @if (error(); as message) {
      <div class="banner error" role="alert">
        <p>{{ message }}</p>
        <button mat-button type="button" (click)="load()">Try again</button>
      </div>
    }
    @if (checks(); as list) {
      @if (total() > 0) {
        <bce-chart [options]="chart()" label="Records to fix, by check: the same counts as the cards below" height="260px" />
      } @else {
        <p class="all-clear" role="status">Nothing to fix: every check is clear.</p>
      }
      <ul class="cards" aria-label="Checks">
        @for (check of list; track check.key) {
          <li class="card" [class.clear]="check.count === 0">
            <h2 [id]="check.key">{{ check.title }}</h2>
            <p class="count" [attr.aria-describedby]="check.key">{{ toFix(check.count, check.unit) }}</p>
            <p class="meaning muted">{{ check.meaning }}</p>
            @if (check.count > 0) {
              <a mat-flat-button [routerLink]="check.path" [queryParams]="check.queryParams" [attr.aria-label]="'Fix these: ' + check.title">Fix these</a>
            }
          </li>
        }
      </ul>
    }
  `,
  styles: `
    .page-header { display: flex; justify-content: space-between; align-items: center; gap: 16px; }
    .intro { margin: 0 0 16px; }
    .all-clear { font: var(--mat-sys-title-medium); }
    .cards { list-style: none; padding: 0; margin: 16px 0; display: grid; gap: 16px; grid-template-columns: repeat(auto-fill, minmax(260px, 1fr)); }
    .card { border: 1px solid var(--mat-sys-outline-variant); border-radius: 12px; padding: 16px; display: flex; flex-direction: column; gap: 8px; }
    .card h2 { font: var(--mat-sys-title-medium); margin: 0; }
    .card .count { font: var(--mat-sys-headline-small); margin: 0; }
    .card.clear .count { color: var(--mat-sys-on-surface-variant); }
    .card .meaning { margin: 0; flex: 1; }
    .card a { align-self: flex-start; }
    .muted { color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class DataQualityPage {
  private readonly gql = inject(DataQualityGQL);
  protected readonly isAdmin = inject(SessionStore).isAdmin;
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly checks = signal<QualityCheck[] | null>(null);
  protected readonly toFix = toFixText;
  protected readonly total = computed(() => (this.checks() ?? []).reduce((sum, c) => sum + c.count, 0));
  protected readonly chart = computed((): EChartsOption => {
    const checks = [...(this.checks() ?? [])].reverse();
    return {
      grid: { left: 150, right: 48, top: 8, bottom: 24 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: checks.map((c) => c.short) },
      series: [{ type: 'bar', data: checks.map((c) => c.count), label: { show: true, position: 'right' } }],
      tooltip: { trigger: 'axis' },
    };
  });

  constructor() {
    this.load();
  }

  protected load(): void {
    this.loading.set(true);
    this.error.set(null);
    // Always fresh: coming back after fixing a record must show the lower count.
    this.gql.fetch({ fetchPolicy: 'network-only' }).subscribe({
      next: (r) => {
        this.checks.set(r.data ? qualityChecks(r.data.dataQuality, r.data) : null);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.error.set(toApiError(e).message);
        this.loading.set(false);
      },
    });
  }
}
