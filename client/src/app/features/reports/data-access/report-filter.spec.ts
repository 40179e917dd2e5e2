import { describe, expect, it } from 'vitest';
import {
  academicYearFor,
  filterFromParams,
  filterToParams,
  periodLabel,
  periodKey,
  periodOf,
  pipelineDrillParams,
  ReportFilterState,
  toReportFilter,
} from './report-filter';

const params = (query: string) => new URLSearchParams(query);
const base: ReportFilterState = { departmentIds: [], ownerId: '', year: '2025/26', from: '', to: '' };

describe('report filter in the URL', () => {
  it('defaults to the current academic year when the URL names none, or names a bad one', () => {
    expect(filterFromParams(params(''), '2026-02-10')).toEqual(base);
    expect(filterFromParams(params('year=2025/27'), '2026-09-01').year).toBe('2026/27');
  });

  it('reads departments as repeated keys or comma-separated, without duplicates', () => {
    expect(filterFromParams(params('departmentIds=a&departmentIds=b,c&departmentIds=a'), '2026-02-10').departmentIds).toEqual(['a', 'b', 'c']);
  });

  it('reads a custom range and ignores days that are not dates', () => {
    const state = filterFromParams(params('year=2024/25&from=2025-01-01&to=2025-13-45'), '2026-02-10');
    expect(state).toMatchObject({ year: '2024/25', from: '2025-01-01', to: '' });
  });

  it('round-trips through query params, dropping the year when a range is chosen', () => {
    const state = { ...base, departmentIds: ['d1', 'd2'], ownerId: 'u1', year: '2024/25' };
    expect(filterToParams(state)).toEqual({ departmentIds: 'd1,d2', ownerId: 'u1', year: '2024/25', from: null, to: null });
    expect(filterToParams({ ...base, from: '2025-01-01', to: '2025-06-30' })).toEqual({
      departmentIds: null,
      ownerId: null,
      year: null,
      from: '2025-01-01',
      to: '2025-06-30',
    });
    const query = new URLSearchParams();
    for (const [key, value] of Object.entries(filterToParams(state))) for (const v of [value ?? []].flat()) query.append(key, v);
    expect(filterFromParams(query, '2030-01-01')).toEqual(state);
  });
});

describe('report filter for the API', () => {
  it('sends the academic year, or the range instead', () => {
    expect(toReportFilter({ ...base, departmentIds: ['d1'], ownerId: 'u1' })).toEqual({ departmentIds: ['d1'], ownerId: 'u1', academicYear: '2025/26' });
    expect(toReportFilter({ ...base, from: '2025-01-01' })).toEqual({ from: '2025-01-01' });
  });

  it('describes and bounds the period', () => {
    expect(periodLabel(base)).toBe('2025/26 (1 Aug 2025 – 31 Jul 2026)');
    expect(periodLabel({ ...base, from: '2025-01-01', to: '2025-06-30' })).toBe('1 Jan 2025 – 30 Jun 2025');
    expect(periodLabel({ ...base, to: '2025-06-30' })).toBe('up to 30 Jun 2025');
    expect(periodOf(base)).toEqual({ from: '2025-08-01', to: '2026-07-31' });
    expect(periodOf({ ...base, from: '2025-01-01' })).toEqual({ from: '2025-01-01', to: null });
  });

  it('names the period for a file', () => {
    expect(periodKey(base)).toBe('2025/26');
    expect(periodKey({ ...base, from: '2025-01-01', to: '2025-06-30' })).toBe('2025-01-01 to 2025-06-30');
    expect(periodKey({ ...base, to: '2025-06-30' })).toBe('to 2025-06-30');
  });

  it('picks the academic year a custom range starts in for by-year reports', () => {
    expect(academicYearFor({ ...base, from: '2024-09-01', to: '2025-06-30' })).toBe('2024/25');
    expect(academicYearFor(base)).toBe('2025/26');
  });
});

describe('drilling into the pipeline table', () => {
  it('carries the filter and the figure’s own stage or type', () => {
    const state = { ...base, departmentIds: ['d1'], ownerId: 'u1' };
    expect(pipelineDrillParams(state, { stageIds: ['s1'], expectedClose: true })).toEqual({
      view: 'table',
      departmentIds: 'd1',
      ownerId: 'u1',
      stageIds: 's1',
      closeFrom: '2025-08-01',
      closeTo: '2026-07-31',
    });
    expect(pipelineDrillParams(state, { types: ['consultancy'] })).toEqual({ view: 'table', departmentIds: 'd1', ownerId: 'u1', types: 'consultancy' });
  });

  it('lets a department or owner row replace the filter’s', () => {
    expect(pipelineDrillParams({ ...base, departmentIds: ['d1', 'd2'] }, { departmentIds: ['d2'] })).toEqual({ view: 'table', departmentIds: 'd2' });
    expect(pipelineDrillParams(base, { types: ['ktp', 'consultancy'] })).toEqual({ view: 'table', types: 'ktp,consultancy' });
    expect(pipelineDrillParams(base, { ownerId: 'u9' })).toEqual({ view: 'table', ownerId: 'u9' });
  });

  it('bounds won/lost figures by when they closed, and HE-BCI ones by the delivery year', () => {
    expect(pipelineDrillParams(base, { stageIds: ['won'], closed: true })).toEqual({ view: 'table', stageIds: 'won', closedFrom: '2025-08-01', closedTo: '2026-07-31' });
    expect(pipelineDrillParams(base, { types: ['ktp'], running: { from: '2024-08-01', to: '2025-07-31' } })).toEqual({
      view: 'table', types: 'ktp', runningFrom: '2024-08-01', runningTo: '2025-07-31',
    });
  });
});
