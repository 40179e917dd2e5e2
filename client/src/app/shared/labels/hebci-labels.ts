import type { FundingSource, HeBciCategory, HeBciIncomeRule, HeBciPartnerType, IpIncomeType, SmeBasis } from '../../graphql/generated';

/** The four tables of HESA's HE-BCI return (Part B) that the CRM can fill from won business. */
export type HeBciTable = 1 | 2 | 3 | 4;

export const HEBCI_TABLE_LABELS: Record<HeBciTable, string> = {
  1: 'Table 1: Research related activities',
  2: 'Table 2: Business and community services',
  3: 'Table 3: Regeneration and development programmes',
  4: 'Table 4: Intellectual property',
};

/** The return's headings, in the return's order, as HESA words them. */
export const HEBCI_CATEGORY_LABELS: Record<HeBciCategory, string> = {
  collaborative_research: 'Collaborative research',
  contract_research: 'Contract research',
  consultancy: 'Consultancy',
  facilities_equipment: 'Facilities and equipment related services',
  cpd_continuing_education: 'CPD and continuing education',
  regeneration: 'Regeneration and development programmes',
  ip_licensing: 'Intellectual property (licences and sales)',
};

/** The table each heading is returned in (the same as the server's HEBCI_TABLE). */
export const HEBCI_CATEGORY_TABLE: Record<HeBciCategory, HeBciTable> = {
  collaborative_research: 1,
  contract_research: 1,
  consultancy: 2,
  facilities_equipment: 2,
  cpd_continuing_education: 2,
  regeneration: 3,
  ip_licensing: 4,
};

/** Partner types, in the return's column order. */
export const HEBCI_PARTNER_TYPE_LABELS: Record<HeBciPartnerType, string> = {
  sme: 'SME',
  other_commercial: 'Other commercial',
  non_commercial: 'Non-commercial',
  unknown: 'Unknown size',
};

/** What each partner type means, for a tooltip or a note under the table. */
export const HEBCI_PARTNER_TYPE_HINTS: Record<HeBciPartnerType, string> = {
  sme: 'Fewer than 250 staff, and turnover of €50m or less or a balance sheet of €43m or less',
  other_commercial: 'Commercial businesses that are not SMEs',
  non_commercial: 'Public sector and third sector bodies (charities, CICs, CIOs, registered societies)',
  unknown: 'Commercial partners whose size is not recorded: listed below for fixing, not counted as other commercial',
};

/** HESA's funding sources: Table 1 head 1 sub-headings and Table 3 sources. */
export const FUNDING_SOURCE_LABELS: Record<FundingSource, string> = {
  ukri: '1a UKRI (except Research England), Royal Society, British Academy',
  uk_government: '1b Other UK government departments and public bodies',
  eu_government: '1c EU government bodies',
  other_public: '1d Other (e.g. ESA, non-EU governments)',
  erdf: 'European Regional Development Fund (ERDF)',
  esf: 'European Social Fund (ESF)',
  other_eu_regeneration: 'Other EU regeneration funding',
  uk_shared_prosperity_fund: 'UK Shared Prosperity Fund',
  uk_central_government: 'Other UK central government',
  local_regional: 'Local and regional bodies (local authorities, LEPs, combined authorities)',
  other_regeneration: 'Other regeneration funding',
};
export const RESEARCH_FUNDING_SOURCES: FundingSource[] = ['ukri', 'uk_government', 'eu_government', 'other_public'];
export const REGENERATION_FUNDING_SOURCES: FundingSource[] = [
  'erdf', 'esf', 'other_eu_regeneration', 'uk_shared_prosperity_fund', 'uk_central_government', 'local_regional', 'other_regeneration',
];

export const IP_INCOME_TYPE_LABELS: Record<IpIncomeType, string> = {
  licence: 'Licence income',
  other_ip: 'Other IP income',
  sale_of_shares: 'Sale of shares in spin-offs',
};

export const HEBCI_INCOME_RULE_LABELS: Record<HeBciIncomeRule, string> = {
  instalments: 'Instalments in the year',
  day_spread: 'Spread by days',
};

export const SME_BASIS_LABELS: Record<SmeBasis, string> = {
  figures: 'from headcount, turnover and balance sheet',
  size_band: 'from the size band (figures not recorded)',
  group: 'from its group (parent organisation)',
  none: 'nothing recorded',
  non_commercial: 'non-commercial body',
};
