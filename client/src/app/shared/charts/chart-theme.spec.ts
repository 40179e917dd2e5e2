import { describe, expect, it } from 'vitest';
import { CHART_AXIS, CHART_COLOURS, CHART_TEXT, contrastRatio, withChartDefaults } from './chart-theme';

describe('chart theme', () => {
  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBe(1);
  });

  it('gives every series colour and the text at least 4.5:1 against white, and axis lines 3:1', () => {
    for (const colour of [...CHART_COLOURS, CHART_TEXT]) expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(contrastRatio(CHART_AXIS, '#ffffff')).toBeGreaterThanOrEqual(3);
  });

  it('has no two identical colours', () => {
    expect(new Set(CHART_COLOURS).size).toBe(CHART_COLOURS.length);
  });

  it('lays the page options over the defaults and turns animation off for reduced motion', () => {
    const merged = withChartDefaults({ series: [], tooltip: { trigger: 'axis' }, textStyle: { fontSize: 14 } }, true);
    expect(merged.animation).toBe(false);
    expect(merged.tooltip).toEqual({ confine: true, trigger: 'axis' });
    expect(merged.textStyle).toMatchObject({ fontSize: 14, color: CHART_TEXT });
    expect(merged.color).toEqual(CHART_COLOURS);
    expect(withChartDefaults({ series: [] }).tooltip).toBeUndefined();
  });
});
