import { describe, expect, it } from 'vitest';
import type { OrganisationDetailFragment } from '../../../graphql/generated';
import {
  changedFields,
  emptyOrganisationForm,
  formValueFromOrganisation,
  humaniseFieldMessage,
  mergeAfterConflict,
  splitList,
  toOrganisationInput,
  toUpdateInput,
} from './organisation-form.model';

const organisation: OrganisationDetailFragment = {
  id: 'o1',
  version: 3,
  name: 'Acme Engineering',
  legalName: 'Acme Engineering Ltd',
  tradingNames: ['Acme'],
  aliases: ['AE'],
  type: 'employer',
  sector: 'C',
  sizeBand: 'small',
  companiesHouseNumber: '01234567',
  website: 'https://acme.co.uk',
  addressLine1: '1 Quayside',
  addressLine2: null,
  town: 'Newcastle upon Tyne',
  postcode: 'NE1 7RU',
  region: 'north_east',
  relationshipStage: 'active',
  relationshipRoles: ['customer'],
  tags: ['engineering', 'sme'],
  ownerId: 'u1',
  owner: { id: 'u1', name: 'Sam Patel', email: 'sam@college.ac.uk' },
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00Z',
  updatedAt: '2026-01-02T00:00:00Z',
};

describe('splitList', () => {
  it('trims, drops blanks and repeats ignoring case', () => {
    expect(splitList(' sme, Engineering,, engineering ,placements')).toEqual(['sme', 'Engineering', 'placements']);
    expect(splitList('')).toEqual([]);
  });
});

describe('toOrganisationInput', () => {
  it('turns empty text into null so a cleared field is cleared', () => {
    const input = toOrganisationInput({ ...emptyOrganisationForm(), name: '  Acme  ' });
    expect(input.name).toBe('Acme');
    expect(input.legalName).toBeNull();
    expect(input.sector).toBeNull();
    expect(input.ownerId).toBeNull();
    expect(input.tags).toEqual([]);
  });

  it('normalises the postcode and Companies House number as the server stores them', () => {
    const input = toOrganisationInput({ ...emptyOrganisationForm(), name: 'A', postcode: 'ne17ru', companiesHouseNumber: 'sc 123456' });
    expect(input.postcode).toBe('NE1 7RU');
    expect(input.companiesHouseNumber).toBe('SC123456');
  });

  it('round-trips a loaded organisation', () => {
    const input = toOrganisationInput(formValueFromOrganisation(organisation));
    expect(input).toMatchObject({ name: 'Acme Engineering', sector: 'C', tags: ['engineering', 'sme'], tradingNames: ['Acme'], aliases: ['AE'], ownerId: 'u1', addressLine2: null });
  });
});

describe('toUpdateInput', () => {
  it('sends only the fields that changed', () => {
    const base = formValueFromOrganisation(organisation);
    expect(toUpdateInput(base, { ...base, town: 'Gateshead', tags: 'engineering, sme, ktp' })).toEqual({
      town: 'Gateshead',
      tags: ['engineering', 'sme', 'ktp'],
    });
  });

  it('sends the whole alias list when one was added or removed', () => {
    const base = formValueFromOrganisation(organisation);
    expect(toUpdateInput(base, { ...base, aliases: ['AE', 'Acme Eng'] })).toEqual({ aliases: ['AE', 'Acme Eng'] });
    expect(toUpdateInput(base, { ...base, aliases: [] })).toEqual({ aliases: [] });
  });

  it('does not count a re-spaced postcode as a change', () => {
    const base = formValueFromOrganisation(organisation);
    expect(changedFields(base, { ...base, postcode: 'ne1 7ru' })).toEqual([]);
  });

  it('sends null for a field that was cleared', () => {
    const base = formValueFromOrganisation(organisation);
    expect(toUpdateInput(base, { ...base, website: '' })).toEqual({ website: null });
  });
});

describe('mergeAfterConflict', () => {
  const base = formValueFromOrganisation(organisation);

  it("keeps my edits and takes their changes to fields I did not touch", () => {
    const theirs = { ...base, relationshipStage: 'strategic_partner' as const, town: 'Sunderland' };
    const mine = { ...base, name: 'Acme Engineering Group' };
    const merged = mergeAfterConflict(base, theirs, mine);
    expect(merged.value.name).toBe('Acme Engineering Group');
    expect(merged.value.relationshipStage).toBe('strategic_partner');
    expect(merged.value.town).toBe('Sunderland');
    expect(merged.kept).toEqual(['name']);
    expect(merged.overlapping).toEqual([]);
  });

  it('flags a field we both changed to different values, keeping mine', () => {
    const theirs = { ...base, town: 'Sunderland' };
    const mine = { ...base, town: 'Gateshead' };
    const merged = mergeAfterConflict(base, theirs, mine);
    expect(merged.value.town).toBe('Gateshead');
    expect(merged.overlapping).toEqual(['town']);
  });

  it('does not flag a field we both changed the same way', () => {
    const merged = mergeAfterConflict(base, { ...base, town: 'Gateshead' }, { ...base, town: 'Gateshead' });
    expect(merged.overlapping).toEqual([]);
  });
});

describe('humaniseFieldMessage', () => {
  it("replaces the server's field name with the label", () => {
    expect(humaniseFieldMessage('companiesHouseNumber', 'companiesHouseNumber must be 8 digits')).toBe('Companies House number must be 8 digits');
    expect(humaniseFieldMessage('postcode', 'Enter a postcode')).toBe('Enter a postcode');
    expect(humaniseFieldMessage('unknownField', 'unknownField is odd')).toBe('unknownField is odd');
  });
});
