// 裁量导航's chart: how the past fines of an item are distributed (bars per bin), the band of the tier
// the facts select (shaded), and the proposed fine and the median marked as lines, so the officer sees
// at a glance where a decision would sit among what others decided.
import type { DecisionHistory } from '../api.ts';
import { compactYuan, fineRangeText, formatAmount } from '../format.ts';
import type { ChartOption } from './chart-option.ts';

export interface FineHistogramInput {
  bins: DecisionHistory['histogram'];
  /** The tier's band; none for 不予处罚 or without a baseline. */
  tier?: { label: string; min: number; max: number } | null;
  proposed?: number | null;
  median?: number | null;
}

export const HISTOGRAM_COLORS = { bars: '#8c8c8c', band: 'rgba(22, 119, 255, 0.12)', proposed: '#cf1322', median: '#389e0d' } as const;

export function fineHistogramOption({ bins, tier, proposed, median }: FineHistogramInput): ChartOption {
  const top = bins.length ? bins[bins.length - 1].to : 0;
  const lines = [
    ...(proposed != null ? [{ name: '拟罚款', xAxis: proposed, lineStyle: { color: HISTOGRAM_COLORS.proposed, width: 2 } }] : []),
    ...(median != null ? [{ name: '中位数', xAxis: median, lineStyle: { color: HISTOGRAM_COLORS.median, type: 'dashed' as const } }] : []),
  ];
  return {
    grid: { left: 8, right: 24, top: 36, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataIndex, seriesType } = p as { dataIndex: number; seriesType?: string };
        const bin = bins[dataIndex];
        return seriesType === 'bar' && bin ? `${fineRangeText(bin.from, bin.to)}：${formatAmount(bin.count)}件` : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: Math.max(top, proposed ?? 0),
      axisLabel: { formatter: (v: number) => compactYuan(v) },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', minInterval: 1, name: '件', nameTextStyle: { padding: [0, 24, 0, 0] } },
    series: [
      {
        name: '罚款决定',
        type: 'bar',
        barWidth: '92%',
        itemStyle: { color: HISTOGRAM_COLORS.bars },
        data: bins.map((b) => [(b.from + b.to) / 2, b.count]),
        markArea: tier
          ? {
              silent: true,
              itemStyle: { color: HISTOGRAM_COLORS.band },
              label: { show: true, position: 'insideTop', formatter: `${tier.label} ${fineRangeText(tier.min, tier.max)}` },
              data: [[{ xAxis: tier.min }, { xAxis: tier.max }]],
            }
          : undefined,
        markLine: lines.length
          ? {
              silent: true,
              symbol: 'none',
              label: { formatter: (p: unknown) => `${(p as { name: string }).name} ${compactYuan((p as { value: number }).value)}` },
              data: lines,
            }
          : undefined,
      },
    ],
  };
}
