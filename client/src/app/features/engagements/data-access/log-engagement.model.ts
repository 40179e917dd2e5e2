import type { EngagementType, LogEngagementInput } from '../../../graphql/generated';
import { addDaysIso, todayIso } from '../../../shared/dates/dates';

export interface NamedRef {
  id: string;
  name: string;
}

/** What the Log engagement dialog holds; the organisation is a choice, or the text typed so far. */
export interface LogEngagementFormValue {
  organisation: NamedRef | string | null;
  contacts: NamedRef[];
  type: EngagementType;
  occurredOn: string;
  summary: string;
  details: string;
  departmentId: string;
  addFollowUp: boolean;
  followUpTitle: string;
  followUpDueOn: string;
}

export type LogEngagementField = 'organisation' | 'contacts' | 'type' | 'occurredOn' | 'summary' | 'details' | 'departmentId' | 'followUpTitle' | 'followUpDueOn';

export const DEFAULT_ENGAGEMENT_TYPE: EngagementType = 'meeting';

/** A fresh form: a meeting, today, in the person's first department, at the organisation on screen. */
export function emptyLogEngagementForm(defaults: { organisation?: NamedRef | null; contacts?: NamedRef[]; departmentId?: string | null; today?: string } = {}): LogEngagementFormValue {
  return {
    organisation: defaults.organisation ?? null,
    contacts: defaults.contacts ?? [],
    type: DEFAULT_ENGAGEMENT_TYPE,
    occurredOn: defaults.today ?? todayIso(),
    summary: '',
    details: '',
    departmentId: defaults.departmentId ?? '',
    addFollowUp: false,
    followUpTitle: '',
    followUpDueOn: '',
  };
}

/** A follow-up is due a week later unless the person says otherwise. */
export function defaultFollowUpDue(occurredOn: string, days = 7): string {
  return addDaysIso(/^\d{4}-\d{2}-\d{2}$/.test(occurredOn) ? occurredOn : todayIso(), days);
}

export const isChosen = (value: NamedRef | string | null): value is NamedRef => typeof value === 'object' && value !== null;

const text = (value: string) => value.trim() || null;

/** The mutation input: trimmed, empty optional values left out so the server's defaults apply. */
export function toLogEngagementInput(value: LogEngagementFormValue): LogEngagementInput {
  const input: LogEngagementInput = {
    type: value.type,
    summary: value.summary.trim(),
    occurredOn: value.occurredOn || null,
    details: text(value.details),
    organisationId: isChosen(value.organisation) ? value.organisation.id : null,
    contactIds: value.contacts.map((c) => c.id),
  };
  if (value.departmentId) input.departmentId = value.departmentId;
  if (value.addFollowUp && value.followUpTitle.trim()) input.followUp = { title: value.followUpTitle.trim(), dueOn: value.followUpDueOn || null };
  return input;
}

/** The server names fields as the input does ("input.followUp.title"); the form's names differ in places. */
export function formFieldForServerField(path: string): LogEngagementField | null {
  const parts = path.split('.').filter((p) => p !== 'input');
  const key = parts.join('.');
  const map: Record<string, LogEngagementField> = {
    organisationId: 'organisation',
    contactIds: 'contacts',
    type: 'type',
    occurredOn: 'occurredOn',
    summary: 'summary',
    details: 'details',
    departmentId: 'departmentId',
    'followUp.title': 'followUpTitle',
    'followUp.dueOn': 'followUpDueOn',
    title: 'followUpTitle',
    dueOn: 'followUpDueOn',
  };
  return map[key] ?? map[parts[parts.length - 1] ?? ''] ?? null;
}
