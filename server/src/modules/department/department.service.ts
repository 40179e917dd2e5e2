import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { assertUuid } from '../../common/database/assert-uuid';
import { withUniqueFields } from '../../common/database/unique-violation';
import { definedOnly, versionedUpdate } from '../../common/database/versioned-update';
import { badField, conflict, notFound } from '../../common/graphql/errors';
import { diffFields, recordAudit } from '../audit/audit';
import * as sql from './department.sql';
import { CreateDepartmentInput, UpdateDepartmentInput } from './dto/department.input';
import { Department } from './department.entity';

const AUDITED = ['code', 'name', 'parentId'] as const;
const UNIQUE_CODE: Record<string, [string, string]> = {
  departments_code_key: ['code', 'code is already used by another department: choose another'],
};

/**
 * Departments are reference data that admins keep. Archiving hides one from pickers while the
 * engagements, opportunities and users that name it keep it (and its name) as they were.
 */
@Injectable()
export class DepartmentService {
  constructor(private readonly db: DataSource) {}

  list(includeArchived: boolean): Promise<Department[]> {
    return sql.listDepartments(this.db.manager, includeArchived);
  }

  create(user: AuthUser, input: CreateDepartmentInput): Promise<Department> {
    return withUniqueFields(() => this.db.transaction(async (tx) => {
      const parentId = input.parentId ?? null;
      if (parentId) await this.assertLiveParent(tx, parentId);
      const created = await sql.insertDepartment(tx, { code: input.code, name: input.name, parentId });
      await recordAudit(tx, { actorId: user.id, entityType: 'department', entityId: created.id, action: 'create', changes: diffFields(null, created, AUDITED) });
      return created;
    }), UNIQUE_CODE);
  }

  update(user: AuthUser, id: string, version: number, input: UpdateDepartmentInput): Promise<Department> {
    assertUuid(id, 'id');
    return withUniqueFields(() => this.db.transaction(async (tx) => {
      if (input.parentId) {
        await sql.lockDepartmentTree(tx);
        await this.assertLiveParent(tx, input.parentId);
        if (await sql.wouldCycle(tx, id, input.parentId)) {
          throw badField('parentId', input.parentId === id ? 'a department cannot be its own parent' : 'parentId sits under this department: that would make a loop');
        }
      }
      const before = await sql.findDepartment(tx, id);
      if (!before || before.deletedAt) throw notFound('Department', id);
      const after = await versionedUpdate(tx, Department, 'Department', id, version, definedOnly(input));
      await recordAudit(tx, { actorId: user.id, entityType: 'department', entityId: id, action: 'update', changes: diffFields(before, after, AUDITED) });
      return after;
    }), UNIQUE_CODE);
  }

  /** Refused while live units sit under it: they would be left hanging under an archived parent. */
  archive(user: AuthUser, id: string): Promise<Department> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      await sql.lockDepartmentTree(tx);
      const children = await sql.liveChildNames(tx, id);
      if (children.length) {
        throw conflict(`Archive or move its units first: ${children.join(', ')} ${children.length === 1 ? 'sits' : 'sit'} under this department`, { children });
      }
      return this.setArchived(tx, user, id, true);
    });
  }

  /** Refused while its parent is archived, for the same reason; and if its code is now taken (BAD_USER_INPUT on code). */
  restore(user: AuthUser, id: string): Promise<Department> {
    assertUuid(id, 'id');
    return withUniqueFields(() => this.db.transaction(async (tx) => {
      await sql.lockDepartmentTree(tx);
      const current = await sql.findDepartment(tx, id);
      if (current?.parentId) {
        const parent = await sql.findDepartment(tx, current.parentId);
        if (parent?.deletedAt) throw conflict(`Restore ${parent.name} first: this department sits under it`);
      }
      return this.setArchived(tx, user, id, false);
    }), { departments_code_key: ['code', 'code is now used by another live department: change that one first'] });
  }

  private async setArchived(tx: EntityManager, user: AuthUser, id: string, archived: boolean): Promise<Department> {
    const changed = await sql.setDepartmentArchived(tx, id, archived);
    if (changed) {
      await recordAudit(tx, { actorId: user.id, entityType: 'department', entityId: id, action: archived ? 'archive' : 'restore' });
      return changed;
    }
    // Already in that state: answer with it as it is (archiving twice is not an error).
    const current = await sql.findDepartment(tx, id);
    if (!current) throw notFound('Department', id);
    return current;
  }

  private async assertLiveParent(tx: EntityManager, parentId: string): Promise<void> {
    const parent = await sql.findDepartment(tx, parentId);
    if (!parent || parent.deletedAt) throw badField('parentId', 'parentId must be a live department');
  }
}
