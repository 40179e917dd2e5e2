import { inject, Injectable } from '@angular/core';
import { catchError, map, Observable, of } from 'rxjs';
import { UsersGQL, UsersQuery } from '../../graphql/generated';

export type Owner = UsersQuery['users'][number];

/** Colleagues who can own an organisation, by name. */
@Injectable({ providedIn: 'root' })
export class OwnersService {
  private readonly usersGql = inject(UsersGQL);

  /**
   * Null when the list is not available to this user (FORBIDDEN) or could not be loaded: callers
   * then hide owner choices rather than show an error about a secondary control.
   */
  owners(): Observable<Owner[] | null> {
    return this.usersGql.fetch().pipe(
      map((result) => [...(result.data?.users ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))),
      catchError(() => of(null)),
    );
  }
}
