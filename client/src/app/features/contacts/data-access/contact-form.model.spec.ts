import { describe, expect, it } from 'vitest';
import type { ContactDetailFragment } from '../../../graphql/generated';
import {
  changedContactFields,
  ContactFormValue,
  emptyContactForm,
  formValueFromContact,
  humaniseContactMessage,
  invalidEmails,
  invalidPhones,
  mergeContactAfterConflict,
  splitList,
  toCreateContactInput,
  toUpdateContactInput,
} from './contact-form.model';

const form = (overrides: Partial<ContactFormValue> = {}): ContactFormValue => ({ ...emptyContactForm(), firstName: 'Ann', lastName: 'Lee', ...overrides });

const contact: ContactDetailFragment = {
  id: 'c1',
  version: 3,
  name: 'Ann Lee',
  firstName: 'Ann',
  lastName: 'Lee',
  emails: ['ann@acme.co.uk'],
  phones: ['0191 222 6000'],
  jobTitle: 'HR Manager',
  preferredChannel: 'email',
  lawfulBasis: 'legitimate_interests',
  marketingOptIn: false,
  tags: ['placements', 'apprenticeships'],
  owner: null,
  archivedAt: null,
  createdAt: '2025-01-01T00:00:00Z',
  updatedAt: '2025-01-01T00:00:00Z',
};

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

describe('invalidPhones', () => {
  it('names the numbers the server would refuse', () => {
    expect(invalidPhones('0191 222 6000, +44 (0)191 222 6000, call me')).toEqual(['call me']);
  });
});

describe('toCreateContactInput', () => {
  it('affiliates with the chosen organisation and its role', () => {
    expect(
      toCreateContactInput(form({ firstName: ' Ann ', emails: 'Ann@Acme.co.uk', organisation: { id: 'o1', name: 'Acme' }, role: 'HR lead', tags: 'cpd, CPD' })),
    ).toEqual({
      firstName: 'Ann',
      lastName: 'Lee',
      emails: ['ann@acme.co.uk'],
      phones: [],
      jobTitle: null,
      preferredChannel: null,
      lawfulBasis: null,
      lawfulBasisEvidence: null,
      lawfulBasisOn: null,
      marketingOptIn: false,
      tags: ['cpd'],
      organisationId: 'o1',
      role: 'HR lead',
    });
  });

  it('sends no role without an organisation chosen from the list', () => {
    expect(toCreateContactInput(form({ organisation: 'Acm', role: 'HR lead' }))).toMatchObject({ organisationId: null, role: null });
  });
});

describe('lawful basis evidence and date', () => {
  it('sends trimmed evidence and the ISO date, and clears them when emptied', () => {
    expect(toCreateContactInput(form({ lawfulBasis: 'contract', lawfulBasisEvidence: ' Contract 2025-118 ', lawfulBasisOn: '2025-09-01' }))).toMatchObject({
      lawfulBasis: 'contract', lawfulBasisEvidence: 'Contract 2025-118', lawfulBasisOn: '2025-09-01',
    });
    expect(toCreateContactInput(form({ lawfulBasisEvidence: '  ', lawfulBasisOn: '' }))).toMatchObject({ lawfulBasisEvidence: null, lawfulBasisOn: null });
  });
});

describe('formValueFromContact', () => {
  it('shows lists as comma-separated text and unset choices as empty', () => {
    expect(formValueFromContact({ ...contact, preferredChannel: null, jobTitle: null })).toMatchObject({
      emails: 'ann@acme.co.uk',
      phones: '0191 222 6000',
      tags: 'placements, apprenticeships',
      preferredChannel: '',
      jobTitle: '',
      organisation: null,
    });
  });
});

describe('toUpdateContactInput', () => {
  const base = formValueFromContact(contact);

  it('sends only the fields that changed', () => {
    expect(toUpdateContactInput(base, { ...base, jobTitle: ' Head of Talent ', marketingOptIn: true })).toEqual({ jobTitle: 'Head of Talent', marketingOptIn: true });
  });

  it('clears a field emptied in the form with null', () => {
    expect(toUpdateContactInput(base, { ...base, jobTitle: '', lawfulBasis: '' })).toEqual({ jobTitle: null, lawfulBasis: null });
  });

  it('treats retyping as no change: case of emails, spacing in lists', () => {
    expect(changedContactFields(base, { ...base, emails: 'ANN@acme.co.uk', tags: 'placements,apprenticeships ' })).toEqual([]);
  });

  it('sends the whole new list when a list changed', () => {
    expect(toUpdateContactInput(base, { ...base, tags: 'placements' })).toEqual({ tags: ['placements'] });
  });
});

describe('mergeContactAfterConflict', () => {
  const base = formValueFromContact(contact);

  it('keeps their changes and lays mine on top, naming the fields we both changed', () => {
    const theirs = { ...base, phones: '0191 000 0000', jobTitle: 'Head of HR' };
    const mine = { ...base, jobTitle: 'Head of Talent', marketingOptIn: true };
    const merge = mergeContactAfterConflict(base, theirs, mine);
    expect(merge.value).toEqual({ ...base, phones: '0191 000 0000', jobTitle: 'Head of Talent', marketingOptIn: true });
    expect(merge.kept).toEqual(['jobTitle', 'marketingOptIn']);
    expect(merge.overlapping).toEqual(['jobTitle']);
  });

  it('does not flag a field we both changed to the same value', () => {
    const same = { ...base, jobTitle: 'Head of HR' };
    expect(mergeContactAfterConflict(base, same, same).overlapping).toEqual([]);
  });
});

describe('humaniseContactMessage', () => {
  it('names fields as the form labels them', () => {
    expect(humaniseContactMessage('jobTitle', 'jobTitle must be shorter than or equal to 200 characters')).toBe('Job title must be shorter than or equal to 200 characters');
    expect(humaniseContactMessage('phones', 'each of phones must be a phone number')).toBe('Each of the phones must be a phone number');
    expect(humaniseContactMessage('emails', 'another contact already has this email address')).toBe('Another contact already has this email address');
  });
});
