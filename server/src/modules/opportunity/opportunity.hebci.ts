import { badInput } from '../../common/graphql/errors';
import { FundingSource, IpIncomeType, OpportunityType, REGENERATION_FUNDING_SOURCES, RESEARCH_FUNDING_SOURCES } from './opportunity.enums';

export const HEBCI_FIELDS = ['fundingSource', 'inKindPence', 'cpdLearnerDays', 'ipIncomeType', 'ktpGrantPence', 'ktpCompanyPence'] as const;

export interface HeBciFields {
  type: OpportunityType;
  valuePence: number;
  fundingSource: FundingSource | null;
  inKindPence: number | null;
  cpdLearnerDays: number | null;
  ipIncomeType: IpIncomeType | null;
  ktpGrantPence: number | null;
  ktpCompanyPence: number | null;
}

const RESEARCH_TYPES = [OpportunityType.collaborative_research, OpportunityType.ktp];

/**
 * The HE-BCI fields an opportunity may record for its type (HESA reports funding source only for
 * collaborative research/KTP (Table 1) and regeneration (Table 3), learner days only for CPD, IP
 * income type only for IP), and a KTP's grant and company parts must add up to its value.
 * Every problem is reported on its own field.
 */
export function heBciProblems(o: HeBciFields): Array<{ field: string; messages: string[] }> {
  const problems: Array<{ field: string; messages: string[] }> = [];
  const fail = (field: string, message: string) => problems.push({ field, messages: [message] });
  if (o.fundingSource) {
    if (RESEARCH_TYPES.includes(o.type)) {
      if (!(RESEARCH_FUNDING_SOURCES as readonly string[]).includes(o.fundingSource)) fail('fundingSource', `fundingSource for ${o.type} must be one of ${RESEARCH_FUNDING_SOURCES.join(', ')} (HE-BCI Table 1)`);
    } else if (o.type === OpportunityType.regeneration_community) {
      if (!(REGENERATION_FUNDING_SOURCES as readonly string[]).includes(o.fundingSource)) fail('fundingSource', `fundingSource for regeneration must be one of ${REGENERATION_FUNDING_SOURCES.join(', ')} (HE-BCI Table 3)`);
    } else {
      fail('fundingSource', 'fundingSource applies only to collaborative research, KTP and regeneration');
    }
  }
  if (o.inKindPence !== null && !RESEARCH_TYPES.includes(o.type)) fail('inKindPence', 'inKindPence applies only to collaborative research and KTP');
  if (o.cpdLearnerDays !== null && o.type !== OpportunityType.cpd_short_course) fail('cpdLearnerDays', 'cpdLearnerDays applies only to CPD/short courses');
  if (o.ipIncomeType && o.type !== OpportunityType.ip_licensing) fail('ipIncomeType', 'ipIncomeType applies only to IP licensing');
  const split = o.ktpGrantPence !== null || o.ktpCompanyPence !== null;
  if (split && o.type !== OpportunityType.ktp) fail('ktpGrantPence', 'the KTP split applies only to a KTP');
  else if (split && (o.ktpGrantPence === null || o.ktpCompanyPence === null)) fail(o.ktpGrantPence === null ? 'ktpGrantPence' : 'ktpCompanyPence', 'give both ktpGrantPence and ktpCompanyPence');
  else if (split && o.ktpGrantPence! + o.ktpCompanyPence! !== o.valuePence) {
    fail('ktpCompanyPence', `ktpGrantPence + ktpCompanyPence must equal valuePence (${o.ktpGrantPence! + o.ktpCompanyPence!} ≠ ${o.valuePence})`);
  }
  return problems;
}

export function assertHeBciFields(o: HeBciFields): void {
  const problems = heBciProblems(o);
  if (problems.length) throw badInput(problems);
}
