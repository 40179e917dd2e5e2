import type { InviteUserInput, Role, UpdateUserInput } from '../../../graphql/generated';

export interface UserFormValue {
  email: string;
  name: string;
  role: Role;
  departmentIds: string[];
}

/** The invite input: trimmed, the email lower case (the server compares it so anyway). */
export const toInviteInput = (v: UserFormValue): InviteUserInput => ({
  email: v.email.trim().toLowerCase(),
  name: v.name.trim(),
  role: v.role,
  departmentIds: [...v.departmentIds],
});

/** Only what changed; departments compared as sets. */
export function changedUserFields(before: { name: string; role: Role; departments: Array<{ id: string }> }, after: UserFormValue): UpdateUserInput {
  const input: UpdateUserInput = {};
  if (after.name.trim() !== before.name) input.name = after.name.trim();
  if (after.role !== before.role) input.role = after.role;
  const was = new Set(before.departments.map((d) => d.id));
  const now = new Set(after.departmentIds);
  if (was.size !== now.size || [...now].some((id) => !was.has(id))) input.departmentIds = [...now];
  return input;
}

/**
 * Staff log engagements and opportunities only in their own departments, so a staff user with none
 * could record nothing: the form asks for one. Managers and admins may record in any department.
 */
export const needsDepartment = (v: Pick<UserFormValue, 'role' | 'departmentIds'>): boolean => v.role === 'staff' && !v.departmentIds.length;
