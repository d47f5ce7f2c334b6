// Number formatting shared by statistic cards and chart tooltips: zh-CN groups thousands with commas.

const integer = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export function formatCount(value: number): string {
  return integer.format(value);
}

/** Yuan with two decimals, as in a penalty decision. */
export function formatYuan(value: number): string {
  return money.format(value);
}
