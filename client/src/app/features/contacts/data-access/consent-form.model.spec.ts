import { describe, expect, it } from 'vitest';
import { CONSENT_METHOD_SUGGESTIONS, givenInFuture, matchingSuggestions, toConsentInput } from './consent-form.model';

const now = new Date(2025, 2, 12, 14, 30);

describe('toConsentInput', () => {
  it('stamps consent given today with the current time', () => {
    expect(toConsentInput('c1', { purpose: ' Newsletter ', method: 'Web form ', channel: 'email', givenOn: new Date(2025, 2, 12) }, now)).toEqual({
      contactId: 'c1',
      purpose: 'Newsletter',
      method: 'Web form',
      channel: 'email',
      givenAt: now.toISOString(),
    });
  });

  it('stamps an earlier day at midday, local time', () => {
    expect(toConsentInput('c1', { purpose: 'Newsletter', method: 'Paper form', channel: '', givenOn: new Date(2025, 1, 3) }, now).givenAt).toBe(new Date(2025, 1, 3, 12).toISOString());
  });
});

describe('givenInFuture', () => {
  it('is true only for a day after today', () => {
    expect(givenInFuture(new Date(2025, 2, 13), now)).toBe(true);
    expect(givenInFuture(new Date(2025, 2, 12), now)).toBe(false);
    expect(givenInFuture(null, now)).toBe(false);
  });
});

describe('matchingSuggestions', () => {
  it('offers every suggestion before typing, then those containing the text', () => {
    expect(matchingSuggestions(CONSENT_METHOD_SUGGESTIONS, '')).toEqual(CONSENT_METHOD_SUGGESTIONS);
    expect(matchingSuggestions(CONSENT_METHOD_SUGGESTIONS, 'form')).toEqual(['Web form', 'Paper form']);
  });

  it('stops offering a suggestion once it is typed in full', () => {
    expect(matchingSuggestions(CONSENT_METHOD_SUGGESTIONS, 'email')).toEqual([]);
  });
});
