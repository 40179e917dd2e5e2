import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { seesAllConfidential, visibleTo } from '../../common/auth/visibility';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection } from '../../common/database/connection';
import { KeysetSort, keysetPage } from '../../common/database/keyset';
import { definedOnly, versionedUpdate } from '../../common/database/versioned-update';
import { badField, notFound } from '../../common/graphql/errors';
import { diffFields, recordAudit } from '../audit/audit';
import { CreateTaskInput, MyTasksArgs, UpdateTaskInput } from './dto/task.input';
import { Task } from './task.entity';
import { TaskStatus } from './task.enums';
import { now } from '../../common/dates/clock';

const AUDITED = ['title', 'notes', 'dueOn', 'status', 'assigneeId', 'organisationId', 'contactId', 'engagementId', 'departmentId', 'confidential'] as const;
// Undated tasks sort after dated ones: the key is the due date, or a date after any real one.
const SORT_KEY = `coalesce(t.due_on, '9999-12-31'::date)`;
export const TASK_SORT: KeysetSort = { key: SORT_KEY, keyAsText: `${SORT_KEY}::text`, cast: '::date' };

@Injectable()
export class TaskService {
  constructor(private readonly db: DataSource) {}

  /** The signed-in user's tasks, soonest due first. */
  async mine(user: AuthUser, args: MyTasksArgs): Promise<Connection<Task>> {
    return keysetPage(this.mineQuery(user, args), TASK_SORT, args);
  }

  /** The user's live tasks in the given statuses (open by default), unordered: the list and its export share it. */
  mineQuery(user: AuthUser, args: Pick<MyTasksArgs, 'statuses'>): SelectQueryBuilder<Task> {
    return this.db.getRepository(Task).createQueryBuilder('t')
      .where('t.assignee_id = :me', { me: user.id })
      .andWhere('t.status IN (:...statuses)', { statuses: args.statuses?.length ? args.statuses : [TaskStatus.open] });
  }

  async findById(user: AuthUser, id: string, tx: EntityManager = this.db.manager): Promise<Task | null> {
    assertUuid(id, 'id');
    return tx.getRepository(Task).createQueryBuilder('t').where('t.id = :id', { id }).andWhere(...visibleTo('t', user)).getOne();
  }

  /** Creates a task; inside `outer` when given, so another module's change and its task stand or fall together. */
  async create(user: AuthUser, input: CreateTaskInput, outer?: EntityManager): Promise<Task> {
    const departmentId = input.departmentId ?? user.departmentIds[0];
    if (!departmentId) throw badField('departmentId', 'departmentId is required: you do not belong to a department');
    if (input.confidential && !seesAllConfidential(user) && !user.departmentIds.includes(departmentId)) {
      throw badField('departmentId', 'a confidential task must belong to one of your departments');
    }
    const work = async (tx: EntityManager) => {
      await this.assertLinks(tx, user, { ...input, departmentId, assigneeId: input.assigneeId ?? user.id });
      const repo = tx.getRepository(Task);
      const task = await repo.save(repo.create({
        title: input.title, notes: input.notes ?? null, dueOn: input.dueOn ?? null, status: TaskStatus.open, assigneeId: input.assigneeId ?? user.id,
        organisationId: input.organisationId ?? null, contactId: input.contactId ?? null, engagementId: input.engagementId ?? null,
        departmentId, confidential: input.confidential ?? false, createdBy: user.id,
      }));
      await recordAudit(tx, { actorId: user.id, entityType: 'task', entityId: task.id, action: 'create', changes: diffFields(null, task, AUDITED) });
      return task;
    };
    return outer ? work(outer) : this.db.transaction(work);
  }

  async update(user: AuthUser, id: string, version: number, input: UpdateTaskInput): Promise<Task> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      const before = await this.findById(user, id, tx);
      if (!before) throw notFound('Task', id);
      if (input.assigneeId) await this.assertLinks(tx, user, { assigneeId: input.assigneeId });
      const changes = definedOnly(input);
      if (input.status) changes.completedAt = input.status === TaskStatus.open ? null : now();
      const after = await versionedUpdate(tx, Task, 'Task', id, version, changes);
      await recordAudit(tx, { actorId: user.id, entityType: 'task', entityId: id, action: 'update', changes: diffFields(before, after, AUDITED) });
      return after;
    });
  }

  complete(user: AuthUser, id: string, version: number): Promise<Task> {
    return this.update(user, id, version, { status: TaskStatus.done });
  }

  private async assertLinks(tx: EntityManager, user: AuthUser, links: Partial<CreateTaskInput>) {
    const checks: Array<[keyof CreateTaskInput, string, string]> = [
      ['assigneeId', 'SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL', 'an existing user'],
      ['contactId', 'SELECT 1 FROM contacts WHERE id = $1 AND deleted_at IS NULL', 'an existing contact'],
      ['departmentId', 'SELECT 1 FROM departments WHERE id = $1 AND deleted_at IS NULL', 'an existing department'],
    ];
    for (const [field, sql, what] of checks) {
      const value = links[field];
      if (value && !(await tx.query(sql, [value])).length) throw badField(field, `${field} must be ${what}`);
    }
    // Linked organisation and engagement must be ones this user can see.
    if (links.organisationId) {
      const ok = await tx.createQueryBuilder().from('organisations', 'o').where('o.id = :id AND o.deleted_at IS NULL', { id: links.organisationId }).andWhere(...visibleTo('o', user)).getExists();
      if (!ok) throw badField('organisationId', 'organisationId must be an existing organisation');
    }
    if (links.engagementId) {
      const ok = await tx.createQueryBuilder().from('engagements', 'e').where('e.id = :id AND e.deleted_at IS NULL', { id: links.engagementId }).andWhere(...visibleTo('e', user)).getExists();
      if (!ok) throw badField('engagementId', 'engagementId must be an existing engagement');
    }
  }
}
