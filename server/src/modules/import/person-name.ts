/**
 * A person's name as one cell, split the way the contact record holds it: "Dr Jane Smith" and
 * "Smith, Jane" are both Jane / Smith. The last word is the surname unless a comma says otherwise;
 * titles before the name and letters after it (PhD, MBE) are not part of either.
 */
export interface PersonName {
  firstName: string | null;
  lastName: string | null;
}

const TITLES = new Set(['mr', 'mrs', 'ms', 'miss', 'mx', 'dr', 'prof', 'professor', 'sir', 'dame', 'lord', 'lady', 'rev', 'revd', 'cllr']);
const POST_NOMINALS = new Set(['phd', 'dphil', 'mba', 'msc', 'ma', 'bsc', 'ba', 'beng', 'meng', 'mbe', 'obe', 'cbe', 'frs', 'freng', 'jr', 'sr']);

const bare = (word: string) => word.toLowerCase().replace(/[.,]/g, '');
const words = (text: string) => text.split(/\s+/).filter(Boolean);

/** Drops titles from the front and post-nominal letters from the end. */
function core(parts: string[]): string[] {
  let start = 0;
  let end = parts.length;
  while (start < end - 1 && TITLES.has(bare(parts[start]))) start++;
  while (end > start + 1 && POST_NOMINALS.has(bare(parts[end - 1]))) end--;
  return parts.slice(start, end);
}

export function splitFullName(text: string | null): PersonName {
  const name = text?.replace(/\s+/g, ' ').trim();
  if (!name) return { firstName: null, lastName: null };
  const comma = name.indexOf(',');
  if (comma > 0) {
    // "Smith, Jane" (surname first); "Jane Smith, PhD" is a name followed by letters.
    const before = core(words(name.slice(0, comma)));
    const after = core(words(name.slice(comma + 1)));
    const afterIsLetters = after.length > 0 && after.every((w) => POST_NOMINALS.has(bare(w)));
    if (!afterIsLetters && before.length && after.length) return { firstName: after.join(' '), lastName: before.join(' ') };
    return splitFullName(name.slice(0, comma));
  }
  const parts = core(words(name));
  if (parts.length === 1) return { firstName: parts[0], lastName: null };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1] };
}
