export interface DepartmentValues {
  name: string;
  code: string;
  parentId: string | null;
}

/** The form as the server wants it: trimmed, the code upper case without spaces, "no parent" as null. */
export function departmentValues(raw: { name: string; code: string; parentId: string }): DepartmentValues {
  return { name: raw.name.trim(), code: raw.code.replace(/\s+/g, '').toUpperCase(), parentId: raw.parentId || null };
}

/** Only what changed, so a rename does not also re-send (and re-check) the parent. */
export function changedDepartmentFields(before: { name: string; code: string; parentId?: string | null }, after: DepartmentValues): Partial<DepartmentValues> {
  const input: Partial<DepartmentValues> = {};
  if (after.name !== before.name) input.name = after.name;
  if (after.code !== before.code) input.code = after.code;
  if (after.parentId !== (before.parentId ?? null)) input.parentId = after.parentId;
  return input;
}
