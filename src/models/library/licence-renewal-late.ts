// 延续申请未在有效期届满前决定: 行政许可法 第五十条 — “被许可人需要延续依法取得的行政许可的有效期的，应当在该行政许可
// 有效期届满三十日前向作出行政许可决定的行政机关提出申请。……行政机关应当根据被许可人的申请，在该行政许可有效期届满前
// 作出是否准予延续的决定；逾期未作决定的，视为准予延续。” A renewal (renews_licence_no, prior_valid_until) decided
// after the last day the licence it renews was valid. prior_valid_until is that last day: a decision on
// it is before the term ends, a decision the day after is late (calendar days). Judged only where the
// applicant applied at least `apply_days` (default 30, 第一款; a law, regulation or rule may set another
// term) before that day: a late application leaves the agency less than the law assumes. A renewal still
// pending is not judged here (the law deems it granted; the licensing time limit is LIC_OVERDUE's).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { daysLateSql, daysSql } from '../window.ts';

export const licenceRenewalLate: ModelDefinition = {
  code: 'LIC_RENEWAL_LATE',
  name: '延续申请未在有效期届满前决定',
  description:
    '申请延续的行政许可（记有延续的原许可证号和原许可有效期届满日期），决定日期晚于原许可有效期届满日期。只判断在届满日期前设定天数（默认30日）以前提出申请、且已作出决定的延续申请。',
  category: 'licensing',
  basis: { regulationId: 'xingzheng-xuke-fa', article: 50, note: '第二款；申请期限见第一款（届满三十日前）' },
  severity: 'medium',
  params: [{ name: 'apply_days', label: '届满前提出申请的天数', type: 'integer', default: 30, min: 0, max: 365 }],
  evidenceKind: 'licences',
  explanation:
    '数据显示，申请人于{applied_on}申请延续许可证{renews_licence_no}（有效期至{prior_valid_until}），{agency_name}于{decided_on}作出决定，晚于原许可有效期届满日期，可能未在有效期届满前作出是否准予延续的决定，请核实并说明。',
  groundTruth: { violation: 'licence_renewal_late', recordKind: 'licence' },
  realtime: { kind: 'licences', subjectColumn: 'id' },
  // One licence judged on its own fields (and the working-day calendar): narrowed by the licence.
  incremental: { by: 'id', changes: { licences: 'id' }, names: ['items', 'entities', 'agencies'] },
  query: ({ dialect, params, where }) => sql`
    SELECT 'licence' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           e.name AS subject_name, t.entity_uscc, t.item_code, COALESCE(it.name, t.item_code) AS item_name,
           COALESCE(g.name, t.agency_id) AS agency_name, CAST(t.applied_on AS VARCHAR) AS applied_on,
           CAST(t.decided_on AS VARCHAR) AS decided_on, t.renews_licence_no, CAST(t.prior_valid_until AS VARCHAR) AS prior_valid_until
    FROM licences t
      LEFT JOIN items it ON it.code = t.item_code
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies g ON g.id = t.agency_id
    WHERE ${where('t')} AND t.renews_licence_no IS NOT NULL AND t.prior_valid_until IS NOT NULL AND t.decided_on IS NOT NULL
      AND ${daysLateSql(dialect, sql`t.prior_valid_until`, sql`t.decided_on`, 0)}
      AND ${daysSql(dialect, sql`t.applied_on`, sql`t.prior_valid_until`)} >= ${num(params.apply_days)}`,
};
