import type { EngagementType, TimelineFilter, TimelineQueryVariables } from '../../../graphql/generated';
import { ENGAGEMENT_TYPE_LABELS } from '../../../shared/labels/enum-labels';

export const TIMELINE_PAGE_SIZE = 20;

/** Whose timeline: an organisation's, a person's, or a colleague's. */
export type TimelineScope = { organisationId: string } | { contactId: string } | { staffId: string };

/** The Type filter's extra choice: only opportunities moving between stages. */
export const OPPORTUNITY_MOVES = 'opportunity_moves';

/** The filters above a timeline; '' means "any". */
export interface TimelineFilterState {
  /** An engagement type, or OPPORTUNITY_MOVES. */
  type: EngagementType | typeof OPPORTUNITY_MOVES | '';
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
  const filter: TimelineFilter = { ...scope };
  // An engagement type shows only engagements; "Opportunity moves" only the stage moves.
  if (state.type === OPPORTUNITY_MOVES) filter.kinds = ['OPPORTUNITY_MOVE'];
  else if (state.type && state.type in ENGAGEMENT_TYPE_LABELS) {
    filter.kinds = ['ENGAGEMENT'];
    filter.types = [state.type];
  }
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

/** "1 entry", "3,012 entries": engagements and opportunity moves together. */
export function entryCount(total: number): string {
  return `${total.toLocaleString('en-GB')} ${total === 1 ? 'entry' : 'entries'}`;
}
