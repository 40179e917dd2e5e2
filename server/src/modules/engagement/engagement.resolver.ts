import { Args, Context, ID, Int, Mutation, ObjectType, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { READERS, Roles, WRITERS } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { GqlContext } from '../../common/graphql/context';
import { AuditEvent } from '../audit/audit-event.entity';
import { Contact } from '../contact/contact.entity';
import { Department } from '../department/department.entity';
import { Organisation } from '../organisation/organisation.entity';
import { User } from '../user/user.entity';
import { EngagementsArgs, LogEngagementInput, UpdateEngagementInput } from './dto/engagement.input';
import { Engagement } from './engagement.entity';
import { EngagementService } from './engagement.service';

@ObjectType()
export class EngagementConnection extends Connection(Engagement) {}

@Resolver(() => Engagement)
export class EngagementResolver {
  constructor(private readonly engagements: EngagementService) {}

  @Query(() => EngagementConnection, { name: 'engagements', description: 'Newest first', complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25) })
  @Roles(...READERS)
  listEngagements(@CurrentUser() user: AuthUser, @Args() args: EngagementsArgs): Promise<Connection<Engagement>> {
    return this.engagements.list(user, args);
  }

  @Query(() => Engagement, { nullable: true })
  @Roles(...READERS)
  engagement(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Engagement | null> {
    return this.engagements.findById(user, id);
  }

  @Mutation(() => Engagement)
  @Roles(...WRITERS)
  async logEngagement(@CurrentUser() user: AuthUser, @Args('input') input: LogEngagementInput, @Context() ctx: GqlContext): Promise<Engagement> {
    const logged = await this.engagements.log(user, input);
    // Logged with nobody present: its contacts are known to be none, so the reply needs no query for them.
    if (!input.contactIds?.length) ctx.loaders.contactsByEngagement.prime(logged.id, []);
    return logged;
  }

  @Mutation(() => Engagement, { description: 'Refused with CONFLICT when version is not the current one' })
  @Roles(...WRITERS)
  updateEngagement(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateEngagementInput): Promise<Engagement> {
    return this.engagements.update(user, id, version, input);
  }

  @Mutation(() => Engagement)
  @Roles(...WRITERS)
  archiveEngagement(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Engagement> {
    return this.engagements.archive(user, id);
  }

  @ResolveField(() => Organisation, { nullable: true })
  organisation(e: Engagement, _args: unknown, ctx: GqlContext): Promise<Organisation | null> | null {
    return e.organisationId ? ctx.loaders.organisationById('Engagement.organisation').load(e.organisationId) : null;
  }

  @ResolveField(() => Department, { nullable: true })
  department(e: Engagement, _args: unknown, ctx: GqlContext): Promise<Department | null> {
    return ctx.loaders.departmentById('Engagement.department').load(e.departmentId);
  }

  @ResolveField(() => [Contact], { description: 'People present' })
  contacts(e: Engagement, _args: unknown, ctx: GqlContext): Promise<Contact[]> {
    return ctx.loaders.contactsByEngagement.load(e.id);
  }

  @ResolveField(() => [User], { description: 'Staff present' })
  staff(e: Engagement, _args: unknown, ctx: GqlContext): Promise<User[]> {
    return ctx.loaders.staffByEngagement.load(e.id);
  }

  @ResolveField(() => User, { nullable: true, description: 'Who logged it' })
  loggedBy(e: Engagement, _args: unknown, ctx: GqlContext): Promise<User | null> | null {
    return e.createdBy ? ctx.loaders.userById('Engagement.loggedBy').load(e.createdBy) : null;
  }

  @ResolveField(() => [AuditEvent], { description: 'Every change, newest first' })
  history(e: Engagement, _args: unknown, ctx: GqlContext): Promise<AuditEvent[]> {
    return ctx.loaders.history.load(`engagement:${e.id}`);
  }
}
