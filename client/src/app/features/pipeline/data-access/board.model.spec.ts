import { describe, expect, it } from 'vitest';
import type { OpportunityCardFragment, PipelineBoardQuery } from '../../../graphql/generated';
import { columnOf, columnPage, firstPages, placeCard, removeCard } from './board.model';

const card = (id: string, stageId: string) => ({ id, stageId, title: id }) as OpportunityCardFragment;

describe('board columns', () => {
  it('moves a card to the given place in another column and records its new stage', () => {
    const before = { s1: [card('a', 's1'), card('b', 's1')], s2: [card('c', 's2')] };
    const after = placeCard(before, before.s1[0], 's2', 1);
    expect(after['s1'].map((c) => c.id)).toEqual(['b']);
    expect(after['s2'].map((c) => [c.id, c.stageId])).toEqual([['c', 's2'], ['a', 's2']]);
    expect(before.s1).toHaveLength(2); // the old board is left as it was
    expect(columnOf(after, 'a')).toBe('s2');
  });

  it('takes a card off the board when its new stage has no column (won or lost)', () => {
    const after = placeCard({ s1: [card('a', 's1')] }, card('a', 's1'), 'won');
    expect(after).toEqual({ s1: [] });
    expect(columnOf(after, 'a')).toBeNull();
    expect(removeCard({ s1: [card('a', 's1'), card('b', 's1')] }, 'a')).toEqual({ s1: [card('b', 's1')] });
  });
});

describe('column pages', () => {
  const connection = (ids: string[], hasNextPage: boolean, endCursor: string | null) => ({ pageInfo: { hasNextPage, endCursor }, edges: ids.map((id) => ({ node: card(id, 's1') })) });

  it('continues from the end cursor only while there is a next page', () => {
    expect(columnPage('s1', connection(['a', 'b'], true, 'c2'))).toEqual({ stageId: 's1', cards: [card('a', 's1'), card('b', 's1')], next: 'c2' });
    expect(columnPage('s1', connection(['a'], false, 'c1')).next).toBeNull();
    expect(columnPage('s1', undefined)).toEqual({ stageId: 's1', cards: [], next: null });
  });

  it("takes each open stage's first page from the board's one request", () => {
    const pipeline = {
      count: 3, totalValuePence: 0, weightedValuePence: 0,
      stages: [
        { stage: { id: 's1' }, count: 3, totalValuePence: 0, weightedValuePence: 0, opportunities: connection(['a', 'b'], true, 'c2') },
        { stage: { id: 's2' }, count: 0, totalValuePence: 0, weightedValuePence: 0, opportunities: connection([], false, null) },
      ],
    } as PipelineBoardQuery['pipeline'];
    expect(firstPages(pipeline).map((p) => [p.stageId, p.cards.map((c) => c.id), p.next])).toEqual([['s1', ['a', 'b'], 'c2'], ['s2', [], null]]);
  });
});
