import { signal } from '@angular/core';
import { Observable, Subscription } from 'rxjs';
import { toApiError } from '../../core/errors/api-error';

export interface ConnectionPage<T> {
  edges: ReadonlyArray<{ node: T }>;
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor?: string | null };
}

/**
 * The state of a keyset-paged list page (organisations, contacts): rows so far, total, next-page
 * cursor, loading flags and the error to show. A signed-out user is redirected elsewhere, so an
 * UNAUTHENTICATED error is not shown here.
 */
export class ConnectionList<T> {
  readonly rows = signal<T[]>([]);
  readonly totalCount = signal<number | null>(null);
  readonly pageInfo = signal<ConnectionPage<T>['pageInfo'] | null>(null);
  readonly loading = signal(true);
  readonly loadingMore = signal(false);
  readonly error = signal<string | null>(null);

  /** Shows a fetched page: the first page replaces the rows, a further page is appended. */
  show(page: ConnectionPage<T> | null | undefined, append: boolean): void {
    this.loading.set(false);
    this.loadingMore.set(false);
    if (!page) return;
    const nodes = page.edges.map((edge) => edge.node);
    this.rows.update((rows) => (append ? [...rows, ...nodes] : nodes));
    this.totalCount.set(page.totalCount);
    this.pageInfo.set(page.pageInfo);
  }

  /**
   * Fetches the page after the last one shown and appends it; nothing while one is on its way or
   * when there is no next page. `cancelMore` drops it (a new search has begun).
   */
  loadMore(fetch: (after: string) => Observable<ConnectionPage<T> | null | undefined>): void {
    const cursor = this.pageInfo()?.endCursor;
    if (!cursor || !this.pageInfo()?.hasNextPage || this.loadingMore()) return;
    this.loadingMore.set(true);
    this.moreRequest = fetch(cursor).subscribe({ next: (page) => this.show(page, true), error: (error: unknown) => this.fail(error) });
  }

  cancelMore(): void {
    this.moreRequest?.unsubscribe();
    this.loadingMore.set(false);
  }

  private moreRequest?: Subscription;

  fail(error: unknown): void {
    this.loading.set(false);
    this.loadingMore.set(false);
    const api = toApiError(error);
    if (api.code !== 'UNAUTHENTICATED') this.error.set(api.message);
  }
}
