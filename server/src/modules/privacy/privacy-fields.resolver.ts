import { Int, ResolveField, Resolver } from '@nestjs/graphql';
import { ukToday } from '../../common/dates/uk-dates';
import { GqlContext } from '../../common/graphql/context';
import { Contact } from '../contact/contact.entity';
import { emailMarketingRule } from './email-marketing.rule';
import { EmailMarketing } from './models/privacy.models';
import { SubjectAccessRequest } from './models/subject-access-request.entity';
import { isOverdue } from './subject-access-requests.service';

/** Contact.emailMarketing: the PECR / UK GDPR answer, from their current organisations and consents (batched). */
@Resolver(() => Contact)
export class ContactPrivacyResolver {
  @ResolveField(() => EmailMarketing, { description: 'Whether they may be sent marketing by email, and why' })
  async emailMarketing(contact: Contact, _args: unknown, ctx: GqlContext): Promise<EmailMarketing> {
    const [affiliations, consents] = await Promise.all([ctx.loaders.affiliationsByContact.load(contact.id), ctx.loaders.consentsByContact.load(contact.id)]);
    const organisations = await Promise.all(affiliations.filter((a) => a.current).map((a) => ctx.loaders.organisationById('Contact.emailMarketing').load(a.organisationId)));
    return emailMarketingRule({
      emails: contact.emails, erased: !!contact.erasedAt, lawfulBasis: contact.lawfulBasis, consents,
      currentLegalForms: organisations.map((o) => o?.legalForm ?? null),
    });
  }
}

@Resolver(() => SubjectAccessRequest)
export class SubjectAccessRequestFieldsResolver {
  @ResolveField(() => Contact, { nullable: true })
  contact(r: SubjectAccessRequest, _args: unknown, ctx: GqlContext): Promise<Contact | null> | null {
    return r.contactId ? ctx.loaders.contactById('SubjectAccessRequest.contact').load(r.contactId) : null;
  }

  @ResolveField(() => Boolean, { description: 'Open and past dueOn (UK calendar)' })
  overdue(r: SubjectAccessRequest): boolean {
    return isOverdue(r);
  }

  @ResolveField(() => Int, { description: 'Days from today (UK) to dueOn; negative when overdue' })
  daysLeft(r: SubjectAccessRequest): number {
    const today = ukToday();
    return Math.round((Date.parse(`${r.dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  }
}
