/**
 * Company numbers as Companies House issues them: eight characters, either eight digits
 * (England and Wales) or a two-character prefix naming the register and the kind of body, then
 * six digits; the Industrial and Provident / Registered Society registers write IP, SP or NP,
 * five digits and a closing R ("IP29305R"). People and spreadsheets drop the leading zeros
 * (Excel reads 01234567 as 1234567) and add spaces ("SC 012345"): normalising restores the
 * register's own form, so one company has one number and uniqueness means something.
 */

/** The prefixes on the register, with what they mean (shown when a number is refused). */
export const COMPANY_NUMBER_PREFIXES: Readonly<Record<string, string>> = {
  AC: 'assurance company (England and Wales)',
  BR: 'UK establishment of an overseas company',
  CE: 'charitable incorporated organisation (England and Wales)',
  CS: 'Scottish charitable incorporated organisation',
  FC: 'overseas company',
  GE: 'European economic interest grouping (England and Wales)',
  GN: 'European economic interest grouping (Northern Ireland)',
  GS: 'European economic interest grouping (Scotland)',
  IC: 'investment company with variable capital (England and Wales)',
  IP: 'industrial and provident / registered society (England and Wales)',
  LP: 'limited partnership (England and Wales)',
  NA: 'assurance company (Northern Ireland)',
  NC: 'limited liability partnership (Northern Ireland)',
  NF: 'overseas company (Northern Ireland)',
  NI: 'company (Northern Ireland)',
  NL: 'limited partnership (Northern Ireland)',
  NO: 'other body (Northern Ireland)',
  NP: 'industrial and provident / registered society (Northern Ireland)',
  NR: 'royal charter company (Northern Ireland)',
  NV: 'investment company with variable capital (Northern Ireland)',
  NZ: 'unregistered company (Northern Ireland)',
  OC: 'limited liability partnership (England and Wales)',
  OE: 'overseas entity',
  PC: 'protected cell company',
  R0: 'company registered in Northern Ireland before partition',
  RC: 'royal charter company (England and Wales)',
  RS: 'registered society',
  SA: 'assurance company (Scotland)',
  SC: 'company (Scotland)',
  SE: 'European public limited-liability company (Societas Europaea)',
  SF: 'overseas company (Scotland)',
  SG: 'Scottish qualifying partnership',
  SI: 'investment company with variable capital (Scotland)',
  SL: 'limited partnership (Scotland)',
  SO: 'limited liability partnership (Scotland)',
  SP: 'industrial and provident / registered society (Scotland)',
  SR: 'royal charter company (Scotland)',
  SZ: 'unregistered company (Scotland)',
  ZC: 'unregistered company (England and Wales)',
};

/** Prefixes whose society registers also write five digits and a closing R. */
const SOCIETY_PREFIXES = new Set(['IP', 'SP', 'NP']);

/** The normalised form, as the database CHECK holds it (keep the two in step: migration 1733800000000). */
export const COMPANY_NUMBER_PATTERN = /^([0-9]{8}|[A-Z]{2}[0-9]{6}|R0[0-9]{6}|(IP|SP|NP)[0-9]{5}R)$/;

export type CompanyNumberResult = { ok: true; value: string | null } | { ok: false; reason: string };

/**
 * "1234567" → "01234567", "sc 12345" → "SC012345", "IP123R" → "IP00123R"; empty → null.
 * Refuses a prefix the register does not issue, and numbers too long for their register.
 */
export function normaliseCompanyNumber(input: unknown): CompanyNumberResult {
  if (input === null || input === undefined) return { ok: true, value: null };
  const raw = String(input).trim();
  const text = raw.toUpperCase().replace(/[\s.\-/]+/g, '');
  if (text === '') return { ok: true, value: null };
  if (/^\d{1,8}$/.test(text)) return { ok: true, value: text.padStart(8, '0') };
  const m = /^([A-Z][A-Z0-9])(\d{1,6})(R?)$/.exec(text);
  if (!m) return { ok: false, reason: `"${raw}" is not a Companies House number: 8 digits (01234567) or a register prefix and 6 digits (SC012345, OC301234, IP29305R)` };
  const [, prefix, digits, society] = m;
  if (!COMPANY_NUMBER_PREFIXES[prefix]) return { ok: false, reason: `"${raw}" starts with ${prefix}, which is not a Companies House register prefix (e.g. SC, NI, OC, SO, NC, LP, SL, CE, RS, IP…R)` };
  if (society) {
    if (!SOCIETY_PREFIXES.has(prefix) || digits.length > 5) return { ok: false, reason: `"${raw}" is not a Companies House number: only IP, SP and NP society numbers end in R, with at most 5 digits (IP29305R)` };
    return { ok: true, value: `${prefix}${digits.padStart(5, '0')}R` };
  }
  return { ok: true, value: `${prefix}${digits.padStart(6, '0')}` };
}

/** The Companies House number at the end of a registry URI ("http://business.data.gov.uk/id/company/01234567"), if it is one. */
export function companyNumberFromUri(text: string): string | null {
  const m = /\/company\/([A-Za-z0-9]{1,8})\/?$/.exec(text.trim());
  if (!m) return null;
  const parsed = normaliseCompanyNumber(m[1]);
  return parsed.ok ? parsed.value : null;
}
