import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { catchError, map, of, switchMap } from 'rxjs';
import { OrganisationHealthGQL, OrganisationHealthQuery } from '../../../graphql/generated';

type Health = OrganisationHealthQuery['relationshipHealth'];

/** What each factor measured, in words, beside its bar. */
function factorDetail(key: string, i: Health['inputs']): string {
  switch (key) {
    case 'recency':
      return i.daysSinceLast === null ? 'never engaged' : i.daysSinceLast === 0 ? 'engaged today' : `last engaged ${i.daysSinceLast} days ago`;
    case 'frequency':
      return `${i.engagements365} engagements in a year`;
    case 'breadth':
      return `${i.departments365} departments, ${i.contacts365} people`;
    case 'opportunities':
      return 'open (weighted) and recently won value';
    case 'trend':
      return `${i.recent90} in the last 90 days, ${i.prior90} in the 90 before`;
    default:
      return '';
  }
}

/** Relationship health 0–100 with each factor as a bar, and the change over 90 days. */
@Component({
  selector: 'bce-health-panel',
  template: `
    @if (health(); as h) {
      <div class="score-line">
        <span class="score" [class]="band()">{{ h.score }}</span>
        <span class="out-of">/ 100</span>
        <span class="change" [class.down]="change() < 0" [class.up]="change() > 0">
          {{ change() === 0 ? 'No change' : (change() > 0 ? '▲ ' : '▼ ') + abs(change()) }} in 90 days
        </span>
      </div>
      <ul class="factors" aria-label="What the score is made of">
        @for (f of h.factors; track f.key) {
          <li>
            <div class="factor-head">
              <span>{{ f.label }}</span>
              <span class="points">{{ f.points }} / {{ f.max }}</span>
            </div>
            <div class="bar" role="meter" [attr.aria-valuenow]="f.points" aria-valuemin="0" [attr.aria-valuemax]="f.max" [attr.aria-label]="f.label">
              <span [style.width.%]="(f.points / f.max) * 100"></span>
            </div>
            <div class="detail">{{ detail(f.key, h.inputs) }}</div>
          </li>
        }
      </ul>
    } @else if (failed()) {
      <p class="empty-note">The health score could not be worked out just now.</p>
    } @else {
      <p class="empty-note">Working out the score…</p>
    }
  `,
  styles: `
    .score-line { display: flex; align-items: baseline; gap: 6px; flex-wrap: wrap; }
    .score { font: var(--mat-sys-display-small); font-weight: 600; }
    .score.good { color: #1b6b34; }
    .score.fair { color: #8a5a00; }
    .score.poor { color: #b3261e; }
    .out-of { color: var(--mat-sys-on-surface-variant); }
    .change { margin-left: auto; font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
    .change.down { color: #b3261e; }
    .change.up { color: #1b6b34; }
    .factors { list-style: none; margin: 8px 0 0; padding: 0; display: flex; flex-direction: column; gap: 8px; }
    .factor-head { display: flex; justify-content: space-between; font: var(--mat-sys-body-medium); }
    .points { color: var(--mat-sys-on-surface-variant); }
    .bar { height: 6px; border-radius: 3px; background: var(--mat-sys-surface-container-highest); overflow: hidden; }
    .bar span { display: block; height: 100%; background: var(--mat-sys-primary); }
    .detail { font: var(--mat-sys-body-small); color: var(--mat-sys-on-surface-variant); }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class HealthPanelComponent {
  private readonly gql = inject(OrganisationHealthGQL);
  readonly organisationId = input.required<string>();

  private readonly result = toSignal(
    toObservable(this.organisationId).pipe(
      switchMap((id) => this.gql.fetch({ variables: { id }, fetchPolicy: 'network-only' }).pipe(
        map((r) => ({ health: r.data?.relationshipHealth ?? null, failed: !r.data })),
        catchError(() => of({ health: null, failed: true })),
      )),
    ),
  );
  protected readonly health = computed(() => this.result()?.health ?? null);
  protected readonly failed = computed(() => this.result()?.failed ?? false);
  protected readonly change = computed(() => (this.health() ? this.health()!.score - this.health()!.previousScore : 0));
  protected readonly band = computed(() => {
    const s = this.health()?.score ?? 0;
    return s >= 60 ? 'good' : s >= 35 ? 'fair' : 'poor';
  });
  protected readonly detail = factorDetail;
  protected readonly abs = Math.abs;
}
