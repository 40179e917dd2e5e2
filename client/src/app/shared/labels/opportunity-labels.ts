import type { OpportunityType, StageOutcome } from '../../graphql/generated';

/** BCE activity types as staff say them. */
export const OPPORTUNITY_TYPE_LABELS: Record<OpportunityType, string> = {
  cpd_short_course: 'CPD / short course',
  apprenticeship: 'Apprenticeship',
  contract_research: 'Contract research',
  collaborative_research: 'Collaborative research',
  consultancy: 'Consultancy',
  ktp: 'KTP',
  facilities_equipment: 'Facilities and equipment',
  placement_internship: 'Placement / internship',
  sponsorship_philanthropy: 'Sponsorship / philanthropy',
  regeneration_community: 'Regeneration / community',
  ip_licensing: 'IP licensing',
};

export const STAGE_OUTCOME_LABELS: Record<StageOutcome, string> = {
  open: 'Open',
  won: 'Won',
  lost: 'Lost',
};
