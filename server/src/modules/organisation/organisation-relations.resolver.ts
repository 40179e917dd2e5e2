import { Args, Context, Field, ID, Info, Int, ObjectType, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { GraphQLResolveInfo } from 'graphql';
import { Connection } from '../../common/database/connection';
import { DepartmentActivity } from '../../common/dataloader/loaders';
import { GqlContext } from '../../common/graphql/context';
import { selectsField } from '../../common/graphql/selection';
import { AuditEvent } from '../audit/audit-event.entity';
import { Affiliation } from '../contact/affiliation.entity';
import { OrganisationPeopleArgs } from '../contact/dto/organisation-people.args';
import { AffiliationConnection } from '../contact/models/affiliation-connection.model';
import { Department } from '../department/department.entity';
import { EngagementsArgs } from '../engagement/dto/engagement.input';
import { Engagement } from '../engagement/engagement.entity';
import { EngagementConnection } from '../engagement/engagement.resolver';
import { OrganisationOpportunitiesArgs } from '../opportunity/dto/opportunities.args';
import { OpportunityConnection } from '../opportunity/models/opportunity-connection.model';
import { Opportunity } from '../opportunity/opportunity.entity';
import { Task } from '../task/task.entity';
import { SicActivityModel } from './models/sic-activity.model';
import { Organisation } from './organisation.entity';
import { sicActivity } from './sic/sic-2007';

/** Each affiliation's organisation is this one, already found visible: no lookup per person. */
const reachedFrom = (o: Organisation, affiliations: Affiliation[]) => affiliations.map((a) => Object.assign(a, { organisation: o }));

@ObjectType({ description: 'A department that has engaged the organisation, and when it last did' })
export class DepartmentInvolvement {
  @Field(() => ID) departmentId!: string;
  @Field() lastEngagedOn!: string;
  @Field(() => Int) engagementCount!: number;
}

/** The unified relationship view: everything the institution does with an organisation, every field batched. */
@Resolver(() => Organisation)
export class OrganisationRelationsResolver {
  @ResolveField(() => [SicActivityModel], { description: 'What its SIC codes mean, from the SIC 2007 list, main code first' })
  sicActivities(o: Organisation): SicActivityModel[] {
    return (o.sicCodes ?? []).map((code) => sicActivity(code) ?? { code, description: 'not in the SIC 2007 list', section: null });
  }

  @ResolveField(() => [Affiliation], { description: 'People, current first, then past: all of them at once', deprecationReason: 'Use people: paged, key people first, with a search and totalCount' })
  async affiliations(o: Organisation, _args: unknown, ctx: GqlContext): Promise<Affiliation[]> {
    return reachedFrom(o, await ctx.loaders.affiliationsByOrganisation.load(o.id));
  }

  @ResolveField(() => AffiliationConnection, {
    description: 'People (affiliations): current primary ones first, then other current roles, then former; by name, paged',
    complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25),
  })
  async people(@Parent() o: Organisation, @Args() args: OrganisationPeopleArgs, @Context() ctx: GqlContext, @Info() info: GraphQLResolveInfo): Promise<Connection<Affiliation>> {
    const page = await ctx.loaders.peopleByOrganisation({ ...args, count: selectsField(info, 'totalCount') }).load(o.id);
    reachedFrom(o, page.edges.map((e) => e.node));
    return page;
  }

  @ResolveField(() => EngagementConnection, { description: 'The timeline across all departments, newest first' })
  engagements(@Parent() o: Organisation, @Args() args: EngagementsArgs, @Context() ctx: GqlContext): Promise<Connection<Engagement>> {
    return ctx.loaders.timeline('organisation', args).load(o.id);
  }

  @ResolveField(() => OpportunityConnection, { description: 'Its opportunities you may see, newest first' })
  opportunities(@Parent() o: Organisation, @Args() args: OrganisationOpportunitiesArgs, @Context() ctx: GqlContext): Promise<Connection<Opportunity>> {
    return ctx.loaders.opportunitiesByOrganisation(args).load(o.id);
  }

  @ResolveField(() => [Task])
  openTasks(o: Organisation, _args: unknown, ctx: GqlContext): Promise<Task[]> {
    return ctx.loaders.openTasksByOrganisation.load(o.id);
  }

  @ResolveField(() => [DepartmentInvolvement], { description: 'Departments involved, most recent contact first' })
  departmentsInvolved(o: Organisation, _args: unknown, ctx: GqlContext): Promise<DepartmentActivity[]> {
    return ctx.loaders.departmentsInvolved.load(o.id);
  }

  @ResolveField(() => Department, { nullable: true })
  department(o: Organisation, _args: unknown, ctx: GqlContext): Promise<Department | null> | null {
    return o.departmentId ? ctx.loaders.departmentById('Organisation.department').load(o.departmentId) : null;
  }

  @ResolveField(() => [AuditEvent], { description: 'Every change, newest first' })
  history(o: Organisation, _args: unknown, ctx: GqlContext): Promise<AuditEvent[]> {
    return ctx.loaders.history.load(`organisation:${o.id}`);
  }
}

@Resolver(() => DepartmentInvolvement)
export class DepartmentInvolvementResolver {
  @ResolveField(() => Department, { nullable: true })
  department(d: DepartmentInvolvement, _args: unknown, ctx: GqlContext): Promise<Department | null> {
    return ctx.loaders.departmentById('DepartmentInvolvement.department').load(d.departmentId);
  }
}
