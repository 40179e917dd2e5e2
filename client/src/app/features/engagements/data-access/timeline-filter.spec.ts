import { describe, expect, it } from 'vitest';
import { EMPTY_TIMELINE_FILTER, entryCount, hasTimelineFilters, OPPORTUNITY_MOVES, timelineVariables } from './timeline-filter';

describe('timelineVariables', () => {
  it('scopes an unfiltered first page to the organisation', () => {
    expect(timelineVariables({ organisationId: 'o1' }, EMPTY_TIMELINE_FILTER)).toEqual({ first: 20, after: null, filter: { organisationId: 'o1' } });
  });

  it('turns each chosen filter into the API filter, with the cursor for the next page', () => {
    const state = { type: 'visit' as const, departmentId: 'd1', from: '2025-01-01', to: '2025-03-31', contactId: 'c1' };
    expect(timelineVariables({ organisationId: 'o1' }, state, 'cursor-1', 10)).toEqual({
      first: 10,
      after: 'cursor-1',
      filter: { organisationId: 'o1', kinds: ['ENGAGEMENT'], types: ['visit'], departmentIds: ['d1'], contactId: 'c1', from: '2025-01-01', to: '2025-03-31' },
    });
  });

  it('swaps a reversed date range and drops half-typed dates', () => {
    expect(timelineVariables({ organisationId: 'o1' }, { ...EMPTY_TIMELINE_FILTER, from: '2025-03-31', to: '2025-01-01' }).filter).toEqual({
      organisationId: 'o1',
      from: '2025-01-01',
      to: '2025-03-31',
    });
    expect(timelineVariables({ organisationId: 'o1' }, { ...EMPTY_TIMELINE_FILTER, from: '2025-0' }).filter).toEqual({ organisationId: 'o1' });
  });

  it("keeps a person's own timeline scoped to them whatever the person filter says", () => {
    expect(timelineVariables({ contactId: 'c1' }, { ...EMPTY_TIMELINE_FILTER, contactId: 'c2' }).filter).toEqual({ contactId: 'c1' });
  });

  it('shows only stage moves for "Opportunity moves"', () => {
    expect(timelineVariables({ organisationId: 'o1' }, { ...EMPTY_TIMELINE_FILTER, type: OPPORTUNITY_MOVES }).filter).toEqual({ organisationId: 'o1', kinds: ['OPPORTUNITY_MOVE'] });
  });

  it('ignores a type the client does not know', () => {
    expect(timelineVariables({ organisationId: 'o1' }, { ...EMPTY_TIMELINE_FILTER, type: 'telepathy' as never }).filter).toEqual({ organisationId: 'o1' });
  });
});

describe('hasTimelineFilters', () => {
  it('is true once any filter is chosen', () => {
    expect(hasTimelineFilters(EMPTY_TIMELINE_FILTER)).toBe(false);
    expect(hasTimelineFilters({ ...EMPTY_TIMELINE_FILTER, to: '2025-01-01' })).toBe(true);
  });
});

describe('entryCount', () => {
  it('pluralises and groups thousands', () => {
    expect(entryCount(1)).toBe('1 entry');
    expect(entryCount(3012)).toBe('3,012 entries');
  });
});
