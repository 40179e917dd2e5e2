import { ResolveField, Resolver } from '@nestjs/graphql';
import { GqlContext } from '../../common/graphql/context';
import { Department } from '../department/department.entity';
import { Task } from '../task/task.entity';
import { User } from '../user/user.entity';
import { AssessmentAction } from './assessment-action.entity';
import { AssessmentAnswer } from './assessment-answer.entity';
import { AssessmentFramework } from './assessment-framework.entity';
import { Assessment } from './assessment.entity';
import { AssessmentStatus } from './assessment.enums';
import { today } from './assessment.loaders';
import { statementKeys } from './framework/framework-content';
import { toFramework } from './framework.service';
import { Framework } from './models/framework.model';
import { AssessmentProgress, AssessmentRespondent, AssessmentResults, DimensionLevel } from './models/results.model';
import { buildResults, dimensionLevels, progressOf } from './results';

/** An assessment's framework, answers, results and action plan, every one batched through the request's loaders. */
@Resolver(() => Assessment)
export class AssessmentFieldsResolver {
  private async framework(a: Assessment, ctx: GqlContext): Promise<AssessmentFramework> {
    return (await ctx.loaders.assessment.frameworkById.load(a.frameworkId))!;
  }

  @ResolveField(() => Framework, { name: 'framework', description: 'The framework version it is answered against' })
  async frameworkVersion(a: Assessment, _args: unknown, ctx: GqlContext): Promise<Framework> {
    return toFramework(await this.framework(a, ctx));
  }

  @ResolveField(() => Department, { nullable: true })
  department(a: Assessment, _args: unknown, ctx: GqlContext): Promise<Department | null> | null {
    return a.departmentId ? ctx.loaders.departmentById('Assessment.department').load(a.departmentId) : null;
  }

  @ResolveField(() => User, { nullable: true })
  lead(a: Assessment, _args: unknown, ctx: GqlContext): Promise<User | null> {
    return ctx.loaders.userById('Assessment.lead').load(a.leadId);
  }

  @ResolveField(() => [AssessmentRespondent], { description: 'Everyone who has answered, with how far they got' })
  async respondents(a: Assessment, _args: unknown, ctx: GqlContext): Promise<AssessmentRespondent[]> {
    const [framework, answers] = await Promise.all([this.framework(a, ctx), ctx.loaders.assessment.answersByAssessment.load(a.id)]);
    const total = statementKeys(framework.content).length;
    const byRespondent = new Map<string, AssessmentAnswer[]>();
    for (const answer of answers) byRespondent.set(answer.respondentId, [...(byRespondent.get(answer.respondentId) ?? []), answer]);
    return Promise.all([...byRespondent].map(async ([userId, mine]) => ({
      user: (await ctx.loaders.userById('Assessment.respondents').load(userId))!,
      answered: mine.length, total, complete: mine.length >= total,
      lastAnsweredAt: new Date(Math.max(...mine.map((m) => m.updatedAt.getTime()))),
    })));
  }

  @ResolveField(() => [AssessmentAnswer], { description: 'Your answers so far (to resume where you left off)' })
  async myAnswers(a: Assessment, _args: unknown, ctx: GqlContext): Promise<AssessmentAnswer[]> {
    return (await ctx.loaders.assessment.answersByAssessment.load(a.id)).filter((x) => x.respondentId === ctx.req.user.id);
  }

  @ResolveField(() => AssessmentProgress, { description: 'Your progress, per section and dimension' })
  async myProgress(a: Assessment, _args: unknown, ctx: GqlContext): Promise<AssessmentProgress> {
    const [framework, mine] = await Promise.all([this.framework(a, ctx), this.myAnswers(a, undefined, ctx)]);
    return progressOf(framework.content, new Set(mine.map((m) => m.statementKey)));
  }

  @ResolveField(() => AssessmentResults, { description: 'Levels from all answers so far (final once completed), with the evidence from the CRM' })
  async results(a: Assessment, _args: unknown, ctx: GqlContext): Promise<AssessmentResults> {
    const [framework, answers] = await Promise.all([this.framework(a, ctx), ctx.loaders.assessment.answersByAssessment.load(a.id)]);
    // A completed assessment keeps the evidence measured when it was completed; one in progress is measured today.
    const evidence = a.status === AssessmentStatus.completed && a.evidence
      ? a.evidence
      : { asOf: today(), indicators: await ctx.loaders.assessment.liveEvidence.load(a.departmentId ?? '') };
    return buildResults(framework.content, answers, evidence.indicators, evidence.asOf);
  }

  @ResolveField(() => [DimensionLevel], { description: 'Score and level per dimension: overlay several assessments on one radar chart' })
  async dimensionLevels(a: Assessment, _args: unknown, ctx: GqlContext): Promise<DimensionLevel[]> {
    const [framework, answers] = await Promise.all([this.framework(a, ctx), ctx.loaders.assessment.answersByAssessment.load(a.id)]);
    return dimensionLevels(framework.content, answers);
  }

  @ResolveField(() => [AssessmentAction], { description: 'The action plan, oldest first' })
  actions(a: Assessment, _args: unknown, ctx: GqlContext): Promise<AssessmentAction[]> {
    return ctx.loaders.assessment.actionsByAssessment.load(a.id);
  }
}

@Resolver(() => AssessmentAction)
export class AssessmentActionFieldsResolver {
  @ResolveField(() => User, { nullable: true })
  owner(a: AssessmentAction, _args: unknown, ctx: GqlContext): Promise<User | null> | null {
    return a.ownerId ? ctx.loaders.userById('AssessmentAction.owner').load(a.ownerId) : null;
  }

  @ResolveField(() => Task, { nullable: true, description: 'The task it became (null when confidential to another department)' })
  task(a: AssessmentAction, _args: unknown, ctx: GqlContext): Promise<Task | null> | null {
    return a.taskId ? ctx.loaders.assessment.taskById.load(a.taskId) : null;
  }
}
