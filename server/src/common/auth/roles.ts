import { SetMetadata } from '@nestjs/common';
import { registerEnumType } from '@nestjs/graphql';

export enum Role {
  admin = 'admin',
  manager = 'manager',
  staff = 'staff',
  viewer = 'viewer',
}
registerEnumType(Role, { name: 'Role', description: 'admin: everything; manager: all records and reports; staff: create and edit records; viewer: read only' });

export const ROLES_KEY = 'roles';
export const PUBLIC_KEY = 'public';

/** Who may call this operation. Every resolver operation needs @Roles or @Public: the guard refuses the rest. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** Open to anyone: only login, health and what the sign-in page needs (signInMethods, the SSO redirects). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

export const READERS = [Role.admin, Role.manager, Role.staff, Role.viewer];
export const WRITERS = [Role.admin, Role.manager, Role.staff];
export const MANAGERS = [Role.admin, Role.manager];
export const ADMINS = [Role.admin];
