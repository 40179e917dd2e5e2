import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { BehaviorSubject, catchError, combineLatest, EMPTY, map, startWith, switchMap, tap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { ConnectionList } from '../../../shared/paging/connection-list';
import { ContactListItemFragment, ContactsGQL } from '../../../graphql/generated';
import { debouncedSearch } from '../../../shared/search/debounced-search';
import { ExportMenuComponent } from '../../../shared/export/export-menu.component';
import { ContactQualityFilter, NO_QUALITY_FILTER, qualityChips, qualityFilterFromParams, qualityFilterToParams, toContactFilter } from '../data-access/contact-quality-filter';

const PAGE_SIZE = 25;

const contactCount = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'contact' : 'contacts'}`;

@Component({
  selector: 'bce-contact-list-page',
  imports: [ReactiveFormsModule, RouterLink, ExportMenuComponent, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  templateUrl: './contact-list.page.html',
  styleUrl: './contact-list.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactListPage {
  private readonly contactsGql = inject(ContactsGQL);
  private readonly router = inject(Router);

  protected readonly canWrite = inject(AuthService).canWrite;
  private readonly params = inject(ActivatedRoute).snapshot.queryParamMap;
  protected readonly search = new FormControl(this.params.get('q') ?? '', { nonNullable: true });
  protected readonly term = signal('');
  /** Data-quality filters from a "Fix these" link; removed by their chips. */
  private readonly quality$ = new BehaviorSubject<ContactQualityFilter>(qualityFilterFromParams(this.params));
  protected readonly quality = signal<ContactQualityFilter>(this.quality$.value);
  protected readonly chips = computed(() => qualityChips(this.quality()));
  protected readonly exportRequest = computed(() => ({ list: 'contacts' as const, args: { search: this.term() || null, filter: toContactFilter(this.quality()) } }));
  private readonly list = new ConnectionList<ContactListItemFragment>();
  protected readonly rows = this.list.rows;
  protected readonly totalCount = this.list.totalCount;
  protected readonly pageInfo = this.list.pageInfo;
  protected readonly loading = this.list.loading;
  protected readonly loadingMore = this.list.loadingMore;
  protected readonly error = this.list.error;
  protected readonly countText = computed(() => {
    const total = this.totalCount();
    return total === null ? '' : contactCount(total);
  });

  /** Where they work now: the primary current organisation, else any current one. */
  protected readonly currentAt = (c: ContactListItemFragment) => c.affiliations.find((a) => a.current && a.organisation) ?? null;

  constructor() {
    combineLatest([this.search.valueChanges.pipe(startWith(this.search.value), debouncedSearch()), this.quality$])
      .pipe(
        tap(([term, quality]) => {
          this.term.set(term);
          this.quality.set(quality);
          this.list.cancelMore();
          this.loading.set(true);
          this.error.set(null);
          void this.router.navigate([], { queryParams: { q: term || null, ...qualityFilterToParams(quality) }, replaceUrl: true });
        }),
        switchMap(([term, quality]) =>
          this.contactsGql.fetch({ variables: { first: PAGE_SIZE, search: term || null, filter: toContactFilter(quality) } }).pipe(
            map((r) => r.data?.contacts),
            catchError((error: unknown) => {
              this.list.fail(error);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((page) => this.list.show(page, false));
  }

  protected loadMore(): void {
    this.list.loadMore((after) => this.contactsGql.fetch({ variables: { first: PAGE_SIZE, after, search: this.term() || null, filter: toContactFilter(this.quality()) } })
      .pipe(map((r) => r.data?.contacts)));
  }

  protected removeChip(key: keyof ContactQualityFilter): void {
    this.quality$.next({ ...this.quality$.value, [key]: NO_QUALITY_FILTER[key] });
  }

  protected newContact(): void {
    void this.router.navigate(['/contacts/new']);
  }
}
