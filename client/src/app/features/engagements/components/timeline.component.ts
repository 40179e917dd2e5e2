import { afterNextRender, ChangeDetectionStrategy, Component, computed, DestroyRef, ElementRef, inject, input, signal, viewChild } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { FormControl, NonNullableFormBuilder, ReactiveFormsModule } from '@angular/forms';
import { MatDatepickerModule } from '@angular/material/datepicker';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { catchError, combineLatest, debounceTime, distinctUntilChanged, EMPTY, map, startWith, Subscription, switchMap, tap } from 'rxjs';
import { toApiError } from '../../../core/errors/api-error';
import { TimelineEngagementFragment, TimelineGQL, TimelineQuery } from '../../../graphql/generated';
import { formatPence } from '../../../shared/money/money';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';
import { formatIsoDate, relativeDays, toIsoDate } from '../../../shared/dates/dates';
import { provideUkDateAdapter } from '../../../shared/dates/uk-date-adapter';
import { ENGAGEMENT_TYPE_LABELS, labelOf, optionsOf } from '../../../shared/labels/enum-labels';
import { DepartmentsService } from '../data-access/departments.service';
import type { NamedRef } from '../data-access/log-engagement.model';
import { EMPTY_TIMELINE_FILTER, entryCount, hasTimelineFilters, OPPORTUNITY_MOVES, TimelineFilterState, timelineVariables, TimelineScope } from '../data-access/timeline-filter';
import { LogEngagementService } from '../log-engagement.service';
import type { PeopleSearch } from '../data-access/person-options';
import { PersonFilterComponent } from './person-filter.component';

type Page = TimelineQuery['timeline'];
type Entry = Page['edges'][number]['node'];

/**
 * One list of engagements across every department, and the opportunities moving through the
 * pipeline, newest first, with filters. More pages load
 * as the end scrolls into view (a "Load more" button does the same for keyboards and old browsers),
 * and an engagement logged anywhere in the app shows here at once.
 */
@Component({
  selector: 'bce-timeline',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, MatDatepickerModule, PersonFilterComponent],
  providers: [provideUkDateAdapter()],
  templateUrl: './timeline.component.html',
  styleUrl: './timeline.component.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TimelineComponent {
  private readonly timelineGql = inject(TimelineGQL);
  private readonly destroyRef = inject(DestroyRef);
  private readonly sentinel = viewChild<ElementRef<HTMLElement>>('sentinel');
  private moreRequest?: Subscription;

  /** Whose engagements. */
  readonly scope = input.required<TimelineScope>();
  /** People to filter by (e.g. the organisation's first page of people); the filter is hidden when empty. */
  readonly people = input<NamedRef[]>([]);
  /** Finds the rest of them by name, when there are more than `people`. */
  readonly findPeople = input<PeopleSearch | null>(null);
  /** Show each entry's organisation (on a person's timeline, where it varies). */
  readonly showOrganisation = input(false);
  /** For the heading's id and the accessible names. */
  readonly label = input('Timeline');

  protected readonly typeOptions = optionsOf(ENGAGEMENT_TYPE_LABELS);
  protected readonly opportunityMoves = OPPORTUNITY_MOVES;
  protected readonly departments = toSignal(inject(DepartmentsService).departments(), { initialValue: [] });
  /** From and To are date pickers (dd/mm/yyyy); the rest of the filter state is text. */
  protected readonly filters = inject(NonNullableFormBuilder).group({
    ...EMPTY_TIMELINE_FILTER,
    from: new FormControl<Date | null>(null),
    to: new FormControl<Date | null>(null),
  });
  private readonly filterState = (): TimelineFilterState => {
    const v = this.filters.getRawValue();
    return { ...v, from: toIsoDate(v.from) ?? '', to: toIsoDate(v.to) ?? '' };
  };
  protected readonly state = signal<TimelineFilterState>(EMPTY_TIMELINE_FILTER);
  protected readonly filtered = computed(() => hasTimelineFilters(this.state()));

  protected readonly entries = signal<Entry[]>([]);
  protected readonly totalCount = signal<number | null>(null);
  protected readonly pageInfo = signal<Page['pageInfo'] | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly countText = computed(() => {
    const total = this.totalCount();
    return total === null ? '' : entryCount(total);
  });

  /** The people present, leaving out the person whose timeline this is; null when nobody else was there. */
  protected readonly othersAt = (entry: TimelineEngagementFragment) => {
    const scope = this.scope();
    const self = 'contactId' in scope ? scope.contactId : null;
    const others = entry.contacts.filter((c) => c.id !== self);
    return others.length ? others : null;
  };
  protected readonly typeLabel = (type: TimelineEngagementFragment['type']) => labelOf(ENGAGEMENT_TYPE_LABELS, type);
  protected readonly opportunityType = (type: NonNullable<Entry['opportunity']>['type']) => labelOf(OPPORTUNITY_TYPE_LABELS, type);
  protected readonly money = formatPence;
  protected readonly date = formatIsoDate;
  protected readonly ago = (iso: string) => relativeDays(iso);

  constructor() {
    const logged$ = inject(LogEngagementService).logged$.pipe(startWith(null));
    const filters$ = this.filters.valueChanges.pipe(
      debounceTime(150),
      startWith(null),
      map(() => this.filterState()),
      distinctUntilChanged((a, b) => JSON.stringify(a) === JSON.stringify(b)),
    );
    combineLatest([toObservable(this.scope), filters$, logged$])
      .pipe(
        tap(([, state]) => {
          this.state.set(state);
          this.moreRequest?.unsubscribe();
          this.loading.set(true);
          this.loadingMore.set(false);
          this.error.set(null);
        }),
        switchMap(([scope, state]) =>
          this.timelineGql.fetch({ variables: timelineVariables(scope, state) }).pipe(
            map((result) => result.data?.timeline),
            catchError((error: unknown) => {
              this.fail(error);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(this.destroyRef),
      )
      .subscribe((page) => this.showPage(page, false));

    // Infinite scroll: load the next page when the end of the list comes into view.
    const sentinel$ = toObservable(this.sentinel).pipe(map((ref) => ref?.nativeElement ?? null));
    afterNextRender(() => {
      if (typeof IntersectionObserver === 'undefined') return;
      const observer = new IntersectionObserver((entries) => {
        if (entries.some((e) => e.isIntersecting)) this.loadMore();
      }, { rootMargin: '400px 0px' });
      const sub = sentinel$.subscribe((element) => {
        observer.disconnect();
        if (element) observer.observe(element);
      });
      this.destroyRef.onDestroy(() => {
        sub.unsubscribe();
        observer.disconnect();
      });
    });
  }

  protected loadMore(): void {
    const cursor = this.pageInfo()?.endCursor;
    if (!cursor || !this.pageInfo()?.hasNextPage || this.loadingMore() || this.loading()) return;
    this.loadingMore.set(true);
    this.moreRequest = this.timelineGql.fetch({ variables: timelineVariables(this.scope(), this.state(), cursor) }).subscribe({
      next: (result) => this.showPage(result.data?.timeline, true),
      error: (error: unknown) => this.fail(error),
    });
  }

  protected clearFilters(): void {
    this.filters.reset({ ...EMPTY_TIMELINE_FILTER, from: null, to: null });
  }

  protected retry(): void {
    this.loading.set(true);
    this.error.set(null);
    this.timelineGql.fetch({ variables: timelineVariables(this.scope(), this.state()) }).subscribe({
      next: (result) => this.showPage(result.data?.timeline, false),
      error: (error: unknown) => this.fail(error),
    });
  }

  private showPage(page: Page | undefined, append: boolean): void {
    this.loading.set(false);
    this.loadingMore.set(false);
    if (!page) return;
    const nodes = page.edges.map((edge) => edge.node);
    this.entries.update((list) => (append ? [...list, ...nodes.filter((n) => !list.some((e) => e.id === n.id))] : nodes));
    this.totalCount.set(page.totalCount);
    this.pageInfo.set(page.pageInfo);
  }

  private fail(error: unknown): void {
    this.loading.set(false);
    this.loadingMore.set(false);
    const api = toApiError(error);
    if (api.code !== 'UNAUTHENTICATED') this.error.set(api.message);
  }
}
