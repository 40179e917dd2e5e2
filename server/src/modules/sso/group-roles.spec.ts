import fc from 'fast-check';
import { Role } from '../../common/auth/roles';
import { roleForGroups } from './group-roles';

const MAP = new Map<string, Role>([['bce-admins', Role.admin], ['bce-managers', Role.manager], ['staff', Role.staff], ['readers', Role.viewer]]);

describe(roleForGroups.name, () => {
  it('should give null when no group maps (the caller keeps the current or default role)', () => {
    expect(roleForGroups([], MAP)).toBeNull();
    expect(roleForGroups(['students', 'library'], MAP)).toBeNull();
  });

  it('should give the highest mapped role, whatever the order of the groups', () => {
    expect(roleForGroups(['staff', 'bce-managers'], MAP)).toBe(Role.manager);
    expect(roleForGroups(['bce-admins', 'readers'], MAP)).toBe(Role.admin);
    expect(roleForGroups(['readers'], MAP)).toBe(Role.viewer);
  });

  it('should match groups case-insensitively and ignore surrounding spaces', () => {
    expect(roleForGroups([' BCE-Admins '], MAP)).toBe(Role.admin);
  });

  it('should never give a role higher than the highest one any of the groups maps to', () => {
    const rank = [Role.admin, Role.manager, Role.staff, Role.viewer];
    fc.assert(fc.property(fc.subarray([...MAP.keys(), 'students', 'alumni']), (groups) => {
      const role = roleForGroups(groups, MAP);
      const mapped = groups.map((g) => MAP.get(g)).filter(Boolean) as Role[];
      if (!mapped.length) return role === null;
      return role === mapped.reduce((best, r) => (rank.indexOf(r) < rank.indexOf(best) ? r : best));
    }));
  });
});
