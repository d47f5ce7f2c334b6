// 罚没物品超期未处置: goods confiscated by a penalty decision and not auctioned, destroyed or otherwise
// disposed of within a term of their confiscation. 行政处罚法 第七十四条 says they must be publicly auctioned
// or handled under the state's rules (除依法应当予以销毁的物品外，依法没收的非法财物必须按照国家规定公开拍卖
// 或者按照国家有关规定处理) but names no term: the number of days is a county's setting (default 90), not an
// article. Read as every "N天内" (src/models/window.ts): disposed on the confiscation day + N is in time,
// on + N + 1 (or still not disposed of then) is not. Disposed after the run's day counts as not yet disposed.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { daysLateSql, daysSql } from '../window.ts';
import { DISPOSAL_LABEL, GOODS_NAMES, GOODS_SUBJECT_COLUMNS } from './confiscated-fragments.ts';

export const confiscatedNotDisposed: ModelDefinition = {
  code: 'CONF_NOT_DISPOSED',
  name: '罚没物品超期未处置',
  description:
    '没收的物品自没收之日起（当日不计）超过规定天数（默认九十日）仍没有处置记录，或处置日期晚于该期限。法律未规定处置天数，期限为地区设置，可按地区调整。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 74,
    note: '第七十四条未规定处置期限；默认九十日是地区设置，不是法定期限，可按地区调整',
  },
  severity: 'medium',
  params: [{ name: 'limit_days', label: '没收后处置期限（日）', type: 'integer', default: 90, min: 1, max: 730 }],
  evidenceKind: 'confiscated_goods',
  explanation:
    '数据显示，{agency_name}于{confiscated_on}没收{subject_name}的{description}，{state}，超过没收后{limit_days}日，可能未按规定及时公开拍卖或者处理，请核实并说明。',
  groundTruth: { violation: 'conf_not_disposed', recordKind: 'confiscated_goods' },
  realtime: { kind: 'confiscated_goods', subjectColumn: 'id' },
  query: ({ dialect, params, where, asOf }) => {
    const day = sql`CAST(${asOf} AS DATE)`;
    // Disposed after the run's day (a run as of an earlier day): not yet disposed of on that day.
    const pending = sql`(g.disposal IS NULL OR g.disposed_on IS NULL OR g.disposed_on > ${day})`;
    const done = sql`CASE WHEN ${pending} THEN ${day} ELSE g.disposed_on END`;
    return sql`
    SELECT ${GOODS_SUBJECT_COLUMNS},
           CASE WHEN ${pending} THEN '截至' || CAST(${day} AS VARCHAR) || '没有处置记录'
                ELSE '于' || CAST(g.disposed_on AS VARCHAR) || '以' || ${DISPOSAL_LABEL} || '方式处置' END AS state,
           CAST(${daysSql(dialect, sql`g.confiscated_on`, done)} AS INTEGER) AS days
    FROM ${GOODS_NAMES}
    WHERE ${where('g')} AND g.confiscated_on <= ${day}
      AND ${daysLateSql(dialect, sql`g.confiscated_on`, done, params.limit_days)}`;
  },
};
