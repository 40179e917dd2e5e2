import { describe, expect, it } from 'vitest';
import { hasFilters, paramsFromState, stateFromParams, toPipelineFilter } from './pipeline-filter.model';

describe('pipeline filter state', () => {
  it('reads the URL, ignoring what is malformed', () => {
    const s = stateFromParams({ view: 'table', departmentIds: 'd1,d2', types: 'ktp', closeFrom: '2026-01-01', closeTo: 'soon', ownerId: '' });
    expect(s).toEqual({ view: 'table', departmentIds: ['d1', 'd2'], ownerId: null, types: ['ktp'], stageIds: [], organisationId: null, closeFrom: '2026-01-01', closeTo: null });
    expect(stateFromParams({}).view).toBe('board');
  });

  it('round-trips through the URL with only what is set', () => {
    const s = stateFromParams({ departmentIds: 'd1', organisationId: 'o1' });
    expect(paramsFromState(s)).toEqual({ departmentIds: 'd1', organisationId: 'o1' });
    expect(stateFromParams(paramsFromState(s))).toEqual(s);
    expect(hasFilters(s)).toBe(true);
    expect(hasFilters(stateFromParams({ view: 'table' }))).toBe(false);
  });

  it('becomes the server filter, close dates renamed', () => {
    expect(toPipelineFilter(stateFromParams({ types: 'consultancy,ktp', closeTo: '2026-07-31' }))).toEqual({ types: ['consultancy', 'ktp'], expectedCloseTo: '2026-07-31' });
    expect(toPipelineFilter(stateFromParams({}))).toEqual({});
  });
});
