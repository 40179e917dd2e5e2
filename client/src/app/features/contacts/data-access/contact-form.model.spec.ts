import { describe, expect, it } from 'vitest';
import { invalidEmails, splitList, toCreateContactInput } from './contact-form.model';

describe('splitList', () => {
  it('splits on commas, semicolons and new lines, trimming and dropping repeats', () => {
    expect(splitList(' a@x.com, b@y.com;\nA@X.com ,, ')).toEqual(['a@x.com', 'b@y.com']);
  });
});

describe('invalidEmails', () => {
  it('names the entries that are not email addresses', () => {
    expect(invalidEmails('a@x.com, not-an-email')).toEqual(['not-an-email']);
  });
});

describe('toCreateContactInput', () => {
  it('affiliates with the chosen organisation and its role', () => {
    expect(
      toCreateContactInput({ firstName: ' Ann ', lastName: 'Lee', emails: 'ann@acme.co.uk', phones: '', jobTitle: '', organisation: { id: 'o1', name: 'Acme' }, role: 'HR lead' }),
    ).toEqual({ firstName: 'Ann', lastName: 'Lee', emails: ['ann@acme.co.uk'], phones: [], jobTitle: null, organisationId: 'o1', role: 'HR lead' });
  });

  it('sends no role without an organisation chosen from the list', () => {
    expect(toCreateContactInput({ firstName: 'A', lastName: 'B', emails: '', phones: '', jobTitle: '', organisation: 'Acm', role: 'HR lead' })).toMatchObject({
      organisationId: null,
      role: null,
    });
  });
});
