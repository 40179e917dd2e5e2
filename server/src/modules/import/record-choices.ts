import { LawfulBasis } from '../contact/contact.enums';
import { EngagementType } from '../engagement/engagement.enums';
import { OpportunityType } from '../opportunity/opportunity.enums';
import { Cell, cleanText, Parsed } from './cells';

/**
 * The choice fields of contacts, engagements and opportunities as spreadsheets write them:
 * "Legitimate interest", "Phone call", "Site visit", "KTP", "CPD", "Contract research".
 * Each parser returns the enum value, null for an empty cell, or why the words were not understood.
 */
const ok = <T>(value: T | null): Parsed<T> => ({ ok: true, value });
const bad = (reason: string): Parsed<never> => ({ ok: false, reason });
const words = (text: string) => text.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The first pattern the words match wins, so the more specific come first. */
function byWords<T extends string>(cell: Cell, values: readonly T[], patterns: Array<[T, RegExp]>, unknown: (text: string) => string): Parsed<T> {
  const text = cleanText(cell);
  if (text === null) return ok(null);
  const w = words(text);
  const exact = values.find((v) => v.replace(/_/g, ' ') === w);
  if (exact) return ok(exact);
  const found = patterns.find(([, pattern]) => pattern.test(w));
  return found ? ok(found[0]) : bad(unknown(text));
}

const LAWFUL_BASIS_WORDS: Array<[LawfulBasis, RegExp]> = [
  [LawfulBasis.consent, /\b(consent|consented|opt(ed)? in)\b/],
  [LawfulBasis.contract, /\bcontract(ual)?\b/],
  [LawfulBasis.legal_obligation, /\blegal (obligation|requirement)\b/],
  [LawfulBasis.vital_interests, /\bvital interests?\b/],
  [LawfulBasis.public_task, /\bpublic (task|interest|function)\b/],
  [LawfulBasis.legitimate_interests, /\b(legitimate interests?|li)\b/],
];

export const parseLawfulBasis = (cell: Cell): Parsed<LawfulBasis> =>
  byWords(cell, Object.values(LawfulBasis), LAWFUL_BASIS_WORDS,
    (text) => `"${text}" is not a lawful basis (consent, contract, legal obligation, vital interests, public task, legitimate interests)`);

const ENGAGEMENT_TYPE_WORDS: Array<[EngagementType, RegExp]> = [
  [EngagementType.placement_visit, /\bplacement\b/],
  [EngagementType.visit, /\b(visit|site visit|tour)\b/],
  [EngagementType.meeting, /\b(meeting|meet|mtg|teams|zoom|video)\b/],
  [EngagementType.call, /\b(call|phone|telephone|phoned|rang)\b/],
  [EngagementType.email, /\b(e ?mail|emailed|letter)\b/],
  [EngagementType.event, /\b(event|fair|workshop|conference|networking|seminar|webinar|breakfast)\b/],
  [EngagementType.enquiry, /\b(enquiry|inquiry|query|request)\b/],
  [EngagementType.note, /\b(note|other|misc)\b/],
];

export const parseEngagementType = (cell: Cell): Parsed<EngagementType> =>
  byWords(cell, Object.values(EngagementType), ENGAGEMENT_TYPE_WORDS,
    (text) => `"${text}" is not an engagement type (meeting, call, email, visit, event, enquiry, placement visit, note): imported as a note`);

const OPPORTUNITY_TYPE_WORDS: Array<[OpportunityType, RegExp]> = [
  [OpportunityType.ktp, /\b(ktp|knowledge transfer partnership)\b/],
  [OpportunityType.cpd_short_course, /\b(cpd|short course|course|training|professional development)\b/],
  [OpportunityType.apprenticeship, /\bapprentice(ship)?s?\b/],
  [OpportunityType.contract_research, /\b(contract research|commissioned research|research contract)\b/],
  [OpportunityType.collaborative_research, /\b(collaborative research|research collaboration|joint research)\b/],
  [OpportunityType.consultancy, /\b(consultancy|consulting|consultant)\b/],
  [OpportunityType.facilities_equipment, /\b(facilities|facility|equipment|lab hire|room hire)\b/],
  [OpportunityType.placement_internship, /\b(placement|internship|intern)s?\b/],
  [OpportunityType.sponsorship_philanthropy, /\b(sponsorship|sponsor|philanthropy|donation|gift)\b/],
  [OpportunityType.regeneration_community, /\b(regeneration|community)\b/],
  [OpportunityType.ip_licensing, /\b(ip|licen[cs]e|licen[cs]ing|intellectual property)\b/],
];

export const parseOpportunityType = (cell: Cell): Parsed<OpportunityType> => {
  const text = cleanText(cell);
  // "Research" alone could be either kind, which HE-BCI counts apart.
  if (text && words(text) === 'research') return bad(`"${text}" could be contract or collaborative research: say which`);
  return byWords(cell, Object.values(OpportunityType), OPPORTUNITY_TYPE_WORDS,
    (t) => `"${t}" is not an opportunity type (KTP, CPD / short course, apprenticeship, contract research, collaborative research, consultancy, facilities and equipment, placement / internship, sponsorship / philanthropy, regeneration / community, IP licensing)`);
};

/** A percentage 0–100: "60", "60%", or Excel's 0.6 for a cell formatted as a percentage. */
export function parseProbability(cell: Cell): Parsed<number> {
  let n: number;
  if (typeof cell === 'number') n = cell > 0 && cell < 1 ? cell * 100 : cell;
  else {
    const text = cleanText(cell);
    if (text === null) return ok(null);
    const m = /^(\d+(?:\.\d+)?)\s*%?$/.exec(text);
    if (!m) return bad(`"${text}" is not a probability (a percentage from 0 to 100)`);
    n = Number(m[1]);
  }
  const rounded = Math.round(n);
  return rounded >= 0 && rounded <= 100 ? ok(rounded) : bad(`${cell} is not a probability (a percentage from 0 to 100)`);
}
