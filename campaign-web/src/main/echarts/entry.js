// The part of ECharts the pages use, exposed as the global "echarts" (see build.sh).
import * as echarts from 'echarts/core';
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent, AriaComponent, MarkLineComponent } from 'echarts/components';
import { CanvasRenderer, SVGRenderer } from 'echarts/renderers';
echarts.use([BarChart, GridComponent, TooltipComponent, LegendComponent, AriaComponent, MarkLineComponent,
  CanvasRenderer, SVGRenderer]);
window.echarts = echarts;
