// 裁量基准档次: each tier of a baseline as a horizontal bar from its lowest to its highest fine, so
// the eye sees where the tiers sit inside the statutory range and where a city's refinement moves
// them. Drawn as two stacked bars: an invisible one up to fine_min, the visible one spanning the range.
import type { TierName } from '../api.ts';
import { compactYuan, fineRangeText } from '../format.ts';
import { TIER_LABELS, TIER_ORDER } from '../labels.ts';
import type { ChartOption } from './chart-option.ts';

export interface TierRange {
  tier: TierName;
  fine_min: number;
  fine_max: number;
}

/** Lightest to heaviest: green (不予) to red (从重). */
export const TIER_COLORS: Record<TierName, string> = {
  exempt: '#52c41a',
  mitigated: '#13c2c2',
  lenient: '#1677ff',
  general: '#faad14',
  severe: '#f5222d',
};

/** Tiers in statutory order (不予 → 从重), whatever order they arrive in; unknown tiers last. */
export function sortTiers<T extends { tier: string }>(tiers: readonly T[]): T[] {
  const rank = (t: string) => {
    const i = (TIER_ORDER as readonly string[]).indexOf(t);
    return i < 0 ? TIER_ORDER.length : i;
  };
  return [...tiers].sort((a, b) => rank(a.tier) - rank(b.tier));
}

export function tierRangeText(t: TierRange): string {
  return t.tier === 'exempt' && t.fine_max === 0 ? '不予处罚' : fineRangeText(t.fine_min, t.fine_max);
}

export interface BaselineRangeOptions {
  /** Shared upper end of the axis, so that two baselines drawn side by side compare at a glance. */
  xMax?: number;
}

export function baselineRangeOption(tiers: readonly TierRange[], opts: BaselineRangeOptions = {}): ChartOption {
  const rows = sortTiers(tiers);
  const label = (tier: string) => TIER_LABELS[tier as TierName] ?? tier;
  return {
    grid: { left: 8, right: 96, top: 8, bottom: 24, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: (p: unknown) => {
        const { dataIndex } = p as { dataIndex: number };
        const row = rows[dataIndex];
        return row ? `${label(row.tier)}：${tierRangeText(row)}` : '';
      },
    },
    xAxis: {
      type: 'value',
      min: 0,
      max: opts.xMax,
      axisLabel: { formatter: (v: number) => compactYuan(v) },
      splitLine: { lineStyle: { type: 'dashed' } },
    },
    // inverse: the lightest tier (不予处罚) at the top, as in the published tables.
    yAxis: { type: 'category', inverse: true, data: rows.map((r) => label(r.tier)), axisTick: { show: false } },
    series: [
      {
        name: '起点',
        type: 'bar',
        stack: 'range',
        silent: true,
        tooltip: { show: false },
        itemStyle: { color: 'transparent' },
        barMaxWidth: 14,
        data: rows.map((r) => r.fine_min),
      },
      {
        name: '罚款幅度',
        type: 'bar',
        stack: 'range',
        barMaxWidth: 14,
        // A zero-width range (不予处罚, a fixed amount) still gets its label at its place on the axis.
        label: {
          show: true,
          position: 'right',
          fontSize: 11,
          color: '#595959',
          formatter: (p: unknown) => {
            const row = rows[(p as { dataIndex: number }).dataIndex];
            return row ? tierRangeText(row) : '';
          },
        },
        data: rows.map((r) => ({
          value: Math.max(0, r.fine_max - r.fine_min),
          itemStyle: { color: TIER_COLORS[r.tier] ?? '#8c8c8c', borderRadius: 3 },
        })),
      },
    ],
  };
}
