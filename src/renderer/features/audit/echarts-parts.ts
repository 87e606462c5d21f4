// Only the ECharts parts the reports draw (a treemap, bars, their tooltip and grid, on canvas):
// the full build is over a megabyte, these are a fraction of it. Loaded by ReportChart on demand.
import { BarChart, TreemapChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';

echarts.use([TreemapChart, BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export const init = echarts.init;
