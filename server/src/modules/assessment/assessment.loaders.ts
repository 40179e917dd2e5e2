import { DataSource, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { visibleParam, visibleTo } from '../../common/auth/visibility';
import { BatchLoader, byKey, oneByKey } from '../../common/dataloader/batch-loader';
import { Task } from '../task/task.entity';
import { AssessmentAction } from './assessment-action.entity';
import { AssessmentAnswer } from './assessment-answer.entity';
import { AssessmentFramework } from './assessment-framework.entity';
import { MeasuredIndicator, measureEvidence } from './evidence.sql';
import { ukToday } from '../../common/dates/uk-dates';

/** The UK day evidence is measured to. */
export const today = () => ukToday();

/** The assessment area's per-request loaders (part of the request's loaders as `loaders.assessment`). */
export function assessmentLoaders(db: DataSource, currentUser: () => AuthUser) {
  return {
    frameworkById: new BatchLoader<string, AssessmentFramework | null>(async (ids) =>
      oneByKey(ids, await db.getRepository(AssessmentFramework).find({ where: { id: In([...ids]) } }), (f) => f.id)),
    /** Every respondent's answers, oldest statement first. */
    answersByAssessment: new BatchLoader<string, AssessmentAnswer[]>(async (ids) =>
      byKey(ids, await db.getRepository(AssessmentAnswer).find({ where: { assessmentId: In([...ids]) }, order: { updatedAt: 'ASC' } }), (a) => a.assessmentId)),
    actionsByAssessment: new BatchLoader<string, AssessmentAction[]>(async (ids) =>
      byKey(ids, await db.getRepository(AssessmentAction).find({ where: { assessmentId: In([...ids]) }, order: { createdAt: 'ASC' } }), (a) => a.assessmentId)),
    /** Null when the task is confidential to another department. */
    taskById: new BatchLoader<string, Task | null>(async (ids) =>
      oneByKey(ids, await db.getRepository(Task).createQueryBuilder('t').where('t.id IN (:...ids)', { ids: [...ids] })
        .andWhere(...visibleTo('t', currentUser())).getMany(), (t) => t.id)),
    /** Evidence measured today for a scope, keyed by department id ('' for the institution): one statement per scope. */
    liveEvidence: new BatchLoader<string, MeasuredIndicator[]>(async (scopes) =>
      Promise.all(scopes.map((departmentId) =>
        measureEvidence(db.manager, { departmentId: departmentId || null, asOf: today(), visibleDepartments: visibleParam(currentUser()) })))),
  };
}
