import { OrganisationType, SicSection, SizeBand } from '../organisation/organisation.enums';
import { organisationTypeOfCategory } from '../organisation/company-register';
import { parseSicCodes, sicActivity } from '../organisation/sic/sic-2007';
import { Cell, cleanText, Parsed } from './cells';

/**
 * The organisation's choice fields as spreadsheets write them: "Manufacturing", "C" or a SIC code
 * "28110" for the sector; "SME", "10-49" or a headcount for the size band; "Employer", "School".
 */
const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });
const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

const SECTION_WORDS: Array<[SicSection, RegExp]> = [
  [SicSection.A, /\b(agricultur\w*|farming|forestry|fishing)\b/], [SicSection.B, /\b(mining|quarrying)\b/],
  [SicSection.C, /\b(manufactur\w*|engineering|production)\b/], [SicSection.D, /\b(energy|electricity|gas|power)\b/],
  [SicSection.E, /\b(water|waste|sewerage|recycling)\b/], [SicSection.F, /\b(construction|building|civil engineering)\b/],
  [SicSection.G, /\b(retail|wholesale|motor trade)\b/], [SicSection.H, /\b(transport\w*|logistics|storage|haulage)\b/],
  [SicSection.I, /\b(hospitality|accommodation|food service|catering|hotels?|restaurants?)\b/],
  [SicSection.J, /\b(information|communication|digital|software|it|media|telecoms?)\b/], [SicSection.K, /\b(financ\w*|insurance|banking)\b/],
  [SicSection.L, /\b(real estate|property)\b/], [SicSection.M, /\b(professional|scientific|technical|consultancy|legal|accountancy|architecture)\b/],
  [SicSection.N, /\b(administrative|support services?|recruitment)\b/], [SicSection.O, /\b(public administration|defence|local authority|government)\b/],
  [SicSection.P, /\b(education|school|college|university|training)\b/], [SicSection.Q, /\b(health\w*|social care|nhs|care)\b/],
  [SicSection.R, /\b(arts?|entertainment|recreation|sports?|culture|creative)\b/], [SicSection.S, /\b(other services?|charity|membership)\b/],
  [SicSection.T, /\bhouseholds?\b/], [SicSection.U, /\bextraterritorial\b/],
];

/**
 * A sector cell: a section letter, a SIC 2007 code or a Companies House SicText ("71122 - Engineering
 * related…": the code decides, from the official list, never the words), or a sector's name.
 */
export function parseSector(cell: Cell): Parsed<SicSection> {
  const text = cleanText(cell);
  if (text === null) return ok(null);
  if (/^[A-U]$/i.test(text)) return ok(text.toUpperCase() as SicSection);
  if (/^\d{4,5}\b/.test(text)) {
    const parsed = parseSicCodes(text);
    if (!parsed.ok) return bad(parsed.reason);
    return ok(sectionOfCodes(parsed.codes));
  }
  const found = SECTION_WORDS.find(([, pattern]) => pattern.test(words(text)));
  return found ? ok(found[0]) : bad(`"${text}" is not a sector we recognise: use a SIC section (A–U), a SIC code or its name`);
}

/** The section of the first code that has one (a dormant company's 99999 has none). */
export const sectionOfCodes = (codes: string[]): SicSection | null => codes.map((c) => sicActivity(c)?.section ?? null).find((s) => s !== null) ?? null;

const BANDS: Array<[SizeBand, number]> = [[SizeBand.micro, 10], [SizeBand.small, 50], [SizeBand.medium, 250], [SizeBand.large, Infinity]];
const bandForHeadcount = (n: number) => BANDS.find(([, below]) => n < below)![0];

export function parseSizeBand(cell: Cell): Parsed<SizeBand> {
  if (typeof cell === 'number') return cell >= 0 ? ok(bandForHeadcount(cell)) : bad(`${cell} is not a headcount`);
  const text = cleanText(cell);
  if (text === null) return ok(null);
  const w = words(text);
  const named = Object.values(SizeBand).find((band) => w === band || w.startsWith(`${band} `));
  if (named) return ok(named);
  if (/\b(sme|small and medium)\b/.test(w)) return bad(`"${text}" could be micro, small or medium: give the band or the headcount`);
  // "10-49", "250+", "1 to 9", "120": the lower bound decides.
  const lower = /^(\d[\d,]*)\s*(?:\+|-|–|to|$)/.exec(text);
  if (lower) return ok(bandForHeadcount(Number(lower[1].replace(/,/g, ''))));
  return bad(`"${text}" is not a size band (micro, small, medium, large) or a headcount`);
}

const TYPE_WORDS: Array<[OrganisationType, RegExp]> = [
  [OrganisationType.school_college, /\b(school|college|academy|university|sixth form)\b/],
  [OrganisationType.public_body, /\b(public|council|authority|nhs|government|agency)\b/],
  [OrganisationType.community, /\b(community|charity|voluntary|social enterprise|cic)\b/],
  [OrganisationType.funder, /\b(funder|funding|trust|foundation)\b/],
  [OrganisationType.partner, /\bpartner\b/],
  [OrganisationType.employer, /\b(employer|business|company|firm|sme|private)\b/],
];

/** Unmapped or empty: an employer, which most BCE spreadsheets list. */
export function parseOrganisationType(cell: Cell): Parsed<OrganisationType> {
  const text = cleanText(cell);
  if (text === null) return ok(OrganisationType.employer);
  const w = words(text);
  const exact = Object.values(OrganisationType).find((t) => t.replace('_', ' ') === w);
  if (exact) return ok(exact);
  // A Companies House category in the type column: "Public Limited Company" is a business, not a public body.
  const category = organisationTypeOfCategory(text);
  if (category) return ok(category);
  const found = TYPE_WORDS.find(([, pattern]) => pattern.test(w));
  return found ? ok(found[0]) : bad(`"${text}" is not an organisation type (employer, partner, funder, school or college, public body, community)`);
}
