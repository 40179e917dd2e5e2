import type { ContactDetailFragment, CreateContactInput, LawfulBasis, PreferredChannel, UpdateContactInput } from '../../../graphql/generated';

/** What the form holds: text as typed, '' for "not set", lists as comma-separated text. */
export interface ContactFormValue {
  firstName: string;
  lastName: string;
  emails: string;
  phones: string;
  jobTitle: string;
  preferredChannel: PreferredChannel | '';
  lawfulBasis: LawfulBasis | '';
  /** What shows the basis holds, e.g. "LIA 2025-03". */
  lawfulBasisEvidence: string;
  /** ISO date the basis was established, '' when not recorded. */
  lawfulBasisOn: string;
  marketingOptIn: boolean;
  tags: string;
  /** Creating only: where they work now (an edit manages affiliations on the contact page). */
  organisation: { id: string; name: string } | string | null;
  role: string;
}

export type ContactField = keyof ContactFormValue;

/** The labels people see (and the e2e journeys find fields by). */
export const CONTACT_FIELD_LABELS: Record<ContactField, string> = {
  firstName: 'First name',
  lastName: 'Last name',
  emails: 'Emails',
  phones: 'Phones',
  jobTitle: 'Job title',
  preferredChannel: 'Preferred channel',
  lawfulBasis: 'Lawful basis',
  lawfulBasisEvidence: 'Evidence for the basis',
  lawfulBasisOn: 'Basis established on',
  marketingOptIn: 'Marketing opt-in',
  tags: 'Tags',
  organisation: 'Organisation',
  role: 'Role',
};

/** The fields an edit can change; organisation and role belong to affiliations. */
export const EDITABLE_FIELDS = ['firstName', 'lastName', 'emails', 'phones', 'jobTitle', 'preferredChannel', 'lawfulBasis', 'lawfulBasisEvidence', 'lawfulBasisOn', 'marketingOptIn', 'tags'] as const;
export type EditableContactField = (typeof EDITABLE_FIELDS)[number];

export function emptyContactForm(): ContactFormValue {
  return {
    firstName: '',
    lastName: '',
    emails: '',
    phones: '',
    jobTitle: '',
    preferredChannel: '',
    lawfulBasis: '',
    lawfulBasisEvidence: '',
    lawfulBasisOn: '',
    marketingOptIn: false,
    tags: '',
    organisation: null,
    role: '',
  };
}

/** "a@x.com, b@y.com; c@z.com" or one a line → a clean list without repeats. */
export function splitList(text: string): string[] {
  const seen = new Set<string>();
  return text
    .split(/[,;\n]/)
    .map((part) => part.trim())
    .filter((part) => part && !seen.has(part.toLowerCase()) && seen.add(part.toLowerCase()));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
// As the server checks them: digits, spaces, +, brackets and dashes.
const PHONE = /^\+?[0-9 ()-]{6,24}$/;

/** The emails in the text that do not look like email addresses. */
export function invalidEmails(text: string): string[] {
  return splitList(text).filter((e) => !EMAIL.test(e));
}

/** The phone numbers in the text the server would refuse. */
export function invalidPhones(text: string): string[] {
  return splitList(text).filter((p) => !PHONE.test(p));
}

export function formValueFromContact(contact: ContactDetailFragment): ContactFormValue {
  return {
    firstName: contact.firstName,
    lastName: contact.lastName,
    emails: contact.emails.join(', '),
    phones: contact.phones.join(', '),
    jobTitle: contact.jobTitle ?? '',
    preferredChannel: contact.preferredChannel ?? '',
    lawfulBasis: contact.lawfulBasis ?? '',
    lawfulBasisEvidence: contact.lawfulBasisEvidence ?? '',
    lawfulBasisOn: contact.lawfulBasisOn ?? '',
    marketingOptIn: contact.marketingOptIn,
    tags: contact.tags.join(', '),
    organisation: null,
    role: '',
  };
}

interface ContactDetailsInput {
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  jobTitle: string | null;
  preferredChannel: PreferredChannel | null;
  lawfulBasis: LawfulBasis | null;
  lawfulBasisEvidence: string | null;
  lawfulBasisOn: string | null;
  marketingOptIn: boolean;
  tags: string[];
}

/** The person's details as the API takes them; '' becomes null so a cleared field is cleared. */
function detailsInput(value: ContactFormValue): ContactDetailsInput {
  return {
    firstName: value.firstName.trim(),
    lastName: value.lastName.trim(),
    emails: splitList(value.emails).map((e) => e.toLowerCase()),
    phones: splitList(value.phones),
    jobTitle: value.jobTitle.trim() || null,
    preferredChannel: value.preferredChannel || null,
    lawfulBasis: value.lawfulBasis || null,
    lawfulBasisEvidence: value.lawfulBasisEvidence.trim() || null,
    lawfulBasisOn: value.lawfulBasisOn || null,
    marketingOptIn: value.marketingOptIn,
    tags: splitList(value.tags),
  };
}

export function toCreateContactInput(value: ContactFormValue): CreateContactInput {
  const organisationId = typeof value.organisation === 'object' && value.organisation ? value.organisation.id : null;
  return {
    ...detailsInput(value),
    organisationId,
    role: organisationId ? value.role.trim() || null : null,
  };
}

/** The fields whose stored value would differ: retyping "A@X.com" as "a@x.com" is no change. */
export function changedContactFields(base: ContactFormValue, current: ContactFormValue): EditableContactField[] {
  const a = detailsInput(base);
  const b = detailsInput(current);
  return EDITABLE_FIELDS.filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]));
}

/** Only what changed, so saving never overwrites a colleague's edit to another field. */
export function toUpdateContactInput(base: ContactFormValue, current: ContactFormValue): UpdateContactInput {
  const full = detailsInput(current);
  const input: Record<string, unknown> = {};
  for (const field of changedContactFields(base, current)) input[field] = full[field];
  return input as UpdateContactInput;
}

export interface ContactConflictMerge {
  /** Their latest record with this person's own edits laid on top. */
  value: ContactFormValue;
  kept: EditableContactField[];
  /** Fields both people changed, to different values: worth a second look. */
  overlapping: EditableContactField[];
}

/** After CONFLICT: start from the colleague's saved version and re-apply what this person changed. */
export function mergeContactAfterConflict(base: ContactFormValue, theirs: ContactFormValue, mine: ContactFormValue): ContactConflictMerge {
  const kept = changedContactFields(base, mine);
  const value = { ...theirs } as Record<ContactField, unknown>;
  for (const field of kept) value[field] = mine[field];
  const theirChanges = new Set(changedContactFields(base, theirs));
  const differ = new Set(changedContactFields(theirs, mine));
  const overlapping = kept.filter((field) => theirChanges.has(field) && differ.has(field));
  return { value: value as unknown as ContactFormValue, kept, overlapping };
}

/** "jobTitle must be …" → "Job title must be …"; "each of phones must …" → "Each of the phones must …". */
export function humaniseContactMessage(field: string, message: string): string {
  const label = (CONTACT_FIELD_LABELS as Record<string, string>)[field];
  if (!label) return message;
  const text = message.startsWith(field) ? label + message.slice(field.length) : message.replace(`each of ${field}`, `each of the ${label.toLowerCase()}`);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
