import { FundingSource, IpIncomeType, OpportunityType } from '../opportunity/opportunity.enums';
import { yearIncome } from './hebci-income';
import { contractParts, HeBciContractFields, sumLines } from './hebci-lines';
import { HeBciCategory, HeBciMeasure, HeBciPartnerType } from './hebci.models';

const fields = (over: Partial<HeBciContractFields>): HeBciContractFields => ({
  type: OpportunityType.consultancy, fundingSource: null, inKindPence: null, cpdLearnerDays: null, ipIncomeType: null, ktpGrantPence: null, ...over,
});
const wholeYear = (valuePence: number) => yearIncome({ valuePence, starts: '2025-08-01', ends: '2026-07-31', instalments: [] }, '2025-08-01', '2026-07-31');

describe('contractParts', () => {
  it('should split a KTP into grant by funding source and company contribution by partner type', () => {
    const parts = contractParts(fields({ type: OpportunityType.ktp, fundingSource: FundingSource.ukri, ktpGrantPence: 600, inKindPence: 50 }),
      HeBciCategory.collaborative_research, HeBciPartnerType.sme, wholeYear(1_000));
    expect(parts.map((p) => [p.measure, p.fundingSource, p.partnerType, p.valuePence])).toEqual([
      [HeBciMeasure.public_funding, FundingSource.ukri, null, 600],
      [HeBciMeasure.cash_contribution, null, HeBciPartnerType.sme, 400],
      [HeBciMeasure.in_kind, null, HeBciPartnerType.sme, 50],
    ]);
  });

  it('should report regeneration by source alone and IP by type and partner', () => {
    expect(contractParts(fields({ fundingSource: FundingSource.erdf }), HeBciCategory.regeneration, HeBciPartnerType.non_commercial, wholeYear(700))[0])
      .toMatchObject({ table: 3, fundingSource: FundingSource.erdf, partnerType: null });
    expect(contractParts(fields({ ipIncomeType: IpIncomeType.sale_of_shares }), HeBciCategory.ip_licensing, HeBciPartnerType.other_commercial, wholeYear(700))[0])
      .toMatchObject({ table: 4, ipIncomeType: IpIncomeType.sale_of_shares, partnerType: HeBciPartnerType.other_commercial });
  });

  it('should put CPD learner days beside the income, and sum lines in the return’s order', () => {
    const a = contractParts(fields({ cpdLearnerDays: 12 }), HeBciCategory.cpd_continuing_education, HeBciPartnerType.unknown, wholeYear(300));
    const b = contractParts(fields({}), HeBciCategory.consultancy, HeBciPartnerType.sme, wholeYear(200));
    expect(sumLines([...a, ...b, ...b]).map((l) => [l.category, l.measure, l.count, l.valuePence, l.learnerDays])).toEqual([
      [HeBciCategory.consultancy, HeBciMeasure.income, 2, 400, null],
      [HeBciCategory.cpd_continuing_education, HeBciMeasure.income, 1, 300, null],
      [HeBciCategory.cpd_continuing_education, HeBciMeasure.learner_days, 1, 0, 12],
    ]);
  });
});
