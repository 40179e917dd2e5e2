import { Args, Context, ID, Int, Mutation, ObjectType, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { AuthUser, CurrentUser } from '../../common/auth/auth-user';
import { READERS, Roles, WRITERS } from '../../common/auth/roles';
import { Connection } from '../../common/database/connection';
import { GqlContext } from '../../common/graphql/context';
import { AuditEvent } from '../audit/audit-event.entity';
import { EngagementsArgs } from '../engagement/dto/engagement.input';
import { EngagementConnection } from '../engagement/engagement.resolver';
import { Engagement } from '../engagement/engagement.entity';
import { Organisation } from '../organisation/organisation.entity';
import { Task } from '../task/task.entity';
import { User } from '../user/user.entity';
import { Affiliation } from './affiliation.entity';
import { ConsentRecord } from './consent-record.entity';
import { Contact } from './contact.entity';
import { ContactService } from './contact.service';
import { AffiliationInput, ConsentInput, ContactsArgs, CreateContactInput, UpdateAffiliationInput, UpdateContactInput } from './dto/contact.input';

@ObjectType()
export class ContactConnection extends Connection(Contact) {}

@Resolver(() => Contact)
export class ContactResolver {
  constructor(private readonly contacts: ContactService) {}

  @Query(() => ContactConnection, { name: 'contacts', complexity: ({ args, childComplexity }) => 1 + childComplexity * (args.first ?? 25) })
  @Roles(...READERS)
  listContacts(@CurrentUser() user: AuthUser, @Args() args: ContactsArgs): Promise<Connection<Contact>> {
    return this.contacts.list(user, args);
  }

  @Query(() => Contact, { nullable: true })
  @Roles(...READERS)
  contact(@Args('id', { type: () => ID }) id: string): Promise<Contact | null> {
    return this.contacts.findById(id);
  }

  @Mutation(() => Contact)
  @Roles(...WRITERS)
  createContact(@CurrentUser() user: AuthUser, @Args('input') input: CreateContactInput): Promise<Contact> {
    return this.contacts.create(user, input);
  }

  @Mutation(() => Contact, { description: 'Refused with CONFLICT when version is not the current one' })
  @Roles(...WRITERS)
  updateContact(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateContactInput): Promise<Contact> {
    return this.contacts.update(user, id, version, input);
  }

  @Mutation(() => Contact)
  @Roles(...WRITERS)
  archiveContact(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<Contact> {
    return this.contacts.archive(user, id);
  }

  @Mutation(() => Affiliation, { description: 'Link a contact to an organisation (e.g. a new employer)' })
  @Roles(...WRITERS)
  addAffiliation(@CurrentUser() user: AuthUser, @Args('input') input: AffiliationInput): Promise<Affiliation> {
    return this.contacts.addAffiliation(user, input);
  }

  @Mutation(() => Affiliation, { description: 'Change a role or end it (toDate) when someone moves on; history is kept' })
  @Roles(...WRITERS)
  updateAffiliation(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string, @Args('version', { type: () => Int }) version: number,
    @Args('input') input: UpdateAffiliationInput): Promise<Affiliation> {
    return this.contacts.updateAffiliation(user, id, version, input);
  }

  @Mutation(() => ConsentRecord)
  @Roles(...WRITERS)
  recordConsent(@CurrentUser() user: AuthUser, @Args('input') input: ConsentInput): Promise<ConsentRecord> {
    return this.contacts.recordConsent(user, input);
  }

  @Mutation(() => ConsentRecord)
  @Roles(...WRITERS)
  withdrawConsent(@CurrentUser() user: AuthUser, @Args('id', { type: () => ID }) id: string): Promise<ConsentRecord> {
    return this.contacts.withdrawConsent(user, id);
  }

  @ResolveField(() => [Affiliation], { description: 'Current first, then past: where this person has worked' })
  affiliations(contact: Contact, _args: unknown, ctx: GqlContext): Promise<Affiliation[]> {
    return ctx.loaders.affiliationsByContact.load(contact.id);
  }

  @ResolveField(() => EngagementConnection, { description: 'Engagements this person was at, newest first' })
  engagements(@Parent() contact: Contact, @Args() args: EngagementsArgs, @Context() ctx: GqlContext): Promise<Connection<Engagement>> {
    return ctx.loaders.timeline('contact', args).load(contact.id);
  }

  @ResolveField(() => [Task], { description: 'Open tasks about this person' })
  openTasks(contact: Contact, _args: unknown, ctx: GqlContext): Promise<Task[]> {
    return ctx.loaders.tasksByContact.load(contact.id);
  }

  @ResolveField(() => [ConsentRecord])
  consents(contact: Contact, _args: unknown, ctx: GqlContext): Promise<ConsentRecord[]> {
    return ctx.loaders.consentsByContact.load(contact.id);
  }

  @ResolveField(() => User, { nullable: true })
  owner(contact: Contact, _args: unknown, ctx: GqlContext): Promise<User | null> | null {
    return contact.ownerId ? ctx.loaders.userById('Contact.owner').load(contact.ownerId) : null;
  }

  @ResolveField(() => [AuditEvent], { description: 'Every change, newest first' })
  history(contact: Contact, _args: unknown, ctx: GqlContext): Promise<AuditEvent[]> {
    return ctx.loaders.history.load(`contact:${contact.id}`);
  }
}

@Resolver(() => Affiliation)
export class AffiliationResolver {
  @ResolveField(() => Contact, { nullable: true })
  contact(a: Affiliation, _args: unknown, ctx: GqlContext): Contact | Promise<Contact | null> {
    return a.contact ?? ctx.loaders.contactById('Affiliation.contact').load(a.contactId);
  }

  @ResolveField(() => Organisation, { nullable: true, description: 'Null when it is confidential to another department' })
  organisation(a: Affiliation, _args: unknown, ctx: GqlContext): Organisation | Promise<Organisation | null> {
    return a.organisation ?? ctx.loaders.organisationById('Affiliation.organisation').load(a.organisationId);
  }
}
