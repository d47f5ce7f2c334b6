// 检查负担 (GET /inspection-burden): visits per entity as planned (every task its own visit), as merged
// (a joint task counts once) and as if every pending suggestion were accepted — the histogram of
// entities by visits, and the entities visited more than the threshold. Figures → ECharts option, no I/O.
import type { InspectionBurden } from '../api.ts';
import { tooltipValue, type ChartOption } from './chart-option.ts';

const STATES = [
  ['planned', '按计划', '#fa8c16'],
  ['merged', '已合并', '#1677ff'],
  ['ifAccepted', '全部采纳后', '#52c41a'],
] as const;
export const VISIT_BUCKETS = ['1次', '2次', '3次', '4次', '5次', '6次及以上'];

/** Entities by visits a year, one bar series per state. */
export function burdenHistogramOption(b: InspectionBurden): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    legend: { top: 0 },
    grid: { left: 16, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: VISIT_BUCKETS, name: '每户检查次数' },
    yAxis: { type: 'value', minInterval: 1, name: '企业数' },
    series: STATES.map(([key, name, color]) => ({ name, type: 'bar' as const, itemStyle: { color }, data: b[key].histogram })),
  };
}

/** Entities visited more than the threshold, and visits in all, per state. */
export function burdenOverOption(b: InspectionBurden): ChartOption {
  return {
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    legend: { top: 0 },
    grid: { left: 16, right: 16, top: 32, bottom: 8, containLabel: true },
    xAxis: { type: 'category', data: STATES.map(([, name]) => name) },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: `超过${b.threshold}次的企业`, type: 'bar', itemStyle: { color: '#cf1322' }, data: STATES.map(([key]) => b[key].over) },
      { name: '入企次数', type: 'bar', itemStyle: { color: '#1677ff' }, data: STATES.map(([key]) => b[key].visits) },
    ],
  };
}
