import { Type } from '@nestjs/common';
import { Field, Int, ObjectType } from '@nestjs/graphql';
import { badField } from '../graphql/errors';

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

@ObjectType()
export class PageInfo {
  @Field() hasNextPage!: boolean;
  @Field(() => String, { nullable: true }) endCursor!: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}
export interface Connection<T> {
  edges: Edge<T>[];
  pageInfo: PageInfo;
  totalCount: number;
}

/** A Relay connection type for `T`: edges with cursors, pageInfo and totalCount. */
export function Connection<T>(node: Type<T>): Type<Connection<T>> {
  @ObjectType(`${node.name}Edge`)
  class EdgeType {
    @Field() cursor!: string;
    @Field(() => node) node!: T;
  }
  @ObjectType({ isAbstract: true })
  class ConnectionType {
    @Field(() => [EdgeType]) edges!: EdgeType[];
    @Field(() => PageInfo) pageInfo!: PageInfo;
    @Field(() => Int) totalCount!: number;
  }
  return ConnectionType as Type<Connection<T>>;
}

/** A keyset cursor: the sort key's value and the id of the last row seen. */
export interface Cursor {
  key: string | number | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string): Cursor {
  try {
    const [key, id] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (typeof id !== 'string' || !(key === null || typeof key === 'string' || typeof key === 'number')) throw new Error();
    return { key, id };
  } catch {
    throw badField('after', 'after is not a cursor this API issued');
  }
}

/** The page size to fetch: default 25, capped at 100, at least 1. */
export function pageSize(first: number | null | undefined): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) throw badField('first', `first must be between 1 and ${MAX_PAGE_SIZE}`);
  return first;
}

/** Builds a connection from `limit + 1` fetched rows: the extra row only says there is a next page. */
export function toConnection<T extends { id: string }>(rows: T[], limit: number, totalCount: number, keyOf: (row: T) => Cursor['key']): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor({ key: keyOf(node), id: node.id }) }));
  return { edges, totalCount, pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null } };
}
