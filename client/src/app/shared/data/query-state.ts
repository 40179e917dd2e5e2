import { computed, signal, Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { catchError, combineLatest, EMPTY, map, Observable, startWith, Subject, switchMap, tap } from 'rxjs';
import { toApiError } from '../../core/errors/api-error';

/** A query that re-runs when its variables change, with the states a report card shows. */
export interface QueryState<T> {
  /** The last answer; kept while a new one loads, so the page does not flicker. */
  readonly value: Signal<T | null>;
  readonly loading: Signal<boolean>;
  readonly error: Signal<string | null>;
  reload(): void;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs `fetch(variables())` now and whenever the variables change (compared by value), cancelling
 * a request that is overtaken. Call it in an injection context (a field initialiser); it stops with
 * the component.
 */
export function queryState<V, T>(variables: () => V, fetch: (variables: V) => Observable<T>): QueryState<T> {
  const value = signal<T | null>(null);
  const loading = signal(true);
  const error = signal<string | null>(null);
  const reload$ = new Subject<void>();
  combineLatest([toObservable(computed(variables, { equal: sameJson })), reload$.pipe(startWith(undefined))])
    .pipe(
      map(([v]) => v),
      tap(() => {
        loading.set(true);
        error.set(null);
      }),
      switchMap((v) =>
        fetch(v).pipe(
          catchError((e: unknown) => {
            const api = toApiError(e);
            loading.set(false);
            // The session link sends the person to sign in; nothing to show here.
            if (api.code !== 'UNAUTHENTICATED') error.set(api.message);
            return EMPTY;
          }),
        ),
      ),
      takeUntilDestroyed(),
    )
    .subscribe((answer) => {
      value.set(answer);
      loading.set(false);
    });
  return { value: value.asReadonly(), loading: loading.asReadonly(), error: error.asReadonly(), reload: () => reload$.next() };
}
