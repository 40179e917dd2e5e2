import { describe, expect, it } from 'vitest';
import { of, Subject } from 'rxjs';
import { ConnectionList } from './connection-list';

const page = (ids: string[], hasNextPage: boolean, totalCount = 5) => ({
  edges: ids.map((id) => ({ node: { id } })),
  totalCount,
  pageInfo: { hasNextPage, endCursor: ids.at(-1) ?? null },
});

describe('ConnectionList', () => {
  it('replaces rows with a first page and appends a further one', () => {
    const list = new ConnectionList<{ id: string }>();
    list.show(page(['a', 'b'], true), false);
    list.show(page(['c'], false), true);
    expect(list.rows().map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(list.pageInfo()).toEqual({ hasNextPage: false, endCursor: 'c' });
    expect(list.totalCount()).toBe(5);
    expect(list.loading()).toBe(false);
    list.show(page(['z'], false, 1), false);
    expect(list.rows().map((r) => r.id)).toEqual(['z']);
  });

  it('shows an error message but not a sign-in error, and stops loading either way', () => {
    const list = new ConnectionList<{ id: string }>();
    list.loadingMore.set(true);
    list.fail({ graphQLErrors: [], message: 'Network down' });
    expect(list.loading()).toBe(false);
    expect(list.loadingMore()).toBe(false);
    expect(list.error()).toBeTruthy();
  });
});

describe('ConnectionList.loadMore', () => {
  it('fetches after the last cursor once at a time and appends; nothing without a next page', () => {
    const list = new ConnectionList<{ id: string }>();
    list.show(page(['a'], true, 3), false);
    const asked: string[] = [];
    const next = new Subject<ReturnType<typeof page>>();
    list.loadMore((after) => {
      asked.push(after);
      return next;
    });
    list.loadMore((after) => {
      asked.push(after);
      return next;
    });
    expect(asked).toEqual(['a']);
    expect(list.loadingMore()).toBe(true);
    next.next(page(['b', 'c'], false, 3));
    expect(list.rows().map((r) => r.id)).toEqual(['a', 'b', 'c']);
    list.loadMore((after) => of(page([after], false)));
    expect(list.rows()).toHaveLength(3);
  });

  it('drops a page on its way when a new search cancels it', () => {
    const list = new ConnectionList<{ id: string }>();
    list.show(page(['a'], true), false);
    const next = new Subject<ReturnType<typeof page>>();
    list.loadMore(() => next);
    list.cancelMore();
    next.next(page(['late'], false));
    expect(list.rows().map((r) => r.id)).toEqual(['a']);
    expect(list.loadingMore()).toBe(false);
  });
});
