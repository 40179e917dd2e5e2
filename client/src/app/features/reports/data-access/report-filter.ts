import type { OpportunityType, ReportFilter } from '../../../graphql/generated';
import { formatIsoDate } from '../../../shared/dates/dates';
import { academicYearOf, academicYearRange, isAcademicYear } from '../../../shared/dates/academic-year';

/**
 * The filter every report shares, as it lives in the URL so a view can be shared and survives a
 * reload: `?departmentIds=a,b&ownerId=u&year=2025/26`, or `&from=2025-01-01&to=2025-06-30` for a
 * custom range (which then wins over the year). Lists are comma-joined, as the pipeline page writes them.
 */
export interface ReportFilterState {
  departmentIds: string[];
  /** '' for anyone. */
  ownerId: string;
  /** Always a valid academic year: the one in the URL, else the current one. */
  year: string;
  /** ISO days; either set means a custom range. */
  from: string;
  to: string;
}

/** What ActivatedRoute.queryParamMap offers (and URLSearchParams, for tests). */
export interface ParamsLike {
  get(name: string): string | null;
  getAll(name: string): string[];
}

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;
const validDay = (text: string | null): string => (text && ISO_DAY.test(text) && !Number.isNaN(Date.parse(text)) ? text : '');

export function isCustomRange(state: ReportFilterState): boolean {
  return !!(state.from || state.to);
}

export function filterFromParams(params: ParamsLike, today: string): ReportFilterState {
  const year = params.get('year');
  return {
    // Repeated keys (Angular's way) or one comma-separated value (hand-typed links) both work.
    departmentIds: [...new Set(params.getAll('departmentIds').flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean))],
    ownerId: params.get('ownerId') ?? '',
    year: isAcademicYear(year) ? year : academicYearOf(today),
    from: validDay(params.get('from')),
    to: validDay(params.get('to')),
  };
}

/** Query params for router.navigate with queryParamsHandling 'merge': null removes a param. */
export function filterToParams(state: ReportFilterState): Record<string, string | null> {
  const custom = isCustomRange(state);
  return {
    departmentIds: state.departmentIds.length ? state.departmentIds.join(',') : null,
    ownerId: state.ownerId || null,
    year: custom ? null : state.year,
    from: state.from || null,
    to: state.to || null,
  };
}

/** The GraphQL ReportFilter: the academic year, or the custom range's ends. */
export function toReportFilter(state: ReportFilterState): ReportFilter {
  const filter: ReportFilter = {};
  if (state.departmentIds.length) filter.departmentIds = state.departmentIds;
  if (state.ownerId) filter.ownerId = state.ownerId;
  if (isCustomRange(state)) {
    if (state.from) filter.from = state.from;
    if (state.to) filter.to = state.to;
  } else {
    filter.academicYear = state.year;
  }
  return filter;
}

/** The period as inclusive ISO days; an open end is null. */
export function periodOf(state: ReportFilterState): { from: string | null; to: string | null } {
  if (!isCustomRange(state)) return academicYearRange(state.year);
  return { from: state.from || null, to: state.to || null };
}

/** "2025/26 (1 Aug 2025 – 31 Jul 2026)", "1 Jan 2025 – 30 Jun 2025", "from 1 Jan 2025". */
export function periodLabel(state: ReportFilterState): string {
  if (!isCustomRange(state)) {
    const { from, to } = academicYearRange(state.year);
    return `${state.year} (${formatIsoDate(from)} – ${formatIsoDate(to)})`;
  }
  if (state.from && state.to) return `${formatIsoDate(state.from)} – ${formatIsoDate(state.to)}`;
  return state.from ? `from ${formatIsoDate(state.from)}` : `up to ${formatIsoDate(state.to)}`;
}

/** The period for a file name: "2025/26", "2025-01-01 to 2025-06-30", "from 2025-01-01". */
export function periodKey(state: ReportFilterState): string {
  if (!isCustomRange(state)) return state.year;
  if (state.from && state.to) return `${state.from} to ${state.to}`;
  return state.from ? `from ${state.from}` : `to ${state.to}`;
}

/** The academic year a report that only works by year (HE-BCI) should use for this filter. */
export function academicYearFor(state: ReportFilterState): string {
  return isCustomRange(state) && state.from ? academicYearOf(state.from) : state.year;
}

export interface PipelineDrill {
  stageIds?: string[];
  types?: OpportunityType[];
  /** Replaces the filter's departments (a department's row drills into that department alone). */
  departmentIds?: string[];
  /** Replaces the filter's owner. */
  ownerId?: string;
  organisationId?: string;
  /** Narrow to the period's expected-close dates (the open pipeline report's period). */
  expectedClose?: boolean;
  /** Narrow to those won or lost in the period (the win-rate report's period). */
  closed?: boolean;
  /** Narrow to won ones delivered in this range (the HE-BCI year). */
  running?: { from: string; to: string };
}

/**
 * Query params for the pipeline table (`/pipeline?view=table&…`, lists comma-joined) showing the
 * records behind a figure: the report's department and owner filters, then the figure's own stage,
 * type or department, and the period: as expected-close dates for the open pipeline, closing
 * dates for the win rate, delivery dates for the HE-BCI year.
 */
export function pipelineDrillParams(state: ReportFilterState, drill: PipelineDrill): Record<string, string> {
  const params: Record<string, string> = { view: 'table' };
  const departmentIds = drill.departmentIds ?? state.departmentIds;
  if (departmentIds.length) params['departmentIds'] = departmentIds.join(',');
  const ownerId = drill.ownerId ?? state.ownerId;
  if (ownerId) params['ownerId'] = ownerId;
  if (drill.types?.length) params['types'] = drill.types.join(',');
  if (drill.stageIds?.length) params['stageIds'] = drill.stageIds.join(',');
  if (drill.organisationId) params['organisationId'] = drill.organisationId;
  if (drill.expectedClose) {
    const { from, to } = periodOf(state);
    if (from) params['closeFrom'] = from;
    if (to) params['closeTo'] = to;
  }
  if (drill.closed) {
    const { from, to } = periodOf(state);
    if (from) params['closedFrom'] = from;
    if (to) params['closedTo'] = to;
  }
  if (drill.running) {
    params['runningFrom'] = drill.running.from;
    params['runningTo'] = drill.running.to;
  }
  return params;
}
