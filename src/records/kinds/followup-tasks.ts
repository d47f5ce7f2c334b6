// 回访任务: a follow-up task of a follow-up system (a call or a survey link about one case, inspection
// or service visit), which its answers name. The subject is named by its Kedu id, or by its number in
// the agency system it came from (subject_source_system); 假服务真检查 and the follow-up models join
// answers to their subjects through the tasks.
import { entityUscc, regionCode, sourceSystem } from '../fields.ts';
import { recordIdSql } from '../record-id.ts';
import type { RecordKindSpec } from '../types.ts';

/** Subject kinds of a task and the record kind (and id prefix) each names. */
const SUBJECTS = { case: 'cases', inspection: 'inspections', service_visit: 'service_visits' } as const;

export const followupTasks: RecordKindSpec = {
  kind: 'followup_tasks',
  table: 'followup_tasks',
  label: '回访任务',
  idPrefix: null,
  key: ['id'],
  idColumn: 'id',
  // Read by the agency of its subject (a case, an inspection, a service visit), as its answers are.
  agencyScope: { followupTask: 'id' },
  listOrder: 'id',
  importable: true,
  reference: true,
  agencyMayImport: false,
  fields: [
    sourceSystem,
    {
      name: 'id',
      label: '回访任务编号',
      aliases: ['任务编号', '回访任务ID'],
      type: 'string',
      required: true,
      maxLength: 128,
      example: 'fut-0001',
      note: '回访系统中的任务编号；回访答复的“回访任务编号”与之一致',
    },
    {
      name: 'campaign_id',
      label: '回访活动编号',
      aliases: ['活动编号', '回访批次编号'],
      type: 'string',
      required: true,
      maxLength: 128,
      example: 'CP-330106-2025H1',
    },
    regionCode,
    {
      name: 'subject_kind',
      label: '回访对象类别',
      aliases: ['回访对象类型', '对象类别'],
      type: 'enum',
      required: true,
      example: 'service_visit',
      values: [
        { code: 'case', label: '行政处罚案件', aliases: ['案件', '处罚案件'] },
        { code: 'inspection', label: '行政检查', aliases: ['检查'] },
        { code: 'service_visit', label: '涉企服务', aliases: ['服务', '服务走访', '上门服务'] },
      ],
    },
    {
      name: 'subject_source_system',
      label: '回访对象来源系统',
      aliases: ['对象来源系统'],
      type: 'string',
      required: false,
      maxLength: 64,
      stored: false,
      example: 'zj-xzzf',
      note: '填写时，回访对象编号为该来源系统中的编号；不填时须为刻度记录ID（case-…、insp-…、svc-…）',
    },
    {
      name: 'subject_id',
      label: '回访对象编号',
      aliases: ['对象编号', '记录编号'],
      type: 'string',
      required: true,
      maxLength: 128,
      example: 'FW2025000111',
    },
    entityUscc('回访企业统一社会信用代码', ['企业统一社会信用代码']),
    {
      name: 'channel',
      label: '回访方式',
      aliases: ['渠道', '回访渠道'],
      type: 'enum',
      required: true,
      example: 'phone',
      values: [
        { code: 'phone', label: '电话回访', aliases: ['电话', '语音'] },
        { code: 'link', label: '在线问卷', aliases: ['问卷', '链接', '短信链接', '二维码'] },
      ],
    },
    {
      name: 'status',
      label: '任务状态',
      aliases: ['回访状态', '状态'],
      type: 'enum',
      required: true,
      example: 'answered',
      values: [
        { code: 'pending', label: '待回访', aliases: ['未回访', '进行中'] },
        { code: 'answered', label: '已回访', aliases: ['已答复', '完成'] },
        { code: 'unreachable', label: '无法联系', aliases: ['未接通', '联系不上'] },
      ],
    },
  ],
  // The subject as its Kedu id: given as such, or made from its number in its own source system.
  computed: [
    {
      column: 'subject_id',
      sql: () =>
        `CASE WHEN subject_source_system IS NULL THEN subject_id ${Object.entries(SUBJECTS)
          .map(([k, kind]) => `WHEN subject_kind = '${k}' THEN ${recordIdSql(kind, ['subject_source_system', 'subject_id'])}`)
          .join(' ')} END`,
    },
  ],
  rules: [
    (get) => {
      const id = get('subject_id'),
        kind = get('subject_kind') as keyof typeof SUBJECTS | null;
      if (id === null || kind === null || get('subject_source_system') !== null) return null;
      const prefix = { case: 'case-', inspection: 'insp-', service_visit: 'svc-' }[kind];
      return id.startsWith(prefix) ? null : ['subject_id', `未填写回访对象来源系统时，回访对象编号须为刻度记录ID（${prefix}…）`];
    },
  ],
  rulesText: '未填写回访对象来源系统时，回访对象编号须为刻度记录ID。',
  // The three service visits of docs/samples/service_visits.csv, followed up by phone.
  samples: [1, 2, 3].map((n) => ({
    source_system: 'zj-hf',
    id: `fut-000${n}`,
    campaign_id: 'CP-330106-2025H1',
    region_code: '330106',
    subject_kind: 'service_visit',
    subject_source_system: 'zj-xzzf',
    subject_id: `FW2025000${110 + n}`,
    entity_uscc: ['91330106MA2CFWLK3B', '91330106MA2CFWLK15', '91330106MA2CFWLK28'][n - 1],
    channel: 'phone',
    status: 'answered',
  })),
};
