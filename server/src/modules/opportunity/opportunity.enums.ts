import { registerEnumType } from '@nestjs/graphql';

/** The BCE activity; each maps to an HE-BCI category for the return. */
export enum OpportunityType {
  cpd_short_course = 'cpd_short_course',
  apprenticeship = 'apprenticeship',
  contract_research = 'contract_research',
  collaborative_research = 'collaborative_research',
  consultancy = 'consultancy',
  ktp = 'ktp',
  facilities_equipment = 'facilities_equipment',
  placement_internship = 'placement_internship',
  sponsorship_philanthropy = 'sponsorship_philanthropy',
  regeneration_community = 'regeneration_community',
  ip_licensing = 'ip_licensing',
}

/** What being in a stage means: still in the pipeline, won or lost. */
export enum StageOutcome {
  open = 'open',
  won = 'won',
  lost = 'lost',
}

export enum OpportunitySortField {
  createdAt = 'createdAt',
  title = 'title',
  valuePence = 'valuePence',
  expectedCloseDate = 'expectedCloseDate',
}

registerEnumType(OpportunityType, {
  name: 'OpportunityType',
  description: 'BCE activity: CPD/short course, apprenticeship, contract research, collaborative research, consultancy, KTP, facilities and equipment services, placement/internship, sponsorship/philanthropy, regeneration/community, IP licensing',
});
registerEnumType(StageOutcome, { name: 'StageOutcome', description: 'open: in the pipeline; won and lost close the opportunity' });
registerEnumType(OpportunitySortField, { name: 'OpportunitySortField', description: 'expectedCloseDate sorts undated opportunities last' });
