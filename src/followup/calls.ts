// AI回访: for each selected record a call script in Chinese, written from the record (who, what,
// when, which agency) and the campaign's questionnaire, with its branches; the call list the external
// call centre dials from (API and CSV); and the list of human second calls with their deadlines.
// Outcomes come back as followup_answers records (the import path, POST /followup/outcomes).
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import type { Caller } from '../auth/caller.ts';
import { revealValue } from '../privacy/personal-data.ts';
import { fill, type Question, type Questionnaire } from './questionnaire.ts';
import { getCampaign, type Campaign } from './campaigns.ts';
import { SUBJECT_KINDS } from './records.ts';

export interface ScriptStep {
  questionId: string;
  no: number;
  say: string;
  type: Question['type'];
  options: string[];
  /** When the step is asked: 仅当第N题答“…”时询问; null: always. */
  branch: string | null;
}

export interface CallScript {
  opening: string;
  steps: ScriptStep[];
  closing: string;
}

export interface CallFacts {
  regionName: string;
  entityName: string;
  agencyName: string;
  date: string;
  what: string;
}

const HOW: Record<Question['type'], (q: Question) => string> = {
  yesno: () => '（请回答“是”或“否”）',
  choice: (q) => `（选项：${(q.options ?? []).join('、')}）`,
  rating: () => '（请打1到5分，5分为非常满意）',
  number: () => '（请说一个数字）',
  text: () => '',
};

/** The script of one call: the opening names the record, each question in order with its branch. */
export function callScript(c: Pick<Campaign, 'subject_kind'> & { questionnaire: Questionnaire }, f: CallFacts): CallScript {
  const facts = { date: f.date, agency: f.agencyName, entity: f.entityName, what: f.what };
  const numberOf = new Map(c.questionnaire.questions.map((q, i) => [q.id, i + 1]));
  const kind = SUBJECT_KINDS[c.subject_kind].label;
  return {
    opening:
      `您好，这里是${f.regionName}司法局行政执法监督回访，请问是${f.entityName}吗？` +
      `${f.agencyName}于${f.date}对贵单位开展了“${f.what}”（${kind}），想耽误您两分钟听听您的评价，您的回答只用于监督执法，不会影响贵单位。`,
    steps: c.questionnaire.questions.map((q, i) => ({
      questionId: q.id,
      no: i + 1,
      say: fill(q.text, facts) + HOW[q.type](q),
      type: q.type,
      options: q.type === 'yesno' ? ['是', '否'] : q.type === 'rating' ? ['1', '2', '3', '4', '5'] : (q.options ?? []),
      branch: q.showIf ? `仅当第${numberOf.get(q.showIf.question)}题答“${q.showIf.equals.join('”或“')}”时询问` : null,
    })),
    closing: '感谢您的支持！如有其他执法方面的问题，也可以拨打12345反映。再见。',
  };
}

export const scriptText = (s: CallScript): string =>
  [s.opening, ...s.steps.map((x) => `${x.no}. ${x.branch ? `〔${x.branch}〕` : ''}${x.say}`), s.closing].join('\n');

export interface CallListRow {
  taskId: string;
  campaignId: string;
  regionCode: string;
  entityUscc: string;
  entityName: string;
  phone: string | null;
  agencyName: string;
  subjectKind: string;
  subjectId: string;
  date: string;
  what: string;
  rule: string | null;
  reason: string | null;
  askerId: string | null;
  askerName: string | null;
  status: string;
  secondCallDue: string | null;
  script: CallScript;
}

interface TaskFactsRow {
  id: string;
  campaign_id: string;
  region_code: string;
  entity_uscc: string;
  entity_name: string | null;
  phone: string | null;
  agency_name: string | null;
  subject_kind: string;
  subject_id: string;
  on_day: string | null;
  what: string | null;
  rule: string | null;
  rule_detail: string | null;
  asker_id: string | null;
  asker_name: string | null;
  status: string;
  second_call_due: string | null;
}

/** Tasks of a campaign with what a call needs: the entity, its phone (masked per role), the record's facts, the script. */
export async function callList(
  store: Store,
  caller: Caller,
  campaignId: string,
  opts: { which: 'first' | 'second' | 'all'; page?: number; pageSize?: number } = { which: 'first' },
): Promise<{ total: number; rows: CallListRow[] }> {
  const c = await getCampaign(store, caller, campaignId);
  const filter =
    opts.which === 'first'
      ? sql`t.status = 'pending' AND t.channel = 'phone'`
      : opts.which === 'second'
        ? sql`t.second_call_status = 'pending'`
        : sql`1 = 1`;
  const [total] = await store.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM followup_tasks t WHERE t.campaign_id = ${c.id} AND ${filter}`,
  );
  const page = opts.page ?? 1;
  const size = opts.pageSize ?? 100000;
  const rows = await store.query<TaskFactsRow>(sql`
    SELECT t.id, t.campaign_id, t.region_code, t.entity_uscc, e.name AS entity_name, e.phone, a.name AS agency_name, t.subject_kind, t.subject_id,
      CAST(COALESCE(cs.decided_on, i.inspected_on, v.visited_on) AS VARCHAR) AS on_day, COALESCE(it.name, ii.name, v.topic) AS what,
      t.rule, t.rule_detail, t.asker_id, u.display_name AS asker_name, t.status, CAST(t.second_call_due AS VARCHAR) AS second_call_due
    FROM followup_tasks t LEFT JOIN entities e ON e.uscc = t.entity_uscc LEFT JOIN agencies a ON a.id = t.agency_id
      LEFT JOIN users u ON u.id = t.asker_id
      LEFT JOIN cases cs ON cs.id = CASE WHEN t.subject_kind = 'case' THEN t.subject_id END LEFT JOIN items it ON it.code = cs.item_code
      LEFT JOIN inspections i ON i.id = CASE WHEN t.subject_kind = 'inspection' THEN t.subject_id END LEFT JOIN inspection_items ii ON ii.code = i.inspection_item_code
      LEFT JOIN service_visits v ON v.id = CASE WHEN t.subject_kind = 'service_visit' THEN t.subject_id END
    WHERE t.campaign_id = ${c.id} AND ${filter}
    ORDER BY t.second_call_due, t.id LIMIT ${size} OFFSET ${(page - 1) * size}`);
  const [region] = await store.query<{ name: string }>(sql`SELECT name FROM regions WHERE code = ${c.region_code}`);
  return {
    total: Number(total.n),
    rows: rows.map((r) => {
      const facts: CallFacts = {
        regionName: region?.name ?? '',
        entityName: r.entity_name ?? '贵单位',
        agencyName: r.agency_name ?? '执法部门',
        date: r.on_day ?? '',
        what: r.what ?? '',
      };
      return {
        taskId: r.id,
        campaignId: r.campaign_id,
        regionCode: r.region_code,
        entityUscc: r.entity_uscc,
        entityName: facts.entityName,
        phone: revealValue(caller, 'entities', 'phone', r.phone),
        agencyName: facts.agencyName,
        subjectKind: r.subject_kind,
        subjectId: r.subject_id,
        date: facts.date,
        what: facts.what,
        rule: r.rule,
        reason: r.rule_detail,
        askerId: r.asker_id,
        askerName: r.asker_name,
        status: r.status,
        secondCallDue: r.second_call_due,
        script: callScript(c, facts),
      };
    }),
  };
}

const csvCell = (v: string | null) => {
  const s = v ?? '';
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

export const CALL_LIST_COLUMNS = [
  ['taskId', '回访任务编号'],
  ['regionCode', '区划代码'],
  ['entityName', '企业名称'],
  ['entityUscc', '统一社会信用代码'],
  ['phone', '联系电话'],
  ['agencyName', '执法部门'],
  ['date', '执法日期'],
  ['what', '执法事项'],
  ['reason', '选取原因'],
  ['askerName', '回访人员'],
  ['secondCallDue', '复核期限'],
] as const;

/** The call list as CSV (UTF-8 with BOM, so Excel opens it), one row per call with its script. */
export function callListCsv(rows: CallListRow[]): string {
  const head = [...CALL_LIST_COLUMNS.map(([, l]) => l), '话术', '问题（JSON）'];
  const lines = rows.map((r) =>
    [
      ...CALL_LIST_COLUMNS.map(([k]) => csvCell(r[k])),
      csvCell(scriptText(r.script)),
      csvCell(JSON.stringify(r.script.steps.map((s) => ({ id: s.questionId, type: s.type, options: s.options, branch: s.branch })))),
    ].join(','),
  );
  return '\uFEFF' + [head.join(','), ...lines].join('\r\n') + '\r\n';
}
