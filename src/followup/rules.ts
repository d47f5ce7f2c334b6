// 差异访: the rules that choose records to follow up on purpose, each saying why it chose a record.
// A rule is a query over the campaign's candidate records (alias r) returning the ids it picks and the
// reason in Chinese; a campaign lists the rules it applies, in priority order (the first that picks a
// record names it).
import { sql, raw, type Sql } from '../store/sql.ts';
import type { Dialect } from '../store/dialect.ts';
import { HOTLINE_ENFORCEMENT } from '../clues/settings.ts';
import type { SubjectKind } from './records.ts';
import type { CampaignSettings } from './campaigns.ts';

export const RULES = {
  heavy_fine: '大额罚款',
  repeat_inspection: '重复检查',
  complaint: '投诉举报',
  low_rating: '评价偏低',
  many_clues: '问题线索多',
} as const;
export type RuleCode = keyof typeof RULES;
export const isRuleCode = (c: unknown): c is RuleCode => typeof c === 'string' && c in RULES;

export interface RuleContext {
  dialect: Dialect;
  kind: SubjectKind;
  /** The campaign's candidates: SELECT … (SubjectRecord columns). */
  candidates: Sql;
  params: CampaignSettings['ruleParams'];
}

/** The rule's picks: id and reason; null when the rule does not apply to the kind. */
export function ruleQuery(code: RuleCode, ctx: RuleContext): Sql | null {
  const { dialect: d, params: p } = ctx;
  const c = sql`(${ctx.candidates}) r`;
  switch (code) {
    case 'heavy_fine':
      if (ctx.kind !== 'case') return null;
      return sql`SELECT r.id, '罚款' || ${raw(d.formatNumber('r.fine_amount'))} || ${`元，不低于${new Intl.NumberFormat('zh-CN').format(p.heavyFineMin)}元`} AS reason
        FROM ${c} WHERE r.decision = 'fine' AND r.fine_amount >= ${p.heavyFineMin}`;
    case 'repeat_inspection':
      return sql`SELECT r.id, CAST(count(*) AS VARCHAR) || '次检查（' || ${String(p.repeatDays)} || '天内）' AS reason
        FROM ${c} JOIN inspections i ON i.entity_uscc = r.entity_uscc
          AND i.inspected_on <= CAST(r.on_day AS DATE) AND i.inspected_on > ${raw(d.addDays('CAST(r.on_day AS DATE)', String(-p.repeatDays)))}
        GROUP BY r.id HAVING count(*) >= 2`;
    case 'complaint': {
      const words = HOTLINE_ENFORCEMENT.keywords.map((k) => sql`h.content LIKE ${`%${k}%`}`).reduce((a, b) => sql`${a} OR ${b}`);
      const cats = HOTLINE_ENFORCEMENT.categories.map((k) => sql`${k}`).reduce((a, b) => sql`${a}, ${b}`);
      return sql`SELECT r.id, min(CAST(CAST(h.received_at AS DATE) AS VARCHAR)) || ' 12345反映执法问题' AS reason
        FROM ${c} JOIN hotline_tickets h ON h.entity_uscc = r.entity_uscc
          AND CAST(h.received_at AS DATE) >= CAST(r.on_day AS DATE) AND CAST(h.received_at AS DATE) <= ${raw(d.addDays('CAST(r.on_day AS DATE)', String(p.complaintDays)))}
        WHERE CASE WHEN r.id IS NULL THEN FALSE ELSE (h.category IN (${cats}) OR ${words}) END GROUP BY r.id`;
    }
    case 'low_rating':
      return sql`SELECT r.id, '此前回访评价' || CAST(min(a.satisfaction) AS VARCHAR) || '分' AS reason
        FROM ${c} JOIN followup_tasks t ON t.entity_uscc = r.entity_uscc JOIN followup_answers a ON a.task_id = t.id
        WHERE a.satisfaction <= 2 AND CAST(a.answered_at AS DATE) <= CAST(r.on_day AS DATE)
          AND CAST(a.answered_at AS DATE) > ${raw(d.addDays('CAST(r.on_day AS DATE)', String(-p.lowRatingDays)))}
        GROUP BY r.id`;
    case 'many_clues':
      return sql`SELECT r.id, '该部门未办结问题线索' || CAST(k.n AS VARCHAR) || '条' AS reason
        FROM ${c} JOIN (SELECT agency_id, count(*) AS n FROM clues WHERE status NOT IN ('closed', 'dismissed', 'transferred') AND agency_id IS NOT NULL
          GROUP BY agency_id HAVING count(*) >= ${p.manyCluesMin}) k ON k.agency_id = r.agency_id`;
  }
}
