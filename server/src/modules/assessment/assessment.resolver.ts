import { Args, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { MANAGERS, READERS, Roles, WRITERS } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { Assessment } from './assessment.entity';
import { AssessmentService } from './assessment.service';
import { AnswerAssessmentInput, AssessmentsArgs, StartAssessmentInput } from './dto/assessment.input';
import { AssessmentComparison } from './models/comparison.model';
import { compareDimensions, dimensionLevels } from './results';

@ObjectType()
export class AssessmentConnection extends Connection(Assessment) {}

@Resolver(() => Assessment)
export class AssessmentResolver {
  constructor(private readonly service: AssessmentService) {}

  @Query(() => AssessmentConnection, {
    description: 'Newest first. Every signed-in user sees every assessment: they are about the CRM, not confidential records',
    complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25),
  })
  @Roles(...READERS)
  assessments(@Args() args: AssessmentsArgs): Promise<Connection<Assessment>> {
    return this.service.list(args);
  }

  @Query(() => Assessment, { nullable: true })
  @Roles(...READERS)
  assessment(@Args('id', { type: () => ID }) id: string): Promise<Assessment | null> {
    return this.service.findById(id);
  }

  @Query(() => AssessmentComparison, { description: 'One to six assessments side by side, oldest first, dimensions matched by key' })
  @Roles(...READERS)
  async compareAssessments(@Args('ids', { type: () => [ID] }) ids: string[]): Promise<AssessmentComparison> {
    const items = await this.service.forComparison(ids);
    return {
      assessments: items.map((i) => i.assessment),
      dimensions: compareDimensions(items.map((i) => ({ id: i.assessment.id, levels: dimensionLevels(i.framework.content, i.answers) }))),
    };
  }

  @Mutation(() => Assessment, { description: 'Starts an assessment of the institution, or of one department, against the current framework; you lead it' })
  @Roles(...MANAGERS)
  startAssessment(@CurrentUser() user: AuthUser, @Args('input') input: StartAssessmentInput): Promise<Assessment> {
    return this.service.start(user, input);
  }

  @Mutation(() => Assessment, { description: 'Saves your answers while the assessment is in progress (an answer given again replaces the earlier one)' })
  @Roles(...WRITERS)
  answerAssessment(@CurrentUser() user: AuthUser, @Args('input') input: AnswerAssessmentInput): Promise<Assessment> {
    return this.service.answer(user, input);
  }

  @Mutation(() => Assessment, { description: 'Lead or admin; needs one respondent with every statement answered; CONFLICT when version is stale' })
  @Roles(...WRITERS)
  completeAssessment(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number): Promise<Assessment> {
    return this.service.complete(user, id, version);
  }
}
