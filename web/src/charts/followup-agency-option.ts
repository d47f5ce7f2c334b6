// 回访满意度（按执法部门）: a campaign report's byAgency rows, most answers first (top n), as stacked
// horizontal bars of satisfied / other / dissatisfied answers. Rows → ECharts option, no I/O, no DOM.
import type { CampaignReport } from '../api.ts';
import { tooltipValue, type ChartOption } from './chart-option.ts';

export const AGENCY_TOP_N = 12;

export function followupAgencyOption(rows: CampaignReport['byAgency'], n = AGENCY_TOP_N): ChartOption {
  // Largest on top: the axis is drawn bottom-up, so the list is reversed.
  const top = [...rows]
    .sort((a, b) => b.answers - a.answers || a.agencyName.localeCompare(b.agencyName, 'zh-CN'))
    .slice(0, n)
    .reverse();
  const series = (name: string, color: string, value: (r: (typeof top)[number]) => number) => ({
    name,
    type: 'bar' as const,
    stack: 'answers',
    barMaxWidth: 22,
    itemStyle: { color },
    data: top.map(value),
  });
  return {
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    legend: { top: 0 },
    grid: { left: 16, right: 24, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1, name: '答复' },
    yAxis: { type: 'category', data: top.map((r) => r.agencyName), axisLabel: { width: 180, overflow: 'truncate' } },
    series: [
      series('满意', '#52c41a', (r) => r.satisfied),
      series('一般', '#d9d9d9', (r) => r.answers - r.satisfied - r.dissatisfied),
      series('不满意', '#f5222d', (r) => r.dissatisfied),
    ],
  };
}
