// The three procedures of Zhejiang's 处置中心 and how a file's score and severity choose one, with the
// thresholds an administrator sets per region (the most specific region wins, as for model settings).
//   预警 warning — shown on dashboards and profiles; no clue.
//   简易 simple  — a light clue the agency checks and closes itself with a note (src/clues/workflow.ts).
//   一般 general — the full loop: 研判 → 交办 → 整改 → 销号.
import type { Store } from '../../store/store.ts';
import { raw, type Sql } from '../../store/sql.ts';
import { withAudit } from '../../audit/audit-log.ts';
import { regionPrefix } from '../../domain/region.ts';
import type { Caller } from '../../auth/caller.ts';
import { badRequest } from '../../domain/errors.ts';
import type { Severity } from '../model.ts';
import { SEVERITY_RANK } from './score.ts';

export const PROCEDURES = ['warning', 'simple', 'general'] as const;
export type Procedure = (typeof PROCEDURES)[number];
export const PROCEDURE_LABELS: Record<Procedure, string> = { warning: '预警', simple: '简易', general: '一般' };

export interface Thresholds {
  /** A file scoring this much becomes a 简易 clue. */
  simpleMin: number;
  /** … this much, with a hit of generalSeverity or above, a 一般 clue. */
  generalMin: number;
  generalSeverity: Severity;
  /** Days the agency has to close a 简易 clue. */
  simpleDays: number;
}

/**
 * Calibrated on the demo data (docs/supervision-brain.md, "Triage"): one hit of a serious model that a
 * record shows by itself (40 + 20) is a 简易 clue; the full loop takes it when money of 十万元 or more is
 * at stake, when the subject was hit at least four times in the period, or when its earlier clues
 * were confirmed.
 */
export const DEFAULT_THRESHOLDS: Thresholds = { simpleMin: 60, generalMin: 75, generalSeverity: 'high', simpleDays: 15 };

export interface ThresholdSetting extends Thresholds {
  regionCode: string;
  updatedAt: string;
  updatedBy: string;
}

/** What a file is: its score, its most severe hit, whether an agency can take a 简易 clue. */
export function chooseProcedure(score: number, severityRank: number, hasAgency: boolean, t: Thresholds): Procedure {
  if (score >= t.generalMin && severityRank >= SEVERITY_RANK[t.generalSeverity]) return 'general';
  // A 简易 clue is the agency's to close: a file no agency is named in goes to the supervisors' full loop.
  if (score >= t.simpleMin) return hasAgency ? 'simple' : 'general';
  return 'warning';
}

/** An open clue's procedure after its file changed: never down, 简易 up to 一般 when the file now calls for it. */
export function nextProcedure(current: string | null, score: number, severityRank: number, t: Thresholds): 'simple' | 'general' {
  if (current !== 'simple') return 'general';
  return score >= t.generalMin && severityRank >= SEVERITY_RANK[t.generalSeverity] ? 'general' : 'simple';
}

// ── settings per region ────────────────────────────────────────────────────────────────────────
export async function loadThresholdSettings(store: Store): Promise<ThresholdSetting[]> {
  const rows = await store.query<{
    region_code: string;
    simple_min: number;
    general_min: number;
    general_severity: Severity;
    simple_days: number;
    updated_at: string;
    updated_by: string;
  }>('SELECT * FROM triage_settings ORDER BY region_code');
  return rows.map((r) => ({
    regionCode: r.region_code,
    simpleMin: Number(r.simple_min),
    generalMin: Number(r.general_min),
    generalSeverity: r.general_severity,
    simpleDays: Number(r.simple_days),
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  }));
}

/** The thresholds in force for a region: the defaults overlaid by the most specific setting on its path. */
export function thresholdsFor(settings: readonly ThresholdSetting[], regionCode: string): Thresholds & { from: string | null } {
  const s = settings
    .filter((x) => regionCode.startsWith(regionPrefix(x.regionCode)))
    .sort((a, b) => regionPrefix(b.regionCode).length - regionPrefix(a.regionCode).length)[0];
  if (!s) return { ...DEFAULT_THRESHOLDS, from: null };
  return {
    simpleMin: s.simpleMin,
    generalMin: s.generalMin,
    generalSeverity: s.generalSeverity,
    simpleDays: s.simpleDays,
    from: s.regionCode,
  };
}

/** One threshold as SQL over a region expression: the most specific setting's value, else the default. */
export function thresholdSql(settings: readonly ThresholdSetting[], region: string, pick: (t: Thresholds) => number): Sql {
  const ordered = [...settings].sort((a, b) => regionPrefix(b.regionCode).length - regionPrefix(a.regionCode).length);
  if (ordered.length === 0) return raw(String(pick(DEFAULT_THRESHOLDS)));
  // Prefixes are region codes (digits only), checked on save: safe as literals.
  const whens = ordered.map((s) => `WHEN ${region} LIKE '${regionPrefix(s.regionCode)}%' THEN ${pick(s)}`).join(' ');
  return raw(`CASE ${whens} ELSE ${pick(DEFAULT_THRESHOLDS)} END`);
}

export const SEVERITIES: readonly Severity[] = ['low', 'medium', 'high'];

/** Why a setting cannot be saved: [field, Chinese message], or null. */
export function thresholdProblem(t: Record<string, unknown>): [string, string] | null {
  const int = (name: keyof Thresholds, label: string, min: number, max: number): [string, string] | null => {
    const v = t[name];
    if (typeof v !== 'number' || !Number.isInteger(v)) return [name, `${label}须为整数`];
    if (v < min || v > max) return [name, `${label}须在 ${min} 至 ${max} 之间`];
    return null;
  };
  const p =
    int('simpleMin', '简易程序分数线', 0, 100) ??
    int('generalMin', '一般程序分数线', 0, 100) ??
    int('simpleDays', '简易线索办结期限（天）', 1, 90);
  if (p) return p;
  if (!SEVERITIES.includes(t.generalSeverity as Severity)) return ['generalSeverity', '一般程序最低严重程度须为 low、medium 或 high'];
  if ((t.generalMin as number) < (t.simpleMin as number)) return ['generalMin', '一般程序分数线不能低于简易程序分数线'];
  return null;
}

/** Saves a region's thresholds, checked field by field (who may: the caller of this function asks src/policy); audited. */
export async function saveThresholds(
  store: Store,
  caller: Caller,
  regionCode: string,
  t: Omit<Thresholds, 'generalSeverity'> & { generalSeverity: string },
): Promise<void> {
  const problem = thresholdProblem(t);
  if (problem) throw badRequest(problem[1], problem[0]);
  await withAudit(store, regionCode, async (tx) => {
    const [before] = await tx.query<Record<string, unknown>>('SELECT * FROM triage_settings WHERE region_code = $1', [regionCode]);
    await tx.exec('DELETE FROM triage_settings WHERE region_code = $1', [regionCode]);
    await tx.exec(
      'INSERT INTO triage_settings (region_code, simple_min, general_min, general_severity, simple_days, updated_at, updated_by) VALUES ($1,$2,$3,$4,$5,$6,$7)',
      [regionCode, t.simpleMin, t.generalMin, t.generalSeverity, t.simpleDays, new Date().toISOString(), caller.userId],
    );
    return {
      result: null,
      audit: [
        {
          actor: caller.userId,
          action: 'triage.configure',
          target: regionCode,
          regionCode,
          detail: {
            simpleMin: t.simpleMin,
            generalMin: t.generalMin,
            generalSeverity: t.generalSeverity,
            simpleDays: t.simpleDays,
            before: before
              ? {
                  simpleMin: before.simple_min,
                  generalMin: before.general_min,
                  generalSeverity: before.general_severity,
                  simpleDays: before.simple_days,
                }
              : null,
          },
        },
      ],
    };
  });
}

/** Removes a region's own thresholds: the region above's (or the defaults) apply again; audited. */
export async function clearThresholds(store: Store, caller: Caller, regionCode: string): Promise<void> {
  await withAudit(store, regionCode, async (tx) => {
    await tx.exec('DELETE FROM triage_settings WHERE region_code = $1', [regionCode]);
    return {
      result: null,
      audit: [{ actor: caller.userId, action: 'triage.configure', target: regionCode, regionCode, detail: { cleared: true } }],
    };
  });
}
