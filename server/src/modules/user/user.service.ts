import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { AuthUserCache } from '../../common/auth/auth-user-cache';
import { Role } from '../../common/auth/roles';
import { assertUuid } from '../../common/database/assert-uuid';
import { versionedUpdate } from '../../common/database/versioned-update';
import { badField, conflict, notFound } from '../../common/graphql/errors';
import { diffFields, recordAudit } from '../audit/audit';
import { CreateUserInput, InviteUserInput, UpdateUserInput } from './dto/create-user.input';
import { hashPassword } from './password';
import { temporaryPassword } from './temporary-password';
import { User } from './user.entity';
import * as sql from './user.sql';

const AUDITED = ['email', 'name', 'role', 'departmentIds'] as const;
type Audited = Pick<User, 'email' | 'name' | 'role'> & { departmentIds: string[] };

@Injectable()
export class UserService {
  constructor(private readonly db: DataSource, private readonly authUsers: AuthUserCache) {}

  list(includeInactive = false): Promise<User[]> {
    return sql.listUsers(this.db.manager, includeInactive);
  }

  async findById(id: string): Promise<User | null> {
    const user = await sql.findUser(this.db.manager, id);
    return user && !user.deletedAt ? user : null;
  }

  /** Creates a user with the password the admin chose, and their department links, in one transaction. */
  async create(input: CreateUserInput, actor: AuthUser | null = null): Promise<User> {
    const { password, ...rest } = input;
    return this.insert(rest, await hashPassword(password), actor);
  }

  /**
   * "Invite" without email: the user is created with a generated one-time password that the admin
   * sees once and hands over; only its hash is kept.
   */
  async invite(input: InviteUserInput, actor: AuthUser): Promise<{ user: User; temporaryPassword: string }> {
    const password = temporaryPassword();
    return { user: await this.insert(input, await hashPassword(password), actor), temporaryPassword: password };
  }

  /** Name, role and departments. A stale version is refused; without one, the current version is used. */
  update(actor: AuthUser, id: string, version: number | null | undefined, input: UpdateUserInput): Promise<User> {
    assertUuid(id, 'id');
    return this.authUsers.invalidating(id, this.db.transaction(async (tx) => {
      const admins = input.role && input.role !== Role.admin ? await sql.lockActiveAdmins(tx) : [];
      const before = await sql.findUser(tx, id, { lock: true });
      if (!before || before.deletedAt) throw notFound('User', id);
      if (admins.length === 1 && admins[0] === id) {
        throw badField('role', 'role cannot change: this is the last active admin. Make someone else an admin first');
      }
      const beforeDepartments = await sql.departmentIdsOf(tx, id);
      const departmentIds = input.departmentIds ? await this.assertDepartments(tx, input.departmentIds) : beforeDepartments;
      const changes: Record<string, unknown> = {};
      if (input.name !== undefined) changes.name = input.name;
      if (input.role !== undefined) changes.role = input.role;
      const after = await versionedUpdate(tx, User, 'User', id, version ?? before.version, changes);
      if (input.departmentIds) await sql.setDepartments(tx, id, departmentIds);
      await recordAudit(tx, {
        actorId: actor.id, entityType: 'user', entityId: id, action: 'update',
        changes: diffFields<Audited>({ ...before, departmentIds: beforeDepartments }, { ...after, departmentIds: [...departmentIds].sort() }, AUDITED),
      });
      return after;
    }));
  }

  private insert(input: InviteUserInput, passwordHash: string, actor: AuthUser | null): Promise<User> {
    const email = input.email.toLowerCase();
    return this.db.transaction(async (tx) => {
      if (await sql.emailTaken(tx, email)) {
        throw conflict(`A user with email ${email} already exists`, { fields: [{ field: 'email', messages: ['email is already in use'] }] });
      }
      const departmentIds = await this.assertDepartments(tx, input.departmentIds ?? []);
      const user = await sql.insertUser(tx, { email, name: input.name, role: input.role, passwordHash });
      await sql.setDepartments(tx, user.id, departmentIds);
      await recordAudit(tx, {
        actorId: actor?.id ?? null, entityType: 'user', entityId: user.id, action: 'create',
        changes: diffFields<Audited>(null, { ...user, departmentIds }, AUDITED),
      });
      return user;
    });
  }

  /** The distinct ids, sorted, when every one is a live department. */
  private async assertDepartments(tx: EntityManager, ids: string[]): Promise<string[]> {
    const unique = [...new Set(ids)].sort();
    if (unique.length && (await sql.liveDepartmentCount(tx, unique)) !== unique.length) {
      throw badField('departmentIds', 'departmentIds names a department that does not exist or is archived');
    }
    return unique;
  }
}
