import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSortModule, Sort } from '@angular/material/sort';
import { MatTableModule } from '@angular/material/table';
import { RouterLink } from '@angular/router';
import { toApiError } from '../../../core/errors/api-error';
import { OpportunitiesGQL, OpportunitiesQuery, OpportunityFilter, OpportunitySortField, SortDirection } from '../../../graphql/generated';
import { formatIsoDate } from '../../../shared/dates/dates';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';
import { ExportMenuComponent } from '../../../shared/export/export-menu.component';
import { formatPence } from '../../../shared/money/money';

export type OpportunityRow = OpportunitiesQuery['opportunities']['edges'][number]['node'];
const PAGE = 50;
const SORTABLE: Record<string, OpportunitySortField> = { title: 'title', value: 'valuePence', close: 'expectedCloseDate', created: 'createdAt' };

/** The pipeline as a sortable table (server-side keyset sort), for reading and exporting. */
@Component({
  selector: 'bce-pipeline-table',
  imports: [MatTableModule, MatSortModule, MatButtonModule, MatProgressBarModule, RouterLink, ExportMenuComponent],
  template: `
    @if (loading()) {
      <mat-progress-bar mode="indeterminate" aria-label="Loading opportunities" />
    }
    @if (error(); as message) {
      <div class="banner error" role="alert"><p>{{ message }}</p></div>
    }
    <table mat-table [dataSource]="rows()" matSort [matSortActive]="sortActive()" [matSortDirection]="sortDirection()" (matSortChange)="sorted($event)">
      <caption class="visually-hidden">Opportunities, {{ total() }} in all, sorted by {{ sortActive() }}</caption>
      <ng-container matColumnDef="title">
        <th mat-header-cell *matHeaderCellDef mat-sort-header>Opportunity</th>
        <td mat-cell *matCellDef="let o">{{ o.title }}</td>
      </ng-container>
      <ng-container matColumnDef="organisation">
        <th mat-header-cell *matHeaderCellDef>Organisation</th>
        <td mat-cell *matCellDef="let o">
          @if (o.organisation) {
            <a [routerLink]="['/organisations', o.organisation.id]">{{ o.organisation.name }}</a>
          } @else {
            <span class="muted">Confidential</span>
          }
        </td>
      </ng-container>
      <ng-container matColumnDef="type">
        <th mat-header-cell *matHeaderCellDef>Type</th>
        <td mat-cell *matCellDef="let o">{{ typeLabel(o.type) }}</td>
      </ng-container>
      <ng-container matColumnDef="stage">
        <th mat-header-cell *matHeaderCellDef>Stage</th>
        <td mat-cell *matCellDef="let o">{{ o.stage.name }}</td>
      </ng-container>
      <ng-container matColumnDef="value">
        <th mat-header-cell *matHeaderCellDef mat-sort-header class="num">Value</th>
        <td mat-cell *matCellDef="let o" class="num">{{ money(o.valuePence) }}</td>
      </ng-container>
      <ng-container matColumnDef="probability">
        <th mat-header-cell *matHeaderCellDef class="num">Probability</th>
        <td mat-cell *matCellDef="let o" class="num">{{ o.effectiveProbability }}%</td>
      </ng-container>
      <ng-container matColumnDef="weighted">
        <th mat-header-cell *matHeaderCellDef class="num">Weighted</th>
        <td mat-cell *matCellDef="let o" class="num">{{ money(o.weightedValuePence) }}</td>
      </ng-container>
      <ng-container matColumnDef="close">
        <th mat-header-cell *matHeaderCellDef mat-sort-header>Expected close</th>
        <td mat-cell *matCellDef="let o">{{ date(o.expectedCloseDate) }}</td>
      </ng-container>
      <ng-container matColumnDef="owner">
        <th mat-header-cell *matHeaderCellDef>Owner</th>
        <td mat-cell *matCellDef="let o">{{ o.owner?.name ?? '—' }}</td>
      </ng-container>
      <ng-container matColumnDef="department">
        <th mat-header-cell *matHeaderCellDef>Department</th>
        <td mat-cell *matCellDef="let o">{{ o.department?.name ?? '—' }}</td>
      </ng-container>
      <tr mat-header-row *matHeaderRowDef="columns; sticky: true"></tr>
      <tr mat-row *matRowDef="let row; columns: columns"></tr>
      <tr class="mat-row" *matNoDataRow>
        <td class="mat-cell empty" [attr.colspan]="columns.length">{{ loading() ? 'Loading…' : 'No opportunities match these filters. Clear a filter, or add one with “New opportunity”.' }}</td>
      </tr>
    </table>
    <p class="footer">
      Showing {{ rows().length }} of {{ total() }}
      <bce-export-menu [server]="exportRequest()" [count]="total()" fileName="pipeline" what="the matching opportunities" />
      @if (next()) {
        <button mat-stroked-button type="button" (click)="loadMore()">Show more</button>
      }
    </p>
  `,
  styles: `
    :host { display: block; overflow-x: auto; }
    table { width: 100%; }
    .num { text-align: right; }
    .muted { color: var(--mat-sys-on-surface-variant); }
    .empty { padding: 24px; text-align: center; color: var(--mat-sys-on-surface-variant); }
    .footer { display: flex; align-items: center; gap: 16px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class PipelineTableComponent {
  private readonly gql = inject(OpportunitiesGQL);

  readonly filter = input.required<OpportunityFilter>();

  protected readonly columns = ['title', 'organisation', 'type', 'stage', 'value', 'probability', 'weighted', 'close', 'owner', 'department'];
  protected readonly rows = signal<OpportunityRow[]>([]);
  protected readonly total = signal(0);
  protected readonly next = signal<string | null>(null);
  protected readonly loading = signal(true);
  protected readonly error = signal<string | null>(null);
  protected readonly sortActive = signal('close');
  protected readonly sortDirection = signal<'asc' | 'desc'>('asc');

  /** The export is what the table lists: every matching row (not only those loaded), with the filters and sort applied. */
  protected readonly exportRequest = computed(() => ({
    list: 'opportunities' as const,
    args: { filter: this.filter(), orderBy: { field: SORTABLE[this.sortActive()] ?? 'expectedCloseDate', direction: this.sortDirection() } },
  }));
  protected readonly money = formatPence;
  protected readonly date = (iso: string | null | undefined) => formatIsoDate(iso);
  protected readonly typeLabel = (t: OpportunityRow['type']) => OPPORTUNITY_TYPE_LABELS[t];

  constructor() {
    effect(() => {
      const filter = this.filter();
      const field = this.sortActive();
      const direction = this.sortDirection();
      untracked(() => this.fetch(filter, field, direction, null));
    });
  }

  protected sorted(sort: Sort): void {
    this.sortActive.set(sort.direction ? sort.active : 'close');
    this.sortDirection.set(sort.direction || 'asc');
  }

  protected loadMore(): void {
    this.fetch(this.filter(), this.sortActive(), this.sortDirection(), this.next());
  }

  private fetch(filter: OpportunityFilter, active: string, direction: 'asc' | 'desc', after: string | null): void {
    this.loading.set(true);
    this.error.set(null);
    const orderBy = { field: SORTABLE[active] ?? 'expectedCloseDate', direction: direction as SortDirection };
    this.gql.fetch({ variables: { first: PAGE, after, filter, orderBy }, fetchPolicy: 'network-only' }).subscribe({
      next: (r) => {
        const page = r.data?.opportunities;
        const nodes = (page?.edges ?? []).map((e) => e.node);
        this.rows.set(after ? [...this.rows(), ...nodes] : nodes);
        this.total.set(page?.totalCount ?? 0);
        this.next.set(page?.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null);
        this.loading.set(false);
      },
      error: (e: unknown) => {
        this.error.set(toApiError(e).message);
        this.loading.set(false);
      },
    });
  }
}
