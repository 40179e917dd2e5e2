import { registerEnumType } from '@nestjs/graphql';

export enum OrganisationType {
  employer = 'employer',
  partner = 'partner',
  funder = 'funder',
  school_college = 'school_college',
  public_body = 'public_body',
  community = 'community',
}

export enum RelationshipStage {
  prospect = 'prospect',
  active = 'active',
  strategic_partner = 'strategic_partner',
  dormant = 'dormant',
}

/** Staff headcount bands; SME (micro, small, medium) versus large matters for the HE-BCI return. */
export enum SizeBand {
  micro = 'micro',
  small = 'small',
  medium = 'medium',
  large = 'large',
}

/**
 * The organisation's legal form. Under PECR sole traders and partnerships that are not LLPs are
 * individual subscribers: emailing them marketing needs their consent.
 */
export enum LegalForm {
  limited_company = 'limited_company',
  llp = 'llp',
  sole_trader = 'sole_trader',
  partnership = 'partnership',
  charity = 'charity',
  public_body = 'public_body',
  university_college = 'university_college',
  other = 'other',
}
registerEnumType(LegalForm, {
  name: 'LegalForm',
  description: 'limited company, LLP, sole trader, partnership (not LLP), charity or CIO, public body, university or college, other',
});

export enum RelationshipRole {
  customer = 'customer',
  partner = 'partner',
  stakeholder = 'stakeholder',
  funder = 'funder',
  supplier = 'supplier',
}

/** UK SIC 2007 sections. */
export enum SicSection {
  A = 'A', B = 'B', C = 'C', D = 'D', E = 'E', F = 'F', G = 'G', H = 'H', I = 'I', J = 'J', K = 'K',
  L = 'L', M = 'M', N = 'N', O = 'O', P = 'P', Q = 'Q', R = 'R', S = 'S', T = 'T', U = 'U',
}

/** ITL1 regions of the UK. */
export enum Region {
  north_east = 'north_east',
  north_west = 'north_west',
  yorkshire_humber = 'yorkshire_humber',
  east_midlands = 'east_midlands',
  west_midlands = 'west_midlands',
  east_of_england = 'east_of_england',
  london = 'london',
  south_east = 'south_east',
  south_west = 'south_west',
  wales = 'wales',
  scotland = 'scotland',
  northern_ireland = 'northern_ireland',
}

/** A company's status at Companies House (the register's own list, in snake case). */
export enum CompanyStatus {
  active = 'active',
  active_proposal_to_strike_off = 'active_proposal_to_strike_off',
  dissolved = 'dissolved',
  liquidation = 'liquidation',
  administration = 'administration',
  receivership = 'receivership',
  voluntary_arrangement = 'voluntary_arrangement',
  insolvency_proceedings = 'insolvency_proceedings',
  converted_closed = 'converted_closed',
  removed = 'removed',
  registered = 'registered',
  closed = 'closed',
}

export enum OrganisationSortField {
  name = 'name',
  createdAt = 'createdAt',
  updatedAt = 'updatedAt',
}

export enum SortDirection {
  asc = 'asc',
  desc = 'desc',
}

registerEnumType(OrganisationType, { name: 'OrganisationType' });
registerEnumType(RelationshipStage, { name: 'RelationshipStage' });
registerEnumType(SizeBand, { name: 'SizeBand', description: 'micro < 10 staff, small < 50, medium < 250, large 250+' });
registerEnumType(RelationshipRole, { name: 'RelationshipRole' });
registerEnumType(SicSection, { name: 'SicSection', description: 'UK SIC 2007 section' });
registerEnumType(Region, { name: 'Region', description: 'UK ITL1 region' });
registerEnumType(CompanyStatus, { name: 'CompanyStatus', description: 'Status at Companies House; dissolved, removed and converted_closed companies no longer exist' });
registerEnumType(OrganisationSortField, { name: 'OrganisationSortField' });
registerEnumType(SortDirection, { name: 'SortDirection' });
