import type { Role } from '../../graphql/generated';

// The same groups as server/src/common/auth/roles.ts.
const WRITERS: readonly Role[] = ['admin', 'manager', 'staff'];
const MANAGERS: readonly Role[] = ['admin', 'manager'];

/** Viewers read; everyone else creates and edits records. */
export const canWrite = (role: Role | null | undefined): boolean => !!role && WRITERS.includes(role);
export const isManager = (role: Role | null | undefined): boolean => !!role && MANAGERS.includes(role);
export const isAdmin = (role: Role | null | undefined): boolean => role === 'admin';
