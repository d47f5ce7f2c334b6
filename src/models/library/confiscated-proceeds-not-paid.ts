// 处置款项未上缴国库: confiscated goods auctioned or sold for money, and the money not paid to the treasury
// within a term of the disposal. 行政处罚法 第七十四条 第二款: 没收非法财物拍卖的款项，必须全部上缴国库，
// 任何行政机关或者个人不得以任何形式截留、私分或者变相私分. The article names no term: the number of days
// (default 30) is a county's setting. Read as every "N天内" (src/models/window.ts): paid on the disposal day
// + N is in time, on + N + 1 (or not paid by then) is not. Paid after the run's day counts as not yet paid.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { daysLateSql, daysSql } from '../window.ts';
import { DISPOSAL_LABEL, GOODS_NAMES, GOODS_SUBJECT_COLUMNS } from './confiscated-fragments.ts';

export const confiscatedProceedsNotPaid: ModelDefinition = {
  code: 'CONF_PROCEEDS_NOT_PAID',
  name: '处置款项未上缴国库',
  description:
    '没收物品处置所得大于零，自处置之日起（当日不计）超过规定天数（默认三十日）仍没有上缴国库日期，或上缴国库日期晚于该期限。法律未规定上缴天数，期限为地区设置，可按地区调整。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 74,
    note: '第七十四条第二款：没收非法财物拍卖的款项必须全部上缴国库；未规定天数，默认三十日是地区设置，可按地区调整',
  },
  severity: 'high',
  params: [{ name: 'limit_days', label: '处置后上缴期限（日）', type: 'integer', default: 30, min: 1, max: 365 }],
  evidenceKind: 'confiscated_goods',
  explanation:
    '数据显示，{agency_name}没收{subject_name}的{description}，于{disposed_on}以{disposal_label}方式处置，所得{proceeds}元，{state}，超过处置后{limit_days}日，可能未及时全部上缴国库，请核实并说明。',
  groundTruth: { violation: 'conf_proceeds_not_paid', recordKind: 'confiscated_goods' },
  triage: { money: 'proceeds' },
  realtime: { kind: 'confiscated_goods', subjectColumn: 'id' },
  query: ({ dialect, params, where, asOf }) => {
    const day = sql`CAST(${asOf} AS DATE)`;
    // Paid after the run's day (a run as of an earlier day): not yet paid on that day.
    const pending = sql`(g.proceeds_paid_on IS NULL OR g.proceeds_paid_on > ${day})`;
    const paid = sql`CASE WHEN ${pending} THEN ${day} ELSE g.proceeds_paid_on END`;
    return sql`
    SELECT ${GOODS_SUBJECT_COLUMNS}, CAST(g.disposed_on AS VARCHAR) AS disposed_on, ${DISPOSAL_LABEL} AS disposal_label,
           g.proceeds,
           CASE WHEN ${pending} THEN '截至' || CAST(${day} AS VARCHAR) || '没有上缴国库记录'
                ELSE '于' || CAST(g.proceeds_paid_on AS VARCHAR) || '上缴国库' END AS state,
           CAST(${daysSql(dialect, sql`g.disposed_on`, paid)} AS INTEGER) AS days
    FROM ${GOODS_NAMES}
    WHERE ${where('g')} AND g.disposal IS NOT NULL AND g.proceeds > 0 AND g.disposed_on <= ${day}
      AND ${daysLateSql(dialect, sql`g.disposed_on`, paid, params.limit_days)}`;
  },
};
