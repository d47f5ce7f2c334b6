// 涉企服务: a service visit to an entity (not an inspection; the follow-up asks the entity).
import { sourceSystem, sourceId, regionCode, agencyId, entityUscc, countyCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const serviceVisits: RecordKindSpec = {
  kind: 'service_visits',
  table: 'service_visits',
  label: '涉企服务',
  idPrefix: 'svc',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { column: 'agency_id' },
  listOrder: 'visited_on',
  importable: true,
  reference: false,
  computed: [countyCode],
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('服务编号', ['走访编号', '服务记录编号'], 'FW2025000111'),
    regionCode,
    agencyId,
    entityUscc('服务对象统一社会信用代码', ['企业统一社会信用代码']),
    { name: 'visited_on', label: '服务日期', aliases: ['走访日期', '服务时间'], type: 'date', required: true, example: '2025-04-02' },
    {
      name: 'topic',
      label: '服务内容',
      aliases: ['服务事项', '走访内容', '服务主题'],
      type: 'string',
      required: true,
      maxLength: 2000,
      example: '合规经营指导',
    },
    {
      name: 'officer_id',
      label: '服务人员编号',
      aliases: ['执法人员编号', '走访人员编号'],
      type: 'string',
      required: false,
      maxLength: 64,
      example: 'OF-330106-0012',
    },
  ],
};
