// 冻结数额明显超过涉案金额: a freezing of deposits or remittances whose amount exceeds the money its case is
// about by more than a ratio. 行政强制法 第二十九条 第二款: 冻结存款、汇款的数额应当与违法行为涉及的金额相当.
// "相当" names no figure: the ratio (default 2, a freezing of more than twice the money of the case) is the
// model's setting. The money of the case is its 涉案金额 (amount_involved) where stated above 0, else the
// fine decided; a case with neither, a freezing with no amount, or one that names no case is not judged
// (empty columns are not judged). The amount compared is the one frozen: a bank's later partial release
// is not in the record.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { carries } from '../record-tests.ts';
import { MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const coercionFreezeOverAmount: ModelDefinition = {
  code: 'COE_FREEZE_OVER_AMOUNT',
  name: '冻结数额明显超过涉案金额',
  description:
    '冻结存款、汇款的数额超过关联案件涉案金额（未载明或为0的，以决定的罚款金额计）的设定倍数（默认2倍，“相当”未规定比例，此为模型设定）；冻结记录未载明数额、未关联案件或案件两项金额均未载明的不作判断。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 29,
    note: '第二十九条第二款：冻结存款、汇款的数额应当与违法行为涉及的金额相当；倍数为本模型的设定，可按地区调整',
  },
  severity: 'medium',
  params: [{ name: 'max_ratio', label: '冻结数额与涉案金额之比上限', type: 'number', default: 2, min: 1, max: 100 }],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}冻结存款、汇款{amount}元，关联案件{basis_label}{basis_amount}元，冻结数额超过其{max_ratio}倍，可能与违法行为涉及的金额不相当，请核实并说明。',
  realtime: { kind: 'coercive_measures', subjectColumn: 'id', mayHit: carries('case_id') },
  query: ({ params, where, asOf }) => {
    const base = sql`CASE WHEN c.amount_involved > 0 THEN c.amount_involved WHEN c.decision = 'fine' AND c.fine_amount > 0 THEN c.fine_amount END`;
    return sql`
    SELECT ${MEASURE_SUBJECT_COLUMNS}, CAST(m.amount AS DOUBLE PRECISION) AS amount,
           CASE WHEN c.amount_involved > 0 THEN '涉案金额' ELSE '罚款金额' END AS basis_label,
           CAST(${base} AS DOUBLE PRECISION) AS basis_amount
    FROM ${MEASURE_NAMES} JOIN cases c ON c.county_code = m.county_code AND c.id = m.case_id
    WHERE ${where('m')} AND m.measure = 'freeze' AND m.amount > 0 AND m.started_on <= CAST(${asOf} AS DATE)
      AND ${base} > 0 AND m.amount > ${num(params.max_ratio)} * ${base}`;
  },
};
