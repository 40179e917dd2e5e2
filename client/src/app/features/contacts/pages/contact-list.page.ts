import { ChangeDetectionStrategy, Component, computed, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { catchError, EMPTY, map, startWith, Subscription, switchMap, tap } from 'rxjs';
import { AuthService } from '../../../core/auth/auth.service';
import { toApiError } from '../../../core/errors/api-error';
import { ContactListItemFragment, ContactsGQL, ContactsQuery } from '../../../graphql/generated';
import { debouncedSearch } from '../../../shared/search/debounced-search';

type Page = ContactsQuery['contacts'];
const PAGE_SIZE = 25;

const contactCount = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'contact' : 'contacts'}`;

@Component({
  selector: 'bce-contact-list-page',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule],
  templateUrl: './contact-list.page.html',
  styleUrl: './contact-list.page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ContactListPage {
  private readonly contactsGql = inject(ContactsGQL);
  private readonly router = inject(Router);
  private moreRequest?: Subscription;

  protected readonly canWrite = inject(AuthService).canWrite;
  protected readonly search = new FormControl(inject(ActivatedRoute).snapshot.queryParamMap.get('q') ?? '', { nonNullable: true });
  protected readonly term = signal('');
  protected readonly rows = signal<ContactListItemFragment[]>([]);
  protected readonly totalCount = signal<number | null>(null);
  protected readonly pageInfo = signal<Page['pageInfo'] | null>(null);
  protected readonly loading = signal(true);
  protected readonly loadingMore = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly countText = computed(() => {
    const total = this.totalCount();
    return total === null ? '' : contactCount(total);
  });

  /** Where they work now: the primary current organisation, else any current one. */
  protected readonly currentAt = (c: ContactListItemFragment) => c.affiliations.find((a) => a.current && a.organisation) ?? null;

  constructor() {
    this.search.valueChanges
      .pipe(
        startWith(this.search.value),
        debouncedSearch(),
        tap((term) => {
          this.term.set(term);
          this.moreRequest?.unsubscribe();
          this.loading.set(true);
          this.error.set(null);
          void this.router.navigate([], { queryParams: { q: term || null }, replaceUrl: true });
        }),
        switchMap((term) =>
          this.contactsGql.fetch({ variables: { first: PAGE_SIZE, search: term || null } }).pipe(
            map((r) => r.data?.contacts),
            catchError((error: unknown) => {
              this.fail(error);
              return EMPTY;
            }),
          ),
        ),
        takeUntilDestroyed(inject(DestroyRef)),
      )
      .subscribe((page) => this.showPage(page, false));
  }

  protected loadMore(): void {
    const cursor = this.pageInfo()?.endCursor;
    if (!cursor || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreRequest = this.contactsGql.fetch({ variables: { first: PAGE_SIZE, after: cursor, search: this.term() || null } }).subscribe({
      next: (r) => this.showPage(r.data?.contacts, true),
      error: (error: unknown) => this.fail(error),
    });
  }

  protected newContact(): void {
    void this.router.navigate(['/contacts/new']);
  }

  private showPage(page: Page | undefined, append: boolean): void {
    this.loading.set(false);
    this.loadingMore.set(false);
    if (!page) return;
    const nodes = page.edges.map((e) => e.node);
    this.rows.update((rows) => (append ? [...rows, ...nodes] : nodes));
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
