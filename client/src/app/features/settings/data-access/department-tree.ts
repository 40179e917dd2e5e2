/** What the tree needs of a department (the settings fragment has more). */
export interface TreeDepartment {
  id: string;
  name: string;
  code: string;
  parentId?: string | null;
  archivedAt?: string | null;
}

export interface TreeRow<D extends TreeDepartment> {
  department: D;
  /** 0 at the top; a school in a faculty is 1. */
  depth: number;
  /** "Faculty of Science › School of Chemistry": where it sits, for labels and pickers. */
  path: string;
}

const byName = (a: TreeDepartment, b: TreeDepartment) => a.name.localeCompare(b.name, 'en-GB') || a.code.localeCompare(b.code);

/**
 * Departments in tree order: each unit followed by the units under it, siblings by name. A unit
 * whose parent is not in the list (or a loop, which the server refuses anyway) shows at the top
 * rather than disappearing.
 */
export function departmentTree<D extends TreeDepartment>(departments: readonly D[]): TreeRow<D>[] {
  const ids = new Set(departments.map((d) => d.id));
  const children = new Map<string | null, D[]>();
  for (const d of departments) {
    const parent = d.parentId && ids.has(d.parentId) && d.parentId !== d.id ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  const rows: TreeRow<D>[] = [];
  const seen = new Set<string>();
  const walk = (parent: string | null, depth: number, path: string) => {
    for (const d of [...(children.get(parent) ?? [])].sort(byName)) {
      if (seen.has(d.id)) continue;
      seen.add(d.id);
      const here = path ? `${path} › ${d.name}` : d.name;
      rows.push({ department: d, depth, path: here });
      walk(d.id, depth + 1, here);
    }
  };
  walk(null, 0, '');
  // Anything left is caught in a loop: show it at the top.
  for (const d of departments) if (!seen.has(d.id)) rows.push({ department: d, depth: 0, path: d.name });
  return rows;
}

/** The ids of `id` and every unit below it. */
export function withDescendants(departments: readonly TreeDepartment[], id: string): Set<string> {
  const found = new Set([id]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const d of departments) {
      if (d.parentId && found.has(d.parentId) && !found.has(d.id)) {
        found.add(d.id);
        grew = true;
      }
    }
  }
  return found;
}

/** Where a department may be moved: live units that are not itself or below it (that would make a loop). */
export function parentOptions<D extends TreeDepartment>(departments: readonly D[], editingId: string | null): TreeRow<D>[] {
  const excluded = editingId ? withDescendants(departments, editingId) : new Set<string>();
  return departmentTree(departments.filter((d) => !d.archivedAt)).filter((row) => !excluded.has(row.department.id));
}

/** Live units directly under `id`: archiving is refused while there are any. */
export const liveChildren = <D extends TreeDepartment>(departments: readonly D[], id: string): D[] =>
  departments.filter((d) => d.parentId === id && !d.archivedAt);
