import { normalisePostcode } from '../../common/graphql/transforms';
import { UK_POSTCODE } from '../organisation/dto/organisation.input';

/**
 * Reading the cells of departmental spreadsheets: what people actually type (UK dates, Excel
 * serial dates, "£12,500", postcodes in any case, stray spaces) into the values the API takes.
 * Each parser returns a value, null for an empty cell, or a reason the cell cannot be read.
 */
export type Cell = string | number | boolean | Date | null | undefined;
export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });

/** Trims, drops a byte-order mark and non-breaking spaces, collapses runs of whitespace; '' is null. */
export function cleanText(cell: Cell): string | null {
  if (cell === null || cell === undefined) return null;
  const text = (cell instanceof Date ? cell.toISOString() : String(cell)).replace(/^\uFEFF/, '').replace(/[\u00A0\s]+/g, ' ').trim();
  return text === '' ? null : text;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

function isoOf(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** Two-digit years: 00–69 are 2000s, 70–99 the 1900s (as Excel reads them). */
const fullYear = (y: number, digits: number) => (digits > 2 ? y : y < 70 ? 2000 + y : 1900 + y);

/** Excel's day 1 is 1 January 1900, and it counts a 29 February 1900 that never was: serials from 61 on are a day ahead. */
export function excelSerialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > 2958465) return null;
  const whole = Math.floor(serial);
  const epoch = Date.UTC(1899, 11, whole >= 61 ? 30 : 31);
  const date = new Date(epoch + whole * 86_400_000);
  return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}

/**
 * A date the UK way: 03/04/2025 is 3 April. Also d/m/yy, dashes or dots, ISO 2025-04-03,
 * "3 April 2025", "3 Apr 25", an Excel serial number (45750) and a Date from an XLSX cell.
 */
export function parseDate(cell: Cell): Parsed<string> {
  if (cell instanceof Date) {
    return Number.isNaN(cell.getTime()) ? bad('is not a date') : ok(`${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`);
  }
  if (typeof cell === 'number') return excelSerialToIso(cell) ? ok(excelSerialToIso(cell)) : bad(`${cell} is not a date`);
  const text = cleanText(cell);
  if (text === null) return ok(null);
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(text);
  if (m) return orBad(isoOf(Number(m[1]), Number(m[2]), Number(m[3])), text);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) return orBad(isoOf(fullYear(Number(m[3]), m[3].length), Number(m[2]), Number(m[1])), text);
  m = /^(\d{1,2})(?:st|nd|rd|th)?[\s-]+([a-z]+)\.?,?[\s-]+(\d{2}|\d{4})$/i.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase()) + 1;
    if (month > 0) return orBad(isoOf(fullYear(Number(m[3]), m[3].length), month, Number(m[1])), text);
  }
  if (/^\d+(\.\d+)?$/.test(text)) return parseDate(Number(text));
  return bad(`"${text}" is not a date (use dd/mm/yyyy)`);
}

const orBad = (iso: string | null, text: string): Parsed<string> => (iso ? ok(iso) : bad(`"${text}" is not a real date`));

/** Money as integer pence: "£12,500", "12500.50", "GBP 1,000", 12500 (a number cell is pounds). Never a float in the result. */
export function parsePence(cell: Cell): Parsed<number> {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell) || cell < 0) return bad(`${cell} is not an amount`);
    return ok(Math.round(cell * 100));
  }
  const text = cleanText(cell);
  if (text === null) return ok(null);
  const compact = text.replace(/^(GBP|£)\s*/i, '').replace(/\s*(GBP)$/i, '').replace(/,(?=\d{3}(\D|$))/g, '');
  const m = /^(\d+)(?:\.(\d{1,2}))?$/.exec(compact);
  if (!m) return bad(`"${text}" is not an amount in pounds, e.g. £12,500`);
  const pence = Number(m[1]) * 100 + Number((m[2] ?? '0').padEnd(2, '0'));
  return Number.isSafeInteger(pence) ? ok(pence) : bad(`"${text}" is too large`);
}

/** A UK postcode in any case or spacing, as "SW1A 1AA". */
export function parsePostcode(cell: Cell): Parsed<string> {
  const text = cleanText(cell);
  if (text === null) return ok(null);
  const normalised = normalisePostcode({ value: text }) as string | null;
  return normalised && UK_POSTCODE.test(normalised) ? ok(normalised) : bad(`"${text}" is not a UK postcode`);
}

/** An email, lower-cased; one that cannot be an address is refused rather than imported. */
export function parseEmail(cell: Cell): Parsed<string> {
  const text = cleanText(cell);
  if (text === null) return ok(null);
  const email = text.replace(/^mailto:/i, '').toLowerCase();
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? ok(email) : bad(`"${text}" is not an email address`);
}

/**
 * An organisation's name reduced for matching: case, punctuation, "&"/"and" and legal suffixes
 * (Ltd, Limited, plc, LLP, CIC…) ignored, so "Smith & Sons Ltd." and "SMITH AND SONS LIMITED" agree.
 */
export function normaliseOrganisationName(name: string): string {
  return name
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\b(the|and|ltd|limited|plc|llp|llc|inc|cic|co|company|uk)\b/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The domain of a website or email ("https://www.Siemens.co.uk/careers" → "siemens.co.uk"), for matching. */
export function domainOf(text: string | null): string | null {
  if (!text) return null;
  const address = text.includes('@') ? text.split('@').pop()! : text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  const host = address.split(/[/?#:]/)[0];
  const domain = host.toLowerCase().replace(/^www\./, '');
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain) ? domain : null;
}

/** The postcode area, the letters before the first digit ("ne8 1ab" → "NE"), or null. */
export function postcodeArea(postcode: string | null): string | null {
  const m = postcode ? /^\s*([A-Za-z]{1,2})[0-9]/.exec(postcode) : null;
  return m ? m[1].toUpperCase() : null;
}
