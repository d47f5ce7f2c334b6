// SQL fragments shared by the penalty, closure and follow-up models (not a model itself): a dialect
// expression over parameterised arguments; the Chinese labels of tiers, facts and clue statuses; and
// the baseline tier that a case's facts select — in SQL, the rule of src/catalog/discretion.ts
// (BaselineBook.effective, selectTier), which the real-time checks and the navigator call:
//   1. exemption list applies (listed item, first offence, corrected in time, no harm) → exempt
//   2. serious harm                                                                 → severe
//   3. first offence and corrected in time → mitigated where the governing baseline has it, else lenient
//   4. first offence or corrected in time                                           → lenient
//   5. otherwise                                                                    → general
// The governing baseline is the most local one in force on the decision day: the county's, else the
// city's refinement ("1+8"), else the province's. A refinement replaces the broader baseline; the two
// are never merged (docs/catalog.md).
import type { Dialect } from '../../store/dialect.ts';
import { raw, sql, Sql } from '../../store/sql.ts';
import { STATUS_LABELS, SOURCE_LABELS } from '../../clues/workflow.ts';

/**
 * A dialect expression (dialect.daysBetween, addDays, …, which take SQL text) over arguments that are
 * Sql fragments with parameters, e.g. dialectSql(d.daysBetween, sql`c.filed_on`, sql`CAST(${asOf} AS DATE)`).
 */
export function dialectSql(fn: (...args: string[]) => string, ...args: Sql[]): Sql {
  const parts = fn(...args.map((_, i) => `\u0001${i}\u0001`)).split(/\u0001(\d+)\u0001/);
  const strings: string[] = [];
  const values: Sql[] = [];
  parts.forEach((p, i) => (i % 2 === 0 ? strings.push(p) : values.push(args[Number(p)])));
  return new Sql(strings, values);
}

/** 不予处罚 / 减轻处罚 / 从轻处罚 / 一般 / 从重处罚 of a tier column. */
export function tierLabel(expr: string): Sql {
  return raw(`CASE ${expr} WHEN 'exempt' THEN '不予处罚' WHEN 'mitigated' THEN '减轻处罚' WHEN 'lenient' THEN '从轻处罚'
    WHEN 'general' THEN '一般' WHEN 'severe' THEN '从重处罚' ELSE COALESCE(${expr}, '未载明') END`);
}

/** "初次违法、已及时改正、未造成危害后果" of a case alias. */
export function factsText(a: string): Sql {
  return raw(`(CASE WHEN ${a}.first_offence THEN '初次违法' ELSE '非初次违法' END || '、' ||
    CASE WHEN ${a}.corrected THEN '已及时改正' ELSE '未及时改正' END || '、' ||
    CASE ${a}.harm WHEN 'none' THEN '未造成危害后果' WHEN 'minor' THEN '危害后果轻微' ELSE '造成较大危害后果' END)`);
}

/** Province, city and county codes of a record's (county or township) region code, for list and baseline lookups. */
export function regionLevels(a: string): Sql {
  return raw(`substr(${a}.region_code, 1, 2) || '0000' AS province_code, substr(${a}.region_code, 1, 4) || '00' AS city_code,
    substr(${a}.region_code, 1, 6) AS county_code`);
}

/**
 * The CTE `k` of fined cases in scope that the tier models start from: the case's facts, its stated tier
 * and fine, and its province, city and county codes; `condition` narrows it further.
 */
export function finedCases(where: (alias: string) => Sql, condition: Sql): Sql {
  return sql`k AS (
      SELECT c.id, c.region_code, c.agency_id, c.item_code, c.entity_uscc, c.decided_on, c.first_offence, c.corrected, c.harm,
             c.tier AS stated_tier, c.fine_amount, ${regionLevels('c')}
      FROM cases c
      WHERE ${where('c')} AND c.decision = 'fine' AND c.fine_amount > 0 AND ${condition}
    )`;
}

const TIERS = ['mitigated', 'lenient', 'general', 'severe'] as const;

/** The levels whose baselines and exemption lists apply to a case: its province, its city ("1+8") and its county. */
const LEVELS = [
  ['p', 'province_code'],
  ['c', 'city_code'],
  ['x', 'county_code'],
] as const;

/**
 * CTEs over a CTE `k` of fined cases (id, item_code, decided_on, first_offence, corrected, harm,
 * province_code, city_code, county_code, …) ending in `sel`: k's columns plus facts_tier (the tier
 * the facts select), baselines (1 when a baseline is in force on the decision day, else 0), and
 * tier_min / tier_max, the facts tier's range in the governing baseline (NULL when it lacks the tier).
 * The reference side is folded first — `rules`: one row per baseline version with its tiers side by
 * side and the day the next version takes over; `lists`: one row per listed item and region — and each
 * case meets them by equality on (item, region) once per level, at most one row each: no GROUP BY over
 * the cases, and no join of cases with cases, so that a planner without statistics on a freshly loaded
 * cases table cannot pick a quadratic plan.
 */
export function selectedTierCtes(): Sql {
  const tierCols = (f: (t: string) => string) => TIERS.map(f).join(', ');
  const over = (f: (l: string) => string, sep: string) => LEVELS.map(([l]) => f(l)).join(sep);
  // The governing level's value of a column: the county's baseline if in force, else the city's, else the province's.
  const local = (col: string) =>
    `CASE ${[...LEVELS]
      .reverse()
      .map(([l]) => `WHEN b${l}.item_code IS NOT NULL THEN b${l}.${col}`)
      .join(' ')} END`;
  const joins = LEVELS.map(
    ([l, col]) => `
      LEFT JOIN rules b${l} ON b${l}.item_code = k.item_code AND b${l}.region_code = k.${col}
        AND b${l}.effective_from <= k.decided_on AND b${l}.effective_to > k.decided_on
      LEFT JOIN lists l${l} ON l${l}.item_code = k.item_code AND l${l}.region_code = k.${col}`,
  ).join('');
  const pick = (end: 'min' | 'max') => `CASE g.facts_tier ${TIERS.map((t) => `WHEN '${t}' THEN g.${t}_${end}`).join(' ')} ELSE 0 END`;
  return raw(`
  rules AS MATERIALIZED (
    SELECT b.item_code, b.region_code, b.effective_from,
      COALESCE(lead(b.effective_from) OVER (PARTITION BY b.item_code, b.region_code ORDER BY b.effective_from),
        CAST('9999-12-31' AS DATE)) AS effective_to,
      max(CASE WHEN t.tier = 'mitigated' THEN 1 ELSE 0 END) AS has_mitigated,
      ${tierCols((t) => `min(CASE WHEN t.tier = '${t}' THEN t.fine_min END) AS ${t}_min, max(CASE WHEN t.tier = '${t}' THEN t.fine_max END) AS ${t}_max`)}
    FROM baselines b LEFT JOIN baseline_tiers t ON t.baseline_id = b.id
    GROUP BY b.id, b.item_code, b.region_code, b.effective_from
  ), lists AS MATERIALIZED (
    SELECT item_code, region_code, 1 AS listed FROM exemptions GROUP BY item_code, region_code
  ), folded AS (
    SELECT k.*,
      CASE WHEN ${over((l) => `l${l}.listed IS NOT NULL`, ' OR ')} THEN 1 ELSE 0 END AS listed,
      CASE WHEN ${over((l) => `b${l}.item_code IS NOT NULL`, ' OR ')} THEN 1 ELSE 0 END AS baselines,
      COALESCE(${local('has_mitigated')}, 0) AS with_mitigated,
      ${tierCols((t) => `${local(`${t}_min`)} AS ${t}_min, ${local(`${t}_max`)} AS ${t}_max`)}
    FROM k${joins}
  ), g AS (
    SELECT f.*,
      CASE
        WHEN f.listed = 1 AND f.first_offence AND f.corrected AND f.harm = 'none' THEN 'exempt'
        WHEN f.harm = 'serious' THEN 'severe'
        WHEN f.first_offence AND f.corrected THEN CASE WHEN f.with_mitigated = 1 THEN 'mitigated' ELSE 'lenient' END
        WHEN f.first_offence OR f.corrected THEN 'lenient'
        ELSE 'general'
      END AS facts_tier
    FROM folded f
  ), sel AS (
    SELECT g.*, ${pick('min')} AS tier_min, ${pick('max')} AS tier_max FROM g
  )`);
}

// ── closure models: clues as subjects ─────────────────────────────────────────────────────────────
// Labels as the clue workflow shows them (src/clues/workflow.ts STATUS_LABELS, SOURCE_LABELS).
const labelCase = (expr: string, labels: Record<string, string>) =>
  `CASE ${expr} ${Object.entries(labels)
    .map(([k, v]) => `WHEN '${k}' THEN '${v}'`)
    .join(' ')} ELSE ${expr} END`;

/** The hit columns of a clue (alias c) as the subject of a closure model, and its labels for the explanation. */
export const CLUE_SUBJECT_COLUMNS = raw(`'clue' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, c.id AS evidence_ids,
  c.title AS subject_name, c.model_code, ${labelCase('c.status', STATUS_LABELS)} AS status_label, ${labelCase('c.source', SOURCE_LABELS)} AS source_label`);

/** The hit columns of one case (alias c) as its own subject, with the party's and the item's names (join CASE_NAMES). */
export const CASE_SUBJECT_COLUMNS =
  raw(`'case' AS subject_kind, c.id AS subject_id, c.region_code, c.agency_id, '' AS window_key, c.id AS evidence_ids,
  COALESCE(e.name, c.entity_uscc) AS subject_name, COALESCE(i.name, c.item_code) AS item_name`);
/**
 * The cases of source systems that have sent `column` at least once (a CTE `s` to join on
 * `s.source_system = c.source_system`): a system that never sends a date has no column to read, and an
 * empty date there says nothing (docs/supervision-brain.md, "Only source systems that send the date").
 */
export function casesOfSystemsSending(
  column: 'notified_on' | 'legal_review_on' | 'published_on' | 'demand_served_on' | 'materials_handed_over_on',
): Sql {
  return raw(`s AS (SELECT DISTINCT source_system FROM cases WHERE ${column} IS NOT NULL)`);
}

export const CASE_NAMES = raw('cases c LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code');

/**
 * Clues a closure model looks at: not raised by a closure model itself (no clue about a clue about a
 * clue), and not a member merged into a case (members follow the case's lead clue).
 */
export const LIVE_CLUE = raw(`(c.model_code IS NULL OR substr(c.model_code, 1, 4) <> 'CLO_') AND (c.case_id IS NULL OR c.case_id = c.id)`);

/** Whole days from an instant (its date in the business time zone) to the run date. */
export function clueDays(dialect: Dialect, instant: Sql, asOf: string): Sql {
  return dialectSql(dialect.daysBetween, sql`CAST(${instant} AS DATE)`, sql`CAST(${asOf} AS DATE)`);
}

// ── inspections prompted by a complaint, a referral or data monitoring ────────────────────────────
/**
 * Inspection kinds that are targeted (针对性检查): prompted by complaints or reports, referrals and
 * assignments, or data monitoring. 优化营商环境条例 第五十四条 第二款 requires them; they do not count
 * toward the repeat, burden, frequency and fixed-pairing models.
 */
export const TARGETED_KINDS = ['complaint', 'referral', 'monitoring'] as const;
export const TARGETED_KIND_LIST = raw(`(${TARGETED_KINDS.map((k) => `'${k}'`).join(', ')})`);

// ── personal data in free text ────────────────────────────────────────────────────────────────────
/**
 * Runs of six or more digits (phone and ID numbers, 个人信息保护法 第二十八条 and 第五十一条) in free
 * text a clue quotes, masked the same way in SQL and in code (maskText in src/models/mask.ts).
 */
export const DIGIT_RUN = '[0-9]{6,}[Xx]?';
export const DIGIT_MASK = '****';
export function maskTextSql(expr: string): Sql {
  return raw(`regexp_replace(${expr}, '${DIGIT_RUN}', '${DIGIT_MASK}', 'g')`);
}

const MEASURE_CASE = `CASE m.measure WHEN 'seal' THEN '查封' WHEN 'seize' THEN '扣押' WHEN 'freeze' THEN '冻结存款、汇款'
  WHEN 'transfer_funds' THEN '划拨存款、汇款' WHEN 'auction' THEN '拍卖或者依法处理查封、扣押的财物'
  WHEN 'remove' THEN '强制拆除、排除妨碍、恢复原状' WHEN 'substitute' THEN '代履行' ELSE m.measure END`;

/** 查封 / 扣押 / 冻结存款、汇款 / 划拨存款、汇款 / … of a coercive measure or act of enforcement (alias m). */
export const MEASURE_LABEL = raw(MEASURE_CASE);

/** SQL: the measure (alias m) is a 强制措施 (查封、扣押、冻结), not an act of 强制执行 (第十二条). */
export const IS_COERCIVE_MEASURE = raw(`m.measure IN ('seal', 'seize', 'freeze')`);

/**
 * The hit columns of one coercive measure (alias m) as its own subject, with the party's and the
 * agency's names and the measure's label (join MEASURE_NAMES).
 */
export const MEASURE_SUBJECT_COLUMNS = raw(`'coercive_measure' AS subject_kind, m.id AS subject_id, m.region_code, m.agency_id,
  '' AS window_key, m.id AS evidence_ids, m.entity_uscc, COALESCE(e.name, m.entity_uscc) AS subject_name,
  COALESCE(a.name, m.agency_id) AS agency_name, CAST(m.started_on AS VARCHAR) AS started_on,
  ${MEASURE_CASE} AS measure_label`);
export const MEASURE_NAMES = raw(
  'coercive_measures m LEFT JOIN entities e ON e.uscc = m.entity_uscc LEFT JOIN agencies a ON a.id = m.agency_id',
);

/** 撤销 / 变更 / … of a review outcome column (复议诉讼结果). */
export function outcomeLabel(expr: string): Sql {
  return raw(`CASE ${expr} WHEN 'upheld' THEN '维持' WHEN 'revoked' THEN '撤销' WHEN 'changed' THEN '变更'
    WHEN 'confirmed_illegal' THEN '确认违法' WHEN 'ordered_to_act' THEN '责令履行' WHEN 'dismissed' THEN '驳回'
    WHEN 'settled' THEN '调解或撤回' ELSE ${expr} END`);
}

/** 行政复议 / 行政诉讼 of a review outcome's route column. */
export function routeLabel(expr: string): Sql {
  return raw(`CASE ${expr} WHEN 'litigation' THEN '行政诉讼' ELSE '行政复议' END`);
}

/**
 * The hit columns of one review outcome (alias r) as its own subject, with its case (c), the party's
 * and the item's names (join REVIEW_NAMES); the agency is the respondent the outcome names.
 */
export const REVIEW_SUBJECT_COLUMNS =
  raw(`'review_outcome' AS subject_kind, r.id AS subject_id, r.region_code, r.agency_id, '' AS window_key,
  r.id AS evidence_ids, r.case_id, COALESCE(e.name, c.entity_uscc, r.case_id) AS subject_name, COALESCE(i.name, c.item_code, '') AS item_name`);
export const REVIEW_NAMES = raw(
  'review_outcomes r LEFT JOIN cases c ON c.county_code = r.county_code AND c.id = r.case_id LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code',
);

// Payments (payment-*.ts): a payment with its case's party and item; the fine, the officer and the day collected.
export const PAYMENT_SUBJECT_COLUMNS = sql`'payment' AS subject_kind, p.id AS subject_id, p.region_code, c.agency_id, '' AS window_key, p.id AS evidence_ids,
           p.case_id, COALESCE(e.name, c.entity_uscc, p.case_id) AS subject_name, COALESCE(i.name, c.item_code, '') AS item_name, p.amount,
           COALESCE(p.collected_by, '') AS collected_by, CAST(p.paid_on AS VARCHAR) AS paid_on`;
export const PAYMENT_NAMES = sql`payments p LEFT JOIN cases c ON c.county_code = p.county_code AND c.id = p.case_id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code`;

/** The codes of a case's `sanctions` (行政处罚法 第九条) and their Chinese names, in the field's order (src/records/kinds/cases.ts). */
export const SANCTIONS: readonly (readonly [string, string])[] = [
  ['confiscate_proceeds', '没收违法所得'],
  ['confiscate_goods', '没收非法财物'],
  ['suspend_licence', '暂扣许可证件'],
  ['lower_qualification', '降低资质等级'],
  ['revoke_licence', '吊销许可证件'],
  ['restrict_business', '限制开展生产经营活动'],
  ['suspend_business', '责令停产停业'],
  ['close_down', '责令关闭'],
  ['bar_practice', '限制从业'],
];

/** The kinds 行政处罚法 第六十三条 gives a right to a hearing whatever the amount (没收 needs 较大数额, which the records do not carry). */
export const HEARING_SANCTIONS = ['lower_qualification', 'revoke_licence', 'suspend_business', 'close_down', 'bar_practice'] as const;

/** SQL: the case (alias a) imposed one of the sanctions named (codes of SANCTIONS), matched alike on DuckDB and PostgreSQL. */
export function hasSanction(a: string, codes: readonly string[]): Sql {
  return raw(`(${codes.map((code) => `';' || ${a}.sanctions || ';' LIKE '%;${code};%'`).join(' OR ')})`);
}

/**
 * SQL: the fine decided on the case (alias a) came with a right to a hearing (行政处罚法 第六十三条 第一款): the
 * fine the notice named or the one decided is at least `minFine` (较大数额, the province's setting), or the
 * decision also imposed a kind of HEARING_SANCTIONS, whatever the amount. PEN_HEARING_NOT_HELD and
 * PEN_DECIDED_IN_HEARING_PERIOD judge the same cases by it.
 */
export function hearingRight(a: string, minFine: number): Sql {
  if (!Number.isFinite(minFine)) throw new Error(`not a number: ${minFine}`);
  const min = raw(String(minFine));
  return sql`(${raw(a)}.fine_amount >= ${min} OR ${raw(a)}.proposed_fine >= ${min} OR ${hasSanction(a, HEARING_SANCTIONS)})`;
}

/**
 * SQL: the case (alias a) was decided with a right to a hearing (行政处罚法 第六十三条 第一款) in a way the
 * hearing models judge: a fine with that right (hearingRight), or any other decision — a warning, or
 * 其他处罚 alone — that imposed a kind of HEARING_SANCTIONS. A warning or 其他处罚 without such a kind is
 * not judged, whatever fine the notice named. PEN_HEARING_NOT_HELD and PEN_DECIDED_IN_HEARING_PERIOD
 * judge the same cases by it.
 */
export function hearingDecision(a: string, minFine: number): Sql {
  return sql`(${raw(a)}.decision = 'fine' OR ${hasSanction(a, HEARING_SANCTIONS)}) AND ${hearingRight(a, minFine)}`;
}

/**
 * SQL: the decision of a hearing model's case (alias a) as its clue names it: “罚款2,000元” (the amount as
 * explanations write numbers), with “并吊销许可证件、没收非法财物” when it imposed a kind of HEARING_SANCTIONS;
 * “警告并吊销许可证件” for a warning; “责令停产停业” for 其他处罚 alone.
 */
export function hearingDecisionText(a: string, dialect: Dialect): Sql {
  const kinds = sanctionsText(a);
  return sql`CASE WHEN ${raw(a)}.decision = 'fine'
                THEN '罚款' || ${raw(dialect.formatNumber(`${a}.fine_amount`))} || '元' ||
                     CASE WHEN ${hasSanction(a, HEARING_SANCTIONS)} THEN '并' || ${kinds} ELSE '' END
                WHEN ${raw(a)}.decision = 'warning' THEN '警告并' || ${kinds}
                ELSE ${kinds} END`;
}

/** SQL: "吊销许可证件、没收非法财物" of a case's sanctions (alias a); no code is part of another, so replacing each whole is exact. */
export function sanctionsText(a: string): Sql {
  let e = `${a}.sanctions`;
  for (const [code, label] of SANCTIONS) e = `replace(${e}, '${code}', '${label}')`;
  return raw(`replace(${e}, ';', '、')`);
}
