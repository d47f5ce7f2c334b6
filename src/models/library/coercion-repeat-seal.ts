// 重复查封: a sealing of an entity's premises, facilities or goods while another agency's sealing of the same
// entity is in force. 行政强制法 第二十三条 第二款: 当事人的场所、设施或者财物已被其他国家机关依法查封的，不得
// 重复查封. The records name the entity, not the goods: two sealings of one entity may cover different things,
// so the hit is a possibility for the agency to verify. The other sealing is in force on the day this one
// starts when it started before (on the same day: the one with the smaller id counts as first) and had not
// ended by then (ended on that very day: released first, no hit). A sealing by the same agency is not
// this rule (第二款 names other organs). Of several such sealings the earliest is named. In real time the
// later sealing is judged as it arrives; an earlier sealing imported after it is found by the batch run.
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { MEASURE_NAMES } from './sql-fragments.ts';

export const coercionRepeatSeal: ModelDefinition = {
  code: 'COE_REPEAT_SEAL',
  name: '重复查封',
  description:
    '对当事人实施查封时，其他行政机关对同一当事人的查封仍在执行（先于本次查封开始，且未在本次查封开始之日或之前解除或作出处理决定）；记录未载明查封的具体财物，需核实是否为同一场所、设施或财物。',
  category: 'coercion',
  basis: { regulationId: 'xingzheng-qiangzhi-fa', article: 23 },
  severity: 'medium',
  params: [],
  evidenceKind: 'coercive_measures',
  explanation:
    '数据显示，{agency_name}于{started_on}对{subject_name}实施查封时，{other_agency_name}于{other_started_on}对同一当事人实施的查封{other_state}，可能对已被其他国家机关查封的场所、设施或者财物重复查封（记录未载明查封的具体财物），请核实两次查封的对象并说明。',
  groundTruth: { violation: 'coercion_repeat_seal', recordKind: 'coercive_measure' },
  realtime: { kind: 'coercive_measures', subjectColumn: 'id' },
  query: ({ where }) => sql`
    WITH x AS (
      SELECT m.county_code, m.id, o.id AS other_id,
             row_number() OVER (PARTITION BY m.county_code, m.id ORDER BY o.started_on, o.id) AS rn
      FROM coercive_measures m JOIN coercive_measures o ON o.county_code = m.county_code AND o.entity_uscc = m.entity_uscc
        AND o.measure = 'seal' AND o.agency_id <> m.agency_id AND o.id <> m.id
        AND (o.started_on < m.started_on OR (o.started_on = m.started_on AND o.id < m.id))
        AND (o.ended_on IS NULL OR o.ended_on > m.started_on)
      WHERE ${where('m')} AND m.measure = 'seal'
    )
    SELECT 'coercive_measure' AS subject_kind, m.id AS subject_id, m.region_code, m.agency_id, '' AS window_key,
           m.id || ',' || o.id AS evidence_ids, m.entity_uscc, COALESCE(e.name, m.entity_uscc) AS subject_name,
           COALESCE(a.name, m.agency_id) AS agency_name, CAST(m.started_on AS VARCHAR) AS started_on,
           COALESCE(oa.name, o.agency_id) AS other_agency_name, CAST(o.started_on AS VARCHAR) AS other_started_on,
           CASE WHEN o.ended_on IS NULL THEN '仍在执行' ELSE '至' || CAST(o.ended_on AS VARCHAR) || '才结束' END AS other_state
    FROM x JOIN ${MEASURE_NAMES} ON m.county_code = x.county_code AND m.id = x.id
      JOIN coercive_measures o ON o.county_code = x.county_code AND o.id = x.other_id LEFT JOIN agencies oa ON oa.id = o.agency_id
    WHERE x.rn = 1`,
};
