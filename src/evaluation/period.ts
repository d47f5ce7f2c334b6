// Evaluation and report periods: a year (2025), a half (2025H2), a quarter (2025Q4) or a month
// (2025-11); each with its Chinese name, the period before it (环比) and the same period a year
// earlier (同比).

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month';

export interface Period {
  code: string;
  kind: PeriodKind;
  from: string;
  to: string;
  /** 2025年第四季度 */
  label: string;
}

const CN_QUARTER = ['一', '二', '三', '四'];
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate(); // m: 1-12

function make(kind: PeriodKind, year: number, n: number): Period {
  switch (kind) {
    case 'year':
      return { code: String(year), kind, from: `${year}-01-01`, to: `${year}-12-31`, label: `${year}年` };
    case 'half': {
      const [m1, m2] = n === 1 ? [1, 6] : [7, 12];
      return {
        code: `${year}H${n}`,
        kind,
        from: `${year}-${pad(m1)}-01`,
        to: `${year}-${pad(m2)}-${lastDay(year, m2)}`,
        label: `${year}年${n === 1 ? '上' : '下'}半年`,
      };
    }
    case 'quarter': {
      const m1 = (n - 1) * 3 + 1;
      const m2 = m1 + 2;
      return {
        code: `${year}Q${n}`,
        kind,
        from: `${year}-${pad(m1)}-01`,
        to: `${year}-${pad(m2)}-${lastDay(year, m2)}`,
        label: `${year}年第${CN_QUARTER[n - 1]}季度`,
      };
    }
    case 'month':
      return {
        code: `${year}-${pad(n)}`,
        kind,
        from: `${year}-${pad(n)}-01`,
        to: `${year}-${pad(n)}-${lastDay(year, n)}`,
        label: `${year}年${n}月`,
      };
  }
}

/** The period a code names, or a Chinese message saying what codes look like. */
export function parsePeriod(code: string): Period | string {
  const text = code.trim().toUpperCase();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(text))) return make('year', Number(m[1]), 1);
  if ((m = /^(\d{4})H([12])$/.exec(text))) return make('half', Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})Q([1-4])$/.exec(text))) return make('quarter', Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})-(\d{2})$/.exec(text)) && Number(m[2]) >= 1 && Number(m[2]) <= 12) return make('month', Number(m[1]), Number(m[2]));
  return `统计期间格式应为 2025（年）、2025H2（半年）、2025Q4（季度）或 2025-11（月）：${code}`;
}

export function periodOf(code: string): Period {
  const p = parsePeriod(code);
  if (typeof p === 'string') throw new Error(p);
  return p;
}

function parts(p: Period): [number, number] {
  const year = Number(p.from.slice(0, 4));
  const month = Number(p.from.slice(5, 7));
  switch (p.kind) {
    case 'year':
      return [year, 1];
    case 'half':
      return [year, month === 1 ? 1 : 2];
    case 'quarter':
      return [year, (month - 1) / 3 + 1];
    case 'month':
      return [year, month];
  }
}

const PER_YEAR: Record<PeriodKind, number> = { year: 1, half: 2, quarter: 4, month: 12 };

/** The period `steps` before (negative) or after this one, of the same kind. */
export function shiftPeriod(p: Period, steps: number): Period {
  const [year, n] = parts(p);
  const index = year * PER_YEAR[p.kind] + (n - 1) + steps;
  return make(p.kind, Math.floor(index / PER_YEAR[p.kind]), (index % PER_YEAR[p.kind]) + 1);
}

/** 环比: the period just before. */
export const previousPeriod = (p: Period): Period => shiftPeriod(p, -1);
/** 同比: the same period a year earlier. */
export const samePeriodLastYear = (p: Period): Period => shiftPeriod(p, -PER_YEAR[p.kind]);

/** The period of a kind that holds a day. */
export function periodContaining(kind: PeriodKind, day: string): Period {
  const year = Number(day.slice(0, 4));
  const month = Number(day.slice(5, 7));
  if (kind === 'year') return make('year', year, 1);
  if (kind === 'half') return make('half', year, month <= 6 ? 1 : 2);
  if (kind === 'quarter') return make('quarter', year, Math.floor((month - 1) / 3) + 1);
  return make('month', year, month);
}

/** The last complete period of a kind before a day (the scheduled reports' period). */
export const lastCompletePeriod = (kind: PeriodKind, today: string): Period => shiftPeriod(periodContaining(kind, today), -1);
