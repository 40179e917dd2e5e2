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

/**
 * Where the money for a contract comes from, in HESA's HE-BCI categories: Table 1 head 1
 * (collaborative research involving public funding, sub-headings 1a–1d) and Table 3
 * (regeneration and development programmes, reported by the allocating body).
 */
export enum FundingSource {
  ukri = 'ukri',
  uk_government = 'uk_government',
  eu_government = 'eu_government',
  other_public = 'other_public',
  erdf = 'erdf',
  esf = 'esf',
  other_eu_regeneration = 'other_eu_regeneration',
  uk_shared_prosperity_fund = 'uk_shared_prosperity_fund',
  uk_central_government = 'uk_central_government',
  local_regional = 'local_regional',
  other_regeneration = 'other_regeneration',
}

/** HE-BCI Table 1 head 1 sub-headings, for collaborative research and KTP. */
export const RESEARCH_FUNDING_SOURCES = [FundingSource.ukri, FundingSource.uk_government, FundingSource.eu_government, FundingSource.other_public] as const;
/** HE-BCI Table 3 sources, for regeneration. */
export const REGENERATION_FUNDING_SOURCES = [
  FundingSource.erdf, FundingSource.esf, FundingSource.other_eu_regeneration, FundingSource.uk_shared_prosperity_fund,
  FundingSource.uk_central_government, FundingSource.local_regional, FundingSource.other_regeneration,
] as const;

/** HE-BCI Table 4: what kind of IP income a contract brings. */
export enum IpIncomeType {
  licence = 'licence',
  other_ip = 'other_ip',
  sale_of_shares = 'sale_of_shares',
}

registerEnumType(FundingSource, {
  name: 'FundingSource',
  description: 'HESA HE-BCI funding source. Table 1 (collaborative research, KTP): ukri (1a UKRI except Research England, Royal Society, British Academy), ' +
    'uk_government (1b other UK government departments and public bodies), eu_government (1c EU government bodies), other_public (1d other, e.g. ESA, non-EU governments). ' +
    'Table 3 (regeneration): erdf, esf, other_eu_regeneration, uk_shared_prosperity_fund, uk_central_government, local_regional (local authorities, LEPs, combined authorities), other_regeneration',
});
registerEnumType(IpIncomeType, {
  name: 'IpIncomeType',
  description: 'HE-BCI Table 4: licence (licence income), other_ip (other IP income, e.g. design or copyright income), sale_of_shares (sale of shares in spin-offs)',
});
