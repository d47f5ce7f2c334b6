// Follow-up campaigns (回访活动, "三级三类"): a level (the province, a city or a county — the region
// running it), a kind (after a case, an inspection or a service visit), a method (云调研 online survey
// to all, 差异访 targeted by rules, 双随机 random records and random askers), a period of records, a
// questionnaire and the settings of the draw. Supervisors of the region (and admins) run them.
import { randomBytes } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { withAudit } from '../audit/audit-log.ts';
import type { Caller } from '../auth/caller.ts';
import { isIsoDate } from '../domain/dates.ts';
import { regionContains, regionLevel, regionProblem } from '../domain/region.ts';
import { badRequest, notFound } from '../domain/errors.ts';
import { authorize, regionScope } from '../policy/index.ts';
import { DEFAULT_QUESTIONNAIRES, questionnaireProblem, type Questionnaire } from './questionnaire.ts';
import { isSubjectKind, SUBJECT_KINDS, type SubjectKind } from './records.ts';
import { RULES, isRuleCode, type RuleCode } from './rules.ts';

export const METHODS = { cloud: '云调研', targeted: '差异访', random: '双随机' } as const;
export type Method = keyof typeof METHODS;
export const LEVELS = { province: '省级', city: '市级', county: '县级' } as const;
export type Level = keyof typeof LEVELS;
export const CAMPAIGN_STATUS = { draft: '待抽取', drawn: '进行中', active: '进行中', closed: '已结束' } as const;

export interface CampaignSettings {
  /** 双随机 / 差异访: at most this many records (云调研: every eligible record). */
  sampleSize: number;
  /** At most this many records of one agency. */
  quotaPerAgency: number;
  /** No enterprise is asked again within this many days. */
  noRepeatDays: number;
  /** 差异访: the rules, in priority order, and their thresholds. */
  rules: RuleCode[];
  ruleParams: { heavyFineMin: number; repeatDays: number; complaintDays: number; lowRatingDays: number; manyCluesMin: number };
  /** Share of reached calls drawn for a human second call, and the days it must be made in. */
  secondCallShare: number;
  secondCallDays: number;
  /** 云调研: days an invitation stays valid. */
  invitationDays: number;
  /** The users who ask (and make second calls); empty: the region's supervisors. */
  askers: string[];
}

export const DEFAULT_SETTINGS: CampaignSettings = {
  sampleSize: 200,
  quotaPerAgency: 20,
  noRepeatDays: 90,
  rules: ['heavy_fine', 'repeat_inspection', 'complaint', 'low_rating', 'many_clues'],
  ruleParams: { heavyFineMin: 10000, repeatDays: 30, complaintDays: 60, lowRatingDays: 365, manyCluesMin: 5 },
  secondCallShare: 0.2,
  secondCallDays: 7,
  invitationDays: 14,
  askers: [],
};

export interface CampaignRow {
  id: string;
  region_code: string;
  name: string;
  level: Level;
  subject_kind: SubjectKind;
  mode: Method;
  created_at: string;
  status: keyof typeof CAMPAIGN_STATUS;
  period_from: string | null;
  period_to: string | null;
  questionnaire: string | null;
  settings: string | null;
  seed: string | null;
  drawn_at: string | null;
  draw_digest: string | null;
  created_by: string | null;
}

export interface Campaign extends Omit<CampaignRow, 'questionnaire' | 'settings'> {
  questionnaire: Questionnaire;
  settings: CampaignSettings;
}

export function parseCampaign(r: CampaignRow): Campaign {
  const stored = r.settings ? (JSON.parse(r.settings) as Partial<CampaignSettings>) : {};
  return {
    ...r,
    questionnaire: r.questionnaire ? (JSON.parse(r.questionnaire) as Questionnaire) : DEFAULT_QUESTIONNAIRES[r.subject_kind],
    settings: { ...DEFAULT_SETTINGS, ...stored, ruleParams: { ...DEFAULT_SETTINGS.ruleParams, ...stored.ruleParams } },
  };
}

/** A campaign the caller may see (the follow-up policy: src/policy/followup.ts), or 404 / 403. */
export async function getCampaign(store: Store, caller: Caller, id: string): Promise<Campaign> {
  authorize(caller, 'read', { type: 'followup_campaign' });
  const [r] = await store.query<CampaignRow>(sql`SELECT * FROM campaigns WHERE id = ${id}`);
  if (!r) throw notFound('未找到该回访活动');
  authorize(caller, 'read', { type: 'followup_campaign', regionCode: r.region_code });
  return parseCampaign(r);
}

export interface CampaignInput {
  name: string;
  regionCode: string;
  subjectKind: string;
  method: string;
  periodFrom: string;
  periodTo: string;
  questionnaire?: Questionnaire;
  settings?: Partial<CampaignSettings>;
}

const intIn = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/** The settings merged over the defaults, each checked; 400 naming the field. */
export function checkSettings(given: Partial<CampaignSettings> = {}): CampaignSettings {
  const s = { ...DEFAULT_SETTINGS, ...given, ruleParams: { ...DEFAULT_SETTINGS.ruleParams, ...given.ruleParams } };
  const bad = (field: string, msg: string) => badRequest(msg, `settings.${field}`);
  if (!intIn(s.sampleSize, 1, 100000)) throw bad('sampleSize', '抽取数量须为1至100000的整数');
  if (!intIn(s.quotaPerAgency, 1, 100000)) throw bad('quotaPerAgency', '每个执法部门的回访上限须为1至100000的整数');
  if (!intIn(s.noRepeatDays, 0, 3650)) throw bad('noRepeatDays', '不重复回访天数须为0至3650的整数');
  if (!Array.isArray(s.rules) || !s.rules.every((r) => isRuleCode(r)))
    throw bad('rules', `差异访规则须为 ${Object.keys(RULES).join('、')} 中的若干项`);
  const p = s.ruleParams;
  if (!(typeof p.heavyFineMin === 'number' && p.heavyFineMin >= 0 && p.heavyFineMin <= 1e9))
    throw bad('ruleParams.heavyFineMin', '大额罚款线须为0至10亿元');
  for (const k of ['repeatDays', 'complaintDays', 'lowRatingDays'] as const)
    if (!intIn(p[k], 1, 3650)) throw bad(`ruleParams.${k}`, '天数须为1至3650的整数');
  if (!intIn(p.manyCluesMin, 1, 100000)) throw bad('ruleParams.manyCluesMin', '线索数须为1至100000的整数');
  if (!(typeof s.secondCallShare === 'number' && s.secondCallShare >= 0 && s.secondCallShare <= 1))
    throw bad('secondCallShare', '人工复核比例须在0至1之间');
  if (!intIn(s.secondCallDays, 1, 90)) throw bad('secondCallDays', '人工复核期限须为1至90天');
  if (!intIn(s.invitationDays, 1, 180)) throw bad('invitationDays', '问卷链接有效期须为1至180天');
  if (!Array.isArray(s.askers) || s.askers.length > 500 || !s.askers.every((a) => typeof a === 'string' && a.length <= 64))
    throw bad('askers', '回访人员须为用户编号的列表（至多500人）');
  return s;
}

export async function createCampaign(store: Store, caller: Caller, input: CampaignInput): Promise<Campaign> {
  authorize(caller, 'manage', { type: 'followup_campaign' });
  const name = (input.name ?? '').trim();
  if (!name || name.length > 100) throw badRequest('活动名称须为1至100个字', 'name');
  const rp = regionProblem(input.regionCode);
  if (rp) throw badRequest(rp, 'regionCode');
  const level = regionLevel(input.regionCode);
  if (level === 'township') throw badRequest('回访活动由省、市、县三级组织，请选择省、设区市或县（市、区）', 'regionCode');
  authorize(caller, 'manage', { type: 'followup_campaign', regionCode: input.regionCode });
  const [region] = await store.query(sql`SELECT code FROM regions WHERE code = ${input.regionCode}`);
  if (!region) throw badRequest(`区划不存在：${input.regionCode}`, 'regionCode');
  if (!isSubjectKind(input.subjectKind)) throw badRequest(`回访类别须为 ${Object.keys(SUBJECT_KINDS).join('、')} 之一`, 'subjectKind');
  if (!(input.method in METHODS)) throw badRequest(`回访方式须为 ${Object.keys(METHODS).join('、')} 之一`, 'method');
  if (!isIsoDate(input.periodFrom ?? '')) throw badRequest('起始日期须为 YYYY-MM-DD', 'periodFrom');
  if (!isIsoDate(input.periodTo ?? '')) throw badRequest('截止日期须为 YYYY-MM-DD', 'periodTo');
  if (input.periodTo < input.periodFrom) throw badRequest('截止日期不能早于起始日期', 'periodTo');
  const questionnaire = input.questionnaire ?? DEFAULT_QUESTIONNAIRES[input.subjectKind];
  const qp = questionnaireProblem(questionnaire);
  if (qp) throw badRequest(qp, 'questionnaire');
  const settings = checkSettings(input.settings);
  for (const a of settings.askers) {
    const [u] = await store.query<{ region_code: string }>(sql`SELECT region_code FROM users WHERE id = ${a} AND NOT disabled`);
    if (!u || (!regionContains(input.regionCode, u.region_code) && !regionContains(u.region_code, input.regionCode)))
      throw badRequest(`回访人员 ${a} 不存在或不属于本活动的区划`, 'settings.askers');
  }
  const id = `CP-${randomBytes(6).toString('hex')}`;
  const now = new Date().toISOString();
  await withAudit(store, input.regionCode, async (tx) => {
    await tx.exec(sql`INSERT INTO campaigns (id, region_code, name, level, subject_kind, mode, created_at, status, period_from, period_to, questionnaire, settings, created_by)
      VALUES (${id}, ${input.regionCode}, ${name}, ${level}, ${input.subjectKind}, ${input.method}, ${now}, 'draft', ${input.periodFrom}, ${input.periodTo},
        ${JSON.stringify(questionnaire)}, ${JSON.stringify(settings)}, ${caller.userId})`);
    return {
      result: undefined,
      audit: [
        {
          actor: caller.userId,
          action: 'followup.campaign_create',
          target: id,
          regionCode: input.regionCode,
          detail: {
            name,
            subjectKind: input.subjectKind,
            method: input.method,
            periodFrom: input.periodFrom,
            periodTo: input.periodTo,
            settings,
          },
        },
      ],
    };
  });
  return getCampaign(store, caller, id);
}

export interface CampaignSummary {
  id: string;
  name: string;
  regionCode: string;
  regionName: string | null;
  level: Level;
  levelLabel: string;
  subjectKind: SubjectKind;
  subjectLabel: string;
  method: Method;
  methodLabel: string;
  status: string;
  statusLabel: string;
  periodFrom: string | null;
  periodTo: string | null;
  createdAt: string;
  tasks: number;
  answered: number;
  reached: number;
  calls: number;
}

export async function listCampaigns(
  store: Store,
  caller: Caller,
  q: { page: number; pageSize: number; subjectKind?: string; method?: string; status?: string },
): Promise<{ total: number; page: number; pageSize: number; rows: CampaignSummary[] }> {
  authorize(caller, 'read', { type: 'followup_campaign' });
  const conds = [regionScope(caller, 'c')];
  if (q.subjectKind) conds.push(sql`c.subject_kind = ${q.subjectKind}`);
  if (q.method) conds.push(sql`c.mode = ${q.method}`);
  if (q.status) conds.push(sql`c.status = ${q.status}`);
  const where = conds.reduce((a, b) => sql`${a} AND ${b}`);
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM campaigns c WHERE ${where}`);
  const rows = await store.query<CampaignRow & { region_name: string | null }>(sql`
    SELECT c.*, g.name AS region_name FROM campaigns c LEFT JOIN regions g ON g.code = c.region_code WHERE ${where}
    ORDER BY c.created_at DESC, c.id LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`);
  const stats = await campaignStats(
    store,
    rows.map((r) => r.id),
  );
  return {
    total: Number(total.n),
    page: q.page,
    pageSize: q.pageSize,
    rows: rows.map((r) => ({ ...summaryOf(r, r.region_name), ...(stats.get(r.id) ?? { tasks: 0, answered: 0, reached: 0, calls: 0 }) })),
  };
}

export function summaryOf(r: Omit<CampaignRow, 'questionnaire' | 'settings'>, regionName: string | null) {
  return {
    id: r.id,
    name: r.name,
    regionCode: r.region_code,
    regionName,
    level: r.level,
    levelLabel: LEVELS[r.level] ?? r.level,
    subjectKind: r.subject_kind,
    subjectLabel: SUBJECT_KINDS[r.subject_kind]?.label ?? r.subject_kind,
    method: r.mode,
    methodLabel: METHODS[r.mode] ?? r.mode,
    status: r.status,
    statusLabel: CAMPAIGN_STATUS[r.status] ?? r.status,
    periodFrom: r.period_from,
    periodTo: r.period_to,
    createdAt: r.created_at,
  };
}

/** Tasks, answered tasks, and of the contacts made, the reached ones, per campaign. */
export async function campaignStats(store: Store, ids: string[]) {
  const out = new Map<string, { tasks: number; answered: number; reached: number; calls: number }>();
  if (ids.length === 0) return out;
  const list = ids.map((i) => sql`${i}`).reduce((a, b) => sql`${a}, ${b}`);
  const rows = await store.query<{ campaign_id: string; tasks: number; answered: number; reached: number; calls: number }>(sql`
    SELECT t.campaign_id, count(*) AS tasks, sum(CASE WHEN t.status = 'answered' THEN 1 ELSE 0 END) AS answered,
      sum(COALESCE(a.reached, 0)) AS reached, sum(COALESCE(a.calls, 0)) AS calls
    FROM followup_tasks t LEFT JOIN (
      SELECT task_id, sum(CASE WHEN COALESCE(outcome, 'reached') = 'reached' THEN 1 ELSE 0 END) AS reached, count(*) AS calls
      FROM followup_answers WHERE COALESCE(channel, 'phone') <> 'human' GROUP BY task_id) a ON a.task_id = t.id
    WHERE t.campaign_id IN (${list}) GROUP BY t.campaign_id`);
  for (const r of rows)
    out.set(r.campaign_id, { tasks: Number(r.tasks), answered: Number(r.answered), reached: Number(r.reached), calls: Number(r.calls) });
  return out;
}
