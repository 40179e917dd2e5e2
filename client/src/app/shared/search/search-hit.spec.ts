import { describe, expect, it } from 'vitest';
import { rankHits, searchHitLink } from './search-hit';

describe('searchHitLink', () => {
  it('opens organisations and contacts on their own pages', () => {
    expect(searchHitLink({ kind: 'organisation', id: 'o1' })).toEqual(['/organisations', 'o1']);
    expect(searchHitLink({ kind: 'contact', id: 'c1' })).toEqual(['/contacts', 'c1']);
  });
});

describe('rankHits', () => {
  it('keeps the server order by score and puts organisations first on a tie', () => {
    const hits = [
      { kind: 'contact' as const, title: 'Harry Williams', score: 0.57 },
      { kind: 'organisation' as const, title: 'Siemens Energy UK', score: 0.57 },
      { kind: 'contact' as const, title: 'Priya Wood', score: 0.9 },
      { kind: 'contact' as const, title: 'Rhys Cooper', score: 0.57 },
    ];
    expect(rankHits(hits).map((h) => h.title)).toEqual(['Priya Wood', 'Siemens Energy UK', 'Harry Williams', 'Rhys Cooper']);
  });
});
