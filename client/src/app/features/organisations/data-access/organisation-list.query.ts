import type { OrganisationQualityField, OrganisationsQueryVariables, OrganisationSortField, OrganisationType, RelationshipStage, SortDirection } from '../../../graphql/generated';
import { ORGANISATION_TYPE_LABELS, RELATIONSHIP_STAGE_LABELS } from '../../../shared/labels/enum-labels';

export const PAGE_SIZE = 25;

export interface SortOption {
  value: string;
  label: string;
  field: OrganisationSortField;
  direction: SortDirection;
}

export const SORT_OPTIONS: readonly SortOption[] = [
  { value: 'name', label: 'Name, A to Z', field: 'name', direction: 'asc' },
  { value: '-name', label: 'Name, Z to A', field: 'name', direction: 'desc' },
  { value: '-updatedAt', label: 'Recently updated', field: 'updatedAt', direction: 'desc' },
  { value: 'updatedAt', label: 'Least recently updated', field: 'updatedAt', direction: 'asc' },
  { value: '-createdAt', label: 'Newest first', field: 'createdAt', direction: 'desc' },
  { value: 'createdAt', label: 'Oldest first', field: 'createdAt', direction: 'asc' },
];
export const DEFAULT_SORT = 'name';

/** The list's search, filters and sort; '' means "any". Mirrored in the URL so Back restores it. */
export interface OrganisationListState {
  search: string;
  type: OrganisationType | '';
  stage: RelationshipStage | '';
  ownerId: string;
  sort: string;
  /** Data-quality lists: organisations missing every one of these fields… */
  missing: OrganisationQualityField[];
  /** …or with no engagement on or after this ISO date ('' = not filtered). */
  noEngagementSince: string;
}

export const EMPTY_LIST_STATE: OrganisationListState = { search: '', type: '', stage: '', ownerId: '', sort: DEFAULT_SORT, missing: [], noEngagementSince: '' };

export const QUALITY_FIELD_LABELS: Record<OrganisationQualityField, string> = { sector: 'sector', sizeBand: 'size band', postcode: 'postcode' };

export function hasActiveFilters(state: OrganisationListState): boolean {
  return !!(state.search.trim() || state.type || state.stage || state.ownerId || state.missing.length || state.noEngagementSince);
}

export function organisationsVariables(state: OrganisationListState, after: string | null = null, first = PAGE_SIZE): OrganisationsQueryVariables {
  const sort = SORT_OPTIONS.find((o) => o.value === state.sort) ?? SORT_OPTIONS[0];
  const filter: NonNullable<OrganisationsQueryVariables['filter']> = {};
  if (state.type) filter.types = [state.type];
  if (state.stage) filter.stages = [state.stage];
  if (state.ownerId) filter.ownerId = state.ownerId;
  if (state.missing.length) filter.missing = state.missing;
  if (state.noEngagementSince) filter.noEngagementSince = state.noEngagementSince;
  const search = state.search.trim();
  return {
    first,
    after,
    search: search || null,
    filter: Object.keys(filter).length ? filter : null,
    orderBy: { field: sort.field, direction: sort.direction },
  };
}

/** Query parameters for the state; defaults are left out so a plain /organisations stays plain. */
export function listStateToParams(state: OrganisationListState): Record<string, string | null> {
  return {
    q: state.search.trim() || null,
    type: state.type || null,
    stage: state.stage || null,
    owner: state.ownerId || null,
    sort: state.sort && state.sort !== DEFAULT_SORT ? state.sort : null,
    missing: state.missing.length ? state.missing.join(',') : null,
    noEngagementSince: state.noEngagementSince || null,
  };
}

/** Reads the URL back, ignoring values the list does not know (an old bookmark, a typo). */
export function listStateFromParams(params: { get(name: string): string | null }): OrganisationListState {
  const type = params.get('type') ?? '';
  const stage = params.get('stage') ?? '';
  const sort = params.get('sort') ?? '';
  const since = params.get('noEngagementSince') ?? '';
  return {
    search: params.get('q') ?? '',
    type: type in ORGANISATION_TYPE_LABELS ? (type as OrganisationType) : '',
    stage: stage in RELATIONSHIP_STAGE_LABELS ? (stage as RelationshipStage) : '',
    ownerId: params.get('owner') ?? '',
    sort: SORT_OPTIONS.some((o) => o.value === sort) ? sort : DEFAULT_SORT,
    missing: (params.get('missing') ?? '').split(',').filter((f): f is OrganisationQualityField => f in QUALITY_FIELD_LABELS),
    noEngagementSince: /^\d{4}-\d{2}-\d{2}$/.test(since) ? since : '',
  };
}

/** "1 organisation", "1,204 organisations". */
export function organisationCount(total: number): string {
  return `${total.toLocaleString('en-GB')} ${total === 1 ? 'organisation' : 'organisations'}`;
}
