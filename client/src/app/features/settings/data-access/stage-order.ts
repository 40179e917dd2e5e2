/** The ids in a new order after moving one `by` places (−1 up, +1 down); null when it cannot move. */
export function moveInOrder(ids: readonly string[], id: string, by: -1 | 1): string[] | null {
  const from = ids.indexOf(id);
  const to = from + by;
  if (from < 0 || to < 0 || to >= ids.length) return null;
  const next = [...ids];
  [next[from], next[to]] = [next[to], next[from]];
  return next;
}

/** What a stage row sends: only the fields that changed, so an untouched field never overwrites another admin's edit. */
export function changedStageFields<T extends Record<string, unknown>>(before: T, after: T): Partial<T> {
  const changed: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (after[key] !== before[key]) changed[key] = after[key];
  }
  return changed;
}
