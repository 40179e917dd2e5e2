import { decodeCursor, encodeCursor, pageSize, toConnection } from './connection';

describe('connection helpers', () => {
  it('should round-trip a cursor', () => {
    expect(decodeCursor(encodeCursor({ key: 'acme ltd', id: 'a1' }))).toEqual({ key: 'acme ltd', id: 'a1' });
  });

  it('should refuse a forged cursor naming the after argument', () => {
    expect(() => decodeCursor('not-a-cursor')).toThrow(/after/);
  });

  it('should cap the page size and refuse nonsense', () => {
    expect(pageSize(undefined)).toBe(25);
    expect(pageSize(100)).toBe(100);
    expect(() => pageSize(101)).toThrow(/first must be between 1 and 100/);
    expect(() => pageSize(0)).toThrow(/first/);
  });

  it('should use the extra row only to say there is a next page', () => {
    const rows = [{ id: '1' }, { id: '2' }, { id: '3' }];
    const conn = toConnection(rows, 2, 3, (r) => r.id);
    expect(conn.edges.map((e) => e.node.id)).toEqual(['1', '2']);
    expect(conn.pageInfo.hasNextPage).toBe(true);
    expect(decodeCursor(conn.pageInfo.endCursor!)).toEqual({ key: '2', id: '2' });
    expect(toConnection(rows.slice(0, 2), 2, 2, (r) => r.id).pageInfo.hasNextPage).toBe(false);
  });
});
