import { Args, Mutation, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { READERS, Roles, WRITERS } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { GqlContext } from '../../common/graphql/context';
import { Contact } from '../contact/contact.entity';
import { Organisation } from '../organisation/organisation.entity';
import { DuplicateCandidate, DuplicateCandidateConnection, DuplicateKind, DuplicateScan } from './duplicate.model';
import { DuplicatesService } from './duplicates.service';
import { ContactDuplicatesArgs, DismissDuplicateArgs, OrganisationDuplicatesArgs } from './dto/duplicates.args';

const complexity = ({ args, childComplexity }: { args: { first?: number }; childComplexity: number }) => 1 + childComplexity * (args.first ?? 25);

@Resolver(() => DuplicateCandidate)
export class DuplicatesResolver {
  constructor(private readonly duplicates: DuplicatesService) {}

  @Query(() => DuplicateCandidateConnection, { description: 'Pairs of live organisations that may be one, most likely first. The list is kept by a background scan (see duplicateScan); with organisationId the pairs are computed live', complexity })
  @Roles(...READERS)
  organisationDuplicates(@CurrentUser() user: AuthUser, @Args() args: OrganisationDuplicatesArgs): Promise<Connection<DuplicateCandidate>> {
    return this.duplicates.organisations(user, args, args.organisationId ?? null);
  }

  @Query(() => DuplicateScan, { description: 'How current organisationDuplicates is: organisations still to check after an import or edits' })
  @Roles(...READERS)
  duplicateScan(): Promise<DuplicateScan> {
    return this.duplicates.scan();
  }

  @Query(() => DuplicateCandidateConnection, { description: 'Pairs of live contacts that may be one person, most likely first', complexity })
  @Roles(...READERS)
  contactDuplicates(@CurrentUser() user: AuthUser, @Args() args: ContactDuplicatesArgs): Promise<Connection<DuplicateCandidate>> {
    return this.duplicates.contacts(user, args, args.contactId ?? null);
  }

  @Mutation(() => Boolean, { description: '"Not a duplicate": the pair stops appearing in the duplicates lists' })
  @Roles(...WRITERS)
  dismissDuplicate(@CurrentUser() user: AuthUser, @Args() args: DismissDuplicateArgs): Promise<boolean> {
    return this.duplicates.dismiss(user, args.kind, args.aId, args.bId);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'Organisation pairs only' })
  organisationA(pair: DuplicateCandidate, _args: unknown, ctx: GqlContext) {
    return this.organisation(pair, pair.aId, ctx, 'DuplicateCandidate.organisationA');
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'Organisation pairs only' })
  organisationB(pair: DuplicateCandidate, _args: unknown, ctx: GqlContext) {
    return this.organisation(pair, pair.bId, ctx, 'DuplicateCandidate.organisationB');
  }

  @ResolveField(() => Contact, { nullable: true, description: 'Contact pairs only' })
  contactA(pair: DuplicateCandidate, _args: unknown, ctx: GqlContext) {
    return pair.kind === DuplicateKind.contact ? ctx.loaders.contactById('DuplicateCandidate.contactA').load(pair.aId) : null;
  }

  @ResolveField(() => Contact, { nullable: true, description: 'Contact pairs only' })
  contactB(pair: DuplicateCandidate, _args: unknown, ctx: GqlContext) {
    return pair.kind === DuplicateKind.contact ? ctx.loaders.contactById('DuplicateCandidate.contactB').load(pair.bId) : null;
  }

  private organisation(pair: DuplicateCandidate, id: string, ctx: GqlContext, label: string): Promise<Organisation | null> | null {
    return pair.kind === DuplicateKind.organisation ? ctx.loaders.organisationById(label).load(id) : null;
  }
}
