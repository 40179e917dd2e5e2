import { ChangeDetectionStrategy, Component, computed, DestroyRef, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { RouterLink } from '@angular/router';
import { catchError, EMPTY, map, switchMap, tap } from 'rxjs';
import { AffiliationItemFragment, OrganisationPeopleGQL, PeoplePageFragment } from '../../../graphql/generated';
import { ConnectionList } from '../../../shared/paging/connection-list';
import { debouncedSearch } from '../../../shared/search/debounced-search';
import { AffiliationListComponent } from '../../contacts/components/affiliation-list.component';
import { peopleCountText } from '../data-access/people-count';

export const PEOPLE_PAGE_SIZE = 25;

/**
 * An organisation's people, key people first (the server's order: current primary, current,
 * former), a page at a time: the first page comes with the organisation view, "Show more" fetches
 * the next, and the filter box asks the server for the people matching a name or email.
 */
@Component({
  selector: 'bce-organisation-people',
  imports: [ReactiveFormsModule, RouterLink, MatButtonModule, MatFormFieldModule, MatInputModule, AffiliationListComponent],
  template: `
    @if (initial().totalCount || term()) {
      <mat-form-field class="filter" subscriptSizing="dynamic">
        <mat-label>Find a person</mat-label>
        <input matInput type="search" [formControl]="search" placeholder="Name or email" autocomplete="off" />
      </mat-form-field>
    }
    <p class="count muted" role="status" aria-live="polite" aria-atomic="true">{{ loading() ? 'Finding people…' : countText() }}</p>
    @if (error(); as message) {
      <div class="banner error" role="alert"><p>{{ message }}</p></div>
    }

    @if (!rows().length && !loading()) {
      @if (term()) {
        <p class="empty-note">Nobody here matches “{{ term() }}”. Check the spelling, or try part of their email.</p>
      } @else {
        <p class="empty-note">No people recorded at {{ organisationName() }} yet.{{ canWrite() ? ' Add the first person you deal with there, so colleagues know whom to contact.' : '' }}</p>
        @if (canWrite()) {
          <a mat-stroked-button class="add" [routerLink]="['/contacts/new']" [queryParams]="{ organisationId: organisationId(), organisationName: organisationName() }">Add a person</a>
        }
      }
    }

    @if (current().length) {
      <section aria-labelledby="people-current">
        <h2 id="people-current">Current</h2>
        <bce-affiliation-list [affiliations]="current()" show="contact" emptyText="" />
      </section>
    }
    @if (past().length) {
      <section aria-labelledby="people-past">
        <h2 id="people-past">Past</h2>
        <bce-affiliation-list [affiliations]="past()" show="contact" emptyText="" />
      </section>
    }

    @if (pageInfo()?.hasNextPage) {
      <div class="more">
        <button mat-stroked-button type="button" (click)="loadMore()" [attr.aria-busy]="loadingMore()" [attr.aria-label]="moreLabel()">
          {{ loadingMore() ? 'Loading…' : 'Show more' }}
        </button>
      </div>
    }
  `,
  styles: `
    .filter { width: min(100%, 360px); margin-top: 8px; }
    .count { margin: 4px 0 8px; }
    .more { margin: 12px 0; }
    .add { margin-top: 8px; }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class OrganisationPeopleComponent {
  private readonly peopleGql = inject(OrganisationPeopleGQL);

  readonly organisationId = input.required<string>();
  readonly organisationName = input.required<string>();
  /** The first page, as the organisation view fetched it. */
  readonly initial = input.required<PeoplePageFragment>();
  readonly canWrite = input(false);

  protected readonly search = new FormControl('', { nonNullable: true });
  protected readonly term = signal('');
  private readonly list = new ConnectionList<AffiliationItemFragment>();
  protected readonly rows = this.list.rows;
  protected readonly pageInfo = this.list.pageInfo;
  protected readonly loading = this.list.loading;
  protected readonly loadingMore = this.list.loadingMore;
  protected readonly error = this.list.error;
  protected readonly current = computed(() => this.rows().filter((a) => a.current));
  protected readonly past = computed(() => this.rows().filter((a) => !a.current));
  protected readonly countText = computed(() => peopleCountText(this.rows().length, this.list.totalCount() ?? 0, this.term()));
  protected readonly moreLabel = computed(() => {
    const left = (this.list.totalCount() ?? 0) - this.rows().length;
    return `Show ${Math.min(left, PEOPLE_PAGE_SIZE)} more of ${left.toLocaleString('en-GB')} people not shown`;
  });

  constructor() {
    // A new first page from the view (another organisation, or a quiet reload) starts over.
    effect(() => {
      const page = this.initial();
      untracked(() => {
        this.list.cancelMore();
        if (this.search.value) this.search.setValue('', { emitEvent: false });
        this.term.set('');
        this.error.set(null);
        this.list.show(page, false);
      });
    });
    this.search.valueChanges
      .pipe(
        debouncedSearch(),
        tap((term) => {
          this.term.set(term);
          this.list.cancelMore();
          this.loading.set(true);
          this.error.set(null);
        }),
        switchMap((term) =>
          this.fetch(term, null).pipe(
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
    this.list.loadMore((after) => this.fetch(this.term(), after));
  }

  private fetch(term: string, after: string | null) {
    return this.peopleGql
      .fetch({ variables: { id: this.organisationId(), first: PEOPLE_PAGE_SIZE, after, search: term || null } })
      .pipe(map((r) => r.data?.organisation?.people));
  }
}
