/* eslint-disable @typescript-eslint/no-explicit-any -- ECharts options are a deep union type; these tests read them as plain data. */
import { describe, expect, it } from 'vitest';
import { barChartHeight, barOptions, funnelOptions, trendOptions } from './report-charts';

const series = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `S${i}`, data: [{ value: i, key: `k${i}` }] }));

describe('report charts', () => {
  it('lists horizontal categories top-down, as the table does, and keeps each bar’s key for drill-down', () => {
    const options = barOptions({ categories: ['Enquiry', 'Proposal'], series: series(1), format: String, horizontal: true }) as any;
    expect(options.yAxis).toMatchObject({ type: 'category', inverse: true, data: ['Enquiry', 'Proposal'] });
    expect(options.xAxis.type).toBe('value');
    expect(options.series[0].data[0]).toEqual({ value: 0, key: 'k0' });
    expect(options.legend).toBeUndefined();
  });

  it('puts a legend on top for a few series and down the right for many', () => {
    expect((barOptions({ categories: [], series: series(2), format: String }) as any).legend).toEqual({ top: 0, left: 0 });
    expect((barOptions({ categories: [], series: series(8), format: String, stacked: true }) as any).legend).toMatchObject({ orient: 'vertical', right: 0 });
    expect((barOptions({ categories: [], series: series(8), format: String, stacked: true }) as any).series[0].stack).toBe('total');
  });

  it('labels bars with the formatted value, and leaves a missing value unlabelled', () => {
    const label = (barOptions({ categories: ['a'], series: series(1), format: (v) => `${v} days`, labels: true }) as any).series[0].label;
    expect(label.formatter({ value: 31 })).toBe('31 days');
    expect(label.formatter({ value: null })).toBe('');
  });

  it('sizes a horizontal chart to its rows', () => {
    expect(barChartHeight(0)).toBe('180px');
    expect(barChartHeight(10)).toBe('404px');
    expect(barChartHeight(4, 2)).toBe('264px');
  });

  it('draws the funnel in board order, widths by count, with the figures in the label', () => {
    const options = funnelOptions(
      [
        { name: 'Enquiry', key: 's1', count: 23, valuePence: 156_450_000 },
        { name: 'Proposal', key: 's2', count: 26, valuePence: 115_950_000 },
      ],
      (p) => `£${p / 100}`,
    ) as any;
    expect(options.series[0]).toMatchObject({ type: 'funnel', sort: 'none', max: 26 });
    expect(options.series[0].data.map((d: any) => [d.name, d.value, d.key])).toEqual([
      ['Enquiry', 23, 's1'],
      ['Proposal', 26, 's2'],
    ]);
    expect(options.series[0].label.formatter({ data: options.series[0].data[0] })).toBe('Enquiry: 23 · £1564500');
  });

  it('marks a month that is not over as "to date"', () => {
    const data = (trendOptions(['Oct', 'Nov'], [190, 94], 'Engagements', String, true) as any).series[0].data;
    expect(data[0]).toBe(190);
    expect(data[1]).toMatchObject({ value: 94, label: { show: true, formatter: 'to date' } });
  });
});
