import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatTableModule } from '@angular/material/table';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { BehaviorSubject, catchError, combineLatest, distinctUntilChanged, EMPTY, map, startWith, Subscription, switchMap, tap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { ConnectionList } from '../../../shared/paging/connection-list';
import { OrganisationListItemFragment, OrganisationsGQL } from '../../../graphql/generated';
import { labelOf, optionsOf, ORGANISATION_TYPE_LABELS, RELATIONSHIP_STAGE_LABELS } from '../../../shared/labels/enum-labels';
import { debouncedSearch } from '../../../shared/search/debounced-search';
import {
  DEFAULT_SORT,
  hasActiveFilters,
  listStateFromParams,
  listStateToParams,
  OrganisationListState,
  organisationCount,
  QUALITY_FIELD_LABELS,
  organisationsVariables,
  SORT_OPTIONS,
} from '../data-access/organisation-list.query';
import { OwnersService } from '../../../shared/users/owners.service';
import { ExportMenuComponent } from '../../../shared/export/export-menu.component';
import { formatIsoDate } from '../../../shared/dates/dates';
import type { OrganisationQualityField } from '../../../graphql/generated';


@Component({
  selector: 'bce-organisation-list-page',
  imports: [ReactiveFormsModule, RouterLink, ExportMenuComponent, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatTableModule],
  templateUrl: './organisation-list.page.html',
  styleUrl: './organisation-list.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationListPage {
  private readonly organisationsGql = inject(OrganisationsGQL);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly destroyRef = inject(DestroyRef);
  private moreRequest?: Subscription;

  protected readonly canWrite = inject(AuthService).canWrite;
  protected readonly typeOptions = optionsOf(ORGANISATION_TYPE_LABELS);
  protected readonly stageOptions = optionsOf(RELATIONSHIP_STAGE_LABELS);
  protected readonly sortOptions = SORT_OPTIONS;
  protected readonly columns = computed(() => ['name', 'type', 'stage', 'location', 'owner', ...(this.canWrite() ? ['actions'] : [])]);
  protected readonly typeLabel = (value: OrganisationListItemFragment['type']) => labelOf(ORGANISATION_TYPE_LABELS, value);
  protected readonly location = (org: OrganisationListItemFragment) => [org.town, org.postcode].filter(Boolean).join(', ');
  protected readonly stageLabel = (value: OrganisationListItemFragment['relationshipStage']) => labelOf(RELATIONSHIP_STAGE_LABELS, value);

  private readonly initial = listStateFromParams(this.route.snapshot.queryParamMap);
  protected readonly search = new FormControl(this.initial.search, { nonNullable: true });
  protected readonly filters = inject(NonNullableFormBuilder).group({
    type: this.initial.type as OrganisationListState['type'],
    stage: this.initial.stage as OrganisationListState['stage'],
    ownerId: this.initial.ownerId,
    sort: this.initial.sort,
  });

  /** The data-quality filters, set by a "Fix these" link and removed by their chips (no form control of their own). */
  private readonly quality$ = new BehaviorSubject({ missing: this.initial.missing, noEngagementSince: this.initial.noEngagementSince });
  protected readonly qualityChips = computed(() => {
    const s = this.state();
    return [
      ...s.missing.map((field) => ({ key: field as string, label: `Missing ${QUALITY_FIELD_LABELS[field]}` })),
      ...(s.noEngagementSince ? [{ key: 'noEngagementSince', label: `No engagement since ${formatIsoDate(s.noEngagementSince)}` }] : []),
    ];
  });
  /** What the export takes: the list's own arguments, so it holds exactly the filtered rows. */
  protected readonly exportRequest = computed(() => ({ list: 'organisations' as const, args: organisationsVariables(this.state()) }));

  protected readonly owners = toSignal(inject(OwnersService).owners(), { initialValue: null });

  private readonly list = new ConnectionList<OrganisationListItemFragment>();
  protected readonly rows = this.list.rows;
  protected readonly totalCount = this.list.totalCount;
  protected readonly pageInfo = this.list.pageInfo;
  protected readonly loading = this.list.loading;
  protected readonly loadingMore = this.list.loadingMore;
  protected readonly error = this.list.error;
  protected readonly state = signal<OrganisationListState>(this.initial);
  protected readonly filtered = computed(() => hasActiveFilters(this.state()));
  protected readonly countText = computed(() => {
    const total = this.totalCount();
    return total === null ? '' : organisationCount(total);
  });
  protected readonly shownText = computed(() => {
    const total = this.totalCount();
    return total !== null && total > this.rows().length ? `Showing ${this.rows().length.toLocaleString('en-GB')} of ${organisationCount(total)}` : '';
  });

  constructor() {
    const term$ = this.search.valueChanges.pipe(startWith(this.search.value), debouncedSearch());
    const filters$ = this.filters.valueChanges.pipe(startWith(this.filters.getRawValue()), map(() => this.filters.getRawValue()));
    combineLatest([term$, filters$, this.quality$])
      .pipe(
        map(([search, f, q]): OrganisationListState => ({ search, type: f.type, stage: f.stage, ownerId: f.ownerId, sort: f.sort || DEFAULT_SORT, ...q })),
        distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
        tap((state) => {
          this.state.set(state);
          this.moreRequest?.unsubscribe();
          this.loading.set(true);
          this.loadingMore.set(false);
          this.error.set(null);
          void this.router.navigate([], { queryParams: listStateToParams(state), replaceUrl: true });
        }),
        switchMap((state) =>
          this.organisationsGql.fetch({ variables: organisationsVariables(state) }).pipe(
            map((result) => result.data?.organisations),
            catchError((error: unknown) => {
              this.list.fail(error);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => this.list.show(page, false));
  }

  protected loadMore(): void {
    const cursor = this.pageInfo()?.endCursor;
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.error.set(null);
    this.moreRequest = this.organisationsGql.fetch({ variables: organisationsVariables(this.state(), cursor) }).subscribe({
      next: (result) => this.list.show(result.data?.organisations, true),
      error: (error: unknown) => this.list.fail(error),
    });
  }

  protected newOrganisation(): void {
    void this.router.navigate(['/organisations/new']);
  }

  protected clearFilters(): void {
    this.search.setValue('');
    this.filters.patchValue({ type: '', stage: '', ownerId: '' });
    this.quality$.next({ missing: [], noEngagementSince: '' });
  }

  protected removeQualityChip(key: string): void {
    const q = this.quality$.value;
    this.quality$.next(key === 'noEngagementSince' ? { ...q, noEngagementSince: '' } : { ...q, missing: q.missing.filter((f) => f !== (key as OrganisationQualityField)) });
  }

  protected retry(): void {
    this.loading.set(true);
    this.error.set(null);
    this.organisationsGql.fetch({ variables: organisationsVariables(this.state()) }).subscribe({
      next: (result) => this.list.show(result.data?.organisations, false),
      error: (error: unknown) => this.list.fail(error),
    });
  }
}
