// 按月统计: licences, inspections and cases per month. Rows → ECharts option, no I/O, no DOM.
import type { MonthRow } from '../api.ts';
import { KIND_COLORS, tooltipValue, type ChartOption } from './chart-option.ts';

const MONTH = /^(\d{4})-(\d{2})/;

function monthIndex(month: string): number | null {
  const m = MONTH.exec(month);
  if (!m) return null;
  const mm = Number(m[2]);
  if (mm < 1 || mm > 12) return null;
  return Number(m[1]) * 12 + (mm - 1);
}

function monthLabel(index: number): string {
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The months shown on the axis, oldest first: every month from the earliest to the latest of the
 * rows and of the requested range (YYYY-MM or YYYY-MM-DD), with no gaps — a month without records
 * is a zero, not a missing tick, or the eye reads two distant months as neighbours.
 */
export function monthAxis(rows: readonly { month: string }[], range: { from?: string; to?: string } = {}): string[] {
  const indexes = [range.from, range.to, ...rows.map((r) => r.month)]
    .map((m) => (m ? monthIndex(m) : null))
    .filter((i): i is number => i !== null);
  if (indexes.length === 0) return [];
  const first = Math.min(...indexes);
  const last = Math.max(...indexes);
  // A range over more than 10 years is a mistake upstream; do not draw thousands of ticks.
  const start = Math.max(first, last - 119);
  const months: string[] = [];
  for (let i = start; i <= last; i++) months.push(monthLabel(i));
  return months;
}

export function byMonthOption(rows: readonly MonthRow[], range: { from?: string; to?: string } = {}): ChartOption {
  const months = monthAxis(rows, range);
  const sums = new Map<string, { licences: number; inspections: number; cases: number }>();
  for (const row of rows) {
    const index = monthIndex(row.month);
    if (index === null) continue;
    const key = monthLabel(index);
    const sum = sums.get(key) ?? { licences: 0, inspections: 0, cases: 0 };
    sum.licences += row.licences;
    sum.inspections += row.inspections;
    sum.cases += row.cases;
    sums.set(key, sum);
  }
  const pick = (kind: 'licences' | 'inspections' | 'cases') => months.map((m) => sums.get(m)?.[kind] ?? 0);

  return {
    color: [KIND_COLORS.licences, KIND_COLORS.inspections, KIND_COLORS.cases],
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    legend: { top: 0, data: ['行政许可', '行政检查', '处罚案件'] },
    grid: { left: 16, right: 16, top: 56, bottom: 32, containLabel: true },
    xAxis: { type: 'category', name: '月份', nameLocation: 'middle', nameGap: 28, data: months },
    yAxis: [
      // Axis names sit outside the grid: align them inwards so that they are never clipped at the edge.
      { type: 'value', name: '许可/检查（件次）', nameTextStyle: { align: 'left' }, alignTicks: true },
      // Cases are an order of magnitude fewer than inspections: on a shared axis they would lie flat.
      { type: 'value', name: '处罚案件（件）', nameTextStyle: { align: 'right' }, alignTicks: true, splitLine: { show: false } },
    ],
    series: [
      { name: '行政许可', type: 'bar', yAxisIndex: 0, barMaxWidth: 28, data: pick('licences') },
      { name: '行政检查', type: 'bar', yAxisIndex: 0, barMaxWidth: 28, data: pick('inspections') },
      { name: '处罚案件', type: 'line', yAxisIndex: 1, smooth: false, symbolSize: 6, data: pick('cases') },
    ],
  };
}
