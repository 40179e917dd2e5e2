import type {
  CreateOrganisationInput,
  LegalForm,
  OrganisationDetailFragment,
  OrganisationType,
  Region,
  RelationshipRole,
  RelationshipStage,
  SicSection,
  SizeBand,
  UpdateOrganisationInput,
} from '../../../graphql/generated';
import { normaliseCompaniesHouseNumber, normalisePostcode } from '../../../shared/validation/organisation-rules';

/** What the form holds: text as typed, '' for "not set", lists as comma-separated text. */
export interface OrganisationFormValue {
  name: string;
  legalName: string;
  tradingNames: string;
  /** Edited as chips, so already a list. */
  aliases: string[];
  type: OrganisationType;
  sector: SicSection | '';
  sizeBand: SizeBand | '';
  /** Sole traders and non-LLP partnerships count as individuals for email marketing (PECR). */
  legalForm: LegalForm | '';
  companiesHouseNumber: string;
  website: string;
  addressLine1: string;
  addressLine2: string;
  town: string;
  postcode: string;
  region: Region | '';
  relationshipStage: RelationshipStage;
  relationshipRoles: RelationshipRole[];
  ownerId: string;
  tags: string;
}

export type OrganisationField = keyof OrganisationFormValue;

/** The labels people see; the e2e journeys find fields by these. */
export const FIELD_LABELS: Record<OrganisationField, string> = {
  name: 'Name',
  legalName: 'Legal name',
  tradingNames: 'Trading names',
  aliases: 'Aliases',
  type: 'Type',
  sector: 'Sector',
  sizeBand: 'Size band',
  legalForm: 'Legal form',
  companiesHouseNumber: 'Companies House number',
  website: 'Website',
  addressLine1: 'Address line 1',
  addressLine2: 'Address line 2',
  town: 'Town',
  postcode: 'Postcode',
  region: 'Region',
  relationshipStage: 'Relationship stage',
  relationshipRoles: 'Relationship roles',
  ownerId: 'Owner',
  tags: 'Tags',
};

export const FIELDS = Object.keys(FIELD_LABELS) as OrganisationField[];

export function emptyOrganisationForm(ownerId = ''): OrganisationFormValue {
  return {
    name: '',
    legalName: '',
    tradingNames: '',
    aliases: [],
    type: 'employer',
    sector: '',
    sizeBand: '',
    legalForm: '',
    companiesHouseNumber: '',
    website: '',
    addressLine1: '',
    addressLine2: '',
    town: '',
    postcode: '',
    region: '',
    relationshipStage: 'prospect',
    relationshipRoles: [],
    ownerId,
    tags: '',
  };
}

/** "a, b ,, a" → ["a", "b"]: trimmed, blanks dropped, repeats (ignoring case) dropped. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of text.split(/[,\n]/)) {
    const item = part.trim();
    if (item && !seen.has(item.toLowerCase())) {
      seen.add(item.toLowerCase());
      out.push(item);
    }
  }
  return out;
}

export const joinList = (items: readonly string[] | null | undefined): string => (items ?? []).join(', ');

export function formValueFromOrganisation(org: OrganisationDetailFragment): OrganisationFormValue {
  return {
    name: org.name,
    legalName: org.legalName ?? '',
    tradingNames: joinList(org.tradingNames),
    aliases: [...org.aliases],
    type: org.type,
    sector: org.sector ?? '',
    sizeBand: org.sizeBand ?? '',
    legalForm: org.legalForm ?? '',
    companiesHouseNumber: org.companiesHouseNumber ?? '',
    website: org.website ?? '',
    addressLine1: org.addressLine1 ?? '',
    addressLine2: org.addressLine2 ?? '',
    town: org.town ?? '',
    postcode: org.postcode ?? '',
    region: org.region ?? '',
    relationshipStage: org.relationshipStage,
    relationshipRoles: [...org.relationshipRoles],
    ownerId: org.ownerId ?? org.owner?.id ?? '',
    tags: joinList(org.tags),
  };
}

const textOrNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The mutation input for the whole form; '' becomes null so a cleared field is cleared on the server. */
export function toOrganisationInput(value: OrganisationFormValue): CreateOrganisationInput {
  const companiesHouseNumber = textOrNull(value.companiesHouseNumber);
  const postcode = textOrNull(value.postcode);
  return {
    name: value.name.trim(),
    legalName: textOrNull(value.legalName),
    tradingNames: splitList(value.tradingNames),
    aliases: [...value.aliases],
    type: value.type,
    sector: value.sector || null,
    sizeBand: value.sizeBand || null,
    legalForm: value.legalForm || null,
    companiesHouseNumber: companiesHouseNumber && normaliseCompaniesHouseNumber(companiesHouseNumber),
    website: textOrNull(value.website),
    addressLine1: textOrNull(value.addressLine1),
    addressLine2: textOrNull(value.addressLine2),
    town: textOrNull(value.town),
    postcode: postcode && normalisePostcode(postcode),
    region: value.region || null,
    relationshipStage: value.relationshipStage,
    relationshipRoles: [...value.relationshipRoles],
    ownerId: value.ownerId || null,
    tags: splitList(value.tags),
  };
}

/** Compares as the server would store it, so "ne17ru" and "NE1 7RU" are the same postcode. */
function sameField(field: OrganisationField, a: OrganisationFormValue, b: OrganisationFormValue): boolean {
  const inputA = toOrganisationInput(a) as Record<string, unknown>;
  const inputB = toOrganisationInput(b) as Record<string, unknown>;
  const normalise = (v: unknown) => (Array.isArray(v) ? JSON.stringify([...v].sort()) : JSON.stringify(v ?? null));
  return normalise(inputA[field]) === normalise(inputB[field]);
}

/** The fields the person changed since `base` (the record as loaded). */
export function changedFields(base: OrganisationFormValue, current: OrganisationFormValue): OrganisationField[] {
  return FIELDS.filter((field) => !sameField(field, base, current));
}

/** An update sends only what changed, so it never overwrites a colleague's edit to another field. */
export function toUpdateInput(base: OrganisationFormValue, current: OrganisationFormValue): UpdateOrganisationInput {
  const full = toOrganisationInput(current) as Record<string, unknown>;
  const input: Record<string, unknown> = {};
  for (const field of changedFields(base, current)) input[field] = full[field];
  return input as UpdateOrganisationInput;
}

export interface ConflictMerge {
  /** Their latest record with the person's own edits laid on top. */
  value: OrganisationFormValue;
  /** Fields the person had changed: kept as they typed them. */
  kept: OrganisationField[];
  /** Of those, the fields the colleague changed too, to different values: the person should check them. */
  overlapping: OrganisationField[];
}

/**
 * After CONFLICT: start from the colleague's saved version and re-apply what this person changed,
 * so reloading never loses their edits and never undoes the colleague's other changes.
 */
export function mergeAfterConflict(base: OrganisationFormValue, theirs: OrganisationFormValue, mine: OrganisationFormValue): ConflictMerge {
  const kept = changedFields(base, mine);
  const value = { ...theirs } as Record<OrganisationField, unknown>;
  for (const field of kept) value[field] = mine[field];
  const overlapping = kept.filter((field) => !sameField(field, base, theirs) && !sameField(field, theirs, mine));
  return { value: value as unknown as OrganisationFormValue, kept, overlapping };
}

/** "companiesHouseNumber must be …" → "Companies House number must be …". */
export function humaniseFieldMessage(field: string, message: string): string {
  const label = (FIELD_LABELS as Record<string, string>)[field];
  if (!label) return message;
  return message.startsWith(field) ? label + message.slice(field.length) : message;
}
