import { describe, expect, it } from 'vitest';
import { dueLabel, nameConfirmed } from './privacy.model';

describe('dueLabel', () => {
  it('says how long is left, today, or how late', () => {
    expect(dueLabel({ status: 'open', daysLeft: 5 })).toBe('Due in 5 days');
    expect(dueLabel({ status: 'open', daysLeft: 1 })).toBe('Due in 1 day');
    expect(dueLabel({ status: 'open', daysLeft: 0 })).toBe('Due today');
    expect(dueLabel({ status: 'open', daysLeft: -3 })).toBe('3 days overdue');
  });

  it('says when a completed request was answered', () => {
    expect(dueLabel({ status: 'completed', daysLeft: -40, completedOn: '2026-02-01' })).toBe('Completed 2026-02-01');
  });
});

describe('nameConfirmed', () => {
  it('accepts the name in any case, not a near miss or nothing', () => {
    expect(nameConfirmed(' jo bloggs ', 'Jo Bloggs')).toBe(true);
    expect(nameConfirmed('Jo Blogs', 'Jo Bloggs')).toBe(false);
    expect(nameConfirmed('', '')).toBe(false);
  });
});
