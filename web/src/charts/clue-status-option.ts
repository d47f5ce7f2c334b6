// 线索状态分布: the workbench's counts by status (GET /clues/stats → byStatus), in the loop's order,
// one bar per status in its tag colour. Rows → ECharts option, no I/O, no DOM.
import type { ClueStatus } from '../api.ts';
import { tooltipValue, type ChartOption } from './chart-option.ts';

/** The loop's order: 发现 → 交办 → 整改 → 审核 → 销号, then the other endings. */
export const STATUS_AXIS: readonly ClueStatus[] = [
  'new',
  'self_check',
  'triaged',
  'assigned',
  'rectifying',
  'returned',
  'submitted',
  'closed',
  'dismissed',
  'transferred',
];

/** Hex colours matching the antd tag presets of clue-rules.ts STATUS_COLORS. */
export const STATUS_HEX: Record<ClueStatus, string> = {
  new: '#faad14',
  self_check: '#13c2c2',
  triaged: '#fa8c16',
  assigned: '#1677ff',
  rectifying: '#2f54eb',
  returned: '#eb2f96',
  submitted: '#722ed1',
  closed: '#52c41a',
  dismissed: '#8c8c8c',
  transferred: '#f5222d',
};

export function clueStatusOption(byStatus: Partial<Record<ClueStatus, number>>, labels: Record<ClueStatus, string>): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    grid: { left: 16, right: 16, top: 24, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: STATUS_AXIS.map((s) => labels[s] ?? s), axisLabel: { interval: 0 } },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        name: '线索',
        type: 'bar',
        barMaxWidth: 36,
        label: { show: true, position: 'top' },
        data: STATUS_AXIS.map((s) => ({ value: byStatus[s] ?? 0, itemStyle: { color: STATUS_HEX[s] } })),
      },
    ],
  };
}
