import { randomInt } from 'node:crypto';

// No 0/o, 1/l/i: the admin may read it out or copy it by hand.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/**
 * A one-time password an admin hands over (there is no email sending): three groups of four,
 * e.g. "k7qm-x3fp-9hzt", about 59 bits from the CSPRNG, and long enough for the 10-character rule.
 */
export function temporaryPassword(random: (max: number) => number = randomInt): string {
  const group = () => Array.from({ length: 4 }, () => ALPHABET[random(ALPHABET.length)]).join('');
  return [group(), group(), group()].join('-');
}
