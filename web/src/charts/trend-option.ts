// A trend of a few named series over months or periods (profiles: inspections and cases by month;
// score history by quarter). Rows → ECharts option, no I/O, no DOM.
import { tooltipValue, type ChartOption } from './chart-option.ts';

export interface TrendSeries {
  key: string;
  name: string;
  color: string;
  type?: 'line' | 'bar';
}

export function trendOption(
  rows: readonly Record<string, unknown>[],
  xKey: string,
  series: readonly TrendSeries[],
  yName = '',
): ChartOption {
  return {
    color: series.map((s) => s.color),
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    legend: { top: 0, data: series.map((s) => s.name) },
    grid: { left: 16, right: 16, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => String(r[xKey])) },
    yAxis: { type: 'value', name: yName },
    series: series.map((s) =>
      s.type === 'bar'
        ? {
            name: s.name,
            type: 'bar' as const,
            barMaxWidth: 28,
            data: rows.map((r) => (typeof r[s.key] === 'number' ? (r[s.key] as number) : null)),
          }
        : {
            name: s.name,
            type: 'line' as const,
            symbolSize: 6,
            connectNulls: true,
            data: rows.map((r) => (typeof r[s.key] === 'number' ? (r[s.key] as number) : null)),
          },
    ),
  };
}
