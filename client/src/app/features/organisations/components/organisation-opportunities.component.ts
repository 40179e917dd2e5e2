import { ChangeDetectionStrategy, Component, computed, inject, input, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { RouterLink } from '@angular/router';
import { catchError, combineLatest, map, of, switchMap } from 'rxjs';
import { OrganisationOpportunitiesGQL } from '../../../graphql/generated';
import { formatIsoDate } from '../../../shared/dates/dates';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';
import { formatPence } from '../../../shared/money/money';
import { OpportunityHeBciDialog, OpportunityHeBciDialogData } from '../../pipeline/components/opportunity-hebci.dialog';
import { OpportunityDialog, OpportunityDialogData } from '../../pipeline/components/opportunity.dialog';

/** The organisation's opportunities, newest first, with a way to add one and to see them in the pipeline. */
@Component({
  selector: 'bce-organisation-opportunities',
  imports: [RouterLink, MatButtonModule],
  template: `
    @if (page(); as p) {
      @if (p.edges.length) {
        <ul class="opportunities">
          @for (e of p.edges; track e.node.id) {
            <li [class.closed]="e.node.stage.outcome !== 'open'">
              <div class="head">
                <span class="title">{{ e.node.title }}</span>
                <span class="stage" [class]="e.node.stage.outcome">{{ e.node.stage.name }}</span>
              </div>
              <div class="meta">
                <strong>{{ money(e.node.valuePence) }}</strong>
                <span>{{ typeLabel(e.node.type) }}</span>
                @if (e.node.stage.outcome === 'open') {
                  <span>close {{ date(e.node.expectedCloseDate, 'not set') }}</span>
                }
                @if (canWrite() && e.node.stage.outcome === 'won') {
                  <button type="button" class="link" (click)="heBci(e.node.id)" [attr.aria-label]="'HE-BCI details of ' + e.node.title">HE-BCI details</button>
                }
              </div>
            </li>
          }
        </ul>
      } @else {
        <p class="empty-note">No opportunities yet{{ canWrite() ? ' — add the first when they ask about a course, research or a KTP.' : '.' }}</p>
      }
      <div class="actions">
        @if (p.totalCount) {
          <a mat-button [routerLink]="['/pipeline']" [queryParams]="{ view: 'table', organisationId: organisationId() }">All {{ p.totalCount }} in the pipeline</a>
        }
        @if (canWrite()) {
          <button mat-stroked-button type="button" (click)="add()">New opportunity</button>
        }
      </div>
    }
  `,
  styles: `
    .opportunities { list-style: none; margin: 0; padding: 0; }
    li { padding: 6px 0; border-top: 1px solid var(--mat-sys-outline-variant); }
    li.closed { opacity: 0.8; }
    .head { display: flex; justify-content: space-between; gap: 8px; }
    .title { font-weight: 500; }
    .stage { font: var(--mat-sys-label-small); border: 1px solid var(--mat-sys-outline-variant); border-radius: 10px; padding: 1px 8px; white-space: nowrap; align-self: start; }
    .stage.won { background: #e3f1e6; color: #1b5e2f; border-color: #1b5e2f; }
    .stage.lost { color: #8c1d18; border-color: #8c1d18; }
    .meta { display: flex; flex-wrap: wrap; gap: 2px 10px; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .meta strong { color: var(--mat-sys-on-surface); }
    .link { font: inherit; color: var(--mat-sys-primary); background: none; border: 0; padding: 0; cursor: pointer; text-decoration: underline; }
    .actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationOpportunitiesComponent {
  private readonly gql = inject(OrganisationOpportunitiesGQL);
  private readonly dialog = inject(MatDialog);

  readonly organisationId = input.required<string>();
  readonly organisationName = input.required<string>();
  readonly canWrite = input(false);

  private readonly reload = signal(0);
  protected readonly page = toSignal(
    combineLatest([toObservable(this.organisationId), toObservable(this.reload)]).pipe(
      switchMap(([id]) => this.gql.fetch({ variables: { id }, fetchPolicy: 'network-only' }).pipe(
        map((r) => r.data?.organisation?.opportunities ?? null),
        catchError(() => of(null)),
      )),
    ),
  );
  protected readonly money = formatPence;
  protected readonly date = formatIsoDate;
  protected readonly typeLabel = (t: keyof typeof OPPORTUNITY_TYPE_LABELS) => OPPORTUNITY_TYPE_LABELS[t];
  protected readonly count = computed(() => this.page()?.totalCount ?? 0);

  /** Funding source, in-kind, learner days, IP type, KTP split and instalments: what the HE-BCI return needs of a won contract. */
  protected heBci(opportunityId: string): void {
    const data: OpportunityHeBciDialogData = { opportunityId };
    this.dialog.open(OpportunityHeBciDialog, { data, ariaLabelledBy: 'hebci-dialog-title', width: '720px', maxWidth: '95vw' });
  }

  protected add(): void {
    const data: OpportunityDialogData = { organisation: { id: this.organisationId(), name: this.organisationName() } };
    this.dialog
      .open(OpportunityDialog, { data, ariaLabelledBy: 'opportunity-dialog-title', width: '640px', maxWidth: '95vw' })
      .afterClosed()
      .subscribe((created) => created && this.reload.update((n) => n + 1));
  }
}
