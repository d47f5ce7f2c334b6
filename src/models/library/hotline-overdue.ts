// 12345工单超期未办结: a hotline ticket about enforcement still open long after it came in — the
// closed loop from the public's side (12345 "民呼我为").
import { sql } from '../../store/sql.ts';
import { num, type ModelDefinition } from '../model.ts';
import { dialectSql, maskTextSql } from './sql-fragments.ts';

export const hotlineOverdue: ModelDefinition = {
  code: 'HOT_OVERDUE',
  name: '12345工单超期未办结',
  description: '12345工单受理后超过设定天数，状态仍为未办结。',
  category: 'closure',
  basis: { regulationId: 'youhua-yingshang-huanjing-tiaoli', article: 49 },
  severity: 'medium',
  params: [{ name: 'max_days', label: '办理时限（天）', type: 'integer', default: 15, min: 1, max: 90 }],
  evidenceKind: 'hotline_tickets',
  explanation:
    '数据显示，12345工单（{category}）于{received_on}受理，至{as_of}已{days}天（超过{max_days}天）仍未办结（工单内容：“{content}”），请核实办理情况并说明。',
  realtime: { kind: 'hotline_tickets', subjectColumn: 'id' },
  query: ({ params, where, dialect, asOf }) => {
    const days = dialectSql(dialect.daysBetween, sql`CAST(t.received_at AS DATE)`, sql`CAST(${asOf} AS DATE)`);
    return sql`
      SELECT 'hotline_ticket' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
             t.category, CAST(CAST(t.received_at AS DATE) AS VARCHAR) AS received_on, substr(${maskTextSql('t.content')}, 1, 60) AS content,
             COALESCE(e.name, t.category) AS subject_name, CAST(CAST(${asOf} AS DATE) AS VARCHAR) AS as_of, CAST(${days} AS INTEGER) AS days
      FROM hotline_tickets t LEFT JOIN entities e ON e.uscc = t.entity_uscc
      WHERE ${where('t')} AND t.status = 'open' AND ${days} > ${num(params.max_days)}`;
  },
};
