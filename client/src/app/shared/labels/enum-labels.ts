import type {
  CompanyStatus,
  ConsentChannel,
  EngagementType,
  LawfulBasis,
  LegalForm,
  OrganisationType,
  PreferredChannel,
  Region,
  RelationshipRole,
  RelationshipStage,
  Role,
  SearchHitKind,
  SicSection,
  SizeBand,
  TaskStatus,
} from '../../graphql/generated';

/**
 * Human-readable labels for the schema's enums. Each map is typed as a Record over the generated
 * enum type, so a value added to the schema fails the build until it has a label here.
 */
/** The channels a consent can cover; email marketing needs an "Email" consent. */
export const CONSENT_CHANNEL_LABELS: Record<ConsentChannel, string> = {
  email: 'Email',
  phone: 'Phone',
  sms: 'Text message (SMS)',
  post: 'Post',
  in_person: 'In person',
  online: 'Online (web, social media)',
  unspecified: 'Not specified',
};

/** Sole traders and partnerships (not LLPs) count as individuals for email marketing (PECR). */
export const LEGAL_FORM_LABELS: Record<LegalForm, string> = {
  limited_company: 'Limited company',
  llp: 'Limited liability partnership (LLP)',
  sole_trader: 'Sole trader',
  partnership: 'Partnership (not an LLP)',
  charity: 'Charity or CIO',
  public_body: 'Public body',
  university_college: 'University or college',
  other: 'Other',
};

export const ORGANISATION_TYPE_LABELS: Record<OrganisationType, string> = {
  employer: 'Employer',
  partner: 'Partner',
  funder: 'Funder',
  school_college: 'School or college',
  public_body: 'Public body',
  community: 'Community or third sector',
};

export const RELATIONSHIP_STAGE_LABELS: Record<RelationshipStage, string> = {
  prospect: 'Prospect',
  active: 'Active',
  strategic_partner: 'Strategic partner',
  dormant: 'Dormant',
};

export const RELATIONSHIP_ROLE_LABELS: Record<RelationshipRole, string> = {
  customer: 'Customer',
  partner: 'Partner',
  stakeholder: 'Stakeholder',
  funder: 'Funder',
  supplier: 'Supplier',
};

export const SIZE_BAND_LABELS: Record<SizeBand, string> = {
  micro: 'Micro (fewer than 10 staff)',
  small: 'Small (10 to 49 staff)',
  medium: 'Medium (50 to 249 staff)',
  large: 'Large (250 or more staff)',
};

/** Companies House statuses as the register words them. */
export const COMPANY_STATUS_LABELS: Record<CompanyStatus, string> = {
  active: 'Active',
  active_proposal_to_strike_off: 'Active — proposal to strike off',
  dissolved: 'Dissolved',
  liquidation: 'In liquidation',
  administration: 'In administration',
  receivership: 'In receivership',
  voluntary_arrangement: 'Voluntary arrangement',
  insolvency_proceedings: 'Insolvency proceedings',
  converted_closed: 'Converted or closed',
  removed: 'Removed',
  registered: 'Registered',
  closed: 'Closed',
};

/** Statuses of a company that no longer exists (as the server's company-register.ts). */
export const GONE_COMPANY_STATUSES: ReadonlySet<CompanyStatus> = new Set<CompanyStatus>(['dissolved', 'removed', 'converted_closed', 'closed']);

/** UK SIC 2007 sections. */
export const SIC_SECTION_LABELS: Record<SicSection, string> = {
  A: 'Agriculture, forestry and fishing',
  B: 'Mining and quarrying',
  C: 'Manufacturing',
  D: 'Electricity, gas, steam and air conditioning supply',
  E: 'Water supply; sewerage, waste management and remediation activities',
  F: 'Construction',
  G: 'Wholesale and retail trade; repair of motor vehicles and motorcycles',
  H: 'Transportation and storage',
  I: 'Accommodation and food service activities',
  J: 'Information and communication',
  K: 'Financial and insurance activities',
  L: 'Real estate activities',
  M: 'Professional, scientific and technical activities',
  N: 'Administrative and support service activities',
  O: 'Public administration and defence; compulsory social security',
  P: 'Education',
  Q: 'Human health and social work activities',
  R: 'Arts, entertainment and recreation',
  S: 'Other service activities',
  T: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use',
  U: 'Activities of extraterritorial organisations and bodies',
};

/** UK ITL1 regions, in the ONS order (north to south, then the nations). */
export const REGION_LABELS: Record<Region, string> = {
  north_east: 'North East',
  north_west: 'North West',
  yorkshire_humber: 'Yorkshire and The Humber',
  east_midlands: 'East Midlands',
  west_midlands: 'West Midlands',
  east_of_england: 'East of England',
  london: 'London',
  south_east: 'South East',
  south_west: 'South West',
  wales: 'Wales',
  scotland: 'Scotland',
  northern_ireland: 'Northern Ireland',
};

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  manager: 'Manager',
  staff: 'Staff',
  viewer: 'Viewer',
};

/** In the order people pick them most: meetings and calls first. */
export const ENGAGEMENT_TYPE_LABELS: Record<EngagementType, string> = {
  meeting: 'Meeting',
  call: 'Call',
  email: 'Email',
  visit: 'Visit',
  event: 'Event',
  enquiry: 'Enquiry',
  placement_visit: 'Placement visit',
  note: 'Note',
};

export const PREFERRED_CHANNEL_LABELS: Record<PreferredChannel, string> = {
  email: 'Email',
  phone: 'Phone',
  video: 'Video call',
  in_person: 'In person',
  post: 'Post',
};

/** UK GDPR Article 6 lawful bases, as the ICO names them. */
export const LAWFUL_BASIS_LABELS: Record<LawfulBasis, string> = {
  consent: 'Consent',
  contract: 'Contract',
  legal_obligation: 'Legal obligation',
  vital_interests: 'Vital interests',
  public_task: 'Public task',
  legitimate_interests: 'Legitimate interests',
};

export const TASK_STATUS_LABELS: Record<TaskStatus, string> = {
  open: 'Open',
  done: 'Done',
  cancelled: 'Cancelled',
};

export const SEARCH_HIT_KIND_LABELS: Record<SearchHitKind, string> = {
  organisation: 'Organisation',
  contact: 'Contact',
};

export interface Option<T extends string> {
  value: T;
  label: string;
}

/** The map's entries as select options, in the map's order. */
export function optionsOf<T extends string>(labels: Record<T, string>): Option<T>[] {
  return (Object.keys(labels) as T[]).map((value) => ({ value, label: labels[value] }));
}

/** "C Manufacturing": the section letter is what people see on Companies House. */
export function sicSectionLabel(section: SicSection): string {
  return `${section} ${SIC_SECTION_LABELS[section]}`;
}

/** The label for a value, or the fallback for null/undefined and for a value the client does not know yet. */
export function labelOf<T extends string>(labels: Record<T, string>, value: T | null | undefined, fallback = '—'): string {
  if (value === null || value === undefined) return fallback;
  return labels[value] ?? String(value);
}
