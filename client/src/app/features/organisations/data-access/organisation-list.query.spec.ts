import { describe, expect, it } from 'vitest';
import {
  EMPTY_LIST_STATE,
  hasActiveFilters,
  listStateFromParams,
  listStateToParams,
  organisationCount,
  organisationsVariables,
  PAGE_SIZE,
} from './organisation-list.query';

const params = (values: Record<string, string>) => ({ get: (name: string) => values[name] ?? null });

describe('organisationsVariables', () => {
  it('asks for the first page by name with no filter by default', () => {
    expect(organisationsVariables(EMPTY_LIST_STATE)).toEqual({
      first: PAGE_SIZE,
      after: null,
      search: null,
      filter: null,
      orderBy: { field: 'name', direction: 'asc' },
    });
  });

  it('turns the chosen filters into the API filter and passes the cursor', () => {
    const vars = organisationsVariables({ ...EMPTY_LIST_STATE, search: ' acme ', type: 'school_college', stage: 'active', ownerId: 'u1', sort: '-updatedAt' }, 'cursor-1');
    expect(vars).toEqual({
      first: PAGE_SIZE,
      after: 'cursor-1',
      search: 'acme',
      filter: { types: ['school_college'], stages: ['active'], ownerId: 'u1' },
      orderBy: { field: 'updatedAt', direction: 'desc' },
    });
  });

  it('sends the data-quality filters', () => {
    expect(organisationsVariables({ ...EMPTY_LIST_STATE, missing: ['sizeBand'], noEngagementSince: '2024-03-31' }).filter).toEqual({ missing: ['sizeBand'], noEngagementSince: '2024-03-31' });
  });

  it('falls back to name order for an unknown sort', () => {
    expect(organisationsVariables({ ...EMPTY_LIST_STATE, sort: 'bogus' }).orderBy).toEqual({ field: 'name', direction: 'asc' });
  });
});

describe('list state in the URL', () => {
  it('round-trips through query parameters', () => {
    const state = {
      search: 'acme', type: 'funder' as const, stage: 'dormant' as const, ownerId: 'u9', sort: '-createdAt',
      missing: ['sector' as const, 'postcode' as const], noEngagementSince: '2024-03-31',
    };
    const encoded = listStateToParams(state);
    const decoded = listStateFromParams(params(Object.fromEntries(Object.entries(encoded).filter(([, v]) => v !== null)) as Record<string, string>));
    expect(decoded).toEqual(state);
  });

  it('leaves defaults out of the URL', () => {
    expect(listStateToParams(EMPTY_LIST_STATE)).toEqual({ q: null, type: null, stage: null, owner: null, sort: null, missing: null, noEngagementSince: null });
  });

  it('ignores values it does not know', () => {
    expect(listStateFromParams(params({ type: 'martian', stage: 'x', sort: 'y', missing: 'colour', noEngagementSince: 'last year' }))).toEqual(EMPTY_LIST_STATE);
  });
});

describe('hasActiveFilters', () => {
  it('counts search and filters but not sort', () => {
    expect(hasActiveFilters({ ...EMPTY_LIST_STATE, sort: '-name' })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_LIST_STATE, search: '  ' })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_LIST_STATE, stage: 'active' })).toBe(true);
    expect(hasActiveFilters({ ...EMPTY_LIST_STATE, missing: ['sector'] })).toBe(true);
    expect(hasActiveFilters({ ...EMPTY_LIST_STATE, noEngagementSince: '2024-03-31' })).toBe(true);
  });
});

describe('organisationCount', () => {
  it('uses the singular for one and groups thousands', () => {
    expect(organisationCount(1)).toBe('1 organisation');
    expect(organisationCount(0)).toBe('0 organisations');
    expect(organisationCount(1204)).toBe('1,204 organisations');
  });
});
