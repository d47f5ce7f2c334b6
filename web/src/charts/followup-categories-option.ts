// 反映的问题（按类别）: a campaign report's complaint categories in their fixed order, one bar each,
// the serious ones red. Rows → ECharts option, no I/O, no DOM.
import type { CampaignReport } from '../api.ts';
import { tooltipValue, type ChartOption } from './chart-option.ts';

const SERIOUS = new Set(['bribery', 'rude', 'no_id', 'rights', 'procedure']);

export function followupCategoriesOption(rows: CampaignReport['categories']): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    grid: { left: 16, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: rows.map((r) => r.label), axisLabel: { interval: 0, rotate: rows.length > 6 ? 30 : 0 } },
    yAxis: { type: 'value', minInterval: 1, name: '次' },
    series: [
      {
        name: '反映次数',
        type: 'bar',
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
        data: rows.map((r) => ({ value: r.count, itemStyle: { color: SERIOUS.has(r.code) ? '#f5222d' : '#fa8c16' } })),
      },
    ],
  };
}
