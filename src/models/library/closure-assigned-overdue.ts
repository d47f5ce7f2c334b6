// 整改超期: a clue assigned to an agency (assigned, rectifying, or returned for more rectification)
// whose rectification deadline has passed without a submission. One hit per deadline: a deadline that
// is extended and missed again raises a new clue.
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { CLUE_SUBJECT_COLUMNS, LIVE_CLUE, dialectSql } from './sql-fragments.ts';

export const closureAssignedOverdue: ModelDefinition = {
  code: 'CLO_ASSIGNED_OVERDUE',
  name: '交办线索整改超期',
  description: '已交办的问题线索超过整改期限（可设宽限天数），承办部门仍未提交整改结果。',
  category: 'closure',
  basis: { regulationId: 'zhejiang-zonghe-xingzheng-zhifa-tiaoli', article: 34 },
  severity: 'medium',
  params: [{ name: 'grace_days', label: '宽限天数', type: 'integer', default: 0, min: 0, max: 60 }],
  evidenceKind: 'clues',
  explanation:
    '数据显示，线索“{subject_name}”已交办{agency_name}，整改期限为{deadline}，至{as_of}已逾期{days}天仍未提交整改（当前状态：{status_label}），请核实并说明。',
  query: ({ params, where, dialect, asOf }) => {
    const days = dialectSql(dialect.daysBetween, sql`c.deadline`, sql`CAST(${asOf} AS DATE)`);
    return sql`
    SELECT ${CLUE_SUBJECT_COLUMNS}, CAST(c.deadline AS VARCHAR) AS window_key,
           COALESCE(a.name, c.agency_id, '承办部门') AS agency_name, CAST(c.deadline AS VARCHAR) AS deadline,
           CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of, CAST(${days} AS INTEGER) AS days
    FROM clues c LEFT JOIN agencies a ON a.id = c.agency_id
    WHERE ${where('c')} AND ${LIVE_CLUE} AND c.status IN ('assigned', 'rectifying', 'returned') AND c.deadline IS NOT NULL
      AND ${days} > ${num(params.grace_days)}`;
  },
};
