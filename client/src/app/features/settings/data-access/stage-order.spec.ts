import { describe, expect, it } from 'vitest';
import { changedStageFields, moveInOrder } from './stage-order';

describe('moveInOrder', () => {
  it('swaps a stage with its neighbour', () => {
    expect(moveInOrder(['a', 'b', 'c'], 'b', -1)).toEqual(['b', 'a', 'c']);
    expect(moveInOrder(['a', 'b', 'c'], 'b', 1)).toEqual(['a', 'c', 'b']);
  });

  it('cannot move the first up, the last down, or a stage it does not know', () => {
    expect(moveInOrder(['a', 'b'], 'a', -1)).toBeNull();
    expect(moveInOrder(['a', 'b'], 'b', 1)).toBeNull();
    expect(moveInOrder(['a', 'b'], 'z', 1)).toBeNull();
  });
});

describe('changedStageFields', () => {
  it('keeps only what changed', () => {
    expect(changedStageFields({ name: 'Won', defaultProbability: 100, outcome: 'won' }, { name: 'Won', defaultProbability: 90, outcome: 'won' })).toEqual({ defaultProbability: 90 });
    expect(changedStageFields({ name: 'A' }, { name: 'A' })).toEqual({});
  });
});
