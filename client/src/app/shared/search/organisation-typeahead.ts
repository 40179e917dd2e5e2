import { catchError, map, Observable, of, switchMap } from 'rxjs';
import type { SearchGQL } from '../../graphql/generated';
import { debouncedSearch } from './debounced-search';
import { MIN_SEARCH_LENGTH } from './search-hit';

export interface OrganisationOption {
  id: string;
  name: string;
  subtitle?: string | null;
}

/**
 * The organisations to offer under a typeahead, from what its control holds: text while typing
 * (searched from 3 characters), the chosen option after a pick (nothing to search).
 */
export function organisationOptions(search: SearchGQL, value$: Observable<OrganisationOption | string | null>): Observable<OrganisationOption[]> {
  return value$.pipe(
    map((v) => (typeof v === 'string' ? v : '')),
    debouncedSearch(),
    switchMap((text) =>
      text.length < MIN_SEARCH_LENGTH
        ? of([])
        : search.fetch({ variables: { text, first: 8 } }).pipe(
            map((r) => (r.data?.search ?? []).filter((h) => h.kind === 'organisation').map((h): OrganisationOption => ({ id: h.id, name: h.title, subtitle: h.subtitle }))),
            catchError(() => of([])),
          ),
    ),
  );
}

/** How a typeahead shows its value: the chosen organisation's name, or the text as typed. */
export const organisationDisplayName = (v: OrganisationOption | string | null): string => (typeof v === 'string' ? v : (v?.name ?? ''));
