// An indicator (评价指标) is data, like a supervision model: a code, a Chinese name and definition, a
// group, the unit and direction of its value, a default target and weight, a scoring rule, and one SQL
// query that returns the records behind the figure. Every value is Σnum / Σden × scale over those rows,
// so one query serves a region, an agency and an officer (grouped by a different column), and the
// drill-down from a figure lists exactly the rows it was computed from.
import type { Dialect } from '../../store/dialect.ts';
import { raw, sql, type Sql } from '../../store/sql.ts';

/** The six groups of the province's evaluation (队伍建设 … 群众满意); admins may add their own (evaluation_groups). */
export const INDICATOR_GROUPS = {
  team: '队伍建设',
  mechanism: '体制机制',
  coordination: '执法协同',
  conduct: '执法规范',
  effectiveness: '执法效能',
  satisfaction: '群众满意',
} as const;
export type BuiltInGroup = keyof typeof INDICATOR_GROUPS;

/** Who an indicator can be computed for. */
export const LEVELS = ['region', 'agency', 'officer'] as const;
export type Level = (typeof LEVELS)[number];
export const LEVEL_LABELS: Record<Level, string> = { region: '区划', agency: '执法主体', officer: '执法人员' };

export type Direction = 'higher' | 'lower';

/**
 * How a value becomes a score of 0–100:
 * - linear: full marks at the target, none at `zeroAt` (on the bad side of the target), linear between;
 * - thresholds: the score of the first step the value reaches (steps best first; "reaches" is ≥ when
 *   higher is better, ≤ when lower is), else 0;
 * - rank: by place among the subjects compared, 100 for the best and 0 for the last, ties sharing the better place.
 */
export type ScoringRule =
  { kind: 'linear'; zeroAt: number } | { kind: 'thresholds'; steps: { reach: number; score: number }[] } | { kind: 'rank' };

export interface IndicatorContext {
  dialect: Dialect;
  /** The period, inclusive, 'YYYY-MM-DD'. */
  from: string;
  to: string;
  /** The evaluation day: deadlines after it have not run out yet. */
  asOf: string;
  /** alias.region_code in the region evaluated (its subtree). */
  inRegion(alias: string): Sql;
  /** A DATE expression within the period. */
  during(dateExpr: string): Sql;
  /** The period's first day minus `days`, as a DATE parameter (look-back windows). */
  before(days: number): Sql;
}

export interface IndicatorDefinition {
  code: string;
  name: string;
  group: BuiltInGroup;
  /** Shown to the user: what is counted, over what, and why it matters. */
  definition: string;
  unit: string;
  direction: Direction;
  /** Value = Σnum / Σden × scale (100 for a percentage, 1 for an average). */
  scale: number;
  target: number;
  weight: number;
  scoring: ScoringRule;
  levels: readonly Level[];
  /** The record kind of the rows behind the figure (a /records/:kind page, or clues / notices / reviews). */
  recordKind: string;
  /**
   * One row per record behind the figure with the columns of `rowColumns`: region_code (where it
   * happened), agency_id, officer_id (NULL when the indicator has no officer level), record_id, num, den.
   */
  query(ctx: IndicatorContext): Sql;
}

/** The standard columns of an indicator's rows; SQL text from the definitions, never from input. */
export function rowColumns(c: { region: string; agency: string; officer?: string; id: string; num: string; den?: string }): Sql {
  return raw(
    `${c.region} AS region_code, ${c.agency} AS agency_id, ${c.officer ?? 'CAST(NULL AS VARCHAR)'} AS officer_id, ` +
      `${c.id} AS record_id, ${c.num} AS num, ${c.den ?? '1'} AS den`,
  );
}

/** 1 when the condition holds, else 0 (booleans do not sum alike on both engines). */
export const flag = (condition: string): string => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;

export function contextFor(dialect: Dialect, from: string, to: string, asOf: string, regionPrefix: string): IndicatorContext {
  return {
    dialect,
    from,
    to,
    asOf,
    inRegion: (alias) => sql`${raw(`${alias}.region_code`)} LIKE ${regionPrefix + '%'}`,
    during: (expr) => sql`${raw(expr)} BETWEEN CAST(${from} AS DATE) AND CAST(${to} AS DATE)`,
    before: (days) => {
      const d = new Date(`${from}T00:00:00Z`);
      d.setUTCDate(d.getUTCDate() - days);
      return sql`CAST(${d.toISOString().slice(0, 10)} AS DATE)`;
    },
  };
}

// ── scoring ──────────────────────────────────────────────────────────────────────────────────────

const clamp = (x: number) => Math.max(0, Math.min(100, x));
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The score (0–100) of a value under a linear or threshold rule; rank rules are scored by rankScores. */
export function scoreValue(rule: ScoringRule, direction: Direction, target: number, value: number): number {
  switch (rule.kind) {
    case 'linear':
      if (target === rule.zeroAt) return value === target ? 100 : 0;
      return round2(clamp((100 * (value - rule.zeroAt)) / (target - rule.zeroAt)));
    case 'thresholds': {
      const step = rule.steps.find((s) => (direction === 'higher' ? value >= s.reach : value <= s.reach));
      return step ? step.score : 0;
    }
    case 'rank':
      throw new Error('rank scores depend on the other subjects: use rankScores');
  }
}

/** Scores by place: the best 100, the last 0, evenly between; equal values share the better place. */
export function rankScores(values: ReadonlyMap<string, number>, direction: Direction): Map<string, number> {
  const sorted = [...values.values()].sort((a, b) => (direction === 'higher' ? b - a : a - b));
  const n = sorted.length;
  const out = new Map<string, number>();
  for (const [id, v] of values) {
    const place = sorted.indexOf(v); // the first (best) place of this value
    out.set(id, n === 1 ? 100 : round2((100 * (n - 1 - place)) / (n - 1)));
  }
  return out;
}

/** A definition's rule problems (a linear rule's zero point on the wrong side of the target …), or null. */
export function definitionProblem(d: IndicatorDefinition): string | null {
  if (!/^[A-Z][A-Z0-9_]+$/.test(d.code)) return `指标编码 ${d.code} 应为大写字母、数字和下划线`;
  if (d.weight < 0) return `${d.code}：权重不能为负`;
  return targetProblem(d, d.target);
}

/** Whether a target fits the definition's rule (a linear rule's zero point must lie on the bad side of it). */
export function targetProblem(d: IndicatorDefinition, target: number): string | null {
  if (!Number.isFinite(target)) return `${d.name}：目标值须为数字`;
  if (d.scoring.kind === 'linear') {
    const bad = d.direction === 'higher' ? d.scoring.zeroAt < target : d.scoring.zeroAt > target;
    if (!bad)
      return `${d.name}：目标值 ${target} 须${d.direction === 'higher' ? '高于' : '低于'}零分值 ${d.scoring.zeroAt}（${d.direction === 'higher' ? '越高越好' : '越低越好'}）`;
  }
  return null;
}
