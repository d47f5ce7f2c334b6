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

/** An amount in yuan as a statute writes it: no decimals when whole (5,000), two otherwise (5,000.50). */
export function formatAmount(value: number): string {
  return Number.isInteger(value) ? integer.format(value) : formatYuan(value);
}

/** A fine range: "200–2,000元"; one amount when both ends agree; "—" when the law gives none. */
export function fineRangeText(min: number | null | undefined, max: number | null | undefined): string {
  const hasMin = typeof min === 'number' && Number.isFinite(min);
  const hasMax = typeof max === 'number' && Number.isFinite(max);
  if (!hasMin && !hasMax) return '—';
  if (hasMin && hasMax) return min === max ? `${formatAmount(min)}元` : `${formatAmount(min)}–${formatAmount(max)}元`;
  return hasMin ? `${formatAmount(min as number)}元以上` : `${formatAmount(max as number)}元以下`;
}

/** Axis labels: 0, 500, 2,000, 1万, 50万 — the unit the law itself uses above ten thousand. */
export function compactYuan(value: number): string {
  if (Math.abs(value) >= 10_000) return `${Number((value / 10_000).toFixed(2))}万`;
  return integer.format(value);
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1..9999 in Chinese numerals as statutes number their articles: 十, 十一, 二十, 一百零五, 一百一十. */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n <= 0 || n >= 10_000) return String(n);
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      pendingZero = out !== '';
      return;
    }
    if (pendingZero) out += '零';
    pendingZero = false;
    out += DIGITS[d]! + unit;
  });
  // 十一, not 一十一 — but 一百一十 keeps its 一 (a 十 after a higher unit).
  return n >= 10 && n < 20 ? out.slice(1) : out;
}

/** 33 → 第三十三条. */
export function articleLabel(n: number): string {
  return `第${chineseNumeral(n)}条`;
}

/** 中华人民共和国行政处罚法 → 行政处罚法: how officers cite a national law. */
export function shortTitle(title: string): string {
  return title.replace(/^中华人民共和国/, '');
}

const INSTANT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** An instant (ISO text) in business time, Asia/Shanghai: 2025-04-12 09:31. */
export function formatInstant(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(INSTANT.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour === '24' ? '00' : parts.hour}:${parts.minute}`;
}
