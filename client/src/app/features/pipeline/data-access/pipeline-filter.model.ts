import type { Params } from '@angular/router';
import { formatIsoDate } from '../../../shared/dates/dates';
import type { OpportunityFilter, OpportunityType, PipelineFilter } from '../../../graphql/generated';

export type PipelineView = 'board' | 'table';

/** What the pipeline page shows, as it lives in the URL (so a view can be shared and survives reload). */
export interface PipelineState {
  view: PipelineView;
  departmentIds: string[];
  ownerId: string | null;
  types: OpportunityType[];
  stageIds: string[];
  organisationId: string | null;
  closeFrom: string | null;
  closeTo: string | null;
  /** Drill-downs from the reports: won or lost in a period (win rate)… */
  closedFrom: string | null;
  closedTo: string | null;
  /** …or won and delivered in a period (the HE-BCI return). */
  runningFrom: string | null;
  runningTo: string | null;
  /** From the data-quality page: open opportunities whose expected close date has passed. */
  stale: boolean;
}

/** The drill-down period fields, which the page shows as one removable chip rather than controls. */
export const DRILL_PERIODS = ['closedFrom', 'closedTo', 'runningFrom', 'runningTo'] as const;

const list = (value: unknown): string[] => (Array.isArray(value) ? value : typeof value === 'string' && value ? value.split(',') : []).filter(Boolean);
const text = (value: unknown): string | null => (typeof value === 'string' && value ? value : null);
const isoDay = (value: unknown): string | null => (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : null);

export function stateFromParams(params: Params): PipelineState {
  return {
    view: params['view'] === 'table' ? 'table' : 'board',
    departmentIds: list(params['departmentIds']),
    ownerId: text(params['ownerId']),
    types: list(params['types']) as OpportunityType[],
    stageIds: list(params['stageIds']),
    organisationId: text(params['organisationId']),
    closeFrom: isoDay(params['closeFrom']),
    closeTo: isoDay(params['closeTo']),
    closedFrom: isoDay(params['closedFrom']),
    closedTo: isoDay(params['closedTo']),
    runningFrom: isoDay(params['runningFrom']),
    runningTo: isoDay(params['runningTo']),
    stale: params['stale'] === '1',
  };
}

/** Only what is set, lists comma-joined: short, readable URLs. */
export function paramsFromState(state: PipelineState): Params {
  const params: Params = {};
  if (state.view === 'table') params['view'] = 'table';
  if (state.departmentIds.length) params['departmentIds'] = state.departmentIds.join(',');
  if (state.ownerId) params['ownerId'] = state.ownerId;
  if (state.types.length) params['types'] = state.types.join(',');
  if (state.stageIds.length) params['stageIds'] = state.stageIds.join(',');
  if (state.organisationId) params['organisationId'] = state.organisationId;
  if (state.closeFrom) params['closeFrom'] = state.closeFrom;
  if (state.closeTo) params['closeTo'] = state.closeTo;
  for (const key of DRILL_PERIODS) if (state[key]) params[key] = state[key];
  if (state.stale) params['stale'] = '1';
  return params;
}

export function toPipelineFilter(state: PipelineState): PipelineFilter {
  return {
    ...(state.departmentIds.length && { departmentIds: state.departmentIds }),
    ...(state.ownerId && { ownerId: state.ownerId }),
    ...(state.types.length && { types: state.types }),
    ...(state.organisationId && { organisationId: state.organisationId }),
    ...(state.closeFrom && { expectedCloseFrom: state.closeFrom }),
    ...(state.closeTo && { expectedCloseTo: state.closeTo }),
  };
}

/**
 * The table's filter: the board's, plus the stages and drill-down periods. With neither, it lists
 * the open pipeline, as the board does.
 */
export function toOpportunityFilter(state: PipelineState): OpportunityFilter {
  const filter: OpportunityFilter = { ...toPipelineFilter(state) };
  for (const key of DRILL_PERIODS) if (state[key]) filter[key] = state[key];
  if (state.stageIds.length) filter.stageIds = state.stageIds;
  else if (!isDrillDown(state)) filter.outcome = 'open';
  if (state.stale) filter.staleOnly = true;
  return filter;
}

/** Records behind a report figure (closed or delivered in a period), not the open pipeline. */
export const isDrillDown = (s: PipelineState) => DRILL_PERIODS.some((key) => !!s[key]);

export const hasFilters = (s: PipelineState) =>
  !!(s.departmentIds.length || s.ownerId || s.types.length || s.stageIds.length || s.organisationId || s.closeFrom || s.closeTo || isDrillDown(s) || s.stale);

/** "Closed 1 Aug 2025 – 31 Jul 2026", "Delivered from 1 Aug 2025": the drill-down period in words, or null. */
export function drillPeriodText(s: PipelineState): string | null {
  const range = (from: string | null, to: string | null) =>
    from && to ? `${formatIsoDate(from)} – ${formatIsoDate(to)}` : from ? `from ${formatIsoDate(from)}` : to ? `until ${formatIsoDate(to)}` : null;
  const closed = range(s.closedFrom, s.closedTo);
  const running = range(s.runningFrom, s.runningTo);
  if (closed) return `Closed ${closed}`;
  if (running) return `Delivered ${running}`;
  return null;
}
