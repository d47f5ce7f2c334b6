// 回访答复: an answer to a follow-up task — an online survey, or a call's outcome with its transcript and
// per-question answers (the call centre's results come back as this kind; docs/followup.md).
import { sourceSystem, sourceId, regionCode, countyCode } from '../fields.ts';
import type { RecordKindSpec } from '../types.ts';

export const followupAnswers: RecordKindSpec = {
  kind: 'followup_answers',
  table: 'followup_answers',
  label: '回访答复',
  idPrefix: 'fua',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { followupTask: 'task_id' },
  // What a caller says may carry a name or a number: masked like a phone number.
  personal: { transcript: 'free_text' },
  listOrder: 'answered_at',
  importable: true,
  reference: false,
  computed: [countyCode],
  agencyMayImport: false,
  fields: [
    sourceSystem,
    sourceId('回访编号', ['答复编号', '通话编号', '问卷编号'], 'HF2025000999'),
    {
      name: 'task_id',
      label: '回访任务编号',
      aliases: ['任务编号', '回访任务ID'],
      type: 'string',
      required: true,
      maxLength: 128,
      example: 'fut-0001',
    },
    regionCode,
    {
      name: 'answered_at',
      label: '回访时间',
      aliases: ['答复时间', '通话时间'],
      type: 'timestamp',
      required: true,
      example: '2025-05-20 14:05:00',
      note: '无时区时按北京时间',
    },
    {
      name: 'satisfaction',
      label: '满意度',
      aliases: ['满意度评分', '评分'],
      type: 'integer',
      required: false,
      min: 1,
      max: 5,
      example: '5',
      note: '1至5',
    },
    {
      name: 'says_inspection',
      label: '企业认为是检查',
      aliases: ['是否认为是检查', '企业称为检查'],
      type: 'boolean',
      required: false,
      example: '否',
    },
    {
      name: 'transcript',
      label: '回访记录',
      aliases: ['通话文本', '答复内容', '回访内容'],
      type: 'string',
      required: false,
      maxLength: 20000,
      example: '服务人员讲解了新规定，没有检查',
    },
    {
      name: 'outcome',
      label: '回访结果',
      aliases: ['呼叫结果', '接通情况', '外呼结果'],
      type: 'enum',
      required: false,
      example: 'reached',
      note: '不填视为已接通',
      values: [
        { code: 'reached', label: '已接通', aliases: ['接通', '成功', '已回访'] },
        { code: 'unreachable', label: '未接通', aliases: ['无人接听', '空号', '关机', '占线'] },
        { code: 'refused', label: '拒绝回访', aliases: ['拒访', '拒接', '拒绝'] },
      ],
    },
    {
      name: 'channel',
      label: '回访渠道',
      aliases: ['回访方式', '渠道'],
      type: 'enum',
      required: false,
      example: 'phone',
      values: [
        { code: 'phone', label: 'AI电话回访', aliases: ['AI外呼', '智能外呼', '电话'] },
        { code: 'human', label: '人工复核', aliases: ['人工回访', '人工电话', '二次回访'] },
        { code: 'link', label: '在线问卷', aliases: ['问卷', '云调研', '扫码'] },
      ],
    },
    {
      name: 'answers',
      label: '逐题答复',
      aliases: ['问卷答复', '各题答案'],
      type: 'string',
      required: false,
      maxLength: 20000,
      example: '{"q_visited":"是","q_id":"否","q_sat":"2"}',
      note: 'JSON 对象：问题编号 → 答案（见回访活动的问卷）',
    },
  ],
  rules: [
    (get) => {
      const a = get('answers');
      if (a === null) return null;
      try {
        const v: unknown = JSON.parse(a);
        return v && typeof v === 'object' && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string')
          ? null
          : ['answers', '逐题答复须为 JSON 对象，每题的答案为文本'];
      } catch {
        return ['answers', '逐题答复不是有效的 JSON'];
      }
    },
  ],
  rulesText: '逐题答复须为 JSON 对象（问题编号 → 文本答案）。',
  // Answers to the three tasks of docs/samples/followup_tasks.csv; the third says the service visit was an inspection.
  samples: [
    {
      source_system: 'zj-hf',
      source_id: 'HF2025000999',
      task_id: 'fut-0001',
      region_code: '330106',
      answered_at: '2025-05-20 14:05:00',
      satisfaction: '5',
      says_inspection: 'false',
      outcome: 'reached',
      channel: 'phone',
      transcript: '服务人员讲解了新规定，没有检查',
    },
    {
      source_system: 'zj-hf',
      source_id: 'HF2025001000',
      task_id: 'fut-0002',
      region_code: '330106',
      answered_at: '2025-05-21 10:12:00',
      satisfaction: '4',
      says_inspection: 'false',
      outcome: 'reached',
      channel: 'phone',
      transcript: '上门解读了惠企政策，挺有帮助',
    },
    {
      source_system: 'zj-hf',
      source_id: 'HF2025001001',
      task_id: 'fut-0003',
      region_code: '330106',
      answered_at: '2025-05-22 15:30:00',
      satisfaction: '2',
      says_inspection: 'true',
      outcome: 'reached',
      channel: 'phone',
      transcript: '说是上门服务，其实就是来检查的，查了台账还让我们签了检查记录',
    },
  ],
};
