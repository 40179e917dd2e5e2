import type { EChartsOption } from 'echarts';
import { CHART_AXIS, CHART_GRID } from '../../../shared/charts/chart-theme';

/** A bar's value and the key to drill into (a stage id, a type, an organisation id). */
export interface BarDatum {
  /** null draws no bar (nothing to measure, e.g. no days to close when nothing was won). */
  value: number | null;
  key: string;
}

export interface BarSeries {
  name: string;
  data: BarDatum[];
}

export interface BarChartSpec {
  categories: string[];
  series: BarSeries[];
  /** How a value reads in the tooltip and on bar labels ("£12,500", "67%"). */
  format: (value: number) => string;
  /** How a value reads on the axis, where space is short ("£12.5k"); defaults to `format`. */
  axisFormat?: (value: number) => string;
  /** Bars run left to right with the categories down the side (long names, many rows). */
  horizontal?: boolean;
  stacked?: boolean;
  /** Write each bar's value at its end (single-series horizontal charts). */
  labels?: boolean;
  /** Fix the value axis maximum (100 for percentages). */
  max?: number;
  /** Room for category labels on a horizontal chart, in pixels (longer ones are cut with "…"); default 180. */
  labelWidth?: number;
}

/** Pixels for a horizontal bar chart of `rows` categories: room for every label, never cramped. */
export function barChartHeight(rows: number, seriesCount = 1): string {
  const perRow = seriesCount > 1 ? 18 * seriesCount + 14 : 34;
  return `${Math.max(180, 64 + rows * perRow)}px`;
}

/** Bars for one report: grouped or stacked, vertical or horizontal, with a shared tooltip and legend when needed. */
export function barOptions(spec: BarChartSpec): EChartsOption {
  const axisFormat = spec.axisFormat ?? spec.format;
  const legend = spec.series.length > 1;
  // Many series (departments, types) get a legend down the right, where long names fit.
  const sideLegend = spec.series.length > 3;
  const categoryAxis = {
    type: 'category' as const,
    data: spec.categories,
    inverse: spec.horizontal, // first category at the top, as in the table
    axisTick: { show: false },
    axisLine: { lineStyle: { color: CHART_AXIS } },
    axisLabel: spec.horizontal ? { width: spec.labelWidth ?? 180, overflow: 'truncate' as const, interval: 0 } : { interval: 'auto' as const, hideOverlap: true },
  };
  const valueAxis = {
    type: 'value' as const,
    max: spec.max,
    axisLabel: { formatter: (v: number) => axisFormat(v), hideOverlap: true },
    splitLine: { lineStyle: { color: CHART_GRID } },
  };
  return {
    grid: { left: 8, right: sideLegend ? 240 : spec.labels ? 72 : 24, top: legend && !sideLegend ? 40 : 16, bottom: 8, containLabel: true },
    legend: !legend
      ? undefined
      : sideLegend
        ? { type: 'scroll', orient: 'vertical', right: 0, top: 16, bottom: 8, width: 220, textStyle: { width: 190, overflow: 'truncate' } }
        : { top: 0, left: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => spec.format(Number(v)) },
    xAxis: spec.horizontal ? valueAxis : categoryAxis,
    yAxis: spec.horizontal ? categoryAxis : valueAxis,
    series: spec.series.map((s) => ({
      type: 'bar' as const,
      name: s.name,
      stack: spec.stacked ? 'total' : undefined,
      barMaxWidth: 36,
      data: s.data,
      label: spec.labels
        ? { show: true, position: 'right' as const, formatter: (p: { value: unknown }) => (p.value === null || p.value === undefined ? '' : spec.format(Number(p.value))) }
        : undefined,
      emphasis: { focus: 'series' as const },
    })),
  };
}

export interface FunnelStage {
  name: string;
  key: string;
  count: number;
  valuePence: number;
}

/**
 * The open pipeline as a funnel in board order: each stage's width is its number of opportunities
 * (so a stage fuller than the one before shows as such), labelled with the count and value.
 */
export function funnelOptions(stages: readonly FunnelStage[], formatValue: (pence: number) => string): EChartsOption {
  const label = (p: unknown) => {
    const d = (p as { data: FunnelStage }).data;
    return `${d.name}: ${d.count} · ${formatValue(d.valuePence)}`;
  };
  return {
    tooltip: { trigger: 'item', formatter: label },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: 0,
        top: 8,
        bottom: 8,
        width: '52%',
        min: 0,
        max: Math.max(1, ...stages.map((s) => s.count)),
        minSize: '12%',
        gap: 2,
        label: { show: true, position: 'right', formatter: label, fontSize: 13 },
        labelLine: { show: true, length: 12 },
        data: stages.map((s) => ({ ...s, value: s.count })),
      },
    ],
  };
}

/** One line over months (a trend), the area under it lightly filled. */
export function trendOptions(categories: string[], values: number[], name: string, format: (value: number) => string, lastIsPartial = false): EChartsOption {
  // A month not yet over is marked "to date", or its dip reads as a fall.
  const data = values.map((value, i) =>
    lastIsPartial && i === values.length - 1
      ? { value, symbol: 'emptyCircle', symbolSize: 9, label: { show: true, position: 'left' as const, formatter: 'to date', fontStyle: 'italic' as const } }
      : value,
  );
  return {
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v) => format(Number(v)) },
    xAxis: {
      type: 'category',
      data: categories,
      boundaryGap: false,
      axisTick: { show: false },
      axisLine: { lineStyle: { color: CHART_AXIS } },
      axisLabel: { hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => format(v) }, splitLine: { lineStyle: { color: CHART_GRID } } },
    series: [{ type: 'line', name, data, smooth: false, symbolSize: 6, lineStyle: { width: 3 }, areaStyle: { opacity: 0.12 } }],
  };
}
