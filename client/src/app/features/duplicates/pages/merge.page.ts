import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { map, Observable } from 'rxjs';
import { SessionStore } from '../../../core/auth/session.store';
import { toApiError } from '../../../core/errors/api-error';
import {
  DuplicateKind, MergeActivityCountsFragment, MergeContactPairGQL, MergeContactsGQL, MergeOrganisationPairGQL, MergeOrganisationsGQL,
} from '../../../graphql/generated';
import {
  COMPANY_STATUS_LABELS, LAWFUL_BASIS_LABELS, ORGANISATION_TYPE_LABELS, PREFERRED_CHANNEL_LABELS, REGION_LABELS, RELATIONSHIP_STAGE_LABELS, SIC_SECTION_LABELS, SIZE_BAND_LABELS,
} from '../../../shared/labels/enum-labels';
import { activityText } from '../data-access/duplicate-wording';
import { CONTACT_MERGE_FIELDS, defaultChoices, defaultSurvivor, differingFields, displayValue, MergeField, ORGANISATION_MERGE_FIELDS } from '../data-access/merge-choices';

type Side = 'a' | 'b';
interface PairData {
  a: MergeRecord | null;
  b: MergeRecord | null;
  activityA: MergeActivityCountsFragment;
  activityB: MergeActivityCountsFragment;
}
type MergeRecord = Record<string, unknown> & { id: string; version: number; createdAt: string; updatedAt: string; archivedAt?: string | null };

const VALUE_LABELS: Record<string, Readonly<Record<string, string>>> = {
  type: ORGANISATION_TYPE_LABELS, sector: SIC_SECTION_LABELS, sizeBand: SIZE_BAND_LABELS, region: REGION_LABELS,
  relationshipStage: RELATIONSHIP_STAGE_LABELS, preferredChannel: PREFERRED_CHANNEL_LABELS, lawfulBasis: LAWFUL_BASIS_LABELS,
  companyStatus: COMPANY_STATUS_LABELS,
};

/**
 * Two records side by side: one choice per differing field, which record survives, what will move,
 * then one merge (managers and admins). Lists such as tags and emails are always combined.
 */
@Component({
  selector: 'bce-merge-page',
  imports: [RouterLink, MatButtonModule, MatProgressBarModule],
  templateUrl: './merge.page.html',
  styleUrl: './merge.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MergePage {
  private readonly route = inject(ActivatedRoute);
  private readonly router = inject(Router);
  private readonly snackBar = inject(MatSnackBar);
  private readonly organisationPair = inject(MergeOrganisationPairGQL);
  private readonly contactPair = inject(MergeContactPairGQL);
  private readonly mergeOrganisations = inject(MergeOrganisationsGQL);
  private readonly mergeContacts = inject(MergeContactsGQL);
  protected readonly session = inject(SessionStore);

  protected readonly kind: DuplicateKind = this.route.snapshot.data['kind'];
  private readonly fields: readonly MergeField[] = this.kind === 'contact' ? CONTACT_MERGE_FIELDS : ORGANISATION_MERGE_FIELDS;
  protected readonly a = signal<MergeRecord | null>(null);
  protected readonly b = signal<MergeRecord | null>(null);
  protected readonly activity = signal<Record<Side, MergeActivityCountsFragment> | null>(null);
  protected readonly survivor = signal<Side>('a');
  protected readonly choices = signal<Record<string, Side>>({});
  protected readonly loading = signal(true);
  protected readonly saving = signal(false);
  protected readonly error = signal<string | null>(null);

  protected readonly differing = computed(() => (this.a() && this.b() ? differingFields(this.fields, this.a()!, this.b()!) : []));
  protected readonly mergedSide = computed<Side>(() => (this.survivor() === 'a' ? 'b' : 'a'));
  protected readonly moving = computed(() => {
    const counts = this.activity()?.[this.mergedSide()];
    return counts ? activityText(counts, this.kind) : null;
  });
  protected readonly listNote = this.kind === 'contact' ? 'Emails, phones and tags from both are kept.' : 'Trading names, relationship roles and tags from both are kept.';

  constructor() {
    const { a, b } = this.route.snapshot.params;
    const query: Observable<PairData | undefined> = this.kind === 'contact'
      ? this.contactPair.fetch({ variables: { a, b }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data as PairData | undefined))
      : this.organisationPair.fetch({ variables: { a, b }, fetchPolicy: 'network-only' }).pipe(map((r) => r.data as PairData | undefined));
    query.subscribe({
      next: (data) => {
        this.loading.set(false);
        if (!data?.a || !data?.b) {
          this.error.set('One of these records no longer exists or you cannot see it.');
          return;
        }
        this.a.set(data.a);
        this.b.set(data.b);
        this.activity.set({ a: data.activityA, b: data.activityB });
        const survivor = defaultSurvivor(data.a, data.b, data.activityA, data.activityB);
        this.survivor.set(survivor);
        const defaults = defaultChoices(this.fields, data.a, data.b);
        this.choices.set(Object.fromEntries(Object.entries(defaults).map(([field, side]) => [field, side === 'survivor' ? 'a' : 'b'])));
      },
      error: (e: unknown) => {
        this.loading.set(false);
        this.error.set(toApiError(e).message);
      },
    });
  }

  protected title(record: MergeRecord | null): string {
    if (!record) return '';
    return this.kind === 'contact' ? `${record['firstName']} ${record['lastName']}` : String(record['name']);
  }

  protected value(record: MergeRecord | null, field: string): string {
    const value = record?.[field];
    // Money is held in pence; people compare pounds.
    if (field.endsWith('Pence') && typeof value === 'number') return `£${(value / 100).toLocaleString('en-GB')}`;
    return displayValue(value, VALUE_LABELS[field]);
  }

  protected choose(field: string, side: Side): void {
    this.choices.set({ ...this.choices(), [field]: side });
  }

  protected merge(): void {
    const survivor = this.survivor() === 'a' ? this.a()! : this.b()!;
    const merged = this.survivor() === 'a' ? this.b()! : this.a()!;
    if (!confirm(`Merge "${this.title(merged)}" into "${this.title(survivor)}"? ${this.moving() ?? 'Nothing else'} will move, and "${this.title(merged)}" will be archived. An admin can undo this.`)) return;
    const input = {
      survivorId: survivor.id, survivorVersion: survivor.version, mergedId: merged.id, mergedVersion: merged.version,
      fields: Object.entries(this.choices()).map(([field, side]) => ({ field, from: side === this.survivor() ? ('survivor' as const) : ('merged' as const) })),
    };
    this.saving.set(true);
    this.error.set(null);
    const done = (id: string | undefined) => {
      this.saving.set(false);
      this.snackBar.open(`Merged into ${this.title(survivor)}`, undefined, { duration: 4000 });
      void this.router.navigate([this.kind === 'contact' ? '/contacts' : '/organisations', id ?? survivor.id]);
    };
    const fail = (e: unknown) => {
      this.saving.set(false);
      this.error.set(toApiError(e).message);
    };
    if (this.kind === 'contact') this.mergeContacts.mutate({ variables: { input } }).subscribe({ next: (r) => done(r.data?.mergeContacts.id), error: fail });
    else this.mergeOrganisations.mutate({ variables: { input } }).subscribe({ next: (r) => done(r.data?.mergeOrganisations.id), error: fail });
  }
}
