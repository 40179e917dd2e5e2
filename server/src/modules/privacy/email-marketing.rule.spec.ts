import { ConsentChannel, LawfulBasis } from '../contact/contact.enums';
import { LegalForm } from '../organisation/organisation.enums';
import { emailMarketingRule, EmailMarketingFacts } from './email-marketing.rule';

const facts = (over: Partial<EmailMarketingFacts> = {}): EmailMarketingFacts => ({
  emails: ['jo@example.co.uk'], erased: false, lawfulBasis: LawfulBasis.legitimate_interests, currentLegalForms: [LegalForm.limited_company], consents: [], ...over,
});
const consent = (purpose: string, channel: ConsentChannel, withdrawnAt: Date | null = null) => ({ purpose, channel, withdrawnAt });

describe(emailMarketingRule.name, () => {
  it('should allow a company contact on legitimate interests who has not objected', () => {
    expect(emailMarketingRule(facts())).toEqual({ allowed: true, individual: false, reason: expect.stringMatching(/legitimate interests/) });
  });

  it('should treat a sole trader as an individual: no email marketing without consent', () => {
    const answer = emailMarketingRule(facts({ currentLegalForms: [LegalForm.sole_trader] }));
    expect(answer).toEqual({ allowed: false, individual: true, reason: expect.stringMatching(/sole trader/) });
  });

  it('should treat a partnership that is not an LLP as an individual, but not an LLP', () => {
    expect(emailMarketingRule(facts({ currentLegalForms: [LegalForm.partnership] })).individual).toBe(true);
    expect(emailMarketingRule(facts({ currentLegalForms: [LegalForm.llp] })).individual).toBe(false);
  });

  it('should allow a sole trader who consented to marketing by email', () => {
    const answer = emailMarketingRule(facts({ currentLegalForms: [LegalForm.sole_trader], consents: [consent('Marketing newsletter', ConsentChannel.email)] }));
    expect(answer).toMatchObject({ allowed: true, individual: true });
  });

  it('should not count a marketing consent by post, or a consent for events, as consent to email marketing', () => {
    const answer = emailMarketingRule(facts({ currentLegalForms: [LegalForm.sole_trader], consents: [consent('marketing', ConsentChannel.post), consent('event updates', ConsentChannel.email)] }));
    expect(answer.allowed).toBe(false);
  });

  it('should honour a withdrawn marketing consent even at a company', () => {
    const answer = emailMarketingRule(facts({ consents: [consent('marketing', ConsentChannel.email, new Date('2026-01-01'))] }));
    expect(answer).toEqual({ allowed: false, individual: false, reason: expect.stringMatching(/withdrew/) });
  });

  it('should treat a person with no current organisation as an individual', () => {
    expect(emailMarketingRule(facts({ currentLegalForms: [] }))).toMatchObject({ allowed: false, individual: true });
  });

  it('should refuse without an email address, and for an erased person', () => {
    expect(emailMarketingRule(facts({ emails: [] })).allowed).toBe(false);
    expect(emailMarketingRule(facts({ erased: true })).reason).toMatch(/erased/);
  });
});
