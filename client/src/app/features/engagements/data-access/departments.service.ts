import { inject, Injectable } from '@angular/core';
import { catchError, map, Observable, of, shareReplay } from 'rxjs';
import { DepartmentsGQL, DepartmentsQuery } from '../../../graphql/generated';

export type DepartmentOption = DepartmentsQuery['departments'][number];

/** The institution's live departments, by name; loaded once per session (they change rarely) and again after an admin changes them. */
@Injectable({ providedIn: 'root' })
export class DepartmentsService {
  private readonly departmentsGql = inject(DepartmentsGQL);
  private cached$?: Observable<DepartmentOption[]>;

  departments(): Observable<DepartmentOption[]> {
    this.cached$ ??= this.departmentsGql.fetch({ fetchPolicy: 'network-only' }).pipe(
      map((result) => [...(result.data?.departments ?? [])].sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))),
      catchError(() => {
        // Try again next time rather than remembering a failure.
        this.cached$ = undefined;
        return of([]);
      }),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.cached$;
  }

  /** The Departments page calls this after a change, so the pickers show it next time they open. */
  invalidate(): void {
    this.cached$ = undefined;
  }
}
