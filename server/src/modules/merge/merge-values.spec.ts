import { CONTACT_MERGE, ORGANISATION_MERGE } from './merge-spec';
import { mergedValues, MergeSource } from './merge-values';

describe('mergedValues', () => {
  const survivor = { name: 'Acme Ltd', website: null, tags: ['ktp'], trading_names: ['Acme'], relationship_roles: ['customer'], aliases: ['AEL'], sic_codes: ['71122'] };
  const merged = {
    name: 'ACME Limited', website: 'https://acme.co.uk', tags: ['placements', 'ktp'], trading_names: [], relationship_roles: ['partner'], aliases: ['Acme Eng', 'AEL'], sic_codes: null,
  };

  it('should take only the fields chosen from the merged record, keeping the survivor for the rest', () => {
    const values = mergedValues(ORGANISATION_MERGE, survivor, merged, [
      { field: 'website', from: MergeSource.merged },
      { field: 'name', from: MergeSource.survivor },
    ]);
    expect(values.website).toBe('https://acme.co.uk');
    expect('name' in values).toBe(false);
  });

  it('should union list fields, survivor first, without repeats', () => {
    const values = mergedValues(ORGANISATION_MERGE, survivor, merged, []);
    expect(values).toEqual({
      tags: ['ktp', 'placements'], trading_names: ['Acme'], relationship_roles: ['customer', 'partner'], aliases: ['AEL', 'Acme Eng'], sic_codes: ['71122'],
    });
  });

  it('should treat emails differing only in case as one', () => {
    const values = mergedValues(CONTACT_MERGE, { emails: ['Jo@Acme.co.uk'], phones: [], tags: [] }, { emails: ['jo@acme.co.uk', 'jo@gmail.com'], phones: ['0191'], tags: [] }, []);
    expect(values.emails).toEqual(['Jo@Acme.co.uk', 'jo@gmail.com']);
    expect(values.phones).toEqual(['0191']);
  });

  it('should refuse an unknown or repeated field, naming fields', () => {
    expect(() => mergedValues(ORGANISATION_MERGE, survivor, merged, [{ field: 'id', from: MergeSource.merged }])).toThrow(/fields \(id is not a field/);
    expect(() => mergedValues(ORGANISATION_MERGE, survivor, merged, [
      { field: 'name', from: MergeSource.merged }, { field: 'name', from: MergeSource.survivor },
    ])).toThrow(/name is chosen twice/);
  });
});
