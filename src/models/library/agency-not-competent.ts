// 处罚主体不适格: a penalty (a fine or a warning) decided by an agency that does not hold the item. 行政处罚法
// 第十七条: 行政处罚由具有行政处罚权的行政机关在法定职权范围内实施; 第三十八条: 实施主体不具有行政主体资格的，
// 行政处罚无效. Two forms the records show:
//   - the agency's line (agencies.line_code) is not the item's (items.line_code), and the agency is not
//     of comprehensive enforcement (CLE), which holds items of other lines once the province decides so
//     (第十八条 第二款, 浙江省综合行政执法条例); the catalog carries no list of the items handed over, so
//     every item of another line passes for CLE, and the clue never reports such a case;
//   - the agency is registered as a 受委托组织 (legal_status 'entrusted'), which acts in the name of the
//     agency that entrusted it (第二十条 第四款), never in its own: a decision in its name is the record.
// Delegations (src/records/kinds/delegations.ts) hand services to companies, not penalties to agencies:
// they make no agency competent.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { CASE_SUBJECT_COLUMNS } from './sql-fragments.ts';

/** The line that may decide items of other lines (综合行政执法). */
export const COMPREHENSIVE_LINE = 'CLE';

export const agencyNotCompetent: ModelDefinition = {
  code: 'AGENCY_NOT_COMPETENT',
  name: '处罚主体与事项条线不符',
  description:
    '作出罚款或警告决定的执法主体，其条线与处罚事项的条线不同且不是综合行政执法部门；或该执法主体登记为受委托组织，以自身名义作出决定。',
  category: 'penalty',
  basis: { regulationId: 'xingzheng-chufa-fa', article: 17 },
  severity: 'high',
  params: [],
  evidenceKind: 'cases',
  explanation:
    '数据显示，{agency_name}于{decided_on}对当事人{subject_name}作出“{item_name}”的{decision_label}决定，{reason_text}，可能超出法定职权范围或不具有行政主体资格，请核实该主体的处罚权来源（法定职权、综合行政执法划转或委托）并说明。',
  groundTruth: { violation: 'agency_not_competent', recordKind: 'case' },
  realtime: { kind: 'cases', subjectColumn: 'id' },
  incremental: { by: 'id', changes: { cases: 'id' }, names: ['entities', 'lines'] },
  query: ({ where }) => sql`
    SELECT ${CASE_SUBJECT_COLUMNS},
           a.name AS agency_name, CAST(c.decided_on AS VARCHAR) AS decided_on,
           CASE c.decision WHEN 'fine' THEN '罚款' ELSE '警告' END AS decision_label,
           CASE WHEN a.legal_status = 'entrusted' THEN '该主体登记为受委托组织，决定以其自身名义作出'
                ELSE '该主体为' || COALESCE(la.name, a.line_code) || '条线，该事项为' || COALESCE(li.name, i.line_code) || '条线的事项' END AS reason_text
    FROM cases c JOIN agencies a ON a.id = c.agency_id
      LEFT JOIN entities e ON e.uscc = c.entity_uscc LEFT JOIN items i ON i.code = c.item_code
      LEFT JOIN lines la ON la.code = a.line_code LEFT JOIN lines li ON li.code = i.line_code
    WHERE ${where('c')} AND c.decision IN ('fine', 'warning') AND c.decided_on IS NOT NULL
      AND (a.legal_status = 'entrusted' OR (a.line_code <> i.line_code AND a.line_code <> 'CLE'))`,
};
