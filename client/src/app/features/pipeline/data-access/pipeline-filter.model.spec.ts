import { describe, expect, it } from 'vitest';
import { drillPeriodText, hasFilters, isDrillDown, paramsFromState, stateFromParams, toOpportunityFilter, toPipelineFilter } from './pipeline-filter.model';

describe('pipeline filter state', () => {
  it('reads the URL, ignoring what is malformed', () => {
    const s = stateFromParams({ view: 'table', departmentIds: 'd1,d2', types: 'ktp', closeFrom: '2026-01-01', closeTo: 'soon', ownerId: '' });
    expect(s).toEqual({ view: 'table', departmentIds: ['d1', 'd2'], ownerId: null, types: ['ktp'], stageIds: [], organisationId: null, closeFrom: '2026-01-01', closeTo: null,
      closedFrom: null, closedTo: null, runningFrom: null, runningTo: null, stale: false });
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

  it('lists only stale opportunities from the data-quality link', () => {
    const s = stateFromParams({ view: 'table', stale: '1' });
    expect(s.stale).toBe(true);
    expect(paramsFromState(s)).toEqual({ view: 'table', stale: '1' });
    expect(hasFilters(s)).toBe(true);
    expect(toOpportunityFilter(s)).toEqual({ outcome: 'open', staleOnly: true });
  });

  it('lists the open pipeline in the table unless stages or a drill-down period are chosen', () => {
    expect(toOpportunityFilter(stateFromParams({ types: 'ktp' }))).toEqual({ types: ['ktp'], outcome: 'open' });
    expect(toOpportunityFilter(stateFromParams({ stageIds: 's5' }))).toEqual({ stageIds: ['s5'] });
    const drill = stateFromParams({ view: 'table', stageIds: 's5', closedFrom: '2025-08-01', closedTo: '2026-07-31' });
    expect(isDrillDown(drill)).toBe(true);
    expect(toOpportunityFilter(drill)).toEqual({ stageIds: ['s5'], closedFrom: '2025-08-01', closedTo: '2026-07-31' });
    expect(toOpportunityFilter(stateFromParams({ runningFrom: '2025-08-01', runningTo: '2026-07-31' }))).toEqual({ runningFrom: '2025-08-01', runningTo: '2026-07-31' });
    expect(paramsFromState(drill)).toEqual({ view: 'table', stageIds: 's5', closedFrom: '2025-08-01', closedTo: '2026-07-31' });
  });

  it('says the drill-down period in words', () => {
    expect(drillPeriodText(stateFromParams({ closedFrom: '2025-08-01', closedTo: '2026-07-31' }))).toBe('Closed 1 Aug 2025 – 31 Jul 2026');
    expect(drillPeriodText(stateFromParams({ runningFrom: '2025-08-01' }))).toBe('Delivered from 1 Aug 2025');
    expect(drillPeriodText(stateFromParams({}))).toBeNull();
  });
});
