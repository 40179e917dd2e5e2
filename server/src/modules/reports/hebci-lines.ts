import { FundingSource, IpIncomeType, OpportunityType } from '../opportunity/opportunity.enums';
import { YearIncome } from './hebci-income';
import { HeBciCategory, HeBciCellFilter, HeBciLine, HeBciMeasure, HeBciPart, HeBciPartnerType } from './hebci.models';

/** The HE-BCI table each heading belongs to. */
export const HEBCI_TABLE: Record<HeBciCategory, number> = {
  collaborative_research: 1,
  contract_research: 1,
  consultancy: 2,
  facilities_equipment: 2,
  cpd_continuing_education: 2,
  regeneration: 3,
  ip_licensing: 4,
};

export interface HeBciContractFields {
  type: OpportunityType;
  fundingSource: FundingSource | null;
  inKindPence: number | null;
  cpdLearnerDays: number | null;
  ipIncomeType: IpIncomeType | null;
  ktpGrantPence: number | null;
}

/**
 * Where one contract's year goes in the return, by HESA's definitions:
 * - collaborative research (Table 1 head 1): the grant-in-aid by its public funding source; a
 *   KTP's grant likewise, its company contribution as the collaborator's cash contribution by
 *   partner type; any in-kind contribution by partner type (not income);
 * - regeneration (Table 3): by funding source (the allocating body), not by partner;
 * - IP (Table 4): by income type and partner type;
 * - everything else (contract research, consultancy, facilities, CPD): by partner type, with
 *   CPD learner days beside the income.
 */
export function contractParts(c: HeBciContractFields, category: HeBciCategory, partnerType: HeBciPartnerType, y: YearIncome): HeBciPart[] {
  const table = HEBCI_TABLE[category];
  const part = (measure: HeBciMeasure, valuePence: number, over: Partial<HeBciPart> = {}): HeBciPart =>
    ({ table, category, measure, fundingSource: null, ipIncomeType: null, partnerType, valuePence, learnerDays: null, ...over });
  const parts: HeBciPart[] = [];
  if (category === HeBciCategory.collaborative_research) {
    const grant = c.type === OpportunityType.ktp && c.ktpGrantPence !== null ? y.share(c.ktpGrantPence) : y.amountPence;
    parts.push(part(HeBciMeasure.public_funding, grant, { fundingSource: c.fundingSource, partnerType: null }));
    if (y.amountPence - grant) parts.push(part(HeBciMeasure.cash_contribution, y.amountPence - grant));
    const inKind = c.inKindPence ? y.share(c.inKindPence) : 0;
    if (inKind) parts.push(part(HeBciMeasure.in_kind, inKind));
  } else if (category === HeBciCategory.regeneration) {
    parts.push(part(HeBciMeasure.income, y.amountPence, { fundingSource: c.fundingSource, partnerType: null }));
  } else if (category === HeBciCategory.ip_licensing) {
    parts.push(part(HeBciMeasure.income, y.amountPence, { ipIncomeType: c.ipIncomeType }));
  } else {
    parts.push(part(HeBciMeasure.income, y.amountPence));
    const days = c.cpdLearnerDays ? y.share(c.cpdLearnerDays) : 0;
    if (category === HeBciCategory.cpd_continuing_education && days) parts.push(part(HeBciMeasure.learner_days, 0, { learnerDays: days }));
  }
  return parts.filter((p) => p.valuePence || p.learnerDays);
}

const CATEGORY_ORDER = Object.keys(HEBCI_TABLE);
const MEASURE_ORDER = Object.values(HeBciMeasure) as string[];
const SOURCE_ORDER = [...Object.values(FundingSource), null] as Array<string | null>;
const IP_ORDER = [...Object.values(IpIncomeType), null] as Array<string | null>;
const PARTNER_ORDER = [...Object.values(HeBciPartnerType), null] as Array<string | null>;

/** Whether a part counts in a cell: a key the cell leaves out matches anything, null matches "not recorded". */
export function partInCell(p: HeBciPart, cell: HeBciCellFilter): boolean {
  const same = (key: 'fundingSource' | 'ipIncomeType' | 'partnerType') => cell[key] === undefined || (cell[key] ?? null) === p[key];
  return p.category === cell.category && p.measure === cell.measure && same('fundingSource') && same('ipIncomeType') && same('partnerType');
}

export const partKey = (p: HeBciPart) => [p.category, p.measure, p.fundingSource, p.ipIncomeType, p.partnerType].join('|');

/** The lines of the return: parts summed by where they go, in the return's order. */
export function sumLines(parts: readonly HeBciPart[]): HeBciLine[] {
  const lines = new Map<string, HeBciLine>();
  for (const p of parts) {
    const key = partKey(p);
    const line = lines.get(key) ?? { ...p, valuePence: 0, learnerDays: p.learnerDays === null ? null : 0, count: 0, valueThousands: 0 };
    line.valuePence += p.valuePence;
    if (p.learnerDays !== null) line.learnerDays = (line.learnerDays ?? 0) + p.learnerDays;
    line.count += 1;
    line.valueThousands = Math.round(line.valuePence / 100_000);
    lines.set(key, line);
  }
  return [...lines.values()].sort(lineOrder);
}

/** The return's order of lines: category, measure, funding source, IP income type, partner type. */
export const lineOrder = (a: HeBciPart, b: HeBciPart): number =>
  CATEGORY_ORDER.indexOf(a.category) - CATEGORY_ORDER.indexOf(b.category) || MEASURE_ORDER.indexOf(a.measure) - MEASURE_ORDER.indexOf(b.measure) ||
  SOURCE_ORDER.indexOf(a.fundingSource) - SOURCE_ORDER.indexOf(b.fundingSource) || IP_ORDER.indexOf(a.ipIncomeType) - IP_ORDER.indexOf(b.ipIncomeType) ||
  PARTNER_ORDER.indexOf(a.partnerType) - PARTNER_ORDER.indexOf(b.partnerType);
