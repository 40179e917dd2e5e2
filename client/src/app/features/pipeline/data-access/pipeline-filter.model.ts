import type { Params } from '@angular/router';
import type { OpportunityType, PipelineFilter } from '../../../graphql/generated';

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
}

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

export const hasFilters = (s: PipelineState) =>
  !!(s.departmentIds.length || s.ownerId || s.types.length || s.stageIds.length || s.organisationId || s.closeFrom || s.closeTo);
