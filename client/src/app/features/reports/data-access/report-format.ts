import type { EngagementType, OpportunityType } from '../../../graphql/generated';
import { ENGAGEMENT_TYPE_LABELS, labelOf } from '../../../shared/labels/enum-labels';
import { OPPORTUNITY_TYPE_LABELS } from '../../../shared/labels/opportunity-labels';

const COUNT = new Intl.NumberFormat('en-GB');
const PERCENT = new Intl.NumberFormat('en-GB', { style: 'percent', maximumFractionDigits: 0 });
const DAYS = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export const formatCount = (n: number): string => COUNT.format(n);
/** 0.6667 → "67%"; null (nothing closed) → "—". */
export const formatRate = (rate: number | null | undefined): string => (rate === null || rate === undefined ? '—' : PERCENT.format(rate));
export const formatDays = (days: number | null | undefined): string => (days === null || days === undefined ? '—' : `${DAYS.format(days)} days`);

/** A grouped row's label as people read it: the API sends enum values for types. */
export function opportunityTypeLabel(key: string): string {
  return labelOf(OPPORTUNITY_TYPE_LABELS, key as OpportunityType, key);
}

export function engagementTypeLabel(key: string): string {
  return labelOf(ENGAGEMENT_TYPE_LABELS, key as EngagementType, key);
}

/** "1 opportunity", "3 opportunities". */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)} ${n === 1 ? one : many}`;
}
