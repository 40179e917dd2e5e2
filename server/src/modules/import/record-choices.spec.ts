import { LawfulBasis } from '../contact/contact.enums';
import { EngagementType } from '../engagement/engagement.enums';
import { OpportunityType } from '../opportunity/opportunity.enums';
import { parseEngagementType, parseLawfulBasis, parseOpportunityType, parseProbability } from './record-choices';

describe('reading contact, engagement and opportunity choices', () => {
  it('reads lawful bases as people write them', () => {
    expect(parseLawfulBasis('Legitimate interest')).toEqual({ ok: true, value: LawfulBasis.legitimate_interests });
    expect(parseLawfulBasis('legitimate_interests')).toEqual({ ok: true, value: LawfulBasis.legitimate_interests });
    expect(parseLawfulBasis('CONSENT given')).toEqual({ ok: true, value: LawfulBasis.consent });
    expect(parseLawfulBasis('Public task')).toEqual({ ok: true, value: LawfulBasis.public_task });
    expect(parseLawfulBasis('')).toEqual({ ok: true, value: null });
    expect(parseLawfulBasis('because')).toEqual({ ok: false, reason: expect.stringContaining('"because" is not a lawful basis') });
  });

  it('reads engagement types, a placement visit before a visit', () => {
    expect(parseEngagementType('Phone call')).toEqual({ ok: true, value: EngagementType.call });
    expect(parseEngagementType('Placement visit')).toEqual({ ok: true, value: EngagementType.placement_visit });
    expect(parseEngagementType('Site visit')).toEqual({ ok: true, value: EngagementType.visit });
    expect(parseEngagementType('Teams meeting')).toEqual({ ok: true, value: EngagementType.meeting });
    expect(parseEngagementType('E-mail')).toEqual({ ok: true, value: EngagementType.email });
    expect(parseEngagementType('Careers fair')).toEqual({ ok: true, value: EngagementType.event });
    expect(parseEngagementType(null)).toEqual({ ok: true, value: null });
    expect(parseEngagementType('Carrier pigeon').ok).toBe(false);
  });

  it('reads BCE activity types, and asks which kind of research', () => {
    const cases: Array<[string, OpportunityType]> = [
      ['KTP', OpportunityType.ktp], ['Knowledge Transfer Partnership', OpportunityType.ktp], ['CPD', OpportunityType.cpd_short_course],
      ['Short course', OpportunityType.cpd_short_course], ['Consultancy', OpportunityType.consultancy], ['Contract research', OpportunityType.contract_research],
      ['Collaborative research', OpportunityType.collaborative_research], ['Apprenticeships', OpportunityType.apprenticeship],
      ['Placement / internship', OpportunityType.placement_internship], ['IP licensing', OpportunityType.ip_licensing],
      ['facilities_equipment', OpportunityType.facilities_equipment],
    ];
    for (const [text, type] of cases) expect([text, parseOpportunityType(text)]).toEqual([text, { ok: true, value: type }]);
    expect(parseOpportunityType('Research')).toEqual({ ok: false, reason: '"Research" could be contract or collaborative research: say which' });
    expect(parseOpportunityType('Widgets').ok).toBe(false);
  });

  it('reads probabilities as whole percentages', () => {
    expect(parseProbability('60%')).toEqual({ ok: true, value: 60 });
    expect(parseProbability(0.25)).toEqual({ ok: true, value: 25 });
    expect(parseProbability(75)).toEqual({ ok: true, value: 75 });
    expect(parseProbability(' ')).toEqual({ ok: true, value: null });
    expect(parseProbability('150').ok).toBe(false);
    expect(parseProbability('likely').ok).toBe(false);
  });
});
