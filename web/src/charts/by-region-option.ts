// 区划对比: inspections, cases and fines of each child region of the caller's jurisdiction.
import type { RegionRow } from '../api.ts';
import { KIND_COLORS, tooltipValue, type ChartOption } from './chart-option.ts';

/** Regions in GB/T 2260 code order — the order of every official statistical table (杭州, 宁波, 温州 …). */
export function sortRegions(rows: readonly RegionRow[]): RegionRow[] {
  return [...rows].sort((a, b) => a.regionCode.localeCompare(b.regionCode));
}

export function byRegionOption(rows: readonly RegionRow[]): ChartOption {
  const regions = sortRegions(rows);
  const crowded = regions.length > 8;
  return {
    color: [KIND_COLORS.inspections, KIND_COLORS.cases, KIND_COLORS.fines],
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: tooltipValue },
    legend: { top: 0, data: ['行政检查', '处罚案件', '罚没金额'] },
    grid: { left: 16, right: 16, top: 56, bottom: 32, containLabel: true },
    xAxis: {
      type: 'category',
      name: '区划',
      nameLocation: 'middle',
      nameGap: crowded ? 56 : 28,
      data: regions.map((r) => r.regionName),
      axisLabel: { interval: 0, rotate: crowded ? 40 : 0 },
    },
    yAxis: [
      { type: 'value', name: '件次', nameTextStyle: { align: 'left' }, alignTicks: true },
      // Money and counts differ by orders of magnitude: fines get their own axis.
      { type: 'value', name: '罚没金额（元）', nameTextStyle: { align: 'right' }, alignTicks: true, splitLine: { show: false } },
    ],
    series: [
      { name: '行政检查', type: 'bar', yAxisIndex: 0, barMaxWidth: 32, data: regions.map((r) => r.inspections) },
      { name: '处罚案件', type: 'bar', yAxisIndex: 0, barMaxWidth: 32, data: regions.map((r) => r.cases) },
      { name: '罚没金额', type: 'line', yAxisIndex: 1, symbolSize: 6, data: regions.map((r) => r.fines) },
    ],
  };
}
