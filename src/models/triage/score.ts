// The risk score of a hit (0–100) and of a file of hits: five parts, each a number a supervisor can
// read back — how serious the model's finding is, how directly the data shows it, the money at stake,
// how often the subject was hit in the period, and whether its earlier clues were confirmed. The
// points are data (SCORE): the SQL of a batch run and the code of a real-time check read the same
// table, and explainScore says in Chinese which part added what.
import type { Sql } from '../../store/sql.ts';
import { raw } from '../../store/sql.ts';
import { formatNumber, type EvidenceStrength, type ModelDefinition, type Severity } from '../model.ts';
import { BUNDLE_NOUNS, defaultEvidence, type BundleKind } from './filing.ts';

export const SCORE = {
  severity: { high: 40, medium: 25, low: 10 } satisfies Record<Severity, number>,
  evidence: { record: 20, pattern: 15, report: 10, statistical: 5 } satisfies Record<EvidenceStrength, number>,
  /** Money at stake (yuan): the first band reached. */
  money: [
    { from: 500_000, points: 20 },
    { from: 100_000, points: 15 },
    { from: 10_000, points: 5 },
  ],
  /** Each other hit on the subject in the period. */
  repetition: { each: 5, max: 20 },
  /** Each clue on the subject confirmed (closed or transferred) in the days before. */
  history: { each: 10, max: 20, days: 730 },
  max: 100,
} as const;

export const SEVERITY_LABELS: Record<Severity, string> = { high: '高', medium: '中', low: '低' };
export const SEVERITY_RANK: Record<Severity, number> = { low: 1, medium: 2, high: 3 };
export const SEVERITY_OF_RANK: Record<number, Severity> = { 1: 'low', 2: 'medium', 3: 'high' };

export const EVIDENCE_LABELS: Record<EvidenceStrength, string> = {
  record: '单条记录即可证明',
  pattern: '多条记录构成的规律',
  report: '回访或投诉的陈述',
  statistical: '与同类比较的统计异常',
};

/** The parts of a hit's score. */
export interface ScoreParts {
  severity: number;
  evidence: number;
  money: number;
  repetition: number;
  history: number;
}

export const total = (p: ScoreParts): number => Math.min(SCORE.max, p.severity + p.evidence + p.money + p.repetition + p.history);
/** What a hit brings by itself: severity, evidence and money (a file's score starts from its best hit's). */
export const base = (p: Pick<ScoreParts, 'severity' | 'evidence' | 'money'>): number => p.severity + p.evidence + p.money;

export function evidenceOf(model: ModelDefinition, subjectKind: string): EvidenceStrength {
  return model.triage?.evidence ?? defaultEvidence(subjectKind);
}

export function moneyPoints(amount: number | null): number {
  if (amount === null || !Number.isFinite(amount)) return 0;
  return SCORE.money.find((b) => amount >= b.from)?.points ?? 0;
}
/** `others`: the other hits of the subject in the period. */
export const repetitionPoints = (others: number): number => Math.min(SCORE.repetition.max, SCORE.repetition.each * Math.max(0, others));
/** `confirmed`: the subject's confirmed clues in SCORE.history.days. */
export const historyPoints = (confirmed: number): number => Math.min(SCORE.history.max, SCORE.history.each * confirmed);

// ── the same, as SQL ───────────────────────────────────────────────────────────────────────────
export const severityPointsSql = (model: ModelDefinition): Sql => raw(String(SCORE.severity[model.severity]));

/** Evidence points of a staged hit (alias s): the model's own strength, or the default of the row's subject kind. */
export function evidencePointsSql(model: ModelDefinition, alias: string): Sql {
  if (model.triage?.evidence) return raw(String(SCORE.evidence[model.triage.evidence]));
  const k = `${alias}.subject_kind`;
  return raw(`CASE WHEN ${k} IN ('entity', 'officer') THEN ${SCORE.evidence.pattern} WHEN ${k} = 'agency' THEN ${SCORE.evidence.statistical}
    WHEN ${k} = 'followup_task' THEN ${SCORE.evidence.report} ELSE ${SCORE.evidence.record} END`);
}

export const moneyPointsSql = (expr: string): Sql =>
  raw(`CASE ${SCORE.money.map((b) => `WHEN ${expr} >= ${b.from} THEN ${b.points}`).join(' ')} ELSE 0 END`);
export const repetitionPointsSql = (others: string): Sql => raw(`least(${SCORE.repetition.max}, ${SCORE.repetition.each} * (${others}))`);
export const historyPointsSql = (confirmed: string): Sql => raw(`least(${SCORE.history.max}, ${SCORE.history.each} * (${confirmed}))`);
export const severityRankSql = (expr: string): Sql => raw(`CASE ${expr} WHEN 'high' THEN 3 WHEN 'medium' THEN 2 ELSE 1 END`);

// ── in words ───────────────────────────────────────────────────────────────────────────────────
const evidenceByPoints = new Map(Object.entries(SCORE.evidence).map(([k, v]) => [v, k as EvidenceStrength]));

/** Yuan as the console writes large sums: 12.5万元, 8,000元. */
export function yuan(amount: number): string {
  return amount >= 10_000 ? `${formatNumber(Math.round(amount / 100) / 100)}万元` : `${formatNumber(amount)}元`;
}

/** One line per part that added points, in Chinese, and the total: what a supervisor reads beside a score. */
export function explainScore(
  parts: ScoreParts,
  h: { severity: Severity; amount: number | null; bundleKind: BundleKind },
): { factor: string; label: string; points: number }[] {
  const noun = BUNDLE_NOUNS[h.bundleKind];
  const strength = evidenceByPoints.get(parts.evidence);
  const lines = [
    { factor: 'severity', label: `模型严重程度${SEVERITY_LABELS[h.severity]}`, points: parts.severity },
    { factor: 'evidence', label: `证据强度：${strength ? EVIDENCE_LABELS[strength] : '—'}`, points: parts.evidence },
    { factor: 'money', label: h.amount === null ? '未涉及金额' : `涉及金额${yuan(h.amount)}`, points: parts.money },
    {
      factor: 'repetition',
      label:
        parts.repetition === 0
          ? `${noun}本期没有其他命中`
          : `${noun}本期另有${parts.repetition >= SCORE.repetition.max ? '至少' : ''}${parts.repetition / SCORE.repetition.each}条命中`,
      points: parts.repetition,
    },
    {
      factor: 'history',
      label:
        parts.history === 0
          ? `${noun}近两年没有经核实办结的线索`
          : `${noun}近两年有${parts.history >= SCORE.history.max ? '至少' : ''}${parts.history / SCORE.history.each}条线索经核实办结`,
      points: parts.history,
    },
  ];
  return lines;
}

/** The lines of explainScore as one sentence: 模型严重程度高 +40；… 合计 75 分。 */
export function scoreSentence(parts: ScoreParts, h: Parameters<typeof explainScore>[1]): string {
  const lines = explainScore(parts, h).map((l) => `${l.label} +${l.points}`);
  const sum = parts.severity + parts.evidence + parts.money + parts.repetition + parts.history;
  return `${lines.join('；')}；合计${total(parts)}分${sum > SCORE.max ? `（上限${SCORE.max}）` : ''}。`;
}
