import type { EngagementFilter, EngagementType, TimelineQueryVariables } from '../../../graphql/generated';
import { ENGAGEMENT_TYPE_LABELS } from '../../../shared/labels/enum-labels';

export const TIMELINE_PAGE_SIZE = 20;

/** Whose timeline: an organisation's, a person's, or a colleague's. */
export type TimelineScope = { organisationId: string } | { contactId: string } | { staffId: string };

/** The filters above a timeline; '' means "any". */
export interface TimelineFilterState {
  type: EngagementType | '';
  departmentId: string;
  from: string;
  to: string;
  contactId: string;
}

export const EMPTY_TIMELINE_FILTER: TimelineFilterState = { type: '', departmentId: '', from: '', to: '', contactId: '' };

export function hasTimelineFilters(state: TimelineFilterState): boolean {
  return !!(state.type || state.departmentId || state.from || state.to || state.contactId);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The Timeline query's variables. Unknown types and half-typed dates are dropped rather than sent,
 * and a reversed range is swapped: the person meant "between these two dates".
 */
export function timelineVariables(scope: TimelineScope, state: TimelineFilterState, after: string | null = null, first = TIMELINE_PAGE_SIZE): TimelineQueryVariables {
  const filter: EngagementFilter = { ...scope };
  if (state.type && state.type in ENGAGEMENT_TYPE_LABELS) filter.types = [state.type];
  if (state.departmentId) filter.departmentIds = [state.departmentId];
  // On a person's timeline the scope already names the contact.
  if (state.contactId && !('contactId' in scope)) filter.contactId = state.contactId;
  let from = ISO_DATE.test(state.from) ? state.from : '';
  let to = ISO_DATE.test(state.to) ? state.to : '';
  if (from && to && from > to) [from, to] = [to, from];
  if (from) filter.from = from;
  if (to) filter.to = to;
  return { first, after, filter };
}

/** "1 engagement", "3,012 engagements". */
export function engagementCount(total: number): string {
  return `${total.toLocaleString('en-GB')} ${total === 1 ? 'engagement' : 'engagements'}`;
}
