import { describe, expect, it } from 'vitest';
import { NO_QUALITY_FILTER, qualityChips, qualityFilterFromParams, qualityFilterToParams, toContactFilter } from './contact-quality-filter';

const params = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe('contact quality filter', () => {
  it('round-trips through the URL', () => {
    const f = { withoutLawfulBasis: true, noEngagementSince: '2024-03-31' };
    const encoded = Object.fromEntries(Object.entries(qualityFilterToParams(f)).filter(([, v]) => v !== null)) as Record<string, string>;
    expect(qualityFilterFromParams(params(encoded))).toEqual(f);
  });

  it('ignores values it does not know', () => {
    expect(qualityFilterFromParams(params({ withoutLawfulBasis: 'yes', noEngagementSince: 'last year' }))).toEqual(NO_QUALITY_FILTER);
  });

  it('sends only what is set, and nothing when nothing is', () => {
    expect(toContactFilter(NO_QUALITY_FILTER)).toBeNull();
    expect(toContactFilter({ withoutLawfulBasis: true, noEngagementSince: '' })).toEqual({ withoutLawfulBasis: true });
  });

  it('gives a chip per filter', () => {
    expect(qualityChips({ withoutLawfulBasis: true, noEngagementSince: '2024-03-31' }).map((c) => c.label)).toEqual(['No lawful basis', 'No engagement since 31 Mar 2024']);
  });
});
