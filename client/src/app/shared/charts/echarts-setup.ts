/**
 * The parts of ECharts the app uses, registered once. Only chart.component.ts imports this file,
 * and only with a dynamic import(), so ECharts is a chunk of its own that pages without charts never
 * download. Need another chart type or component? Register it here.
 */
import { BarChart, FunnelChart, LineChart, PieChart, RadarChart } from 'echarts/charts';
import { DatasetComponent, GridComponent, LegendComponent, MarkLineComponent, RadarComponent, TooltipComponent } from 'echarts/components';
import { init, use } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

use([BarChart, LineChart, FunnelChart, PieChart, RadarChart, GridComponent, TooltipComponent, LegendComponent, DatasetComponent, RadarComponent, MarkLineComponent, SVGRenderer]);

export { init };
