/**
 * Which department a new engagement or opportunity starts in: the person's own first department
 * that is still live; otherwise, when the institution has just one, that one (a fresh install's
 * admin belongs to none); otherwise none, and the person chooses.
 */
export function defaultDepartmentId(mine: ReadonlyArray<{ id: string }>, live: ReadonlyArray<{ id: string }>): string | null {
  const liveIds = new Set(live.map((d) => d.id));
  return mine.find((d) => liveIds.has(d.id))?.id ?? (live.length === 1 ? live[0].id : null);
}

/** Keeps a chosen department while it is still live; otherwise falls back to the default. */
export function departmentOrDefault(current: string | null | undefined, mine: ReadonlyArray<{ id: string }>, live: ReadonlyArray<{ id: string }>): string | null {
  return current && live.some((d) => d.id === current) ? current : defaultDepartmentId(mine, live);
}
