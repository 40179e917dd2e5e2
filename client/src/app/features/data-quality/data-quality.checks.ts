import type { DataQualityQuery } from '../../graphql/generated';
import { formatIsoDate } from '../../shared/dates/dates';

type Counts = DataQualityQuery['dataQuality'];
type Duplicates = Pick<DataQualityQuery, 'duplicateOrganisations' | 'duplicatePeople'>;

/** One check on the page: its count, what it means, and the list that fixes it. */
export interface QualityCheck {
  key: string;
  title: string;
  /** Short name for the chart's axis. */
  short: string;
  meaning: string;
  count: number;
  path: string;
  queryParams: Record<string, string>;
  /** What the count counts: records, or pairs of possible duplicates. */
  unit?: 'record' | 'pair';
}

/** The checks in the order the page shows them, each linking to its filtered list (the same filter the count used). */
export function qualityChecks(c: Counts, d: Duplicates): QualityCheck[] {
  const since = formatIsoDate(c.engagementCutoff);
  return [
    { key: 'duplicate-organisations', title: 'Possible duplicate organisations', short: 'Duplicate organisations', count: d.duplicateOrganisations.totalCount,
      meaning: 'Pairs with the same Companies House number or website, or a similar name nearby: merge them or mark them distinct.', path: '/duplicates', queryParams: { view: 'organisations' }, unit: 'pair' },
    { key: 'duplicate-people', title: 'Possible duplicate people', short: 'Duplicate people', count: d.duplicatePeople.totalCount,
      meaning: 'Pairs with the same email, or a similar name at the same organisation.', path: '/duplicates', queryParams: { view: 'contacts' }, unit: 'pair' },
    { key: 'missing-sector', title: 'Organisations missing a sector', short: 'No sector', count: c.organisationsMissingSector,
      meaning: 'The SIC section drives segments and the HE-BCI return.', path: '/organisations', queryParams: { missing: 'sector' } },
    { key: 'missing-size-band', title: 'Organisations missing a size band', short: 'No size band', count: c.organisationsMissingSizeBand,
      meaning: 'SME or not decides how HE-BCI counts their income.', path: '/organisations', queryParams: { missing: 'sizeBand' } },
    { key: 'missing-postcode', title: 'Organisations missing a postcode', short: 'No postcode', count: c.organisationsMissingPostcode,
      meaning: 'Without it, regional and local-area reports leave them out.', path: '/organisations', queryParams: { missing: 'postcode' } },
    { key: 'quiet-organisations', title: 'Organisations with no engagement in 12 months', short: 'Quiet organisations', count: c.organisationsWithoutRecentEngagement,
      meaning: `Nothing logged since ${since}, or never: re-engage, or mark them dormant.`, path: '/organisations', queryParams: { noEngagementSince: c.engagementCutoff } },
    { key: 'quiet-contacts', title: 'Contacts with no engagement in 12 months', short: 'Quiet contacts', count: c.contactsWithoutRecentEngagement,
      meaning: `At no engagement since ${since}, or never: check they are still in post.`, path: '/contacts', queryParams: { noEngagementSince: c.engagementCutoff } },
    { key: 'no-lawful-basis', title: 'Contacts without a lawful basis', short: 'No lawful basis', count: c.contactsWithoutLawfulBasis,
      meaning: 'UK GDPR: record why we hold their data, or a consent that still stands.', path: '/contacts', queryParams: { withoutLawfulBasis: '1' } },
    { key: 'stale-opportunities', title: 'Stale opportunities', short: 'Stale opportunities', count: c.staleOpportunities,
      meaning: 'Still open, but past their expected close date: move the date or the stage.', path: '/pipeline', queryParams: { view: 'table', stale: '1' } },
  ];
}

/** "Nothing to fix", "1 record to fix", "1,204 records to fix", "2 pairs to check". */
export function toFixText(count: number, unit: QualityCheck['unit'] = 'record'): string {
  if (count === 0) return 'Nothing to fix';
  return `${count.toLocaleString('en-GB')} ${unit}${count === 1 ? '' : 's'} to ${unit === 'pair' ? 'check' : 'fix'}`;
}
