// 监督概况 on the home page: open clues by agency (or by model), the overdue among them, as horizontal
// bars, the most open at the top. Rows come ordered from the server (GET /clues/supervision).
import { tooltipValue, type ChartOption } from './chart-option.ts';

export interface SupervisionRow {
  name: string;
  open: number;
  overdue: number;
}

export function supervisionOption(rows: readonly SupervisionRow[]): ChartOption {
  return {
    color: ['#1677ff', '#cf1322'],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue },
    legend: { top: 0, data: ['未办结', '其中逾期'] },
    grid: { left: 16, right: 32, top: 40, bottom: 16, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { width: 160, overflow: 'truncate' },
    },
    series: [
      { name: '未办结', type: 'bar', barGap: '-100%', barMaxWidth: 18, data: rows.map((r) => r.open) },
      { name: '其中逾期', type: 'bar', barMaxWidth: 18, data: rows.map((r) => r.overdue) },
    ],
  };
}
