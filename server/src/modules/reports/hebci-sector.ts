/**
 * Commercial or non-commercial for HE-BCI. The Companies House category decides when it names a
 * not-for-profit form (charities, community interest companies, charitable incorporated
 * organisations, registered/industrial and provident societies: HESA's third sector) or a
 * company limited by shares (plc, private limited: commercial; limited by guarantee is not
 * enough to tell); otherwise the organisation type
 * decides, through the editable hebci_sector_map.
 */
export const NON_COMMERCIAL_CATEGORY = /charit|community interest|\bcic\b|\bcio\b|registered society|industrial and provident|co-?operative society|community benefit/i;
export const COMMERCIAL_CATEGORY = /public limited|\bplc\b|private limited|limited liability partnership|\bllp\b|unlimited company/i;
/** A company limited by guarantee may be either (many charities are). */
export const GUARANTEE_CATEGORY = /guarant/i;

export type Sector = 'commercial' | 'non_commercial';

export function hebciSector(companyCategory: string | null, typeIsCommercial: boolean): { sector: Sector; basis: string } {
  // The register's words or its API's slugs ("community-interest-company") alike.
  const words = companyCategory?.replace(/[-_]+/g, ' ') ?? null;
  if (words && NON_COMMERCIAL_CATEGORY.test(words)) return { sector: 'non_commercial', basis: `Companies House category ${companyCategory}` };
  // A company limited by guarantee may be either (many charities are): its type decides.
  if (words && COMMERCIAL_CATEGORY.test(words) && !GUARANTEE_CATEGORY.test(words)) return { sector: 'commercial', basis: `Companies House category ${companyCategory}` };
  return { sector: typeIsCommercial ? 'commercial' : 'non_commercial', basis: 'organisation type' };
}

/**
 * A category pattern as a PostgreSQL regular expression for `~*` (hebci.sql.ts yearFiguresSql
 * decides the sector set-wise with the same patterns): JavaScript's word boundary `\b` is `\y`
 * there; the patterns use nothing else that differs.
 */
export const pgPattern = (re: RegExp): string => re.source.replace(/\\b/g, '\\y');
