// 同比/环比 as the seed writes them ("涉企处罚案件数…同比分别大幅下降33.37%"): one function for every
// change a report or a profile states, so the rounding and the direction words are the same everywhere.

export type Comparison = 'yoy' | 'mom';
const WORD: Record<Comparison, string> = { yoy: '同比', mom: '环比' };

/** The change in percent, rounded half away from zero to two places; null when the base is 0. */
export function changePercent(now: number, before: number): number | null {
  if (before === 0) return null;
  const x = ((now - before) / before) * 100;
  // Rounded on the decimal text of the value (toFixed of 33.365 gives 33.36 from its binary form).
  const r = Math.round(Number((Math.abs(x) * 100).toPrecision(12)));
  return (Math.sign(x) * r) / 100;
}

/**
 * 同比下降33.37% · 环比上升5.00% · 同比持平 · 上年同期为零. A change that rounds to 0.00% is 持平; the
 * percent always has two decimals, as statistical bulletins write it.
 */
export function changeText(now: number, before: number, comparison: Comparison): string {
  const word = WORD[comparison];
  if (before === 0) return now === 0 ? `${word}持平` : comparison === 'yoy' ? '上年同期为零' : '上期为零';
  const pct = changePercent(now, before)!;
  if (pct === 0) return `${word}持平`;
  return `${word}${pct > 0 ? '上升' : '下降'}${Math.abs(pct).toFixed(2)}%`;
}
