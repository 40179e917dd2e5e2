import { ChangeDetectionStrategy, Component, computed, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import { MatAutocompleteModule, MatAutocompleteSelectedEvent, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { Router } from '@angular/router';
import { catchError, map, of, switchMap, tap } from 'rxjs';
import { SearchGQL, SearchQuery } from '../../graphql/generated';
import { labelOf, SEARCH_HIT_KIND_LABELS } from '../../shared/labels/enum-labels';
import { debouncedSearch } from '../../shared/search/debounced-search';
import { MIN_SEARCH_LENGTH, rankHits, searchHitLink } from '../../shared/search/search-hit';

type SearchHit = SearchQuery['search'][number];

/** The toolbar's search over organisations and contacts: type, arrow down, Enter. */
@Component({
  selector: 'bce-global-search',
  imports: [ReactiveFormsModule, MatAutocompleteModule],
  template: `
    <div class="search" role="search">
      <svg aria-hidden="true" viewBox="0 0 24 24" width="20" height="20" class="icon">
        <path
          fill="currentColor"
          d="M15.5 14h-.79l-.28-.27A6.47 6.47 0 0 0 16 9.5 6.5 6.5 0 1 0 9.5 16c1.61 0 3.09-.59 4.23-1.57l.27.28v.79l5 4.99L20.49 19zm-6 0C7.01 14 5 11.99 5 9.5S7.01 5 9.5 5 14 7.01 14 9.5 11.99 14 9.5 14"
        />
      </svg>
      <input
        #box
        type="search"
        [formControl]="text"
        [matAutocomplete]="auto"
        (keydown.enter)="openTopHit($event)"
        aria-label="Search organisations and contacts"
        aria-keyshortcuts="/"
        placeholder="Search organisations and contacts  ( / )"
        autocomplete="off"
        spellcheck="false"
      />
      <mat-autocomplete #auto="matAutocomplete" (optionSelected)="open($event)" [displayWith]="display" autoActiveFirstOption="false" class="global-search-panel">
        @for (hit of hits(); track hit.kind + hit.id) {
          <mat-option [value]="hit">
            <span class="hit">
              <span class="hit-text">
                <span class="hit-title">
                  @if (hit.matchedAlias) {
                    <span class="hit-alias">{{ hit.matchedAlias }}</span><span aria-hidden="true"> → </span><span class="visually-hidden">, also known as </span>
                  }{{ hit.title }}
                </span>
                @if (hit.subtitle) {
                  <span class="hit-subtitle">{{ hit.subtitle }}</span>
                }
              </span>
              <span class="hit-kind">{{ kindLabel(hit.kind) }}</span>
            </span>
          </mat-option>
        }
        @if (searched() && !hits().length) {
          <mat-option disabled class="no-hits">No organisations or contacts match “{{ searched() }}”</mat-option>
        }
      </mat-autocomplete>
      <!-- Tells screen readers (and tests) when the hits for what was typed have arrived. -->
      <span class="visually-hidden" role="status" aria-live="polite">{{ resultText() }}</span>
    </div>
  `,
  styles: `
    :host {
      display: block;
      flex: 0 1 440px;
      min-width: 160px;
    }
    .search {
      position: relative;
      display: flex;
      align-items: center;
    }
    .icon {
      position: absolute;
      left: 10px;
      color: var(--mat-sys-on-surface-variant);
      pointer-events: none;
    }
    input {
      width: 100%;
      box-sizing: border-box;
      height: 40px;
      padding: 0 12px 0 38px;
      border-radius: 20px;
      border: 1px solid transparent;
      background: var(--mat-sys-surface-container-highest);
      color: var(--mat-sys-on-surface);
      font: var(--mat-sys-body-large);
    }
    input::placeholder {
      color: var(--mat-sys-on-surface-variant);
    }
    .hit {
      display: flex;
      align-items: center;
      gap: 12px;
      width: 100%;
    }
    .hit-text {
      flex: 1 1 auto;
      display: flex;
      flex-direction: column;
      min-width: 0;
    }
    .hit-alias {
      font-weight: 500;
    }
    .hit-subtitle {
      font: var(--mat-sys-body-small);
      color: var(--mat-sys-on-surface-variant);
    }
    .hit-kind {
      flex: 0 0 auto;
      padding: 1px 8px;
      border-radius: 10px;
      border: 1px solid var(--mat-sys-outline-variant);
      font: var(--mat-sys-label-small);
      color: var(--mat-sys-on-surface-variant);
    }
    input:focus-visible {
      outline: 3px solid var(--mat-sys-on-primary);
      outline-offset: 2px;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class GlobalSearchComponent {
  private readonly searchGql = inject(SearchGQL);
  private readonly router = inject(Router);
  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');
  private readonly trigger = viewChild.required(MatAutocompleteTrigger);

  /** After a hit's page is shown: the shell moves focus to the page, as after any navigation. */
  readonly opened = output<void>();

  protected readonly text = new FormControl<string | SearchHit>('', { nonNullable: true });
  /** The term the current hits are for; '' while nothing has been searched. */
  protected readonly searched = signal('');
  protected readonly hits = toSignal(
    this.text.valueChanges.pipe(
      map((value) => (typeof value === 'string' ? value : '')),
      debouncedSearch(),
      switchMap((term) => {
        if (term.length < MIN_SEARCH_LENGTH) return of({ term: '', hits: [] as SearchHit[] });
        return this.searchGql.fetch({ variables: { text: term, first: 10 } }).pipe(
          map((r) => ({ term, hits: rankHits(r.data?.search ?? []) })),
          catchError(() => of({ term, hits: [] as SearchHit[] })),
        );
      }),
      tap(({ term }) => this.searched.set(term)),
      map(({ hits }) => hits),
    ),
    { initialValue: [] as SearchHit[] },
  );

  protected readonly resultText = computed(() => {
    const term = this.searched();
    if (!term) return '';
    const n = this.hits().length;
    return `${n === 0 ? 'No' : n} ${n === 1 ? 'result' : 'results'} for “${term}”`;
  });

  protected readonly kindLabel = (kind: SearchHit['kind']) => labelOf(SEARCH_HIT_KIND_LABELS, kind);
  protected readonly display = (value: SearchHit | string | null) => (typeof value === 'string' ? value : (value?.title ?? ''));

  focus(): void {
    const input = this.box().nativeElement;
    input.focus();
    input.select();
  }

  /**
   * Enter with no option highlighted opens the best hit ("type, Enter"). When an option is
   * highlighted the autocomplete opens that one itself (and prevents the default).
   */
  protected openTopHit(event: Event): void {
    const top = this.hits()[0];
    if (event.defaultPrevented || this.trigger().activeOption || !top || !this.searched()) return;
    event.preventDefault();
    this.trigger().closePanel();
    this.go(top);
  }

  protected open(event: MatAutocompleteSelectedEvent): void {
    this.go(event.option.value as SearchHit);
  }

  private go(hit: SearchHit): void {
    this.text.setValue('');
    this.searched.set('');
    // The autocomplete puts focus back in the box after a choice; once the page has changed, it belongs there.
    void this.router.navigate(searchHitLink(hit)).then(() => this.opened.emit());
  }
}
