import { afterNextRender, ChangeDetectionStrategy, Component, DestroyRef, effect, ElementRef, inject, input, output, signal } from '@angular/core';
import type { EChartsOption } from 'echarts';
import type { EChartsType } from 'echarts/core';
import { withChartDefaults } from './chart-theme';

export type { EChartsOption } from 'echarts';

/** The data item behind a click, for drill-down. Put your own fields (an id, a key) on the data item and read them from `data`. */
export interface ChartPick {
  seriesName: string;
  seriesIndex: number;
  /** The category (bar, month, funnel stage) or the data item's name. */
  name: string;
  dataIndex: number;
  value: unknown;
  /** The data item as given in the options: `{ value: 12, name: 'Proposal', key: 'stage-id' }` comes back whole. */
  data: unknown;
}

let echarts: Promise<typeof import('./echarts-setup')> | undefined;
// One chunk, fetched on the first chart shown and shared by every chart after it.
const loadEcharts = () => (echarts ??= import('./echarts-setup'));

/**
 * An ECharts chart. The options are the chart; the app's palette and font are applied on top of
 * defaults (see chart-theme.ts). It resizes with its container, is disposed with the component,
 * and emits `(pick)` with the clicked data item.
 *
 * The chart is an image to assistive technology (role="img" with `label`): say what it shows, and
 * put the same figures in a table next to it, which is where keyboard users drill down too.
 *
 * ```html
 * <bce-chart [options]="options()" label="Open pipeline value by stage" (pick)="open($event)" />
 * ```
 */
@Component({
  selector: 'bce-chart',
  template: `<div #surface class="surface" aria-hidden="true"></div>`,
  styles: `
    :host {
      display: block;
      position: relative;
      width: 100%;
    }
    .surface {
      position: absolute;
      inset: 0;
    }
  `,
  host: { role: 'img', '[attr.aria-label]': 'label()', '[style.height]': 'height()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChartComponent {
  readonly options = input.required<EChartsOption>();
  /** What the chart shows, read out by screen readers: "Open pipeline value by stage, 2025/26". */
  readonly label = input.required<string>();
  /** Any CSS height; the width follows the container. */
  readonly height = input('320px');
  readonly pick = output<ChartPick>();

  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly chart = signal<EChartsType | null>(null);

  constructor() {
    const destroyRef = inject(DestroyRef);
    let destroyed = false;
    destroyRef.onDestroy(() => (destroyed = true));

    afterNextRender(() => {
      void loadEcharts().then(({ init }) => {
        if (destroyed) return;
        const surface = this.host.nativeElement.querySelector<HTMLElement>('.surface')!;
        const chart = init(surface, null, { renderer: 'svg' });
        chart.on('click', (event) => {
          if (event.componentType !== 'series') return;
          this.pick.emit({
            seriesName: event.seriesName ?? '',
            seriesIndex: event.seriesIndex ?? 0,
            name: event.name,
            dataIndex: event.dataIndex,
            value: event.value,
            data: event.data,
          });
        });
        const resize = new ResizeObserver(() => chart.resize());
        resize.observe(this.host.nativeElement);
        destroyRef.onDestroy(() => {
          resize.disconnect();
          chart.dispose();
        });
        this.chart.set(chart);
      });
    });

    effect(() => {
      const chart = this.chart();
      const options = this.options();
      if (!chart) return;
      const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
      chart.setOption(withChartDefaults(options, reducedMotion), { notMerge: true });
    });
  }
}
