import { identifyingTerms, scrubber } from './scrub-text';

const jo = { firstName: 'Jo', lastName: 'Bloggs', emails: ['jo@acme.co.uk'], phones: ['0191 222 6000'] };

describe(scrubber.name, () => {
  it('should replace the full name, email and phone in any case, leaving other words', () => {
    const scrub = scrubber(identifyingTerms(jo, false));
    expect(scrub('Met JO BLOGGS (jo@acme.co.uk, 0191 222 6000) and Sam')).toBe('Met Erased person (Erased person, Erased person) and Sam');
  });

  it('should leave a lone first name unless the record was flagged', () => {
    expect(scrubber(identifyingTerms(jo, false))('Jo said yes')).toBe('Jo said yes');
    expect(scrubber(identifyingTerms(jo, true))('Jo said yes; Bloggs too')).toBe('Erased person said yes; Erased person too');
  });

  it('should match whole words only and treat regex characters literally', () => {
    expect(scrubber(identifyingTerms(jo, true))('Joanne Bloggsworth')).toBe('Joanne Bloggsworth');
    expect(scrubber(['a.b (x)'])('say a.b (x) not aXb (x)')).toBe('say Erased person not aXb (x)');
  });

  it('should scrub every string inside JSON values and keep their shape', () => {
    const scrub = scrubber(identifyingTerms(jo, false));
    expect(scrub({ summary: { old: 'Call Jo Bloggs', new: null }, n: 3, list: ['jo@acme.co.uk'] })).toEqual({ summary: { old: 'Call Erased person', new: null }, n: 3, list: ['Erased person'] });
  });
});
