import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { MANAGERS } from '../../common/auth/roles';
import { assertUuid } from '../../common/database/assert-uuid';
import { definedOnly, versionedUpdate } from '../../common/database/versioned-update';
import { badField, conflict, forbidden, notFound } from '../../common/graphql/errors';
import { Task } from '../task/task.entity';
import { TaskService } from '../task/task.service';
import { AssessmentAction } from './assessment-action.entity';
import { AssessmentFramework } from './assessment-framework.entity';
import { Assessment } from './assessment.entity';
import { AddAssessmentActionInput, UpdateAssessmentActionInput } from './dto/assessment.input';

/** The action plan: kept by the assessment's lead, managers and admins; an item can become a real task. */
@Injectable()
export class AssessmentActionService {
  constructor(private readonly db: DataSource, private readonly tasks: TaskService) {}

  async add(user: AuthUser, input: AddAssessmentActionInput): Promise<AssessmentAction> {
    return this.db.transaction(async (tx) => {
      const assessment = await this.plannable(tx, user, input.assessmentId);
      await this.assertDimension(tx, assessment, input.dimensionKey);
      if (input.ownerId) await this.assertUser(tx, 'ownerId', input.ownerId);
      const repo = tx.getRepository(AssessmentAction);
      return repo.save(repo.create({
        assessmentId: assessment.id, dimensionKey: input.dimensionKey, text: input.text, ownerId: input.ownerId ?? null, dueOn: input.dueOn ?? null, createdBy: user.id,
      }));
    });
  }

  /** A version-checked edit (CONFLICT when stale). */
  async update(user: AuthUser, id: string, version: number, input: UpdateAssessmentActionInput): Promise<AssessmentAction> {
    assertUuid(id, 'id');
    if (input.text === null || input.dimensionKey === null) throw badField(input.text === null ? 'text' : 'dimensionKey', 'it cannot be cleared');
    return this.db.transaction(async (tx) => {
      const before = await tx.getRepository(AssessmentAction).findOne({ where: { id } });
      if (!before) throw notFound('AssessmentAction', id);
      const assessment = await this.plannable(tx, user, before.assessmentId);
      if (input.dimensionKey) await this.assertDimension(tx, assessment, input.dimensionKey);
      if (input.ownerId) await this.assertUser(tx, 'ownerId', input.ownerId);
      return versionedUpdate(tx, AssessmentAction, 'AssessmentAction', id, version, definedOnly(input));
    });
  }

  /**
   * Turns an action into a task for `assigneeId` due on `dueOn`, in one transaction: the task (with
   * its audit event) is created through the task module and the action records it, its owner and
   * due date. An action becomes a task once (CONFLICT the second time).
   */
  async createTask(user: AuthUser, actionId: string, assigneeId: string, dueOn: string): Promise<AssessmentAction> {
    assertUuid(actionId, 'actionId');
    assertUuid(assigneeId, 'assigneeId');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(dueOn) || Number.isNaN(Date.parse(dueOn))) throw badField('dueOn', 'dueOn must be a date, e.g. 2026-12-01');
    return this.db.transaction(async (tx) => {
      const action = await tx.getRepository(AssessmentAction).findOne({ where: { id: actionId }, lock: { mode: 'pessimistic_write' } });
      if (!action) throw notFound('AssessmentAction', actionId);
      const assessment = await this.plannable(tx, user, action.assessmentId);
      if (action.taskId) throw conflict('This action has already been turned into a task');
      await this.assertUser(tx, 'assigneeId', assigneeId);
      const [assignee] = await tx.query('SELECT department_id FROM user_departments WHERE user_id = $1 ORDER BY department_id LIMIT 1', [assigneeId]);
      const departmentId = assessment.departmentId ?? assignee?.department_id ?? user.departmentIds[0];
      if (!departmentId) throw badField('assigneeId', 'assigneeId must belong to a department (the task needs one)');
      const task: Task = await this.tasks.create(user, {
        title: action.text.slice(0, 300), notes: `From the maturity assessment "${assessment.title}" (action plan).`, dueOn, assigneeId, departmentId,
      }, tx);
      await tx.query(`UPDATE assessment_actions SET task_id = $2, owner_id = $3, due_on = $4, version = version + 1, updated_at = now() WHERE id = $1`,
        [actionId, task.id, assigneeId, dueOn]);
      return tx.getRepository(AssessmentAction).findOneByOrFail({ id: actionId });
    });
  }

  /** The live assessment, if this user may keep its action plan (its lead, managers and admins). */
  private async plannable(tx: EntityManager, user: AuthUser, assessmentId: string): Promise<Assessment> {
    const assessment = await tx.getRepository(Assessment).findOne({ where: { id: assessmentId } });
    if (!assessment) throw badField('assessmentId', 'assessmentId must be an existing assessment');
    if (!MANAGERS.includes(user.role) && assessment.leadId !== user.id) throw forbidden("Only the assessment's lead, managers and admins can change its action plan");
    return assessment;
  }

  private async assertDimension(tx: EntityManager, assessment: Assessment, dimensionKey: string): Promise<void> {
    const framework = await tx.getRepository(AssessmentFramework).findOneByOrFail({ id: assessment.frameworkId });
    if (!framework.content.dimensions.some((d) => d.key === dimensionKey)) throw badField('dimensionKey', "dimensionKey must be a dimension of the assessment's framework");
  }

  private async assertUser(tx: EntityManager, field: string, id: string): Promise<void> {
    if (!(await tx.query('SELECT 1 FROM users WHERE id = $1 AND deleted_at IS NULL', [id])).length) throw badField(field, `${field} must be an existing user`);
  }
}
