import { SicSection } from '../organisation.enums';
import { SIC_2007_CODES } from './sic-2007.data';

/**
 * UK SIC 2007 as data: the five-digit codes Companies House accepts, each in the section its
 * division (first two digits) belongs to in the ONS structure. A code is looked up, never guessed
 * from the words beside it ("35110 - Production of electricity" is D, not manufacturing).
 */

/** The ONS SIC 2007 sections with the divisions each holds. */
export const SIC_SECTIONS: ReadonlyArray<{ section: SicSection; divisions: [number, number]; title: string }> = [
  { section: SicSection.A, divisions: [1, 3], title: 'Agriculture, forestry and fishing' },
  { section: SicSection.B, divisions: [5, 9], title: 'Mining and quarrying' },
  { section: SicSection.C, divisions: [10, 33], title: 'Manufacturing' },
  { section: SicSection.D, divisions: [35, 35], title: 'Electricity, gas, steam and air conditioning supply' },
  { section: SicSection.E, divisions: [36, 39], title: 'Water supply; sewerage, waste management and remediation activities' },
  { section: SicSection.F, divisions: [41, 43], title: 'Construction' },
  { section: SicSection.G, divisions: [45, 47], title: 'Wholesale and retail trade; repair of motor vehicles and motorcycles' },
  { section: SicSection.H, divisions: [49, 53], title: 'Transportation and storage' },
  { section: SicSection.I, divisions: [55, 56], title: 'Accommodation and food service activities' },
  { section: SicSection.J, divisions: [58, 63], title: 'Information and communication' },
  { section: SicSection.K, divisions: [64, 66], title: 'Financial and insurance activities' },
  { section: SicSection.L, divisions: [68, 68], title: 'Real estate activities' },
  { section: SicSection.M, divisions: [69, 75], title: 'Professional, scientific and technical activities' },
  { section: SicSection.N, divisions: [77, 82], title: 'Administrative and support service activities' },
  { section: SicSection.O, divisions: [84, 84], title: 'Public administration and defence; compulsory social security' },
  { section: SicSection.P, divisions: [85, 85], title: 'Education' },
  { section: SicSection.Q, divisions: [86, 88], title: 'Human health and social work activities' },
  { section: SicSection.R, divisions: [90, 93], title: 'Arts, entertainment and recreation' },
  { section: SicSection.S, divisions: [94, 96], title: 'Other service activities' },
  { section: SicSection.T, divisions: [97, 98], title: 'Activities of households as employers; undifferentiated goods- and services-producing activities of households for own use' },
  { section: SicSection.U, divisions: [99, 99], title: 'Activities of extraterritorial organisations and bodies' },
];

/** Companies House's own codes outside the ONS structure: a dormant company has no activity, so no section. */
const NO_SECTION = new Set(['99999']);

export interface SicActivity {
  code: string;
  description: string;
  /** Null for a dormant company (99999). */
  section: SicSection | null;
}

const sectionOfDivision = (division: number) => SIC_SECTIONS.find(({ divisions: [from, to] }) => division >= from && division <= to)?.section ?? null;

export const SIC_CODES: ReadonlyMap<string, SicActivity> = new Map(
  SIC_2007_CODES.trim().split('\n').map((line) => {
    const code = line.slice(0, 5);
    return [code, { code, description: line.slice(6), section: NO_SECTION.has(code) ? null : sectionOfDivision(Number(code.slice(0, 2))) }];
  }),
);

/** The activity of a five-digit code, or null when the list has no such code. */
export const sicActivity = (code: string): SicActivity | null => SIC_CODES.get(code) ?? null;

export type SicParse = { ok: true; codes: string[] } | { ok: false; reason: string };

/**
 * The codes in a cell as registers and people write them: "71122", "71122 - Engineering related
 * scientific…" (a Companies House SicText), "62012, 62020", or 1110 for 01110 (Excel dropped the
 * zero). "None Supplied" is the register's empty value.
 */
export function parseSicCodes(text: string | null): SicParse {
  if (text === null || /^\s*(none supplied|none|n\/?a)?\s*$/i.test(text)) return { ok: true, codes: [] };
  const codes: string[] = [];
  // Descriptions hold commas ("…with food, beverages or tobacco predominating"): a list splits only before another code.
  for (const part of text.split(/[;,\n|]+(?=\s*\d{4,5}\b)/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{4,5})(?:\s*[-–:]\s*.*|\s+[A-Za-z].*)?$/.exec(part);
    if (!m) return { ok: false, reason: `"${part}" is not a SIC 2007 code (five digits, e.g. 71122)` };
    const code = m[1].padStart(5, '0');
    if (!SIC_CODES.has(code)) return { ok: false, reason: `${code} is not in the SIC 2007 list Companies House uses` };
    if (!codes.includes(code)) codes.push(code);
  }
  return { ok: true, codes };
}
