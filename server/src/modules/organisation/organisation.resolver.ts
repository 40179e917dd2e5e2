import { Args, Context, ID, Int, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, READERS, Roles, WRITERS } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { GqlContext } from '../../common/graphql/context';
import { User } from '../user/user.entity';
import { CreateOrganisationInput, UpdateOrganisationInput } from './dto/organisation.input';
import { OrganisationsArgs } from './dto/organisations.args';
import { Organisation } from './organisation.entity';
import { OrganisationConnection } from './models/organisation-connection.model';
import { OrganisationService } from './organisation.service';

@Resolver(() => Organisation)
export class OrganisationResolver {
  constructor(private readonly organisations: OrganisationService) {}

  @Query(() => OrganisationConnection, {
    name: "organisations",
    complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25),
  })
  @Roles(...READERS)
  listOrganisations(@CurrentUser() user: AuthUser, @Args() args: OrganisationsArgs): Promise<Connection<Organisation>> {
    return this.organisations.list(user, args);
  }

  @Query(() => Organisation, { nullable: true })
  @Roles(...READERS)
  async organisation(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Context() ctx: GqlContext): Promise<Organisation | null> {
    const organisation = await this.organisations.findById(user, id);
    // What organisationById would read for this user: visible to them, and live (it never gives an archived one).
    if (organisation && !organisation.deletedAt) ctx.loaders.organisationById.prime(organisation.id, organisation);
    return organisation;
  }

  @Mutation(() => Organisation)
  @Roles(...WRITERS)
  createOrganisation(@CurrentUser() user: AuthUser, @Args('input') input: CreateOrganisationInput): Promise<Organisation> {
    return this.organisations.create(user, input);
  }

  @Mutation(() => Organisation, { description: 'Refused with CONFLICT when version is not the current one' })
  @Roles(...WRITERS)
  updateOrganisation(
    @CurrentUser() user: AuthUser,
    @Args('id', { type: () => ID }) id: string,
    @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateOrganisationInput,
  ): Promise<Organisation> {
    return this.organisations.update(user, id, version, input);
  }

  @Mutation(() => Organisation, { description: 'Soft delete: hidden from lists, restorable by an admin' })
  @Roles(...WRITERS)
  archiveOrganisation(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Organisation> {
    return this.organisations.archive(user, id);
  }

  @Mutation(() => Organisation)
  @Roles(...ADMINS)
  restoreOrganisation(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Organisation> {
    return this.organisations.restore(user, id);
  }

  @ResolveField(() => User, { nullable: true, description: 'The account manager' })
  owner(organisation: Organisation, _args: unknown, ctx: GqlContext): Promise<User | null> | null {
    return organisation.ownerId ? ctx.loaders.userById('Organisation.owner').load(organisation.ownerId) : null;
  }
}
