import { describe, expect, it } from 'vitest';
import { departmentTree, liveChildren, parentOptions, withDescendants } from './department-tree';

const d = (id: string, name: string, parentId: string | null = null, archivedAt: string | null = null) => ({ id, name, code: id.toUpperCase(), parentId, archivedAt });
const SCI = d('sci', 'Faculty of Science');
const CHEM = d('chem', 'Chemistry', 'sci');
const BIO = d('bio', 'Biology', 'sci');
const LAB = d('lab', 'Teaching labs', 'chem');
const BUS = d('bus', 'Business School');
const OLD = d('old', 'Old unit', 'sci', '2025-01-01T00:00:00Z');

describe('departmentTree', () => {
  it('lists each unit followed by the units under it, siblings by name, with depth and path', () => {
    const rows = departmentTree([LAB, BUS, CHEM, SCI, BIO]);
    expect(rows.map((r) => [r.department.id, r.depth])).toEqual([['bus', 0], ['sci', 0], ['bio', 1], ['chem', 1], ['lab', 2]]);
    expect(rows.find((r) => r.department.id === 'lab')!.path).toBe('Faculty of Science › Chemistry › Teaching labs');
  });

  it('shows a unit whose parent is missing at the top, and does not lose units caught in a loop', () => {
    const orphan = d('orphan', 'Orphan', 'gone');
    const a = d('a', 'A', 'b');
    const b = d('b', 'B', 'a');
    const rows = departmentTree([orphan, a, b]);
    expect(rows.map((r) => r.department.id).sort()).toEqual(['a', 'b', 'orphan']);
    expect(rows.find((r) => r.department.id === 'orphan')!.depth).toBe(0);
  });
});

describe('parentOptions', () => {
  it('offers live units except the one being edited and those below it', () => {
    const all = [SCI, CHEM, BIO, LAB, BUS, OLD];
    expect(parentOptions(all, 'chem').map((r) => r.department.id)).toEqual(['bus', 'sci', 'bio']);
    expect(parentOptions(all, null).map((r) => r.department.id)).toEqual(['bus', 'sci', 'bio', 'chem', 'lab']);
  });
});

describe('withDescendants / liveChildren', () => {
  it('finds every unit below, at any depth', () => {
    expect([...withDescendants([SCI, CHEM, BIO, LAB, BUS], 'sci')].sort()).toEqual(['bio', 'chem', 'lab', 'sci']);
  });

  it('counts only live units directly under', () => {
    expect(liveChildren([SCI, CHEM, BIO, LAB, OLD], 'sci').map((x) => x.id)).toEqual(['chem', 'bio']);
  });
});
