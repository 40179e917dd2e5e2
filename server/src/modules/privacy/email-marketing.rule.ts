import { ConsentChannel, LawfulBasis } from '../contact/contact.enums';
import { LegalForm } from '../organisation/organisation.enums';

/** Legal forms whose people PECR treats as individual subscribers, not corporate ones. */
export const INDIVIDUAL_LEGAL_FORMS: ReadonlySet<LegalForm> = new Set([LegalForm.sole_trader, LegalForm.partnership]);
/** A consent is for marketing when its purpose says so ("marketing", "newsletter", "promotions"). */
export const MARKETING_PURPOSE = /market|newsletter|promot/i;

export interface EmailMarketingFacts {
  emails: string[];
  erased: boolean;
  lawfulBasis: LawfulBasis | null;
  /** Legal forms of the organisations of their current affiliations (null: not recorded). */
  currentLegalForms: Array<LegalForm | null>;
  consents: Array<{ purpose: string; channel: ConsentChannel; withdrawnAt: Date | null }>;
}

export interface EmailMarketingAnswer {
  allowed: boolean;
  individual: boolean;
  reason: string;
}

/**
 * The one place that says whether a person may be sent marketing by email. PECR regulation 22:
 * individual subscribers (people, sole traders, partnerships that are not LLPs) need consent for
 * email marketing; at a corporate subscriber (a company, LLP, public body…) UK GDPR still needs a
 * lawful basis and any objection (a withdrawn marketing consent) is honoured. A person with no
 * current organisation cannot be shown to be at a corporate subscriber, so is treated as an individual.
 */
export function emailMarketingRule(facts: EmailMarketingFacts): EmailMarketingAnswer {
  const individualForm = facts.currentLegalForms.find((f): f is LegalForm => !!f && INDIVIDUAL_LEGAL_FORMS.has(f));
  const individual = !!individualForm || facts.currentLegalForms.length === 0;
  const answer = (allowed: boolean, reason: string) => ({ allowed, individual, reason });
  if (facts.erased) return answer(false, 'This person was erased.');
  if (!facts.emails.length) return answer(false, 'No email address is recorded.');
  const marketingByEmail = facts.consents.filter((c) => c.channel === ConsentChannel.email && MARKETING_PURPOSE.test(c.purpose));
  const live = marketingByEmail.some((c) => !c.withdrawnAt);
  const withdrawn = !live && marketingByEmail.some((c) => c.withdrawnAt);
  if (live) return answer(true, 'They consented to marketing by email.');
  if (withdrawn) return answer(false, 'They withdrew their consent to marketing by email.');
  if (individual) {
    const who = individualForm === LegalForm.sole_trader ? 'a sole trader' : individualForm === LegalForm.partnership ? 'a partnership that is not an LLP' : 'not at an organisation now';
    return answer(false, `They count as an individual under PECR (${who}): email marketing needs their consent for marketing by email.`);
  }
  if (facts.lawfulBasis === LawfulBasis.legitimate_interests) return answer(true, 'Corporate subscriber with legitimate interests as the lawful basis; they have not objected.');
  return answer(false, 'Corporate subscriber, but no consent for marketing by email and the lawful basis is not legitimate interests.');
}
