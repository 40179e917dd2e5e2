import {
  ENGAGEMENT_TYPE_LABELS,
  LAWFUL_BASIS_LABELS,
  ORGANISATION_TYPE_LABELS,
  PREFERRED_CHANNEL_LABELS,
  REGION_LABELS,
  RELATIONSHIP_ROLE_LABELS,
  RELATIONSHIP_STAGE_LABELS,
  SIC_SECTION_LABELS,
  SIZE_BAND_LABELS,
  TASK_STATUS_LABELS,
} from '../labels/enum-labels';
import { formatDateTime, formatIsoDate } from '../dates/dates';

/** The audit trail's field names (as the server records them) in words. */
export const AUDIT_FIELD_LABELS: Readonly<Record<string, string>> = {
  name: 'Name',
  legalName: 'Legal name',
  tradingNames: 'Trading names',
  aliases: 'Aliases',
  type: 'Type',
  sector: 'Sector',
  sizeBand: 'Size band',
  companiesHouseNumber: 'Companies House number',
  website: 'Website',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  town: 'Town',
  postcode: 'Postcode',
  region: 'Region',
  relationshipStage: 'Relationship stage',
  relationshipRoles: 'Relationship roles',
  tags: 'Tags',
  ownerId: 'Owner',
  departmentId: 'Department',
  confidential: 'Confidential',
  parentId: 'Parent organisation',
  firstName: 'First name',
  lastName: 'Last name',
  emails: 'Emails',
  phones: 'Phones',
  jobTitle: 'Job title',
  preferredChannel: 'Preferred channel',
  lawfulBasis: 'Lawful basis',
  marketingOptIn: 'Marketing opt-in',
  contactId: 'Contact',
  organisationId: 'Organisation',
  contactIds: 'Contacts',
  role: 'Role',
  fromDate: 'From',
  toDate: 'To',
  isPrimary: 'Primary',
  occurredOn: 'Date',
  summary: 'Summary',
  details: 'Details',
  title: 'Title',
  dueOn: 'Due',
  status: 'Status',
  notes: 'Notes',
  assigneeId: 'Assignee',
  purpose: 'Consent for',
  method: 'How it was given',
  givenAt: 'Given',
  withdrawnAt: 'Withdrawn',
  mergedFrom: 'Merged from',
  mergedInto: 'Merged into',
  moved: 'Moved here',
};

export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  create: 'Created',
  update: 'Updated',
  archive: 'Archived',
  restore: 'Restored',
  merge: 'Merged',
  unmerge: 'Merge undone',
};

// Enum-valued fields: their stored value → the label people chose it by.
const VALUE_LABELS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  type: { ...ORGANISATION_TYPE_LABELS, ...ENGAGEMENT_TYPE_LABELS },
  relationshipStage: RELATIONSHIP_STAGE_LABELS,
  relationshipRoles: RELATIONSHIP_ROLE_LABELS,
  sizeBand: SIZE_BAND_LABELS,
  region: REGION_LABELS,
  sector: SIC_SECTION_LABELS,
  preferredChannel: PREFERRED_CHANNEL_LABELS,
  lawfulBasis: LAWFUL_BASIS_LABELS,
  status: TASK_STATUS_LABELS,
};

const DATE_FIELDS = new Set(['occurredOn', 'fromDate', 'toDate', 'dueOn']);
/** Timestamps, stored as ISO instants: shown as the day they fell on. */
const INSTANT_FIELDS = new Set(['givenAt', 'withdrawnAt']);

/** What happened to a record shown in another's History, e.g. a person's roles and consent. */
const RELATED_ACTION_LABELS: Readonly<Record<string, string>> = {
  'affiliation:create': 'Role added',
  'affiliation:update': 'Role changed',
  'consent:create': 'Consent recorded',
  'consent:update': 'Consent withdrawn',
};

/** Ids the page can name (owners, departments, organisations), by id. */
export type NameLookup = (id: string) => string | undefined;

export interface FormattedChange {
  field: string;
  label: string;
  old: string;
  new: string;
}

/** "ownerId" → "Owner"; an unknown field "fooBar" → "Foo bar". */
export function auditFieldLabel(field: string): string {
  const known = AUDIT_FIELD_LABELS[field];
  if (known) return known;
  const words = field.replace(/Id$/, '').replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/_/g, ' ').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function auditActionLabel(action: string, entityType?: string): string {
  return (entityType && RELATED_ACTION_LABELS[`${entityType}:${action}`]) ?? AUDIT_ACTION_LABELS[action] ?? auditFieldLabel(action);
}

/** Events that state facts rather than edits (a creation, consent withdrawn): shown as values, not old → new. */
export function showsValuesOnly(action: string, entityType?: string): boolean {
  return action === 'create' || (entityType === 'consent' && action === 'update');
}

/**
 * The server sends strings as they are and everything else (lists, booleans, numbers) as JSON
 * text; only the unambiguous JSON shapes are parsed, so a Companies House number stays a string.
 */
export function parseAuditValue(text: string | null | undefined): unknown {
  if (text === null || text === undefined) return null;
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (text.startsWith('[') || text.startsWith('{')) {
    try {
      return JSON.parse(text);
    } catch {
      return text;
    }
  }
  return text;
}

/** One stored value in words: labels for enums, Yes/No, dates, names for ids, "—" for empty. */
export function formatAuditValue(field: string, text: string | null | undefined, lookup?: NameLookup): string {
  const value = parseAuditValue(text);
  const one = (v: unknown): string => {
    if (v === null || v === undefined || v === '') return '';
    if (typeof v === 'boolean') return v ? 'Yes' : 'No';
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    const labels = VALUE_LABELS[field];
    if (labels?.[s]) return labels[s];
    if (DATE_FIELDS.has(field)) return formatIsoDate(s);
    if (INSTANT_FIELDS.has(field)) return formatDateTime(s);
    if (/Ids?$/.test(field)) return lookup?.(s) ?? 'another record';
    return s;
  };
  const shown = Array.isArray(value) ? value.map(one).filter(Boolean).join(', ') : one(value);
  return shown || '—';
}

/** Every change of an event, labelled and in words, in a stable (label) order. */
export function formatChanges(changes: ReadonlyArray<{ field: string; old?: string | null; new?: string | null }>, lookup?: NameLookup): FormattedChange[] {
  return changes
    .map((c) => ({ field: c.field, label: auditFieldLabel(c.field), old: formatAuditValue(c.field, c.old, lookup), new: formatAuditValue(c.field, c.new, lookup) }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en-GB'));
}
