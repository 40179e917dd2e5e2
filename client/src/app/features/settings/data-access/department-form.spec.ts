import { describe, expect, it } from 'vitest';
import { changedDepartmentFields, departmentValues } from './department-form';

describe('departmentValues', () => {
  it('trims the name, upper-cases the code and turns "no parent" into null', () => {
    expect(departmentValues({ name: '  School of Art ', code: ' a rt ', parentId: '' })).toEqual({ name: 'School of Art', code: 'ART', parentId: null });
    expect(departmentValues({ name: 'X', code: 'x1', parentId: 'p' }).parentId).toBe('p');
  });
});

describe('changedDepartmentFields', () => {
  const before = { name: 'Art', code: 'ART', parentId: null };
  it('keeps only what changed', () => {
    expect(changedDepartmentFields(before, { name: 'School of Art', code: 'ART', parentId: null })).toEqual({ name: 'School of Art' });
    expect(changedDepartmentFields(before, { name: 'Art', code: 'ART', parentId: null })).toEqual({});
  });

  it('sends a move to the top as parentId null', () => {
    expect(changedDepartmentFields({ ...before, parentId: 'p' }, { name: 'Art', code: 'ART', parentId: null })).toEqual({ parentId: null });
  });
});
