/**
 * The one rule for "these two records may be the same": used by the duplicates queries and by the
 * maturity assessment's duplicate-candidate indicator, so the two never disagree.
 */

/** pg_trgm similarity of bce_name_key(name) at or above which two names count as similar. */
export const NAME_SIMILARITY = 0.6;

/**
 * What each reason adds to a pair's score. Exact identifiers outrank any name similarity (at most
 * 1), so a pair sharing a Companies House number or an email always sorts above a name-only pair.
 */
export const REASON_WEIGHT = {
  companiesHouseNumber: 3,
  email: 3,
  domain: 2,
} as const;
