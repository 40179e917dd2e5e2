import type { CreateContactInput } from '../../../graphql/generated';

export interface ContactFormValue {
  firstName: string;
  lastName: string;
  emails: string;
  phones: string;
  jobTitle: string;
  organisation: { id: string; name: string } | string | null;
  role: string;
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

/** The emails in the text that do not look like email addresses. */
export function invalidEmails(text: string): string[] {
  return splitList(text).filter((e) => !EMAIL.test(e));
}

export function toCreateContactInput(value: ContactFormValue): CreateContactInput {
  const organisationId = typeof value.organisation === 'object' && value.organisation ? value.organisation.id : null;
  return {
    firstName: value.firstName.trim(),
    lastName: value.lastName.trim(),
    emails: splitList(value.emails),
    phones: splitList(value.phones),
    jobTitle: value.jobTitle.trim() || null,
    organisationId,
    role: organisationId ? value.role.trim() || null : null,
  };
}
