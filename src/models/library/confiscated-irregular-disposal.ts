// 罚没物品处置方式异常: confiscated goods of some value sold off (变卖) or disposed of otherwise (其他) where
// 行政处罚法 第七十四条 asks for a public auction (必须按照国家规定公开拍卖或者按照国家有关规定处理), or sold
// for far below their valuation. Either may have a reason the record does not show (perishable goods,
// a state rule that allows a sale, a valuation that was too high), so the hit is worded as a
// possibility. 行政强制法 第二十八条 names the same concern for goods sold under a coercive measure
// (变卖价格明显低于市场价格). The value above which an auction is expected and the share of the valuation
// below which a price is "far below" are a county's settings (default 5,000 yuan and 50 %).
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { DISPOSAL_LABEL, GOODS_NAMES, GOODS_SUBJECT_COLUMNS } from './confiscated-fragments.ts';

export const confiscatedIrregularDisposal: ModelDefinition = {
  code: 'CONF_IRREGULAR_DISPOSAL',
  name: '罚没物品处置方式异常',
  description:
    '已处置的没收物品：估价不低于规定金额（默认五千元）却以变卖或其他方式而非公开拍卖处置；或以拍卖、变卖、其他方式处置，所得低于估价的规定比例（默认百分之五十）。销毁、移交有关部门、退还的不在此列。',
  category: 'penalty',
  basis: {
    regulationId: 'xingzheng-chufa-fa',
    article: 74,
    note: '变卖价格明显低于市场价格的问题另见行政强制法第二十八条第二款；估价金额和比例为地区设置',
  },
  severity: 'medium',
  params: [
    { name: 'auction_value', label: '应公开拍卖的估价下限（元）', type: 'integer', default: 5000, min: 0, max: 10_000_000 },
    { name: 'min_ratio_pct', label: '处置所得不低于估价的比例（%）', type: 'integer', default: 50, min: 1, max: 100 },
  ],
  evidenceKind: 'confiscated_goods',
  explanation:
    '数据显示，{agency_name}没收{subject_name}的{description}，估价{estimated_value}元，于{disposed_on}以{disposal_label}方式处置，所得{proceeds}元，为估价的{ratio_pct}%，{concern}，请核实并说明。',
  groundTruth: { violation: 'conf_irregular_disposal', recordKind: 'confiscated_goods' },
  triage: { money: 'estimated_value' },
  realtime: { kind: 'confiscated_goods', subjectColumn: 'id' },
  query: ({ params, where, asOf }) => {
    const day = sql`CAST(${asOf} AS DATE)`;
    const proceeds = sql`COALESCE(g.proceeds, 0)`;
    const notAuctioned = sql`(g.disposal IN ('sold', 'other') AND g.estimated_value >= ${num(params.auction_value)})`;
    // proceeds / value < pct / 100, in exact decimals: proceeds * 100 < value * pct.
    const cheap = sql`(g.disposal IN ('auction', 'sold', 'other') AND g.estimated_value > 0
      AND ${proceeds} * 100 < g.estimated_value * ${num(params.min_ratio_pct)})`;
    return sql`
    SELECT ${GOODS_SUBJECT_COLUMNS}, CAST(g.disposed_on AS VARCHAR) AS disposed_on, ${DISPOSAL_LABEL} AS disposal_label,
           g.estimated_value, ${proceeds} AS proceeds,
           CAST(FLOOR(${proceeds} * 100 / g.estimated_value) AS INTEGER) AS ratio_pct,
           CASE WHEN ${notAuctioned} AND ${cheap} THEN '可能未按规定公开拍卖，且处置价格可能明显低于估价'
                WHEN ${notAuctioned} THEN '可能未按规定公开拍卖'
                ELSE '处置价格可能明显低于估价' END AS concern
    FROM ${GOODS_NAMES}
    WHERE ${where('g')} AND g.disposed_on IS NOT NULL AND g.disposed_on <= ${day} AND (${notAuctioned} OR ${cheap})`;
  },
};
