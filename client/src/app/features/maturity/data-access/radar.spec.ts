import { describe, expect, it } from 'vitest';
import { evidencePoint, radarLabel, radarOptions, wrapTitle } from './radar';

describe('radarOptions', () => {
  const options = radarOptions(['Strategy and policy', 'Uptake across business units'], [
    { name: 'Self-score', values: [2.333333, null] },
    { name: 'Earlier', values: [1, 3], dashed: true },
    { name: 'Evidence', values: [null, 2], markersOnly: true },
  ]) as {
    radar: { splitNumber: number; indicator: Array<{ name: string; max: number; axisLabel?: { formatter: (v: number) => string } }> };
    series: Array<{ data: Array<{ value: unknown[]; lineStyle: { type?: string; width: number }; areaStyle?: unknown; label?: { formatter: (p: object) => string } }> }>;
  };

  it('has three rings on a 0–3 scale, labelled by level on the first axis only', () => {
    expect(options.radar.splitNumber).toBe(3);
    expect(options.radar.indicator.map((i) => i.max)).toEqual([3, 3]);
    const label = options.radar.indicator[0].axisLabel!.formatter;
    expect([1, 2, 3].map(label)).toEqual(['Peripheral', 'Tactical', 'Strategic']);
    expect(options.radar.indicator[1].axisLabel).toBeUndefined();
  });

  it('rounds values, leaves gaps for missing ones and draws the dashed series without fill', () => {
    const [self, earlier] = options.series[0].data;
    expect(self.value).toEqual([2.33, '-']);
    expect(self.areaStyle).toBeDefined();
    expect(earlier.lineStyle.type).toBe('dashed');
    expect(earlier.areaStyle).toBeUndefined();
  });

  it('draws markers-only series as a marker on each measured axis and nothing on the others (not a point at the centre)', () => {
    const evidence = options.series[0].data[2];
    expect(evidence.lineStyle.width).toBe(0);
    const label = evidence.label!.formatter;
    expect(evidence.value).toEqual(['-', 2]);
    expect(label({ value: NaN })).toBe('');
    expect(label({ value: 2 })).toBe('◆');
  });

  it('wraps long dimension names', () => {
    expect(wrapTitle('Uptake across business units')).toBe('Uptake across\nbusiness units');
  });
});

describe('radarLabel', () => {
  it('reads out every figure', () => {
    expect(radarLabel('dimension scores', ['Strategy', 'Uptake'], [{ name: 'Self-score', values: [2, null] }])).toBe(
      'Radar chart of dimension scores on a 1 to 3 scale (peripheral, tactical, strategic). Self-score: Strategy 2.00, Uptake —. The table below lists the figures.',
    );
  });

  it('puts the evidence level on its ring', () => {
    expect(evidencePoint('tactical')).toBe(2);
    expect(evidencePoint(null)).toBeNull();
  });
});
