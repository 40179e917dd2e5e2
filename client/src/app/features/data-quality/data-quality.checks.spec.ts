import { describe, expect, it } from 'vitest';
import { qualityChecks, toFixText } from './data-quality.checks';

const counts = {
  organisationsMissingSector: 3, organisationsMissingSizeBand: 0, organisationsMissingPostcode: 1, organisationsWithoutRecentEngagement: 4,
  contactsWithoutRecentEngagement: 5, contactsWithoutLawfulBasis: 6, staleOpportunities: 7, today: '2025-03-31', engagementCutoff: '2024-03-31',
};
const duplicates = { duplicateOrganisations: { totalCount: 8 }, duplicatePeople: { totalCount: 9 } };

describe('qualityChecks', () => {
  it('links each count to the list filtered the same way', () => {
    const checks = qualityChecks(counts, duplicates);
    expect(checks.map((c) => [c.count, c.path, c.queryParams])).toEqual([
      [8, '/duplicates', { view: 'organisations' }],
      [9, '/duplicates', { view: 'contacts' }],
      [3, '/organisations', { missing: 'sector' }],
      [0, '/organisations', { missing: 'sizeBand' }],
      [1, '/organisations', { missing: 'postcode' }],
      [4, '/organisations', { noEngagementSince: '2024-03-31' }],
      [5, '/contacts', { noEngagementSince: '2024-03-31' }],
      [6, '/contacts', { withoutLawfulBasis: '1' }],
      [7, '/pipeline', { view: 'table', stale: '1' }],
    ]);
  });

  it('says since when an engagement is recent', () => {
    expect(qualityChecks(counts, duplicates)[5].meaning).toContain('31 Mar 2024');
  });
});

describe('toFixText', () => {
  it('says there is nothing to fix at zero', () => {
    expect(toFixText(0)).toBe('Nothing to fix');
    expect(toFixText(1)).toBe('1 record to fix');
    expect(toFixText(1204)).toBe('1,204 records to fix');
    expect(toFixText(2, 'pair')).toBe('2 pairs to check');
    expect(toFixText(1, 'pair')).toBe('1 pair to check');
  });
});
