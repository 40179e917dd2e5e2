import { DuplicateReason, DuplicateReasonKind } from './duplicate.model';

/** One scored pair as the duplicates SQL returns it. */
export interface PairRow {
  a_id: string;
  b_id: string;
  score: string;
  ch: string | null;
  domain: string | null;
  email: string | null;
  similar_name: boolean;
  similarity: number | null;
  /** Organisations: the shared postcode area; contacts: the shared organisation's name. */
  name_context: string | null;
}

/** The reasons of one pair, strongest first, as data the UI words ("Same website domain (acme.co.uk)"). */
export function reasonsOf(row: PairRow): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (row.ch) reasons.push({ kind: DuplicateReasonKind.companies_house_number, similarity: null, value: row.ch });
  if (row.email) reasons.push({ kind: DuplicateReasonKind.email, similarity: null, value: row.email });
  if (row.domain) reasons.push({ kind: DuplicateReasonKind.domain, similarity: null, value: row.domain });
  if (row.similar_name) {
    reasons.push({ kind: DuplicateReasonKind.similar_name, similarity: Math.round(Number(row.similarity) * 100) / 100, value: row.name_context });
  }
  return reasons;
}

/** The pair's cursor: its score (exact numeric text) and both ids. */
export function pairCursor(row: Pick<PairRow, 'score' | 'a_id' | 'b_id'>): string {
  return Buffer.from(JSON.stringify([row.score, row.a_id, row.b_id])).toString('base64url');
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Null when the text is not a cursor this API issued (the caller reports it on `after`). */
export function decodePairCursor(value: string): { score: string; aId: string; bId: string } | null {
  try {
    const [score, aId, bId] = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (typeof score !== 'string' || !/^\d+(\.\d+)?$/.test(score) || !UUID.test(aId) || !UUID.test(bId)) return null;
    return { score, aId, bId };
  } catch {
    return null;
  }
}

/** A pair is stored once, lower id first, whichever way round it was named. */
export const orderedPair = (x: string, y: string): [string, string] => (x < y ? [x, y] : [y, x]);
