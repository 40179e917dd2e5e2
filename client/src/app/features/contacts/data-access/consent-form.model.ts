import type { ConsentChannel, ConsentInput } from '../../../graphql/generated';
export { CONSENT_CHANNEL_LABELS } from '../../../shared/labels/enum-labels';
import { todayIso, toIsoDate } from '../../../shared/dates/dates';

/** Offered as people type; anything else may be entered. */
export const CONSENT_PURPOSE_SUGGESTIONS = ['Marketing emails', 'Newsletter', 'Event invitations', 'Research participation', 'Case studies and publicity'];
export const CONSENT_METHOD_SUGGESTIONS = ['Web form', 'Email', 'Verbal', 'Paper form', 'Signed at event', 'Phone call'];

export interface ConsentFormValue {
  purpose: string;
  method: string;
  /** The channel the consent covers; '' until chosen. */
  channel: ConsentChannel | '';
  /** The day it was given, as the date picker holds it. */
  givenOn: Date | null;
}

/** The suggestions containing what was typed (all of them before anything is typed). */
export function matchingSuggestions(suggestions: readonly string[], text: string): string[] {
  const needle = text.trim().toLowerCase();
  return suggestions.filter((s) => s.toLowerCase().includes(needle) && s.toLowerCase() !== needle);
}

export function givenInFuture(givenOn: Date | null, now: Date = new Date()): boolean {
  const day = toIsoDate(givenOn);
  return !!day && day > todayIso(now);
}

/**
 * givenAt is a moment: today's consent is stamped now; an earlier day at midday local time, so it
 * reads as that day in any UK time zone offset.
 */
export function toConsentInput(contactId: string, value: ConsentFormValue, now: Date = new Date()): ConsentInput {
  const day = value.givenOn ?? now;
  const sameDay = toIsoDate(day) === todayIso(now);
  const givenAt = sameDay ? now : new Date(day.getFullYear(), day.getMonth(), day.getDate(), 12);
  return { contactId, purpose: value.purpose.trim(), method: value.method.trim(), channel: value.channel || 'unspecified', givenAt: givenAt.toISOString() };
}
