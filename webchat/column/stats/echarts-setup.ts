/**
 * ECharts as this page uses it: the core with the bar, pie and line series, the grid (axes) and the SVG renderer
 * only, so the `stats-page` chunk carries no more of the library than the charts draw. SVG rather than canvas:
 * crisp at any zoom and at 大字, and the drawing stays in the document for the screenshots.
 */
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GridComponent } from 'echarts/components';
import { init, use, type ComposeOption } from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { BarSeriesOption, LineSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption } from 'echarts/components';

use([BarChart, LineChart, PieChart, GridComponent, SVGRenderer]);

export type ChartOption = ComposeOption<BarSeriesOption | LineSeriesOption | PieSeriesOption | GridComponentOption>;

export { init };
