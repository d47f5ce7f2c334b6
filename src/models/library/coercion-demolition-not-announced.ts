// 强制拆除未公告: a 强制拆除 of a building, structure or facility (the act of 'remove' the record marks as
// demolition) with no announcement before the day it began, or begun on or before the last day the
// announcement gave the party to demolish it itself. 行政强制法 第四十四条: 对违法的建筑物、构筑物、设施等需要
// 强制拆除的，应当由行政机关予以公告，限期当事人自行拆除. An announcement on the day the demolition began
// is not before it (the party had no time at all); a start the day after the deadline is in time.
// Not judged: a removal whose record does not say it is a 强制拆除 (排除妨碍、恢复原状, or not stated); a
// deadline not recorded (the announcement alone is then judged); an act begun after the run's day. An
// empty announcement is read as none only where the source system sends announced_on: a system with no
// coercive measure carrying it has no column to read, and would otherwise raise every demolition it
// sends. A system that has sent the date once is judged on every demolition, those without it too (per
// system, not per agency, as PEN_NOT_PUBLISHED).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { MEASURE_NAMES, MEASURE_SUBJECT_COLUMNS } from './sql-fragments.ts';

export const coercionDemolitionNotAnnounced: ModelDefinition = {
  code: 'COE_DEMOLITION_NOT_ANNOUNCED',
  name: '强制拆除未公告',
  description:
    '标明为强制拆除建筑物、构筑物、设施的强制执行记录，没有早于实施日期的强制拆除公告日期（未记录公告，或公告日期在实施日期当日或之后），或实施日期不晚于公告限期当事人自行拆除的最后一日。未标明强制拆除的排除妨碍、恢复原状不判断；未记录公告限期的只判断公告；只判断报送过强制拆除公告日期的来源系统，从未报送该项的系统不判断。',
  category: 'coercion',
  basis: {
    regulationId: 'xingzheng-qiangzhi-fa',
    article: 44,
    note: '强制拆除应当由行政机关予以公告，限期当事人自行拆除',
  },
  severity: 'high',
  params: [],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施强制拆除，{announce_text}，可能未依法公告并限期当事人自行拆除即强制拆除，请核实并说明。',
  groundTruth: { violation: 'coercion_demolition_not_announced', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id' },
  query: ({ where, asOf }) => sql`
    WITH s AS (
      SELECT DISTINCT source_system FROM coercive_measures WHERE announced_on IS NOT NULL
    )
    SELECT ${MEASURE_SUBJECT_COLUMNS},
           CASE WHEN m.announced_on IS NULL THEN '记录中没有强制拆除公告日期'
                WHEN m.announced_on >= m.started_on THEN '强制拆除公告日期为' || CAST(m.announced_on AS VARCHAR) || '，不早于实施日期'
                ELSE '公告于' || CAST(m.announced_on AS VARCHAR) || '发布，限期至' || CAST(m.deadline_on AS VARCHAR) || '自行拆除，实施时限期尚未届满' END AS announce_text
    FROM ${MEASURE_NAMES}
      JOIN s ON s.source_system = m.source_system
    WHERE ${where('m')} AND m.measure = 'remove' AND m.demolition
      AND m.started_on <= CAST(${asOf} AS DATE)
      AND (m.announced_on IS NULL OR m.announced_on >= m.started_on OR m.deadline_on >= m.started_on)`,
};
