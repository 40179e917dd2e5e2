import type { EChartsOption } from 'echarts';

/**
 * Series colours, in the order series take them. Each has at least 4.5:1 contrast against white
 * (WCAG asks 3:1 for graphics), and neighbours differ in hue and lightness, so adjacent bars stay
 * apart for people with colour-vision deficiencies too. chart-theme.spec.ts checks the contrast.
 */
export const CHART_COLOURS: readonly string[] = [
  '#1f5fa8', // blue
  '#b45309', // amber
  '#15803d', // green
  '#7e22ce', // purple
  '#0e7490', // teal
  '#b91c1c', // red
  '#475569', // slate
  '#be185d', // pink
  '#4d7c0f', // olive
  '#9a3412', // rust
];

/** Text and axis lines: the theme's on-surface-variant and outline. */
export const CHART_TEXT = '#44474e';
export const CHART_AXIS = '#74777f';
export const CHART_GRID = '#e1e2ea';
const FONT = "'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', Arial, sans-serif";

/** WCAG 2 contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/**
 * The page's options over the app's defaults: palette, font, readable text, a tooltip that stays
 * inside the chart, and no animation for people who asked for reduced motion.
 */
export function withChartDefaults(options: EChartsOption, reducedMotion = false): EChartsOption {
  return {
    color: [...CHART_COLOURS],
    animation: !reducedMotion,
    animationDuration: 300,
    ...options,
    textStyle: { fontFamily: FONT, color: CHART_TEXT, fontSize: 12, ...(options.textStyle as object | undefined) },
    tooltip: options.tooltip ? { confine: true, ...(options.tooltip as object) } : undefined,
  };
}
