import { describe, expect, it } from 'vitest';
import { defaultDepartmentId, departmentOrDefault } from './department-default';

const ENG = { id: 'eng' };
const BUS = { id: 'bus' };
const OLD = { id: 'old' };

describe('defaultDepartmentId', () => {
  it("starts in the person's own live department", () => {
    expect(defaultDepartmentId([OLD, BUS], [ENG, BUS])).toBe('bus');
  });

  it('uses the only department when the person has none (a fresh install admin)', () => {
    expect(defaultDepartmentId([], [ENG])).toBe('eng');
    expect(defaultDepartmentId([OLD], [ENG])).toBe('eng');
  });

  it('leaves the choice to the person when there are several and none is theirs, and when there are none', () => {
    expect(defaultDepartmentId([], [ENG, BUS])).toBeNull();
    expect(defaultDepartmentId([ENG], [])).toBeNull();
  });
});

describe('departmentOrDefault', () => {
  it('keeps a live choice and replaces an archived or empty one', () => {
    expect(departmentOrDefault('eng', [BUS], [ENG, BUS])).toBe('eng');
    expect(departmentOrDefault('old', [BUS], [ENG, BUS])).toBe('bus');
    expect(departmentOrDefault('', [], [ENG])).toBe('eng');
  });
});
