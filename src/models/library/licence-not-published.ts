// 准予许可决定未及时公开: 行政许可法 第四十条 — “行政机关作出的准予行政许可决定，应当予以公开，公众有权查阅。”
// The law names no term: `workdays` is a county's setting (default 7 working days, the term counties set
// for publishing decisions, as PEN_NOT_PUBLISHED — not an article). Working days follow the calendar
// (src/models/window.ts): published on the Nth working day after the decision is in time, on a later day
// late. A granted licence with no publication day is not judged: an empty column says nothing (a
// licensing system that exports no publication dates would make every grant a hit). Refused and pending
// licences are not judged (第四十条 speaks of decisions to grant).
import { sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { workdayDeadlineSql, workdaysLateSql } from '../window.ts';

export const licenceNotPublished: ModelDefinition = {
  code: 'LIC_NOT_PUBLISHED',
  name: '准予许可决定未及时公开',
  description:
    '准予许可的行政许可，准予决定公开日期晚于决定之日起设定的工作日（默认7个工作日，为各地设置项，法律只规定应当予以公开、未规定期限；法定节假日不计）；没有公开日期的不作判断。',
  category: 'licensing',
  basis: { regulationId: 'xingzheng-xuke-fa', article: 40, note: '法律只规定应当予以公开，未规定期限；公开期限为各地设置项' },
  severity: 'low',
  params: [{ name: 'workdays', label: '决定后公开期限（工作日）', type: 'integer', default: 7, min: 1, max: 60 }],
  evidenceKind: 'licences',
  explanation:
    '数据显示，{agency_name}于{decided_on}准予“{item_name}”许可，于{published_on}公开准予决定，晚于设定的决定之日起{workdays}个工作日（至{deadline}），可能未及时公开准予行政许可决定，请核实并说明。',
  groundTruth: { violation: 'licence_not_published', recordKind: 'licence' },
  realtime: { kind: 'licences', subjectColumn: 'id' },
  // One licence judged on its own fields (and the working-day calendar): narrowed by the licence.
  incremental: { by: 'id', changes: { licences: 'id' }, names: ['items', 'entities', 'agencies'] },
  query: ({ params, where }) => sql`
    WITH t AS (
      SELECT t.* FROM licences t
      WHERE ${where('t')} AND t.result = 'granted' AND t.decided_on IS NOT NULL AND t.published_on IS NOT NULL
        AND ${workdaysLateSql(sql`t.decided_on`, sql`t.published_on`, params.workdays)}
    )
    SELECT 'licence' AS subject_kind, t.id AS subject_id, t.region_code, t.agency_id, '' AS window_key, t.id AS evidence_ids,
           e.name AS subject_name, t.entity_uscc, t.item_code, COALESCE(it.name, t.item_code) AS item_name,
           COALESCE(g.name, t.agency_id) AS agency_name, CAST(t.decided_on AS VARCHAR) AS decided_on,
           CAST(t.published_on AS VARCHAR) AS published_on, ${workdayDeadlineSql(sql`t.decided_on`, params.workdays)} AS deadline
    FROM t
      LEFT JOIN items it ON it.code = t.item_code
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN agencies g ON g.id = t.agency_id`,
};
