import type { FundingSource, IpIncomeType, OpportunityType, UpdateOpportunityInput } from '../../../graphql/generated';
import { REGENERATION_FUNDING_SOURCES, RESEARCH_FUNDING_SOURCES } from '../../../shared/labels/hebci-labels';
import { parsePounds, poundsText as pounds } from '../../../shared/money/money';

/** Which HE-BCI fields an opportunity type records (the server refuses the others). */
export function heBciFieldsFor(type: OpportunityType): { fundingSources: FundingSource[]; inKind: boolean; learnerDays: boolean; ipType: boolean; ktpSplit: boolean } {
  const research = type === 'collaborative_research' || type === 'ktp';
  return {
    fundingSources: research ? RESEARCH_FUNDING_SOURCES : type === 'regeneration_community' ? REGENERATION_FUNDING_SOURCES : [],
    inKind: research,
    learnerDays: type === 'cpd_short_course',
    ipType: type === 'ip_licensing',
    ktpSplit: type === 'ktp',
  };
}

export interface InstalmentFormValue {
  dueOn: string;
  receivedOn: string;
  amount: string;
}

export interface HeBciFormValue {
  fundingSource: FundingSource | '';
  inKind: string;
  learnerDays: string;
  ipIncomeType: IpIncomeType | '';
  ktpGrant: string;
  ktpCompany: string;
  instalments: InstalmentFormValue[];
}

const money = (text: string, field: string, problems: string[]): number | null => {
  const p = parsePounds(text);
  if (Number.isNaN(p)) problems.push(`${field}: enter an amount in pounds, e.g. 12,500`);
  return p === null || Number.isNaN(p) ? null : p;
};

/** The form as updateOpportunity wants it (pounds → pence, blanks → null), or the problems to fix first. */
export function toHeBciInput(type: OpportunityType, v: HeBciFormValue): { input: UpdateOpportunityInput; problems: string[] } {
  const f = heBciFieldsFor(type);
  const problems: string[] = [];
  const days = v.learnerDays.trim() ? Number(v.learnerDays) : null;
  if (days !== null && !(Number.isInteger(days) && days >= 0)) problems.push('Learner days: a whole number of days');
  const instalments = v.instalments.map((i, n) => {
    const amount = money(i.amount, `Instalment ${n + 1} amount`, problems);
    if (!i.dueOn) problems.push(`Instalment ${n + 1}: give the date it is due`);
    if (!amount) problems.push(`Instalment ${n + 1}: give an amount over £0`);
    return { dueOn: i.dueOn, receivedOn: i.receivedOn || null, amountPence: amount ?? 0 };
  });
  const input: UpdateOpportunityInput = {
    fundingSource: f.fundingSources.length && v.fundingSource ? v.fundingSource : null,
    inKindPence: f.inKind ? money(v.inKind, 'In-kind contribution', problems) : null,
    cpdLearnerDays: f.learnerDays ? days : null,
    ipIncomeType: f.ipType && v.ipIncomeType ? v.ipIncomeType : null,
    ktpGrantPence: f.ktpSplit ? money(v.ktpGrant, 'KTP grant', problems) : null,
    ktpCompanyPence: f.ktpSplit ? money(v.ktpCompany, 'KTP company contribution', problems) : null,
    instalments,
  };
  return { input, problems };
}


/** The form's starting value from the opportunity as loaded. */
export function heBciFormValue(o: {
  fundingSource?: FundingSource | null; inKindPence?: unknown; cpdLearnerDays?: number | null; ipIncomeType?: IpIncomeType | null;
  ktpGrantPence?: unknown; ktpCompanyPence?: unknown; instalments: ReadonlyArray<{ dueOn: string; receivedOn?: string | null; amountPence: unknown }>;
}): HeBciFormValue {
  return {
    fundingSource: o.fundingSource ?? '', inKind: pounds(o.inKindPence as number | null), learnerDays: o.cpdLearnerDays?.toString() ?? '',
    ipIncomeType: o.ipIncomeType ?? '', ktpGrant: pounds(o.ktpGrantPence as number | null), ktpCompany: pounds(o.ktpCompanyPence as number | null),
    instalments: o.instalments.map((i) => ({ dueOn: i.dueOn, receivedOn: i.receivedOn ?? '', amount: pounds(i.amountPence as number) })),
  };
}
