// 条线排行: the enforcement lines with the most inspections and cases, as horizontal bars.
import type { LineRow } from '../api.ts';
import { KIND_COLORS, tooltipValue, type ChartOption } from './chart-option.ts';

export const BY_LINE_TOP_N = 15;

/** The top `n` lines by inspections + cases, largest first; ties broken by line code for a stable order. */
export function topLines(rows: readonly LineRow[], n: number = BY_LINE_TOP_N): LineRow[] {
  return [...rows]
    .sort((a, b) => b.inspections + b.cases - (a.inspections + a.cases) || a.lineCode.localeCompare(b.lineCode))
    .slice(0, Math.max(0, n));
}

export function byLineOption(rows: readonly LineRow[], n: number = BY_LINE_TOP_N): ChartOption {
  const top = topLines(rows, n);
  return {
    color: [KIND_COLORS.inspections, KIND_COLORS.cases],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue },
    legend: { top: 0, data: ['行政检查', '处罚案件'] },
    grid: { left: 16, right: 32, top: 56, bottom: 28, containLabel: true },
    xAxis: { type: 'value', name: '件次', nameLocation: 'middle', nameGap: 28 },
    // inverse: the first category (the largest line) is drawn at the top, and so is the axis name.
    yAxis: {
      type: 'category',
      name: '条线',
      nameLocation: 'start',
      inverse: true,
      data: top.map((r) => r.lineName),
      axisLabel: { width: 120, overflow: 'truncate' },
    },
    series: [
      { name: '行政检查', type: 'bar', stack: 'total', barMaxWidth: 24, data: top.map((r) => r.inspections) },
      { name: '处罚案件', type: 'bar', stack: 'total', barMaxWidth: 24, data: top.map((r) => r.cases) },
    ],
  };
}
