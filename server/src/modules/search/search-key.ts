import { normaliseOrganisationName } from '../import/cells';

/**
 * What typed text and stored names are compared as for the exact and prefix tiers: case,
 * punctuation, "&"/"and" and legal suffixes ignored, so "m&s" = "M&S" and "GSK" = "GSK plc".
 * It is the organisation name key (SQL twin bce_name_key, held to it by matching-keys.int-spec.ts),
 * so the text's key compares directly with the indexed keys of the stored names.
 * The key holds only a–z, 0–9 and single spaces, so it is safe inside a LIKE pattern as it is.
 */
export const searchKey = (text: string): string => normaliseOrganisationName(text);
