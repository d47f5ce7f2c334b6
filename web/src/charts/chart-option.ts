// The ECharts option type limited to the parts registered in echarts-setup.ts, so that an option
// function cannot silently ask for a chart or component that is not in the bundle.
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption, LineSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TitleComponentOption, TooltipComponentOption } from 'echarts/components';

export type ChartOption = ComposeOption<
  BarSeriesOption | LineSeriesOption | GridComponentOption | LegendComponentOption | TitleComponentOption | TooltipComponentOption
>;

/** One colour per record kind across every chart: a kind keeps its colour from chart to chart. */
export const KIND_COLORS = {
  licences: '#13c2c2',
  inspections: '#1677ff',
  cases: '#fa8c16',
  fines: '#cf1322',
} as const;

/** Tooltip values: integers with zh-CN thousands separators; non-numbers pass through. */
export function tooltipValue(value: unknown): string {
  return typeof value === 'number' ? value.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : String(value ?? '-');
}
