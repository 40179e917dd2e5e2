import { Args, Context, ID, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { ADMINS, MANAGERS, READERS, Roles } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { GqlContext } from '../../common/graphql/context';
import { Contact } from '../contact/contact.entity';
import { Organisation } from '../organisation/organisation.entity';
import { User } from '../user/user.entity';
import { MergeActivityArgs, MergeInput, MergesArgs } from './dto/merge.input';
import { CONTACT_MERGE, ORGANISATION_MERGE } from './merge-spec';
import { MergeHistoryService } from './merge-history.service';
import { Merge, MergeActivity, MergeConnection } from './merge.model';
import { MergeService } from './merge.service';

/**
 * Merging is for managers and admins: it rewrites two records and every row around them, so it
 * sits with the people who already see every record (confidential ones included). Undo is for
 * admins only, like restoring an archived record.
 */
@Resolver(() => Merge)
export class MergeResolver {
  constructor(private readonly merging: MergeService, private readonly history: MergeHistoryService) {}

  @Mutation(() => Organisation, { description: 'Merge one organisation into another; returns the survivor. Managers and admins.' })
  @Roles(...MANAGERS)
  async mergeOrganisations(@CurrentUser() user: AuthUser, @Args('input') input: MergeInput, @Context() ctx: GqlContext): Promise<Organisation | null> {
    const id = await this.merging.merge(user, ORGANISATION_MERGE, input);
    return ctx.loaders.organisationById('Mutation.mergeOrganisations').load(id);
  }

  @Mutation(() => Contact, { description: 'Merge one contact into another; returns the survivor. Managers and admins.' })
  @Roles(...MANAGERS)
  async mergeContacts(@CurrentUser() user: AuthUser, @Args('input') input: MergeInput, @Context() ctx: GqlContext): Promise<Contact | null> {
    const id = await this.merging.merge(user, CONTACT_MERGE, input);
    return ctx.loaders.contactById('Mutation.mergeContacts').load(id);
  }

  @Mutation(() => Merge, { description: 'Put a merge back exactly; refused with CONFLICT once the survivor has changed since. Admins.' })
  @Roles(...ADMINS)
  async undoMerge(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Merge> {
    return this.history.byId(await this.merging.undo(user, id));
  }

  @Query(() => MergeConnection, { description: 'Merges, newest first. Managers and admins.', complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25) })
  @Roles(...MANAGERS)
  merges(@Args() args: MergesArgs): Promise<Connection<Merge>> {
    return this.history.history(args);
  }

  @Query(() => MergeActivity, { description: 'What would move with this record if it were merged into another' })
  @Roles(...READERS)
  mergeActivity(@CurrentUser() user: AuthUser, @Args() args: MergeActivityArgs): Promise<MergeActivity> {
    return this.history.activity(user, args.kind, args.id);
  }

  @ResolveField(() => User, { nullable: true })
  mergedBy(merge: Merge, _args: unknown, ctx: GqlContext): Promise<User | null> | null {
    return merge.mergedById ? ctx.loaders.userById('Merge.mergedBy').load(merge.mergedById) : null;
  }

  @ResolveField(() => User, { nullable: true })
  undoneBy(merge: Merge, _args: unknown, ctx: GqlContext): Promise<User | null> | null {
    return merge.undoneById ? ctx.loaders.userById('Merge.undoneBy').load(merge.undoneById) : null;
  }
}
