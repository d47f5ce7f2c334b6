// 年度检查计划: one item of an agency's yearly inspection plan — an item of the published inspection
// list, how many entities, how they are drawn (双随机: 浙江省综合行政执法条例 第二十一条, 优化营商环境条例
// 第五十四条), from whom, and when. Drawing and adjusting happen in src/inspections; this file says
// what a row must hold to be a plan at all, and checks it against the catalog, the officers'
// certificates and the entity registry once per batch.
import { sql } from '../../store/sql.ts';
import type { Store } from '../../store/store.ts';
import type { Caller } from '../../auth/caller.ts';
import { regionAgencyScope } from '../../policy/policy.ts';
import { regionContains } from '../../domain/region.ts';
import { businessDate } from '../../domain/dates.ts';
import { splitCodes } from '../../domain/lists.ts';
import { usccProblem } from '../../domain/uscc.ts';
import { certificateProblem, type CertificateTerm } from '../../domain/certificate.ts';
import { agencyId, regionCode, sourceId, sourceSystem, countyCode } from '../fields.ts';
import type { RecordKindSpec, RowRule } from '../types.ts';

/** Two officers at least: 行政处罚法 第四十二条 (执法人员不得少于两人). */
export const DEFAULT_OFFICERS_PER_TASK = 2;
export const DEFAULT_TASK_DAYS = 15;

export const inspectionPlans: RecordKindSpec = {
  kind: 'inspection_plans',
  table: 'inspection_plans',
  label: '年度检查计划',
  idPrefix: 'plan',
  key: ['source_system', 'source_id'],
  idColumn: 'id',
  agencyScope: { column: 'agency_id' },
  listOrder: null, // listed by the plans page (GET /plans), with its draws
  importable: true,
  reference: false,
  computed: [countyCode],
  agencyMayImport: true,
  fields: [
    sourceSystem,
    sourceId('计划事项编号', ['计划编号', '抽查计划编号'], 'JH2027-SCJG-01'),
    { ...regionCode, note: '执法主体所在区划（GB/T 2260 县级6位），须在本人辖区内' },
    agencyId,
    { name: 'plan_year', label: '计划年度', aliases: ['年度'], type: 'integer', required: true, min: 2000, max: 2100, example: '2027' },
    {
      name: 'name',
      label: '计划名称',
      aliases: ['任务名称', '抽查任务名称'],
      type: 'string',
      required: true,
      maxLength: 200,
      example: '2027年食品经营者双随机抽查',
    },
    {
      name: 'inspection_item_code',
      label: '检查事项编码',
      aliases: ['抽查事项编码', '涉企检查事项编码'],
      type: 'string',
      required: true,
      maxLength: 64,
      ref: 'inspection_item',
      example: 'MKT-I001-03',
      note: '须为本地适用的涉企行政检查事项清单中、本执法主体条线的事项',
    },
    {
      name: 'method',
      label: '抽取方式',
      aliases: ['检查方式', '抽查方式'],
      type: 'enum',
      required: true,
      example: 'random',
      values: [
        { code: 'random', label: '双随机抽查', aliases: ['双随机', '随机抽查'] },
        { code: 'targeted', label: '重点检查', aliases: ['定向检查', '指定对象'] },
      ],
      note: '双随机：从本部门检查对象名录随机抽取；重点检查：从“检查对象”列所列企业中随机抽取',
    },
    {
      name: 'target_count',
      label: '计划检查户数',
      aliases: ['抽取户数', '目标户数', '计划户数'],
      type: 'integer',
      required: true,
      min: 1,
      max: 100000,
      example: '40',
    },
    {
      name: 'weighting',
      label: '抽取权重',
      aliases: ['加权方式', '分类抽取'],
      type: 'enum',
      required: false,
      example: 'risk',
      values: [
        { code: 'none', label: '等概率', aliases: ['不加权', '无'] },
        { code: 'risk', label: '按风险等级加权', aliases: ['风险', '按风险'] },
        { code: 'credit', label: '按信用等级加权', aliases: ['信用', '按信用'] },
      ],
      note: '不填为等概率；权重见检查对象名录的风险等级、信用等级',
    },
    {
      name: 'object_type',
      label: '检查对象类型',
      aliases: ['对象类型'],
      type: 'string',
      required: false,
      maxLength: 64,
      example: 'catering',
      note: '只从名录中该类型的对象抽取；不填为全部名录',
    },
    {
      name: 'entity_usccs',
      label: '检查对象',
      aliases: ['指定检查对象', '重点检查对象'],
      type: 'string',
      required: false,
      maxLength: 20000,
      example: '',
      note: '重点检查时必填：统一社会信用代码，多个用逗号或顿号分隔，须为已登记的经营主体',
    },
    {
      name: 'officer_ids',
      label: '执法人员库',
      aliases: ['检查人员', '执法人员编号'],
      type: 'string',
      required: false,
      maxLength: 20000,
      example: '',
      note: '从中随机选派的执法人员编号，多个用逗号或顿号分隔，须为本部门在检查时段内持有效执法证的人员；不填为本部门全部持证人员',
    },
    {
      name: 'officers_per_task',
      label: '每户检查人数',
      aliases: ['检查人数'],
      type: 'integer',
      required: false,
      min: 2,
      max: 6,
      example: '2',
      note: '不填为2人（行政处罚法 第四十二条：执法人员不得少于两人）',
    },
    {
      name: 'task_days',
      label: '每户检查时限（天）',
      aliases: ['检查时限', '任务时限'],
      type: 'integer',
      required: false,
      min: 1,
      max: 366,
      example: '15',
      note: '每户任务的行政行为码有效天数；不填为15天',
    },
    { name: 'starts_on', label: '开始日期', aliases: ['计划开始日期', '起始日期'], type: 'date', required: true, example: '2027-03-01' },
    { name: 'ends_on', label: '结束日期', aliases: ['计划结束日期', '截止日期'], type: 'date', required: true, example: '2027-11-30' },
  ],
  rulesText:
    '结束日期不早于开始日期，且不早于今天；起止日期在计划年度内；检查事项须为本地公布、本部门条线的事项；重点检查须列明检查对象，且为本人辖区内已登记的经营主体；执法人员须为本部门在整个检查时段内持有效执法证的人员，且人数不少于每户检查人数；每户检查时限不长于计划时段。',
  batchRules: planRules,
};

interface OfficerFacts {
  name: string;
  agencyId: string;
  certificates: CertificateTerm[];
}

/** The checks of a plan row against the catalog, the officers' certificates and the registry (one read per batch). */
async function planRules(store: Store, caller: Caller): Promise<RowRule[]> {
  const today = businessDate(new Date());
  const items = new Map(
    (
      await store.query<{ code: string; line_code: string; region_code: string; name: string }>(
        'SELECT code, line_code, region_code, name FROM inspection_items',
      )
    ).map((r) => [r.code, r]),
  );
  const agencies = new Map(
    (await store.query<{ id: string; line_code: string; region_code: string }>('SELECT id, line_code, region_code FROM agencies')).map(
      (r) => [r.id, r],
    ),
  );
  const officers = new Map<string, OfficerFacts>();
  for (const r of await store.query<{ id: string; name: string; agency_id: string } & Partial<CertificateTerm>>(sql`
    SELECT o.id, o.name, o.agency_id, c.status, c.issued_on, c.expires_on
    FROM officers o LEFT JOIN certificates c ON c.officer_id = o.id WHERE ${regionAgencyScope(caller, 'o', null)}`)) {
    let o = officers.get(r.id);
    if (!o) officers.set(r.id, (o = { name: r.name, agencyId: r.agency_id, certificates: [] }));
    if (r.status && r.issued_on && r.expires_on)
      o.certificates.push({ status: r.status, issued_on: r.issued_on, expires_on: r.expires_on });
  }
  const byAgency = new Map<string, string[]>();
  for (const [id, o] of officers) byAgency.set(o.agencyId, [...(byAgency.get(o.agencyId) ?? []), id]);
  const entities = new Map(
    (
      await store.query<{ uscc: string; region_code: string }>(
        sql`SELECT uscc, region_code FROM entities e WHERE ${regionAgencyScope(caller, 'e', null)}`,
      )
    ).map((r) => [r.uscc, r.region_code]),
  );

  const window: RowRule = (get) => {
    const from = get('starts_on')!,
      to = get('ends_on')!,
      year = get('plan_year')!;
    if (to < from) return ['ends_on', `结束日期 ${to} 早于开始日期 ${from}`];
    if (from.slice(0, 4) !== year || to.slice(0, 4) !== year) return ['starts_on', `起止日期须在计划年度 ${year} 年内`];
    if (to < today) return ['ends_on', `检查时段已过：结束日期 ${to} 早于今天（${today}），不能再制定该计划`];
    const days = get('task_days');
    if (days !== null && Number(days) > daysIn(from, to))
      return ['task_days', `每户检查时限 ${days} 天长于计划时段（${daysIn(from, to)} 天）`];
    return null;
  };

  const item: RowRule = (get) => {
    const code = get('inspection_item_code')!;
    const it = items.get(code);
    const ag = agencies.get(get('agency_id')!);
    if (!it || !ag) return null; // the field checks said so already
    if (!regionContains(it.region_code, get('region_code')!))
      return ['inspection_item_code', `检查事项 ${code} 不在本地适用的涉企行政检查事项清单内（该事项由 ${it.region_code} 公布）`];
    if (it.line_code !== ag.line_code)
      return [
        'inspection_item_code',
        `检查事项 ${code}（${it.name}）属于 ${it.line_code} 条线，不是本执法主体（${ag.line_code} 条线）的检查事项`,
      ];
    return null;
  };

  const listed: RowRule = (get) => {
    const list = splitCodes(get('entity_usccs'));
    const method = get('method');
    if (method === 'random' && list.length)
      return ['entity_usccs', '双随机抽查从检查对象名录中抽取，不能指定检查对象；指定对象请选“重点检查”'];
    if (method === 'targeted' && list.length === 0) return ['entity_usccs', '重点检查须列明检查对象的统一社会信用代码'];
    for (const uscc of list) {
      const p = usccProblem(uscc);
      if (p) return ['entity_usccs', `${uscc}：${p}`];
      const region = entities.get(uscc);
      if (region === undefined) return ['entity_usccs', `检查对象 ${uscc} 不在经营主体库中（未登记或不在您的辖区）`];
      if (!regionContains(get('region_code')!, region)) return ['entity_usccs', `检查对象 ${uscc} 所在区划 ${region} 不在本计划的区划内`];
    }
    if (method === 'targeted' && Number(get('target_count')) > list.length)
      return ['target_count', `计划检查户数 ${get('target_count')} 多于所列检查对象（${list.length} 户）`];
    return null;
  };

  const staff: RowRule = (get) => {
    const agency = get('agency_id')!;
    const from = get('starts_on')!,
      to = get('ends_on')!;
    const named = splitCodes(get('officer_ids'));
    for (const id of named) {
      const o = officers.get(id);
      if (!o) return ['officer_ids', `执法人员 ${id} 不存在或不在您的辖区`];
      if (o.agencyId !== agency) return ['officer_ids', `执法人员 ${id}（${o.name}）不属于执法主体 ${agency}`];
      const p = certificateProblem(o.certificates, from, to);
      if (p) return ['officer_ids', `执法人员 ${id}（${o.name}）在检查时段（${from}至${to}）内无有效执法证：${p}`];
    }
    const pool = named.length
      ? named
      : (byAgency.get(agency) ?? []).filter((id) => !certificateProblem(officers.get(id)!.certificates, from, to));
    const need = Number(get('officers_per_task') ?? DEFAULT_OFFICERS_PER_TASK);
    if (pool.length < need)
      return [
        named.length ? 'officer_ids' : 'agency_id',
        `在检查时段（${from}至${to}）内持有效执法证的执法人员只有 ${pool.length} 人，少于每户检查人数 ${need} 人`,
      ];
    return null;
  };

  return [window, item, listed, staff];
}

const daysIn = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
