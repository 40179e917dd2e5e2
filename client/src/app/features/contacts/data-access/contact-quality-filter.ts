import type { ContactFilter } from '../../../graphql/generated';
import { formatIsoDate } from '../../../shared/dates/dates';

/** The data-quality filters of the contact list, as they live in the URL (?withoutLawfulBasis=1&noEngagementSince=2024-03-31). */
export interface ContactQualityFilter {
  withoutLawfulBasis: boolean;
  noEngagementSince: string;
}

export const NO_QUALITY_FILTER: ContactQualityFilter = { withoutLawfulBasis: false, noEngagementSince: '' };

export function qualityFilterFromParams(params: { get(name: string): string | null }): ContactQualityFilter {
  const since = params.get('noEngagementSince') ?? '';
  return { withoutLawfulBasis: params.get('withoutLawfulBasis') === '1', noEngagementSince: /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : '' };
}

export function qualityFilterToParams(f: ContactQualityFilter): Record<string, string | null> {
  return { withoutLawfulBasis: f.withoutLawfulBasis ? '1' : null, noEngagementSince: f.noEngagementSince || null };
}

/** The API filter, or null when nothing is set. */
export function toContactFilter(f: ContactQualityFilter): ContactFilter | null {
  const filter: ContactFilter = {};
  if (f.withoutLawfulBasis) filter.withoutLawfulBasis = true;
  if (f.noEngagementSince) filter.noEngagementSince = f.noEngagementSince;
  return Object.keys(filter).length ? filter : null;
}

/** One removable chip per filter set. */
export function qualityChips(f: ContactQualityFilter): { key: keyof ContactQualityFilter; label: string }[] {
  return [
    ...(f.withoutLawfulBasis ? [{ key: 'withoutLawfulBasis' as const, label: 'No lawful basis' }] : []),
    ...(f.noEngagementSince ? [{ key: 'noEngagementSince' as const, label: `No engagement since ${formatIsoDate(f.noEngagementSince)}` }] : []),
  ];
}
