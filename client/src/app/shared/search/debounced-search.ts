import { distinctUntilChanged, map, Observable, of, OperatorFunction, switchMap, timer } from 'rxjs';

export const SEARCH_DEBOUNCE_MS = 250;

/**
 * Search-as-you-type: trims what was typed, waits until typing pauses for `ms`, and drops repeats
 * (so "acme" → "acme " does not query again). Clearing the box applies at once and cancels a
 * term still waiting, so the full list comes back without a pause.
 */
export function debouncedSearch(ms = SEARCH_DEBOUNCE_MS): OperatorFunction<string | null | undefined, string> {
  return (source: Observable<string | null | undefined>) =>
    source.pipe(
      map((value) => (value ?? '').trim()),
      switchMap((term) => (term === '' ? of(term) : timer(ms).pipe(map(() => term)))),
      distinctUntilChanged(),
    );
}
