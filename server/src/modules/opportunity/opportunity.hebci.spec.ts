import { FundingSource, IpIncomeType, OpportunityType } from './opportunity.enums';
import { HeBciFields, heBciProblems } from './opportunity.hebci';

const base = (over: Partial<HeBciFields>): HeBciFields => ({
  type: OpportunityType.consultancy, valuePence: 1_000, fundingSource: null, inKindPence: null, cpdLearnerDays: null, ipIncomeType: null,
  ktpGrantPence: null, ktpCompanyPence: null, ...over,
});
const fields = (o: HeBciFields) => heBciProblems(o).map((p) => p.field);

describe('heBciProblems', () => {
  it('should accept a Table 1 source on collaborative research and a Table 3 source on regeneration', () => {
    expect(fields(base({ type: OpportunityType.collaborative_research, fundingSource: FundingSource.ukri, inKindPence: 500 }))).toEqual([]);
    expect(fields(base({ type: OpportunityType.regeneration_community, fundingSource: FundingSource.erdf }))).toEqual([]);
  });

  it('should refuse a funding source on a type that does not report by one, or from the other table', () => {
    expect(fields(base({ fundingSource: FundingSource.ukri }))).toEqual(['fundingSource']);
    expect(heBciProblems(base({ type: OpportunityType.regeneration_community, fundingSource: FundingSource.ukri }))[0].messages[0]).toContain('HE-BCI Table 3');
  });

  it('should keep learner days to CPD, IP income type to IP and in-kind to research', () => {
    expect(fields(base({ cpdLearnerDays: 3, ipIncomeType: IpIncomeType.licence, inKindPence: 1 }))).toEqual(['inKindPence', 'cpdLearnerDays', 'ipIncomeType']);
    expect(fields(base({ type: OpportunityType.cpd_short_course, cpdLearnerDays: 3 }))).toEqual([]);
  });

  it('should need a KTP split to sum to the value', () => {
    expect(fields(base({ type: OpportunityType.ktp, ktpGrantPence: 600, ktpCompanyPence: 400 }))).toEqual([]);
    expect(heBciProblems(base({ type: OpportunityType.ktp, ktpGrantPence: 600, ktpCompanyPence: 300 }))).toEqual([
      { field: 'ktpCompanyPence', messages: ['ktpGrantPence + ktpCompanyPence must equal valuePence (900 ≠ 1000)'] },
    ]);
    expect(fields(base({ type: OpportunityType.ktp, ktpGrantPence: 600 }))).toEqual(['ktpCompanyPence']);
    expect(fields(base({ ktpGrantPence: 600, ktpCompanyPence: 400 }))).toEqual(['ktpGrantPence']);
  });
});
