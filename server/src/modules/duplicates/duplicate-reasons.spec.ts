import { decodePairCursor, orderedPair, PairRow, pairCursor, reasonsOf } from './duplicate-reasons';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const row = (extra: Partial<PairRow>): PairRow => ({
  a_id: A, b_id: B, score: '0', ch: null, domain: null, email: null, similar_name: false, similarity: 0.4, name_context: null, ...extra,
});

describe('reasonsOf', () => {
  it('should list exact matches before a similar name, with what matched', () => {
    expect(reasonsOf(row({ domain: 'acme.co.uk', similar_name: true, similarity: 0.8234, name_context: 'NE' }))).toEqual([
      { kind: 'domain', similarity: null, value: 'acme.co.uk' },
      { kind: 'similar_name', similarity: 0.82, value: 'NE' },
    ]);
    expect(reasonsOf(row({ ch: '01234567', email: 'jo@acme.co.uk' })).map((r) => r.kind)).toEqual(['companies_house_number', 'email']);
  });

  it('should leave out a similarity below the rule (no similar_name reason)', () => {
    expect(reasonsOf(row({ domain: 'acme.co.uk', similarity: 0.4, name_context: 'NE' }))).toHaveLength(1);
  });
});

describe('pair cursors', () => {
  it('should round-trip the score and both ids', () => {
    expect(decodePairCursor(pairCursor({ score: '2.8125', a_id: A, b_id: B }))).toEqual({ score: '2.8125', aId: A, bId: B });
  });

  it('should refuse anything it did not issue', () => {
    expect(decodePairCursor('nonsense')).toBeNull();
    expect(decodePairCursor(Buffer.from(JSON.stringify(['1; DROP', A, B])).toString('base64url'))).toBeNull();
    expect(decodePairCursor(Buffer.from(JSON.stringify(['1', 'x', B])).toString('base64url'))).toBeNull();
  });

  it('should store a pair lower id first whichever way round it was named', () => {
    expect(orderedPair(B, A)).toEqual([A, B]);
    expect(orderedPair(A, B)).toEqual([A, B]);
  });
});
