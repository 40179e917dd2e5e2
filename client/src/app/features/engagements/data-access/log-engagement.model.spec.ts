import { describe, expect, it } from 'vitest';
import { defaultFollowUpDue, emptyLogEngagementForm, formFieldForServerField, toLogEngagementInput } from './log-engagement.model';

describe('emptyLogEngagementForm', () => {
  it('defaults to a meeting today in the given department, at the organisation on screen', () => {
    const value = emptyLogEngagementForm({ organisation: { id: 'o1', name: 'Siemens Energy UK' }, departmentId: 'd1', today: '2025-03-12' });
    expect(value).toMatchObject({ type: 'meeting', occurredOn: '2025-03-12', departmentId: 'd1', organisation: { id: 'o1' }, contacts: [], addFollowUp: false });
  });
});

describe('toLogEngagementInput', () => {
  const base = emptyLogEngagementForm({ today: '2025-03-12' });

  it('sends the chosen ids, a trimmed summary and no empty optional fields', () => {
    expect(
      toLogEngagementInput({ ...base, organisation: { id: 'o1', name: 'Acme' }, contacts: [{ id: 'c1', name: 'Ann' }], summary: '  Site visit  ', departmentId: 'd1' }),
    ).toEqual({ type: 'meeting', summary: 'Site visit', occurredOn: '2025-03-12', details: null, organisationId: 'o1', contactIds: ['c1'], departmentId: 'd1' });
  });

  it('sends no organisation for typed text that was never chosen', () => {
    expect(toLogEngagementInput({ ...base, organisation: 'Acm', summary: 'x' }).organisationId).toBeNull();
  });

  it('adds the follow-up only when asked for and titled', () => {
    expect(toLogEngagementInput({ ...base, summary: 'x', addFollowUp: true, followUpTitle: ' Send proposal ', followUpDueOn: '2025-03-19' }).followUp).toEqual({
      title: 'Send proposal',
      dueOn: '2025-03-19',
    });
    expect(toLogEngagementInput({ ...base, summary: 'x', addFollowUp: false, followUpTitle: 'Send proposal' }).followUp).toBeUndefined();
  });
});

describe('defaultFollowUpDue', () => {
  it('is a week after the engagement, across month ends', () => {
    expect(defaultFollowUpDue('2025-03-28')).toBe('2025-04-04');
  });
});

describe('formFieldForServerField', () => {
  it('maps the input paths the server names to form fields', () => {
    expect(formFieldForServerField('input.summary')).toBe('summary');
    expect(formFieldForServerField('organisationId')).toBe('organisation');
    expect(formFieldForServerField('input.followUp.dueOn')).toBe('followUpDueOn');
    expect(formFieldForServerField('somethingElse')).toBeNull();
  });
});
