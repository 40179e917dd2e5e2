import { describe, expect, it } from 'vitest';
import { changedUserFields, needsDepartment, toInviteInput } from './user-form';

describe('toInviteInput', () => {
  it('trims, lower-cases the email and copies the departments', () => {
    expect(toInviteInput({ email: ' Sam@College.AC.UK ', name: ' Sam Patel ', role: 'staff', departmentIds: ['d1'] }))
      .toEqual({ email: 'sam@college.ac.uk', name: 'Sam Patel', role: 'staff', departmentIds: ['d1'] });
  });
});

describe('changedUserFields', () => {
  const before = { name: 'Sam', role: 'staff' as const, departments: [{ id: 'a' }, { id: 'b' }] };
  it('keeps only what changed, comparing departments as a set', () => {
    expect(changedUserFields(before, { email: '', name: 'Sam', role: 'staff', departmentIds: ['b', 'a'] })).toEqual({});
    expect(changedUserFields(before, { email: '', name: 'Sam P', role: 'manager', departmentIds: ['a'] })).toEqual({ name: 'Sam P', role: 'manager', departmentIds: ['a'] });
  });
});

describe('needsDepartment', () => {
  it('asks staff for a department, not viewers, managers or admins', () => {
    expect(needsDepartment({ role: 'staff', departmentIds: [] })).toBe(true);
    expect(needsDepartment({ role: 'staff', departmentIds: ['a'] })).toBe(false);
    expect(needsDepartment({ role: 'admin', departmentIds: [] })).toBe(false);
    expect(needsDepartment({ role: 'viewer', departmentIds: [] })).toBe(false);
  });
});
