import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuthUser } from '../../common/auth/auth-user';
import { Role } from '../../common/auth/roles';
import { visibleParam } from '../../common/auth/visibility';
import { assertUuid } from '../../common/database/assert-uuid';
import { Connection } from '../../common/database/connection';
import { keysetPage } from '../../common/database/keyset';
import { versionedUpdate } from '../../common/database/versioned-update';
import { badField, badInput, conflict, forbidden, notFound } from '../../common/graphql/errors';
import { AssessmentAnswer } from './assessment-answer.entity';
import { AssessmentFramework } from './assessment-framework.entity';
import { Assessment } from './assessment.entity';
import { AssessmentScope, AssessmentStatus } from './assessment.enums';
import { today } from './assessment.loaders';
import { AnswerAssessmentInput, AssessmentsArgs, StartAssessmentInput } from './dto/assessment.input';
import { measureEvidence } from './evidence.sql';
import { statementKeys } from './framework/framework-content';
import { FrameworkService } from './framework.service';

const NEWEST_FIRST = { key: 'a.started_at', keyAsText: 'a.started_at::text', cast: '::timestamptz', desc: true };

/** Only the lead and admins may complete an assessment. */
export const leadsOrAdmin = (user: AuthUser, a: Assessment) => user.role === Role.admin || a.leadId === user.id;

/**
 * Maturity assessments. They are about how the institution uses its CRM, not confidential
 * records, so every signed-in user sees every assessment (departmental ones included).
 */
@Injectable()
export class AssessmentService {
  constructor(private readonly db: DataSource, private readonly frameworks: FrameworkService) {}

  list(args: AssessmentsArgs): Promise<Connection<Assessment>> {
    const q = this.db.getRepository(Assessment).createQueryBuilder('a');
    if (args.scope === AssessmentScope.institution) q.andWhere('a.department_id IS NULL');
    if (args.scope === AssessmentScope.department) q.andWhere('a.department_id IS NOT NULL');
    if (args.departmentId) q.andWhere('a.department_id = :departmentId', { departmentId: args.departmentId });
    if (args.status) q.andWhere('a.status = :status', { status: args.status });
    return keysetPage(q, NEWEST_FIRST, args);
  }

  async findById(id: string, tx: EntityManager = this.db.manager): Promise<Assessment | null> {
    assertUuid(id, 'id');
    return tx.getRepository(Assessment).findOne({ where: { id } });
  }

  /** Starts an assessment against the current framework, led by the user who starts it. */
  async start(user: AuthUser, input: StartAssessmentInput): Promise<Assessment> {
    return this.db.transaction(async (tx) => {
      if (input.departmentId && !(await tx.query('SELECT 1 FROM departments WHERE id = $1 AND deleted_at IS NULL', [input.departmentId])).length) {
        throw badField('departmentId', 'departmentId must be an existing department');
      }
      const framework = await this.frameworks.find(null, tx);
      const repo = tx.getRepository(Assessment);
      return repo.save(repo.create({ title: input.title, departmentId: input.departmentId ?? null, frameworkId: framework.id, status: AssessmentStatus.in_progress, leadId: user.id }));
    });
  }

  /**
   * Saves the user's answers (one statement at a time or all at once; an answer given again
   * replaces the earlier one, and leaving out evidence keeps the earlier note). Refused once the
   * assessment is completed: the row lock makes an answer and a completion never cross.
   */
  async answer(user: AuthUser, input: AnswerAssessmentInput): Promise<Assessment> {
    return this.db.transaction(async (tx) => {
      const [row] = await tx.query(
        `SELECT a.status, f.content FROM assessments a JOIN assessment_frameworks f ON f.id = a.framework_id
          WHERE a.id = $1 AND a.deleted_at IS NULL FOR SHARE OF a`, [input.assessmentId]);
      if (!row) throw notFound('Assessment', input.assessmentId);
      if (row.status === AssessmentStatus.completed) throw conflict('The assessment is completed: its answers can no longer change');
      const known = new Set(statementKeys(row.content));
      const problems = input.answers.flatMap((a, i) => {
        if (!known.has(a.statementKey)) return [{ field: `answers.${i}.statementKey`, messages: [`statementKey ${a.statementKey} is not a statement of this assessment's framework`] }];
        if (input.answers.findIndex((b) => b.statementKey === a.statementKey) !== i) return [{ field: `answers.${i}.statementKey`, messages: [`statementKey ${a.statementKey} is answered twice`] }];
        return [];
      });
      if (problems.length) throw badInput(problems);
      // Two statements at most: answers that bring an evidence note (or clear it) and answers that keep the earlier note.
      for (const keepNote of [false, true]) {
        const rows = input.answers.filter((x) => (x.evidence === undefined) === keepNote);
        if (!rows.length) continue;
        await tx.query(
          `INSERT INTO assessment_answers (assessment_id, respondent_id, statement_key, level, evidence)
           SELECT $1, $2, u.statement_key, u.level, u.evidence FROM unnest($3::text[], $4::int[], $5::text[]) AS u(statement_key, level, evidence)
           ON CONFLICT (assessment_id, respondent_id, statement_key) DO UPDATE
              SET level = EXCLUDED.level, updated_at = now()${keepNote ? '' : ', evidence = EXCLUDED.evidence'}`,
          [input.assessmentId, user.id, rows.map((x) => x.statementKey), rows.map((x) => x.level), rows.map((x) => x.evidence ?? null)],
        );
      }
      return (await this.findById(input.assessmentId, tx))!;
    });
  }

  /**
   * Completes an assessment: only its lead or an admin, only with the version they read
   * (CONFLICT otherwise), and only once at least one respondent has answered every statement.
   * The evidence indicators are measured now and kept with it, so it can be compared later.
   */
  async complete(user: AuthUser, id: string, version: number): Promise<Assessment> {
    assertUuid(id, 'id');
    return this.db.transaction(async (tx) => {
      const before = await this.findById(id, tx);
      if (!before) throw notFound('Assessment', id);
      if (!leadsOrAdmin(user, before)) throw forbidden('Only the lead of this assessment or an admin can complete it');
      if (before.status === AssessmentStatus.completed) throw conflict('The assessment is already completed');
      const framework = await tx.getRepository(AssessmentFramework).findOneByOrFail({ id: before.frameworkId });
      const keys = statementKeys(framework.content);
      const [full] = await tx.query(
        `SELECT respondent_id FROM assessment_answers WHERE assessment_id = $1 AND statement_key = ANY($2) GROUP BY respondent_id HAVING count(*) = $3 LIMIT 1`,
        [id, keys, keys.length]);
      if (!full) throw badField('id', 'At least one respondent must answer every statement before the assessment can be completed');
      const asOf = today();
      const indicators = await measureEvidence(tx, { departmentId: before.departmentId, asOf, visibleDepartments: visibleParam(user) });
      return versionedUpdate(tx, Assessment, 'Assessment', id, version, {
        status: AssessmentStatus.completed, completedAt: () => 'now()', evidence: { asOf, indicators },
      });
    });
  }

  /** Assessments by id, oldest first (up to six), with their frameworks and answers: what the comparison needs. */
  async forComparison(ids: string[]): Promise<Array<{ assessment: Assessment; framework: AssessmentFramework; answers: AssessmentAnswer[] }>> {
    const unique = [...new Set(ids)];
    if (!unique.length || unique.length > 6) throw badField('ids', 'ids must name one to six assessments');
    unique.forEach((id) => assertUuid(id, 'ids'));
    const assessments = await this.db.getRepository(Assessment).find({ where: { id: In(unique) }, order: { startedAt: 'ASC', id: 'ASC' } });
    if (assessments.length !== unique.length) throw badField('ids', 'ids must be existing assessments');
    const [frameworks, answers] = await Promise.all([
      this.db.getRepository(AssessmentFramework).find({ where: { id: In(assessments.map((a) => a.frameworkId)) } }),
      this.db.getRepository(AssessmentAnswer).find({ where: { assessmentId: In(unique) } }),
    ]);
    return assessments.map((assessment) => ({
      assessment, framework: frameworks.find((f) => f.id === assessment.frameworkId)!, answers: answers.filter((a) => a.assessmentId === assessment.id),
    }));
  }
}
