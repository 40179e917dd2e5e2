import { EvidenceAgreement, MaturityLevel, rankOf } from './assessment.enums';

export enum EvidenceIndicatorKey {
  departments_engaging = 'departments_engaging',
  engagements_linked = 'engagements_linked',
  duplicate_candidates = 'duplicate_candidates',
  organisation_completeness = 'organisation_completeness',
  enquiries_answered = 'enquiries_answered',
  enquiry_median_response = 'enquiry_median_response',
  opportunities_complete = 'opportunities_complete',
}

export interface IndicatorDefinition {
  key: EvidenceIndicatorKey;
  title: string;
  /** The framework dimension whose self-score the indicator is set beside. */
  dimensionKey: string;
  unit: 'share' | 'working_days';
  higherIsBetter: boolean;
  /** The value from which the indicator suggests tactical, and strategic (at or above; at or below when lower is better). */
  tactical: number;
  strategic: number;
}

/** The indicators and their thresholds, in display order (docs/maturity-scoring.md explains each). */
export const INDICATORS: IndicatorDefinition[] = [
  { key: EvidenceIndicatorKey.departments_engaging, title: 'Departments that logged engagements in the last 90 days',
    dimensionKey: 'uptake_across_units', unit: 'share', higherIsBetter: true, tactical: 0.4, strategic: 0.8 },
  { key: EvidenceIndicatorKey.engagements_linked, title: 'Engagements (last 12 months) linked to an organisation and a contact',
    dimensionKey: 'data_information', unit: 'share', higherIsBetter: true, tactical: 0.6, strategic: 0.9 },
  { key: EvidenceIndicatorKey.duplicate_candidates, title: 'Organisations that look like duplicates of another',
    dimensionKey: 'data_information', unit: 'share', higherIsBetter: false, tactical: 0.1, strategic: 0.02 },
  { key: EvidenceIndicatorKey.organisation_completeness, title: 'Key organisation fields filled in (sector, size band, postcode, website)',
    dimensionKey: 'data_information', unit: 'share', higherIsBetter: true, tactical: 0.6, strategic: 0.9 },
  { key: EvidenceIndicatorKey.enquiries_answered, title: 'Enquiries (last 12 months) answered within 2 working days',
    dimensionKey: 'processes_enquiry', unit: 'share', higherIsBetter: true, tactical: 0.6, strategic: 0.9 },
  { key: EvidenceIndicatorKey.enquiry_median_response, title: 'Median time to first response to an enquiry',
    dimensionKey: 'processes_enquiry', unit: 'working_days', higherIsBetter: false, tactical: 5, strategic: 2 },
  { key: EvidenceIndicatorKey.opportunities_complete, title: 'Open and won opportunities with a value and an expected close date',
    dimensionKey: 'performance_measurement', unit: 'share', higherIsBetter: true, tactical: 0.6, strategic: 0.9 },
];

/** The level a value suggests; null when there is nothing to measure. */
export function suggestedLevel(def: Pick<IndicatorDefinition, 'higherIsBetter' | 'tactical' | 'strategic'>, value: number | null): MaturityLevel | null {
  if (value === null) return null;
  const reaches = (threshold: number) => (def.higherIsBetter ? value >= threshold : value <= threshold);
  if (reaches(def.strategic)) return MaturityLevel.strategic;
  if (reaches(def.tactical)) return MaturityLevel.tactical;
  return MaturityLevel.peripheral;
}

/** A dimension's evidence level: the lowest its indicators suggest (a weak link holds the level back). */
export function evidenceLevel(levels: Array<MaturityLevel | null>): MaturityLevel | null {
  const known = levels.filter((l): l is MaturityLevel => l !== null);
  return known.length ? known.reduce((low, l) => (rankOf(l) < rankOf(low) ? l : low)) : null;
}

export function agreement(self: MaturityLevel | null, evidence: MaturityLevel | null): EvidenceAgreement | null {
  if (!self || !evidence) return null;
  const diff = rankOf(self) - rankOf(evidence);
  return diff === 0 ? EvidenceAgreement.agrees : diff > 0 ? EvidenceAgreement.self_higher : EvidenceAgreement.self_lower;
}
