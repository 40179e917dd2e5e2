import { diffFields } from './audit';

describe('diffFields', () => {
  const before = { name: 'Acme', tags: ['a'], postcode: null as string | null, version: 1 };

  it('lists only the fields that changed, old → new', () => {
    const after = { ...before, name: 'Acme Ltd', tags: ['a'], postcode: 'NE1 7RU' };
    expect(diffFields(before, after, ['name', 'tags', 'postcode'])).toEqual({
      name: { old: 'Acme', new: 'Acme Ltd' },
      postcode: { old: null, new: 'NE1 7RU' },
    });
  });

  it('compares arrays by value, so reordering counts and equal copies do not', () => {
    expect(diffFields(before, { ...before, tags: ['a'] }, ['tags'])).toEqual({});
    expect(diffFields({ ...before, tags: ['a', 'b'] }, { ...before, tags: ['b', 'a'] }, ['tags'])).toEqual({ tags: { old: ['a', 'b'], new: ['b', 'a'] } });
  });

  it('records a create as every non-empty field from null, skipping empty ones', () => {
    expect(diffFields(null, { ...before, tags: [] }, ['name', 'tags', 'postcode'])).toEqual({ name: { old: null, new: 'Acme' } });
  });

  it('ignores fields it was not asked about (e.g. version)', () => {
    expect(diffFields(before, { ...before, version: 2 }, ['name'])).toEqual({});
  });
});
