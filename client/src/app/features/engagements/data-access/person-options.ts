import { catchError, Observable, of } from 'rxjs';
import type { NamedRef } from './log-engagement.model';

/** Finds people by part of their name (e.g. among an organisation's people, on the server). */
export type PeopleSearch = (term: string) => Observable<NamedRef[]>;

/**
 * What a person picker offers: the first people while nothing is typed; else, with a search,
 * whoever it finds (nobody when it fails), and without one, the first people whose name holds
 * what was typed.
 */
export function personOptions(first: NamedRef[], term: string, search: PeopleSearch | null): Observable<NamedRef[]> {
  if (!term) return of(first);
  if (!search) return of(first.filter((p) => p.name.toLocaleLowerCase('en-GB').includes(term.toLocaleLowerCase('en-GB'))));
  return search(term).pipe(catchError(() => of([])));
}
