import { describe, expect, it } from 'vitest';
import type { OpportunityCardFragment } from '../../../graphql/generated';
import { columnOf, placeCard, removeCard } from './board.model';

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
