import type { AffiliationInput, AffiliationItemFragment, UpdateAffiliationInput } from '../../../graphql/generated';
import { fromIsoDate, todayIso, toIsoDate } from '../../../shared/dates/dates';
import type { OrganisationOption } from '../../../shared/search/organisation-typeahead';

/** The affiliation dialog's fields; dates as the date picker holds them (local midnight). */
export interface AffiliationFormValue {
  /** Adding only: chosen from the typeahead (a string while typing). */
  organisation: OrganisationOption | string | null;
  role: string;
  fromDate: Date | null;
  toDate: Date | null;
  isPrimary: boolean;
}

export type AffiliationField = keyof AffiliationFormValue;

export function emptyAffiliationForm(isPrimary: boolean): AffiliationFormValue {
  return { organisation: null, role: '', fromDate: null, toDate: null, isPrimary };
}

export function affiliationFormFromItem(affiliation: AffiliationItemFragment): AffiliationFormValue {
  return {
    organisation: affiliation.organisation ? { id: affiliation.organisation.id, name: affiliation.organisation.name } : null,
    role: affiliation.role ?? '',
    fromDate: fromIsoDate(affiliation.fromDate),
    toDate: fromIsoDate(affiliation.toDate),
    isPrimary: affiliation.isPrimary,
  };
}

export const chosenOrganisation = (value: AffiliationFormValue['organisation']): OrganisationOption | null =>
  value && typeof value === 'object' ? value : null;

/** True when both dates are set and the end comes before the start (the server refuses it too). */
export function datesOutOfOrder(fromDate: Date | null, toDate: Date | null): boolean {
  const from = toIsoDate(fromDate);
  const to = toIsoDate(toDate);
  return !!from && !!to && to < from;
}

/** A new affiliation; null until an organisation has been chosen from the list. */
export function toAffiliationInput(contactId: string, value: AffiliationFormValue): AffiliationInput | null {
  const organisation = chosenOrganisation(value.organisation);
  if (!organisation) return null;
  return {
    contactId,
    organisationId: organisation.id,
    role: value.role.trim() || null,
    fromDate: toIsoDate(value.fromDate),
    toDate: toIsoDate(value.toDate),
    isPrimary: value.isPrimary,
  };
}

/** Only what changed; a cleared date is sent as null (cleared), an untouched one not at all. */
export function toUpdateAffiliationInput(original: AffiliationItemFragment, value: AffiliationFormValue): UpdateAffiliationInput {
  const input: UpdateAffiliationInput = {};
  const role = value.role.trim() || null;
  if (role !== (original.role ?? null)) input.role = role;
  const fromDate = toIsoDate(value.fromDate);
  if (fromDate !== (original.fromDate ?? null)) input.fromDate = fromDate;
  const toDate = toIsoDate(value.toDate);
  if (toDate !== (original.toDate ?? null)) input.toDate = toDate;
  if (value.isPrimary !== original.isPrimary) input.isPrimary = value.isPrimary;
  return input;
}

/** "End": they have left, as of today. */
export function endAffiliationInput(today: string = todayIso()): UpdateAffiliationInput {
  return { toDate: today };
}
