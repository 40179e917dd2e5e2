/**
 * The server's rules for organisation fields (server/src/modules/organisation/dto), mirrored so
 * people see a problem as they type; the server stays the authority and its messages are shown too.
 */
export const NAME_MAX_LENGTH = 200;
export const MAX_ALIASES = 20;
/** As server/src/modules/organisation/companies-house-number.ts: 8 digits, a prefix and 6 digits, or IP/SP/NP, 5 digits and R. */
export const COMPANIES_HOUSE_NUMBER = /^(?:[0-9]{8}|[A-Z]{2}[0-9]{6}|R0[0-9]{6}|(?:IP|SP|NP)[0-9]{5}R)$/i;
const UK_POSTCODE = /^(GIR 0AA|[A-Z]{1,2}[0-9][A-Z0-9]? [0-9][A-Z]{2})$/;

/**
 * Companies House numbers are stored upper case, without spaces, with the zeros spreadsheets
 * drop put back: "sc 12345" → "SC012345", "1234567" → "01234567", "IP123R" → "IP00123R".
 */
export function normaliseCompaniesHouseNumber(value: string): string {
  const text = value.replace(/[\s.\-/]+/g, '').toUpperCase();
  if (/^\d{1,8}$/.test(text)) return text.padStart(8, '0');
  const society = /^(IP|SP|NP)(\d{1,5})R$/.exec(text);
  if (society) return `${society[1]}${society[2].padStart(5, '0')}R`;
  const prefixed = /^([A-Z]{2}|R0)(\d{1,6})$/.exec(text);
  return prefixed ? `${prefixed[1]}${prefixed[2].padStart(6, '0')}` : text;
}

export function isCompaniesHouseNumber(value: string): boolean {
  return COMPANIES_HOUSE_NUMBER.test(normaliseCompaniesHouseNumber(value));
}

/** Any case or spacing becomes the canonical "SW1A 1AA" (the inward code is always 3 characters). */
export function normalisePostcode(value: string): string {
  const compact = value.replace(/\s+/g, '').toUpperCase();
  return compact.length > 3 ? `${compact.slice(0, -3)} ${compact.slice(-3)}` : compact;
}

export function isUkPostcode(value: string): boolean {
  return UK_POSTCODE.test(normalisePostcode(value));
}

/** A bare domain gets https://, as the server does: "example.ac.uk" → "https://example.ac.uk". */
export function normaliseWebsite(value: string): string {
  const trimmed = value.trim();
  return trimmed && !/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? `https://${trimmed}` : trimmed;
}

/** http(s) only, a host with a top-level domain, no spaces: what the server's IsUrl accepts. */
export function isWebsite(value: string): boolean {
  const candidate = normaliseWebsite(value);
  if (/\s/.test(candidate)) return false;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  const labels = url.hostname.split('.');
  const tld = labels[labels.length - 1];
  return labels.length >= 2 && labels.every((l) => l.length > 0) && /^(?:[a-z]{2,63}|xn--[a-z0-9-]{2,59})$/i.test(tld);
}

/**
 * The aliases after adding `text` (trimmed), or why it cannot be added: blank, too long, already
 * listed (ignoring case, as the server compares) or one too many.
 */
export function addAlias(aliases: readonly string[], text: string): { aliases: string[] } | { problem: string } {
  const alias = text.trim();
  if (!alias) return { problem: 'Type a name first' };
  if (alias.length > NAME_MAX_LENGTH) return { problem: `Each alias must be at most ${NAME_MAX_LENGTH} characters` };
  if (aliases.some((a) => a.toLowerCase() === alias.toLowerCase())) return { problem: `“${alias}” is already listed` };
  if (aliases.length >= MAX_ALIASES) return { problem: `At most ${MAX_ALIASES} aliases` };
  return { aliases: [...aliases, alias] };
}
