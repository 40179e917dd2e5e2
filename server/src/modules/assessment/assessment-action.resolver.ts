import { Args, ID, Int, Mutation, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { Roles, WRITERS } from '../../common/auth/roles';
import { AssessmentAction } from './assessment-action.entity';
import { AssessmentActionService } from './assessment-action.service';
import { AddAssessmentActionInput, UpdateAssessmentActionInput } from './dto/assessment.input';

/** The action plan; the service allows the assessment's lead, managers and admins. */
@Resolver(() => AssessmentAction)
export class AssessmentActionResolver {
  constructor(private readonly actions: AssessmentActionService) {}

  @Mutation(() => AssessmentAction)
  @Roles(...WRITERS)
  addAssessmentAction(@CurrentUser() user: AuthUser, @Args('input') input: AddAssessmentActionInput): Promise<AssessmentAction> {
    return this.actions.add(user, input);
  }

  @Mutation(() => AssessmentAction, { description: 'Refused with CONFLICT when version is not the current one' })
  @Roles(...WRITERS)
  updateAssessmentAction(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateAssessmentActionInput): Promise<AssessmentAction> {
    return this.actions.update(user, id, version, input);
  }

  @Mutation(() => AssessmentAction, { description: 'Creates a task for the assignee, due on dueOn (ISO date), and links it to the action' })
  @Roles(...WRITERS)
  createTaskFromAction(@CurrentUser() user: AuthUser, @Args('actionId', { type: () => ID }) actionId: string,
    @Args('assigneeId', { type: () => ID }) assigneeId: string, @Args('dueOn') dueOn: string): Promise<AssessmentAction> {
    return this.actions.createTask(user, actionId, assigneeId, dueOn);
  }
}
