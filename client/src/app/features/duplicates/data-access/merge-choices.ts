/** A field the merge screen offers a choice for, in the order shown. */
export interface MergeField {
  field: string;
  label: string;
}

export const ORGANISATION_MERGE_FIELDS: readonly MergeField[] = [
  { field: 'name', label: 'Name' },
  { field: 'legalName', label: 'Legal name' },
  { field: 'type', label: 'Type' },
  { field: 'sector', label: 'Sector' },
  { field: 'sizeBand', label: 'Size band' },
  { field: 'companiesHouseNumber', label: 'Companies House number' },
  { field: 'companyStatus', label: 'Company status' },
  { field: 'companyCategory', label: 'Company category' },
  { field: 'incorporationDate', label: 'Incorporated' },
  { field: 'headcount', label: 'Headcount' },
  { field: 'turnoverPence', label: 'Turnover' },
  { field: 'balanceSheetPence', label: 'Balance sheet total' },
  { field: 'sizeYear', label: 'Size figures from' },
  { field: 'website', label: 'Website' },
  { field: 'addressLine1', label: 'Address line 1' },
  { field: 'addressLine2', label: 'Address line 2' },
  { field: 'town', label: 'Town' },
  { field: 'postcode', label: 'Postcode' },
  { field: 'region', label: 'Region' },
  { field: 'relationshipStage', label: 'Relationship stage' },
  { field: 'ownerId', label: 'Owner' },
  { field: 'departmentId', label: 'Department' },
  { field: 'confidential', label: 'Confidential' },
];

export const CONTACT_MERGE_FIELDS: readonly MergeField[] = [
  { field: 'firstName', label: 'First name' },
  { field: 'lastName', label: 'Last name' },
  { field: 'jobTitle', label: 'Job title' },
  { field: 'preferredChannel', label: 'Preferred channel' },
  { field: 'lawfulBasis', label: 'Lawful basis' },
  { field: 'marketingOptIn', label: 'Marketing opt-in' },
  { field: 'ownerId', label: 'Owner' },
];

export type Side = 'survivor' | 'merged';
type Values = Record<string, unknown> & { updatedAt?: string; createdAt?: string };

const isEmpty = (v: unknown) => v === null || v === undefined || v === '' || (Array.isArray(v) && !v.length);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/** The fields whose values differ: only those need a choice. */
export const differingFields = (fields: readonly MergeField[], a: Values, b: Values): MergeField[] => fields.filter(({ field }) => !same(a[field], b[field]));

/**
 * Default choice per differing field: the value that is not empty; when both have one, the more
 * recently updated record's.
 */
export function defaultChoices(fields: readonly MergeField[], survivor: Values, merged: Values): Record<string, Side> {
  const mergedNewer = (merged.updatedAt ?? '') > (survivor.updatedAt ?? '');
  const choices: Record<string, Side> = {};
  for (const { field } of differingFields(fields, survivor, merged)) {
    if (isEmpty(survivor[field])) choices[field] = 'merged';
    else if (isEmpty(merged[field])) choices[field] = 'survivor';
    else choices[field] = mergedNewer ? 'merged' : 'survivor';
  }
  return choices;
}

export interface Activity {
  engagements: number;
  opportunities: number;
  tasks: number;
  affiliations: number;
  consentRecords: number;
}

const total = (a: Activity) => a.engagements + a.opportunities + a.tasks + a.affiliations + a.consentRecords;

/** Which record survives by default: the one with more activity, then the older one. */
export function defaultSurvivor(a: { createdAt: string }, b: { createdAt: string }, activityA: Activity, activityB: Activity): 'a' | 'b' {
  if (total(activityA) !== total(activityB)) return total(activityA) > total(activityB) ? 'a' : 'b';
  return a.createdAt <= b.createdAt ? 'a' : 'b';
}

/** A value as the merge screen shows it. */
export function displayValue(value: unknown, labels?: Readonly<Record<string, string>>): string {
  if (isEmpty(value)) return '—';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.join(', ');
  return labels?.[String(value)] ?? String(value);
}
