import { CompanyStatus, OrganisationType } from './organisation.enums';

/**
 * What the Companies House register says about a company, read from its words: the status
 * ("Active - Proposal to Strike off", "In Administration"), the category ("Public Limited
 * Company", "PRI/LTD BY GUAR/NSC …", "Charitable Incorporated Organisation"), and the rule that
 * two records are two different companies.
 */

const STATUS_WORDS: Array<[RegExp, CompanyStatus]> = [
  [/proposal to strike off/, CompanyStatus.active_proposal_to_strike_off],
  [/^(active|live|open)\b(?!.*receiver)/, CompanyStatus.active],
  [/dissolved/, CompanyStatus.dissolved],
  [/liquidation|winding up|wound up/, CompanyStatus.liquidation],
  [/administration|administrator/, CompanyStatus.administration],
  [/receiver|receivership/, CompanyStatus.receivership],
  [/voluntary arrangement|\bcva\b/, CompanyStatus.voluntary_arrangement],
  [/insolvency/, CompanyStatus.insolvency_proceedings],
  [/converted|closed\/converted|converted\/closed/, CompanyStatus.converted_closed],
  [/removed/, CompanyStatus.removed],
  [/^registered$/, CompanyStatus.registered],
  [/^closed$/, CompanyStatus.closed],
];

export type Parsed<T> = { ok: true; value: T | null } | { ok: false; reason: string };

/** A status as the register (or its API's slugs) writes it; empty is unknown. */
export function parseCompanyStatus(text: string | null): Parsed<CompanyStatus> {
  if (text === null || text.trim() === '') return { ok: true, value: null };
  const words = text.toLowerCase().replace(/[_-]+/g, ' ').replace(/\s+/g, ' ').trim();
  const exact = Object.values(CompanyStatus).find((s) => s.replace(/_/g, ' ') === words);
  if (exact) return { ok: true, value: exact };
  const found = STATUS_WORDS.find(([pattern]) => pattern.test(words));
  return found ? { ok: true, value: found[1] } : { ok: false, reason: `"${text}" is not a Companies House status (Active, Dissolved, Liquidation, In Administration, …)` };
}

/** Statuses of a company that no longer exists. */
export const GONE_STATUSES: ReadonlySet<CompanyStatus> = new Set([CompanyStatus.dissolved, CompanyStatus.removed, CompanyStatus.converted_closed, CompanyStatus.closed]);
export const isGone = (status: CompanyStatus | string | null | undefined) => !!status && GONE_STATUSES.has(status as CompanyStatus);

/**
 * The organisation type a company category implies, or null when it does not tell. A public
 * limited company is a business (commercial), not a public body; charities, CICs, CIOs and
 * registered societies are community organisations; FE corporations are colleges.
 */
export function organisationTypeOfCategory(category: string | null): OrganisationType | null {
  if (!category) return null;
  const words = category.toLowerCase().replace(/[-_]+/g, ' ');
  if (/further education|sixth form college|college corp/.test(words)) return OrganisationType.school_college;
  if (/charit|community interest|\bcic\b|\bcio\b|registered society|industrial and provident|co ?operative society|community benefit/.test(words)) return OrganisationType.community;
  if (/public limited|\bplc\b|private limited|\bltd\b|limited liability partnership|\bllp\b|limited partnership|unlimited|overseas|societas|\bse\b|investment company|protected cell|scottish partnership|assurance company/.test(words)) {
    // "PRI/LTD BY GUAR/NSC": limited by guarantee, no share capital, is how most charities and trade bodies incorporate: it does not tell.
    return /guar/.test(words) ? null : OrganisationType.employer;
  }
  return null;
}

export interface CompanyIdentity {
  companiesHouseNumber: string | null;
  companyStatus: CompanyStatus | string | null;
}

/**
 * Why two records cannot be one organisation, or null when they may be. Different company
 * numbers are different companies however alike their names ("X LIMITED" and "X (UK) LIMITED" are
 * a group's two companies); without two numbers, a dissolved company is not a live one. The same
 * number is the same company, whatever either record says of its status. The database's
 * bce_distinct_companies() (migration 1733800000000) is this rule in SQL.
 */
export function distinctCompanies(a: CompanyIdentity, b: CompanyIdentity): string | null {
  if (a.companiesHouseNumber && b.companiesHouseNumber) {
    return a.companiesHouseNumber === b.companiesHouseNumber ? null : `they have different Companies House numbers (${a.companiesHouseNumber} and ${b.companiesHouseNumber}): they are two companies`;
  }
  if (a.companyStatus && b.companyStatus && isGone(a.companyStatus) !== isGone(b.companyStatus)) {
    const [gone, live] = isGone(a.companyStatus) ? [a, b] : [b, a];
    return `one is ${String(gone.companyStatus).replace(/_/g, ' ')} and the other ${String(live.companyStatus).replace(/_/g, ' ')}: a company that no longer exists is not a live one`;
  }
  return null;
}

/** The same rule in SQL, for a pair of organisation rows (or values) a and b. */
export const distinctCompaniesSql = (a: { ch: string; status: string }, b: { ch: string; status: string }) =>
  `bce_distinct_companies(${a.ch}, ${a.status}, ${b.ch}, ${b.status})`;
