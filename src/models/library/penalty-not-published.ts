// 处罚决定未公开: a penalty decision with 一定社会影响 not published within N working days of the decision.
// 行政处罚法 第四十八条: 具有一定社会影响的行政处罚决定应当依法公开. The law names no term and no measure of
// 一定社会影响; both are a county's settings: `min_fine` (a fine at or above it, default 10,000 yuan) and
// `workdays` (default 7 working days, the term the counties set for publication — not an article). The
// records carry the decisions 罚款, 警告 and 不予处罚 only: a decision of 吊销许可证件, 责令停产停业 or 责令
// 关闭 has no value of its own there, so the model judges fines only. Working days follow the calendar
// (src/models/window.ts): published on the Nth working day after the decision is in time, on a later day
// (or still unpublished on the run's day) is not; outside the calendar no hit. Only source systems that
// send published_on are judged: a system with no case carrying it has no column to read, and would
// otherwise raise every fine of 10,000 yuan it ever sent. Per system, not per agency: one case system
// serves many agencies, and an agency in it that never fills the date is what the model looks for — an
// agency with a single large fine, unpublished, would otherwise never be judged (docs/supervision-brain.md).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { workdayDeadlineSql, workdaysLate, workdaysLateSql } from '../window.ts';
import { CASE_NAMES, CASE_SUBJECT_COLUMNS, casesOfSystemsSending } from './sql-fragments.ts';
import { amountIn, dateIn } from '../record-tests.ts';

export const penaltyNotPublished: ModelDefinition = {
  code: 'PEN_NOT_PUBLISHED',
  name: '处罚决定未公开',
  description:
    '罚款金额达到设定金额（默认1万元，视为具有一定社会影响）的处罚决定，自决定日期起设定的工作日内（默认7个工作日，为各地设置项，法律未规定期限）没有公开：公开日期为空且截至统计日已超过期限，或公开日期晚于期限；只判断报送过公开日期的来源系统，从未报送该项的系统不判断。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 48, note: '“一定社会影响”的金额和公开期限为各地设置项，法律只规定依法公开' },
  severity: 'low',
  params: [
    { name: 'min_fine', label: '视为具有一定社会影响的罚款金额（元）', type: 'integer', default: 10000, min: 1, max: 100000000 },
    { name: 'workdays', label: '决定后公开期限（工作日）', type: 'integer', default: 7, min: 1, max: 60 },
  ],
  evidenceKind: 'cases',
  explanation:
    '数据显示，当事人{subject_name}“{item_name}”一案于{decided_on}被决定罚款{fine_amount}元（达到设定的{min_fine}元），应于{deadline}前公开，{publish_text}，可能未依法公开行政处罚决定，请核实并说明。',
  groundTruth: { violation: 'penalty_not_published', recordKind: 'case' },
  realtime: {
    kind: 'cases',
    subjectColumn: 'id',
    // A fine of the set size, not published in time by the run's day (outside the calendar the SQL, too, finds nothing).
    mayHit: {
      reads: ['decision', 'fine_amount', 'decided_on', 'published_on'],
      test: (r, params, asOf) => {
        const [decided, published] = [dateIn(r, 'decided_on'), dateIn(r, 'published_on')];
        if (r.decision !== 'fine' || (amountIn(r, 'fine_amount') ?? 0) < params.min_fine || decided === null) return false;
        if (decided === undefined || published === undefined) return true;
        return decided <= asOf && workdaysLate(decided, published === null || published > asOf ? asOf : published, params.workdays);
      },
    },
  },
  query: ({ params, where, asOf }) => {
    const until = sql`CASE WHEN c.published_on IS NULL OR c.published_on > CAST(${asOf} AS DATE) THEN CAST(${asOf} AS DATE) ELSE c.published_on END`;
    return sql`
    WITH ${casesOfSystemsSending('published_on')}
    SELECT ${CASE_SUBJECT_COLUMNS},
           CAST(c.decided_on AS VARCHAR) AS decided_on, c.fine_amount,
           ${workdayDeadlineSql(sql`c.decided_on`, params.workdays)} AS deadline,
           CASE WHEN c.published_on IS NULL OR c.published_on > CAST(${asOf} AS DATE)
                THEN '截至' || CAST(CAST(${asOf} AS DATE) AS VARCHAR) || '记录中没有公开日期'
                ELSE '于' || CAST(c.published_on AS VARCHAR) || '才公开' END AS publish_text
    FROM ${CASE_NAMES}
      JOIN s ON s.source_system = c.source_system
    WHERE ${where('c')} AND c.decision = 'fine' AND c.fine_amount >= ${num(params.min_fine)} AND c.decided_on IS NOT NULL
      AND c.decided_on <= CAST(${asOf} AS DATE)
      AND ${workdaysLateSql(sql`c.decided_on`, until, params.workdays)}`;
  },
};
