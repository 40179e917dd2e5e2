export const ERASED = 'Erased person';

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A function that replaces every mention of the given terms (whole words, any case) with
 * "Erased person" in a string, or in every string inside a JSON value (audit changes, snapshots).
 * Longer terms first, so "Jo Bloggs" goes before "Jo". No terms: nothing changes.
 */
export function scrubber(terms: string[]): <T>(value: T) => T {
  const unique = [...new Set(terms.map((t) => t.trim()).filter((t) => t.length >= 2))].sort((a, b) => b.length - a.length);
  if (!unique.length) return (value) => value;
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${unique.map(escapeRegExp).join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(pattern, ERASED);
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
    return value;
  };
  return scrub as <T>(value: T) => T;
}

/** What identifies a person in free text: full name both ways round, emails and phones; with `names`, also each name alone. */
export function identifyingTerms(person: { firstName: string; lastName: string; emails: string[]; phones: string[] }, names: boolean): string[] {
  const terms = [`${person.firstName} ${person.lastName}`, `${person.lastName}, ${person.firstName}`, `${person.lastName} ${person.firstName}`, ...person.emails, ...person.phones];
  return names ? [...terms, person.firstName, person.lastName] : terms;
}
