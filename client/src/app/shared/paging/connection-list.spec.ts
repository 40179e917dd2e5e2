import { describe, expect, it } from 'vitest';
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
