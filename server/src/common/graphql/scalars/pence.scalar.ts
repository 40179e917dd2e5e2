import { GraphQLError, GraphQLScalarType, Kind, ValueNode } from 'graphql';
import { ValueTransformer } from 'typeorm';

/**
 * Money in pence as a JSON number that is always a safe integer (|n| ≤ 2^53 − 1, about £90
 * trillion). Chosen over a String-serialised BigInt because clients can sort, sum and format it
 * without parsing, and over Float because a value that is not a whole, exact number of pence is
 * refused on the way in and on the way out instead of being silently rounded. Int would overflow
 * at £21.4m. The columns are bigint with a CHECK that keeps them within the safe range.
 */
export function toPence(value: unknown, node?: ValueNode): number {
  const n = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : typeof value === 'bigint' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new GraphQLError(`Pence must be a whole number of pence within ±${Number.MAX_SAFE_INTEGER}, got ${String(value)}`, { nodes: node });
  }
  return n;
}

export const PenceScalar = new GraphQLScalarType({
  name: 'Pence',
  description: 'An amount of money in pence (GBP × 100), a JSON number that is always a safe integer, e.g. 1250000 for £12,500.00',
  serialize: toPence,
  parseValue: (value) => {
    if (typeof value !== 'number') throw new GraphQLError('Pence must be a JSON number of pence, e.g. 1250000');
    return toPence(value);
  },
  parseLiteral: (ast) => {
    // With the node, so the error has a location and the API can name the field it was for.
    if (ast.kind !== Kind.INT) throw new GraphQLError('Pence must be a whole number of pence, e.g. 1250000', { nodes: ast });
    return toPence(ast.value, ast);
  },
});

/** bigint columns arrive from pg as strings: hydrate them as numbers, refusing any that are not exact. */
export const penceColumn: ValueTransformer = {
  to: (value: unknown) => value,
  from: (value: unknown) => (value === null || value === undefined ? value : toPence(value)),
};
