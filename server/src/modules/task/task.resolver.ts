import { Args, ID, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { READERS, Roles, WRITERS } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { GqlContext } from '../../common/graphql/context';
import { AuditEvent } from '../audit/audit-event.entity';
import { Contact } from '../contact/contact.entity';
import { Organisation } from '../organisation/organisation.entity';
import { User } from '../user/user.entity';
import { CreateTaskInput, MyTasksArgs, UpdateTaskInput } from './dto/task.input';
import { Task } from './task.entity';
import { TaskService } from './task.service';

@ObjectType()
export class TaskConnection extends Connection(Task) {}

@Resolver(() => Task)
export class TaskResolver {
  constructor(private readonly tasks: TaskService) {}

  @Query(() => TaskConnection, { description: 'Your tasks, soonest due first (open ones unless statuses say otherwise)' })
  @Roles(...READERS)
  myTasks(@CurrentUser() user: AuthUser, @Args() args: MyTasksArgs): Promise<Connection<Task>> {
    return this.tasks.mine(user, args);
  }

  @Query(() => Task, { nullable: true })
  @Roles(...READERS)
  task(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Task | null> {
    return this.tasks.findById(user, id);
  }

  @Mutation(() => Task)
  @Roles(...WRITERS)
  createTask(@CurrentUser() user: AuthUser, @Args('input') input: CreateTaskInput): Promise<Task> {
    return this.tasks.create(user, input);
  }

  @Mutation(() => Task, { description: 'Refused with CONFLICT when version is not the current one' })
  @Roles(...WRITERS)
  updateTask(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateTaskInput): Promise<Task> {
    return this.tasks.update(user, id, version, input);
  }

  @Mutation(() => Task)
  @Roles(...WRITERS)
  completeTask(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number): Promise<Task> {
    return this.tasks.complete(user, id, version);
  }

  @ResolveField(() => User, { nullable: true })
  assignee(t: Task, _args: unknown, ctx: GqlContext): Promise<User | null> {
    return ctx.loaders.userById('Task.assignee').load(t.assigneeId);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(t: Task, _args: unknown, ctx: GqlContext): Promise<Organisation | null> | null {
    return t.organisationId ? ctx.loaders.organisationById('Task.organisation').load(t.organisationId) : null;
  }

  @ResolveField(() => Contact, { nullable: true })
  contact(t: Task, _args: unknown, ctx: GqlContext): Promise<Contact | null> | null {
    return t.contactId ? ctx.loaders.contactById('Task.contact').load(t.contactId) : null;
  }

  @ResolveField(() => [AuditEvent])
  history(t: Task, _args: unknown, ctx: GqlContext): Promise<AuditEvent[]> {
    return ctx.loaders.history.load(`task:${t.id}`);
  }
}
