import { DuplicateKind } from '../duplicates/duplicate.model';

/** A table whose rows point at the record by one column and move to the survivor by id. */
export interface RowMove {
  table: string;
  column: string;
  /** Has a version column: bumped, so an edit made against the old pointer is refused as stale. */
  versioned: boolean;
}

/** A link table keyed (owner, record): a row the survivor already has is removed, not moved. */
export interface LinkMove {
  table: string;
  owner: string;
  column: string;
}

/** What merging one kind of record means: which fields a person chooses, which are unioned, which rows move. */
export interface MergeSpec {
  kind: DuplicateKind;
  label: string;
  table: string;
  /** GraphQL field → column; the survivor keeps its value unless the merged record's is chosen. */
  choosable: Record<string, string>;
  /** Array fields: the survivor gets both records' values, its own first, without repeats. */
  unioned: Record<string, string>;
  rows: RowMove[];
  links: LinkMove[];
  /** Affiliations of both records to the same other party (organisation or contact) with the same role and dates are one row twice. */
  affiliationPartner: 'organisation_id' | 'contact_id';
  /** The affiliations column that points at this kind of record. */
  affiliationColumn: 'organisation_id' | 'contact_id';
}

export const ORGANISATION_MERGE: MergeSpec = {
  kind: DuplicateKind.organisation,
  label: 'Organisation',
  table: 'organisations',
  choosable: {
    name: 'name', legalName: 'legal_name', type: 'type', sector: 'sector', sizeBand: 'size_band', companiesHouseNumber: 'companies_house_number',
    website: 'website', addressLine1: 'address_line1', addressLine2: 'address_line2', town: 'town', postcode: 'postcode', region: 'region',
    relationshipStage: 'relationship_stage', ownerId: 'owner_id', departmentId: 'department_id', confidential: 'confidential',
    companyStatus: 'company_status', companyCategory: 'company_category', incorporationDate: 'incorporation_date',
    headcount: 'headcount', turnoverPence: 'turnover_pence', balanceSheetPence: 'balance_sheet_pence', sizeYear: 'size_year',
  },
  unioned: { tradingNames: 'trading_names', relationshipRoles: 'relationship_roles', tags: 'tags', aliases: 'aliases', sicCodes: 'sic_codes' },
  rows: [
    { table: 'engagements', column: 'organisation_id', versioned: true },
    { table: 'opportunities', column: 'organisation_id', versioned: true },
    { table: 'tasks', column: 'organisation_id', versioned: true },
    { table: 'affiliations', column: 'organisation_id', versioned: true },
  ],
  links: [],
  affiliationPartner: 'contact_id',
  affiliationColumn: 'organisation_id',
};

export const CONTACT_MERGE: MergeSpec = {
  kind: DuplicateKind.contact,
  label: 'Contact',
  table: 'contacts',
  choosable: {
    firstName: 'first_name', lastName: 'last_name', jobTitle: 'job_title', preferredChannel: 'preferred_channel',
    lawfulBasis: 'lawful_basis', marketingOptIn: 'marketing_opt_in', ownerId: 'owner_id',
  },
  unioned: { emails: 'emails', phones: 'phones', tags: 'tags' },
  rows: [
    { table: 'tasks', column: 'contact_id', versioned: true },
    { table: 'consent_records', column: 'contact_id', versioned: false },
    { table: 'affiliations', column: 'contact_id', versioned: true },
  ],
  links: [
    { table: 'engagement_contacts', owner: 'engagement_id', column: 'contact_id' },
    { table: 'opportunity_contacts', owner: 'opportunity_id', column: 'contact_id' },
  ],
  affiliationPartner: 'organisation_id',
  affiliationColumn: 'contact_id',
};

export const MERGE_SPECS: Record<DuplicateKind, MergeSpec> = { organisation: ORGANISATION_MERGE, contact: CONTACT_MERGE };
