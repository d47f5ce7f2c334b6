// 线索趋势: the clues a model raised per month in the caller's scope (GET /models/:code → cluesByMonth).
// Rows → ECharts option, no I/O, no DOM.
import { monthAxis } from './by-month-option.ts';
import { tooltipValue, type ChartOption } from './chart-option.ts';

export interface ClueMonthRow {
  /** YYYY-MM */
  month: string;
  clues: number;
}

export const CLUE_COLOR = '#cf1322';

/**
 * Bars of clues per month over the requested range (YYYY-MM or YYYY-MM-DD ends) and every month of
 * the rows, oldest first, empty months as zero; a line of the running total on a second axis shows
 * how the backlog grew.
 */
export function cluesByMonthOption(rows: readonly ClueMonthRow[], range: { from?: string; to?: string } = {}): ChartOption {
  const months = monthAxis(rows, range);
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = row.month.slice(0, 7);
    counts.set(key, (counts.get(key) ?? 0) + (Number(row.clues) || 0));
  }
  // Rows before the axis starts (older than ten years) still count towards the running total.
  let total = rows.filter((r) => r.month.slice(0, 7) < (months[0] ?? '')).reduce((sum, r) => sum + (Number(r.clues) || 0), 0);
  const perMonth = months.map((m) => counts.get(m) ?? 0);
  const cumulative = perMonth.map((n) => (total += n));
  return {
    color: [CLUE_COLOR, '#595959'],
    tooltip: { trigger: 'axis', valueFormatter: tooltipValue },
    legend: { top: 0, data: ['新增线索', '累计线索'] },
    grid: { left: 16, right: 16, top: 48, bottom: 32, containLabel: true },
    xAxis: { type: 'category', data: months },
    yAxis: [
      { type: 'value', name: '新增（条）', minInterval: 1, nameTextStyle: { align: 'left' } },
      { type: 'value', name: '累计（条）', minInterval: 1, nameTextStyle: { align: 'right' }, splitLine: { show: false } },
    ],
    series: [
      { name: '新增线索', type: 'bar', yAxisIndex: 0, barMaxWidth: 28, data: perMonth },
      { name: '累计线索', type: 'line', yAxisIndex: 1, symbolSize: 5, data: cumulative },
    ],
  };
}
