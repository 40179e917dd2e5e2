import { Role } from '../../common/auth/roles';

/** Highest first: when a person's groups map to several roles, the highest wins. */
const RANK: Role[] = [Role.admin, Role.manager, Role.staff, Role.viewer];

/** The role the person's IdP groups give them (groups match case-insensitively), or null when none maps. */
export function roleForGroups(groups: string[], groupRoles: Map<string, Role>): Role | null {
  const mapped = new Set(groups.map((g) => groupRoles.get(g.trim().toLowerCase())).filter((r): r is Role => Boolean(r)));
  return RANK.find((role) => mapped.has(role)) ?? null;
}
