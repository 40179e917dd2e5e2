import type { AddAssessmentActionInput } from '../../../graphql/generated';
import { addDaysIso, fromIsoDate, todayIso, toIsoDate } from '../../../shared/dates/dates';

/** What the "Add an action" form holds. */
export interface ActionFormValue {
  dimensionKey: string;
  text: string;
  ownerId: string;
  dueOn: Date | null;
}

/** The form as addAssessmentAction's input: blank owner and date left out, the text trimmed. */
export function toAddActionInput(assessmentId: string, value: ActionFormValue): AddAssessmentActionInput {
  const input: AddAssessmentActionInput = { assessmentId, dimensionKey: value.dimensionKey, text: value.text.trim() };
  if (value.ownerId) input.ownerId = value.ownerId;
  const dueOn = toIsoDate(value.dueOn);
  if (dueOn) input.dueOn = dueOn;
  return input;
}

/** A task made from an action is due in four weeks (from today's UK date) unless the action says otherwise. */
export function defaultDueDate(now: Date = new Date()): Date {
  return fromIsoDate(addDaysIso(todayIso(now), 28))!;
}
