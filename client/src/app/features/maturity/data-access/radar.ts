import type { EChartsOption } from 'echarts';
import type { MaturityLevel } from '../../../graphql/generated';
import { formatScore, LEVEL_NAMES, rankOf } from './levels';

/** One line on a radar: a name and a value per dimension (null where it has none). */
export interface RadarSeries {
  name: string;
  values: ReadonlyArray<number | null>;
  /** Drawn as a dashed outline without fill (earlier assessments). */
  dashed?: boolean;
  /**
   * Drawn as diamond markers only, with no outline (the evidence, which measures a few dimensions):
   * ECharts draws a missing radar value at the centre, which a line or symbol would present as a score.
   */
  markersOnly?: boolean;
}

/** A radar label (ECharts calls it for each point with that point's value): the marker where there is a value, nothing where there is none. */
const markerLabel = (params: { value?: unknown }): string => (typeof params.value === 'number' && !Number.isNaN(params.value) ? '◆' : '');

function seriesItem(s: RadarSeries) {
  const value = s.values.map((v) => (v === null ? '-' : Math.round(v * 100) / 100));
  if (s.markersOnly) {
    return {
      name: s.name,
      value,
      symbol: 'circle',
      symbolSize: 0.1,
      lineStyle: { width: 0, opacity: 0 },
      label: { show: true, position: 'inside', fontSize: 18, color: 'inherit', textBorderWidth: 0, formatter: markerLabel },
    };
  }
  return { name: s.name, value, symbolSize: 6, lineStyle: { width: 2, type: s.dashed ? 'dashed' : 'solid' }, areaStyle: s.dashed ? undefined : { opacity: 0.15 } };
}

const RING_NAMES = ['', LEVEL_NAMES.peripheral, LEVEL_NAMES.tactical, LEVEL_NAMES.strategic];

/** Long dimension titles wrapped at about `width` characters, so the axis names stay inside the chart. */
export function wrapTitle(title: string, width = 18): string {
  const lines: string[] = [];
  for (const word of title.split(/\s+/)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && `${last} ${word}`.length <= width) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.join('\n');
}

/**
 * A radar of dimension scores on the 1–3 scale: three rings, labelled on the first axis by the level
 * each one marks (peripheral, tactical, strategic). Missing values are left as gaps.
 */
export function radarOptions(dimensions: readonly string[], series: readonly RadarSeries[]): EChartsOption {
  return {
    legend: { bottom: 0, data: series.map((s) => s.name) },
    tooltip: { trigger: 'item' },
    radar: {
      radius: '62%',
      center: ['50%', '48%'],
      splitNumber: 3,
      axisName: { color: '#44474e', fontSize: 12, lineHeight: 15 },
      splitArea: { areaStyle: { color: ['#f8f9ff', '#eef1fa', '#e3e8f5'] } },
      indicator: dimensions.map((name, i) => ({
        name: wrapTitle(name),
        min: 0,
        max: 3,
        ...(i === 0 ? { axisLabel: { show: true, formatter: (value: number) => RING_NAMES[Math.round(value)] ?? '', color: '#44474e', fontSize: 11 } } : {}),
      })),
    },
    series: [
      {
        type: 'radar',
        data: series.map(seriesItem),
      },
    ],
  } as EChartsOption;
}

/** The evidence level as a point on the radar (its ring), or null. */
export const evidencePoint = (level: MaturityLevel | null | undefined): number | null => (level ? rankOf(level) : null);

/** "Radar chart of … Strategy and policy 2.33, Uptake 1.67, …": what a screen reader hears. */
export function radarLabel(what: string, dimensions: readonly string[], series: readonly RadarSeries[]): string {
  const parts = series.map((s) => `${s.name}: ${dimensions.map((d, i) => `${d} ${formatScore(s.values[i])}`).join(', ')}`);
  return `Radar chart of ${what} on a 1 to 3 scale (peripheral, tactical, strategic). ${parts.join('. ')}. The table below lists the figures.`;
}
