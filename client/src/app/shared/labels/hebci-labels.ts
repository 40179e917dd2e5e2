import type { HeBciCategory, HeBciPartnerType } from '../../graphql/generated';

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
};

/** What each partner type means, for a tooltip or a note under the table. */
export const HEBCI_PARTNER_TYPE_HINTS: Record<HeBciPartnerType, string> = {
  sme: 'Fewer than 250 staff, and turnover of €50m or less or a balance sheet of €43m or less',
  other_commercial: 'Commercial businesses that are not SMEs',
  non_commercial: 'Public sector and third sector bodies',
};
