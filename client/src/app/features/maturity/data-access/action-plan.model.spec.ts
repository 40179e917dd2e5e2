import { describe, expect, it } from 'vitest';
import { defaultDueDate, toAddActionInput } from './action-plan.model';

describe('toAddActionInput', () => {
  it('trims the text and sends the owner and due date as ISO when given', () => {
    expect(toAddActionInput('a1', { dimensionKey: 'uptake', text: '  Train the placements team ', ownerId: 'u1', dueOn: new Date(2026, 2, 31) })).toEqual({
      assessmentId: 'a1', dimensionKey: 'uptake', text: 'Train the placements team', ownerId: 'u1', dueOn: '2026-03-31',
    });
  });

  it('leaves out a blank owner and date', () => {
    expect(toAddActionInput('a1', { dimensionKey: 'uptake', text: 'Write the policy', ownerId: '', dueOn: null })).toEqual({ assessmentId: 'a1', dimensionKey: 'uptake', text: 'Write the policy' });
  });
});

describe('defaultDueDate', () => {
  it('is four weeks on, at local midnight, across a month end', () => {
    const due = defaultDueDate(new Date(2026, 0, 20, 15, 30));
    expect([due.getFullYear(), due.getMonth(), due.getDate(), due.getHours()]).toEqual([2026, 1, 17, 0]);
  });

  it('counts from the UK day: at 00:30 BST on 1 August the four weeks start from 1 August', () => {
    const due = defaultDueDate(new Date('2026-07-31T23:30:00Z'));
    expect([due.getFullYear(), due.getMonth() + 1, due.getDate()]).toEqual([2026, 8, 29]);
  });
});
