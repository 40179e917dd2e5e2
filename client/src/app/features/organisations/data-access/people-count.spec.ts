import { describe, expect, it } from 'vitest';
import { peopleCountText, peopleOf } from './people-count';

describe('peopleCountText', () => {
  it('says how many of the whole are shown, with thousands grouped', () => {
    expect(peopleCountText(25, 1381, '')).toBe('25 of 1,381 people');
    expect(peopleCountText(3, 3, '')).toBe('3 people');
    expect(peopleCountText(1, 1, '')).toBe('1 person');
  });

  it('names the search when there is one, and says nothing when nobody is there', () => {
    expect(peopleCountText(2, 2, 'lee')).toBe('2 of 2 people matching “lee”');
    expect(peopleCountText(0, 0, 'zz')).toBe('');
    expect(peopleCountText(0, 0, '')).toBe('');
  });
});

describe('people of a page of affiliations', () => {
  it('lists each person once, by name, leaving out affiliations without a contact', () => {
    const page = { edges: [
      { node: { contact: { id: 'b', name: 'Ben Lee' } } },
      { node: { contact: { id: 'a', name: 'Amira Khan' } } },
      { node: { contact: { id: 'b', name: 'Ben Lee' } } },
      { node: { contact: null } },
    ] };
    expect(peopleOf(page)).toEqual([{ id: 'a', name: 'Amira Khan' }, { id: 'b', name: 'Ben Lee' }]);
    expect(peopleOf(null)).toEqual([]);
  });
});
