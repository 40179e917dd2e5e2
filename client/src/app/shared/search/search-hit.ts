import type { SearchHitKind } from '../../graphql/generated';

/** The search answers from 3 characters: fewer match too much to be useful, and the server returns nothing. */
export const MIN_SEARCH_LENGTH = 3;

/** Where a search hit lives in the app. */
export function searchHitLink(hit: { kind: SearchHitKind; id: string }): string[] {
  return [hit.kind === 'contact' ? '/contacts' : '/organisations', hit.id];
}

/**
 * Best first, as the server ranks them; on a tie an organisation comes before a person, since a
 * person usually matches through their employer's name or email domain ("Siemns" → Siemens).
 */
export function rankHits<T extends { kind: SearchHitKind; score: number }>(hits: readonly T[]): T[] {
  const weight = (kind: SearchHitKind) => (kind === 'organisation' ? 0 : 1);
  return hits
    .map((hit, index) => ({ hit, index }))
    .sort((a, b) => b.hit.score - a.hit.score || weight(a.hit.kind) - weight(b.hit.kind) || a.index - b.index)
    .map(({ hit }) => hit);
}
