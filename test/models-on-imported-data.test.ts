// Every supervision model fires on a county's own data: a `kedu init` store, the county's reference data
// imported (test/helpers/county.ts), and for each model the records that should raise its hit imported
// through the public format (CSV files with the formats' Chinese headers). What is an act rather than a
// record — a plan's draw, a task coded for a complaint, an enterprise's rating of its visit — goes through
// the function its API route calls. The cases are keyed by model code and checked against the model
// library, so a new model without a case fails this test.
// Each case keeps to its own entities, and where a model aggregates (per agency and year or month, per
// city and item, per service) to a year, an agency, an item or a service code no other case uses.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openTestStore } from './helpers/store.ts';
import { everyHitAClue } from './helpers/clues.ts';
import { CLE, COUNTY, FIR, MKT, entity, importAll, initCounty, officer } from './helpers/county.ts';
import { MODELS, findModel } from '../src/models/library/index.ts';
import { runModel } from '../src/models/runner.ts';
import { recordId } from '../src/records/record-id.ts';
import type { Kind } from '../src/records/registry.ts';
import { SYSTEM_CALLER, type Caller } from '../src/auth/caller.ts';
import { createUser } from '../src/auth/users.ts';
import { applyTransition, loadClue } from '../src/clues/workflow.ts';
import { commitAttachments, receiveAttachment } from '../src/clues/attachments.ts';
import { systemClock, todayOf } from '../src/clues/clock.ts';
import { addDays } from '../src/domain/dates.ts';
import { registerFollowupHooks } from '../src/followup/hooks.ts';
import { drawPlan } from '../src/inspections/draw.ts';
import { createAdhocTask, type IssuedTask } from '../src/inspections/tasks.ts';
import { rateTask } from '../src/inspections/verify.ts';
import { issueFormToken } from '../src/clues/portal.ts';

// Answers are analysed as they land, as `kedu import` and the server have them (src/followup/hooks.ts).
registerFollowupHooks();
const t = await openTestStore();
const { store } = t;
const attachments = mkdtempSync(join(tmpdir(), 'kedu-model-cases-'));
process.env.KEDU_ATTACHMENTS_DIR = attachments;
// Tasks' 行政行为码 are signed with the server's key: a fixed one here (docs/inspections.md, "The code").
process.env.KEDU_CODE_KEY = 'c'.repeat(64);
const AS_OF = '2026-01-15';
const SOURCE = 'county-test'; // the source system importCsv gives rows (helpers/county.ts)

let supervisor: Caller;
let staff: Caller;
before(async () => {
  await initCounty(store);
  // The closure models (CLO_*) judge clues walked through the loop: every hit opens one here.
  await everyHitAClue(store);
  supervisor = await createUser(
    store,
    { username: 'xh_sup', displayName: '西湖监督员', password: 'Model-Case-2025', role: 'supervisor', regionCode: COUNTY },
    'system',
  );
  staff = await createUser(
    store,
    {
      username: 'xh_mkt',
      displayName: '西湖市场监管',
      password: 'Model-Case-2025',
      role: 'agency_staff',
      regionCode: COUNTY,
      agencyId: MKT,
    },
    'system',
  );
});
after(async () => {
  await t.close();
  rmSync(attachments, { recursive: true, force: true });
});

// ── rows of each kind, by field name, with plain defaults: a case states only what it is about ──
let seq = 0;
const sid = (p: string) => `${p}-${++seq}`;
const ins = (o: Record<string, string>) => ({
  source_id: sid('JC'),
  region_code: COUNTY,
  agency_id: MKT,
  inspection_item_code: 'MKT-I001-01',
  entity_uscc: entity(1),
  inspected_on: '2025-06-02',
  kind: 'planned',
  lead_officer_id: officer('M', 1),
  assist_officer_id: officer('M', 2),
  via_code: 'true',
  result: 'compliant',
  ...o,
});
/** A seizure by the market regulator, released within its term with the goods returned the same day. */
const coe = (o: Record<string, string>) => ({
  source_id: sid('QZ'),
  region_code: COUNTY,
  agency_id: MKT,
  entity_uscc: entity(1),
  measure: 'seize',
  decision_no: '西市监强制〔2025〕1号',
  started_on: '2025-05-06',
  urgent: 'false',
  extended: 'false',
  extension_approved: 'false',
  ended_on: '2025-05-20',
  goods_returned_on: '2025-05-20',
  lead_officer_id: officer('M', 1),
  assist_officer_id: officer('M', 2),
  status: 'released',
  ...o,
});
/** Goods a case of market supervision confiscated on 20 May 2025 (its decision day), not yet disposed of. */
const conf = (o: Record<string, string>) => ({
  source_id: sid('MW'),
  region_code: COUNTY,
  agency_id: MKT,
  description: '假冒注册商标白酒',
  quantity: '24',
  unit: '瓶',
  estimated_value: '20000',
  confiscated_on: '2025-05-20',
  ...o,
});
/** The goods `o` of a fine decided for entity n, the case imported first. */
const confiscatedBy = async (n: number, o: Record<string, string>) => {
  const [c] = await load('cases', [cas({ entity_uscc: entity(n) })]);
  return only('confiscated_goods', conf({ case_id: c.source_id, entity_uscc: entity(n), ...o }));
};
const cas = (o: Record<string, string>) => ({
  source_id: sid('AJ'),
  region_code: COUNTY,
  agency_id: MKT,
  item_code: 'MKT-P012',
  entity_uscc: entity(1),
  filed_on: '2025-05-06',
  first_offence: 'false',
  corrected: 'false',
  harm: 'minor',
  lead_officer_id: officer('M', 1),
  assist_officer_id: officer('M', 2),
  decided_on: '2025-05-20',
  decision: 'fine',
  tier: 'general',
  fine_amount: '20000',
  status: 'decided',
  ...o,
});
/** A warning (no fine: the fine models' groups stay as they are) of an item no other case names. */
const warned = (o: Record<string, string>) => cas({ item_code: 'MKT-P013', decision: 'warning', tier: 'lenient', fine_amount: '', ...o });
/** A reconsideration of a case of market supervision, decided (in force) on 1 July 2025. */
const rev = (o: Record<string, string>) => ({
  source_id: sid('FY'),
  region_code: COUNTY,
  agency_id: MKT,
  route: 'reconsideration',
  applied_on: '2025-06-01',
  decided_on: '2025-07-01',
  ...o,
});
const dlg = (o: Record<string, string>) => ({
  source_id: sid('WT'),
  region_code: COUNTY,
  agency_id: MKT,
  service_code: 'SW-330000-003',
  service_name: '食品抽样检验',
  provider_name: '杭州某检测技术有限公司',
  approved: 'true',
  fee: '10000',
  signed_on: '2025-03-03',
  ...o,
});
const visit = (o: Record<string, string>) => ({
  source_id: sid('FW'),
  region_code: COUNTY,
  agency_id: MKT,
  entity_uscc: entity(1),
  visited_on: '2025-04-02',
  topic: '合规经营指导',
  officer_id: officer('M', 3),
  ...o,
});
const days = (from: string, n: number, step = 1) => Array.from({ length: n }, (_, i) => addDays(from, i * step));
/** 50 yuan collected on the spot on 2025-04-03 by the market regulator's officer, receipt given, handed over and banked that day. */
const pay = (o: Record<string, string>) => ({
  source_id: sid('JK'),
  region_code: COUNTY,
  amount: '50',
  due_on: '2025-04-18',
  paid_on: '2025-04-03',
  method: '当场收缴',
  collected_by: officer('M', 1),
  receipt_no: sid('PJ'),
  handed_over_on: '2025-04-03',
  banked_on: '2025-04-03',
  ...o,
});
/** A fine of 1,000 yuan due 18 April 2025, paid at the bank on 10 April, no 加处罚款. */
const bankPay = (o: Record<string, string>) =>
  pay({
    amount: '1000',
    paid_on: '2025-04-10',
    method: '银行缴纳',
    collected_by: '',
    receipt_no: '',
    handed_over_on: '',
    banked_on: '',
    surcharge: '0',
    ...o,
  });
const idOf = (kind: Kind, row: Record<string, string>) => recordId(kind, SOURCE, row.source_id);
/** A fine of 综合执法 of 300 yuan. */
const cleCase = {
  agency_id: CLE,
  item_code: 'CLE-P014',
  lead_officer_id: officer('C', 1),
  assist_officer_id: officer('C', 2),
  fine_amount: '300',
};
/** A 强制拆除 by 综合执法 on 1 December 2025, a 催告 served on 10 November, announced on 1 November with 15 days to demolish. */
const demolished = (o: Record<string, string>) =>
  coe({
    agency_id: CLE,
    lead_officer_id: officer('C', 1),
    assist_officer_id: officer('C', 2),
    measure: '强制拆除',
    decision_no: '西综执强拆〔2025〕1号',
    started_on: '2025-12-01',
    ended_on: '2025-12-01',
    goods_returned_on: '',
    status: '已作出处理决定',
    demand_served_on: '2025-11-10',
    demolition: '是',
    announced_on: '2025-11-01',
    deadline_on: '2025-11-16',
    ...o,
  });

interface Hit {
  id: string;
  evidence: string;
  agency_id: string | null;
  region_code: string;
  explanation: string;
}
interface Case {
  /** Imports the case's records; returns the record ids a hit of the model must name in its evidence. */
  arrange(): Promise<string[]>;
  asOf?: string;
}

/** An electronic monitoring device of market supervision, reviewed, published and calibrated before 2025. */
const dev = (o: Record<string, string>) => ({
  source_id: sid('SB'),
  region_code: COUNTY,
  agency_id: MKT,
  device_kind: 'camera',
  location: '文三路与学院路交叉口东侧',
  reviewed_on: '2024-12-01',
  published_on: '2024-12-05',
  calibrated_until: '2025-12-31',
  in_use_from: '2024-12-05',
  ...o,
});
/** A fine decided on the records of device `device` (its number in the same source system). */
const onDevice = async (device: Record<string, string>, o: Record<string, string>) => {
  await load('monitoring_devices', [device]);
  return cas({ device_id: device.source_id, occurred_on: '2025-05-01', notified_on: '2025-05-12', ...o });
};
/** An intermediary's fee an enterprise paid for a service it commissioned itself, relating to the market regulator. */
const fee = (o: Record<string, string>) => ({
  source_id: sid('SF'),
  region_code: COUNTY,
  agency_id: MKT,
  entity_uscc: entity(1),
  charged_by: '杭州示例检测技术有限公司',
  charger_kind: 'intermediary',
  fee_kind: 'intermediary',
  amount: '12000',
  charged_on: '2025-05-12',
  commissioned_by_agency: 'false',
  designated_by_agency: 'false',
  ...o,
});
const load = async (kind: Kind, rows: Record<string, string>[]) => {
  await importAll(store, kind, rows);
  return rows;
};
/** Imports one record: the case's whole evidence. */
const only = async (kind: Kind, row: Record<string, string>) => [idOf(kind, (await load(kind, [row]))[0])];

let loops = 0;
/** A clue of some model on the case's records, driven through the loop by the supervisor and the agency. */
async function clueInLoop(steps: string[]): Promise<string> {
  // The model files a hit under its lead officer (一人一档): an officer and an entity of its own for each
  // loop, so that its clue holds this hit alone.
  loops++;
  const rows = await load('inspections', [
    ins({ entity_uscc: entity(400 + loops), lead_officer_id: officer('M', 4 + loops), assist_officer_id: '' }),
  ]);
  await runModel(store, findModel('INS_SINGLE_OFFICER')!, { asOf: AS_OF });
  const [c] = await store.query<{ id: string }>(
    `SELECT clue_id AS id FROM model_hits WHERE model_code = 'INS_SINGLE_OFFICER' AND clue_id IS NOT NULL AND evidence LIKE $1`,
    [`%${idOf('inspections', rows[0])}%`],
  );
  assert.ok(c, 'the hit opened a clue');
  for (const step of steps) {
    const clue = (await loadClue(store, c.id))!;
    if (step === 'assign') await applyTransition(store, supervisor, c.id, { action: 'assign', agencyId: MKT }, systemClock);
    if (step === 'accept') await applyTransition(store, staff, c.id, { action: 'accept' }, systemClock);
    if (step === 'submit') {
      const received = await receiveAttachment({
        fileName: '整改报告.txt',
        contentType: 'text/plain',
        stream: Readable.from([Buffer.from('已整改')]),
        truncated: () => false,
      });
      const [file] = await commitAttachments(store, staff, clue, [received], systemClock);
      await applyTransition(
        store,
        staff,
        c.id,
        { action: 'submit', rectification: '已对执法人员开展培训并完善审核制度。', attachmentIds: [file.id] },
        systemClock,
      );
    }
    if (step === 'return')
      await applyTransition(store, supervisor, c.id, { action: 'return', comment: '整改材料不全，请补充' }, systemClock);
  }
  return c.id;
}
/** A follow-up task on a record (by its number in the agency system) and the enterprise's answer, as the call centre returns it. */
async function followedUp(subjectKind: string, subjectSourceId: string, entityUscc: string, answeredAt: string, transcript: string) {
  const task = `fut-${++seq}`;
  await importAll(store, 'followup_tasks', [
    {
      id: task,
      campaign_id: 'CP-330106-2025H2',
      region_code: COUNTY,
      subject_kind: subjectKind,
      subject_source_system: SOURCE,
      subject_id: subjectSourceId,
      entity_uscc: entityUscc,
      channel: 'phone',
      status: 'pending',
    },
  ]);
  const [answer] = await load('followup_answers', [
    { source_id: sid('HF'), task_id: task, region_code: COUNTY, answered_at: answeredAt, outcome: 'reached', channel: 'phone', transcript },
  ]);
  return answer;
}
const today = todayOf(systemClock);
// Plans import only while their window is still ahead (docs/import-formats.md): this year's and next year's.
const THIS_YEAR = Number(today.slice(0, 4));
const NEXT_YEAR = THIS_YEAR + 1;
const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);

/** The case's own entities, registered as the county's staff import them (tasks are only issued for registered ones). */
async function registered(ns: number[]): Promise<string[]> {
  const usccs = ns.map(entity);
  await importAll(
    store,
    'entities',
    usccs.map((uscc, i) => ({ uscc, name: `杭州西湖测试${ns[i]}号有限公司`, region_code: COUNTY })),
  );
  return usccs;
}
const plan = (o: Record<string, string>) => ({
  source_id: sid('JH'),
  region_code: COUNTY,
  agency_id: MKT,
  plan_year: String(NEXT_YEAR),
  name: '年度检查计划',
  method: 'targeted',
  target_count: '1',
  task_days: '5',
  starts_on: `${NEXT_YEAR}-03-01`,
  ends_on: `${NEXT_YEAR}-03-20`,
  ...o,
});
/** Imports plan items and draws each, as the agency's 抽取 (POST /api/v1/plans/:id/draw) does; the tasks drawn. */
async function drawn(rows: Record<string, string>[]): Promise<IssuedTask[]> {
  await importAll(store, 'inspection_plans', rows);
  const tasks: IssuedTask[] = [];
  for (const r of rows) tasks.push(...(await drawPlan(store, SYSTEM_CALLER, idOf('inspection_plans', r))).tasks);
  return tasks;
}
/** A task coded for a complaint (POST /api/v1/inspection-tasks), the officers named, open from today for a week. */
const complaintTask = (agencyId: string, entityUscc: string, inspectionItemCode: string, officerIds: string[]) =>
  createAdhocTask(store, SYSTEM_CALLER, {
    agencyId,
    entityUscc,
    inspectionItemCode,
    officerIds,
    validFrom: today,
    validTo: addDays(today, 7),
    origin: 'complaint',
    reason: '群众投诉举报核查',
  });
/** The visited enterprise's rating of its task on the public verify page (扫码评价); the rating's id. */
async function rated(task: IssuedTask, score: number): Promise<string> {
  const at = new Date();
  const form = issueFormToken(at.getTime() - 60_000);
  return (await rateTask(store, task.code, { formToken: form, entityUscc: task.entity_uscc, score }, at)).id;
}

const CASES: Record<string, Case> = {
  INS_REPEAT: {
    async arrange() {
      const e = entity(101); // not in the register: the models judge it all the same
      const rows = await load('inspections', [
        ins({ entity_uscc: e, inspected_on: '2025-03-03' }),
        ins({
          entity_uscc: e,
          inspected_on: '2025-03-04',
          agency_id: CLE,
          lead_officer_id: officer('C', 1),
          assist_officer_id: officer('C', 2),
        }),
        ins({
          entity_uscc: e,
          inspected_on: '2025-03-05',
          agency_id: FIR,
          lead_officer_id: officer('F', 1),
          assist_officer_id: officer('F', 2),
        }),
      ]);
      return rows.map((r) => idOf('inspections', r));
    },
  },
  PEN_OUT_OF_TIER: {
    // First offence no, corrected no, minor harm: the general tier, 19,000–37,000 yuan; fined 45,000.
    arrange: () => only('cases', cas({ entity_uscc: entity(102), decided_on: '2025-06-10', fine_amount: '45000' })),
  },
  PEN_EXEMPT_FINED: {
    arrange: () =>
      only(
        'cases',
        cas({
          entity_uscc: entity(103),
          item_code: 'MKT-P013',
          first_offence: 'true',
          corrected: 'true',
          harm: 'none',
          fine_amount: '500',
          tier: 'lenient',
        }),
      ),
  },
  PEN_DEVIATION: {
    // Ten fines of 1,000 yuan for a county's own item, and one of 20,000.
    async arrange() {
      await importAll(store, 'items', [
        {
          code: 'XH-DEV-P1',
          name: '本地事项（偏离测试）',
          kind: 'penalty',
          line_code: 'MKT',
          region_code: COUNTY,
          fine_min: '0',
          fine_max: '100000',
        },
      ]);
      const rows = await load('cases', [
        ...days('2025-02-03', 10, 7).map((d) =>
          cas({ item_code: 'XH-DEV-P1', entity_uscc: entity(104), filed_on: d, decided_on: d, fine_amount: '1000' }),
        ),
        cas({ item_code: 'XH-DEV-P1', entity_uscc: entity(105), filed_on: '2025-05-05', decided_on: '2025-05-06', fine_amount: '20000' }),
      ]);
      return [idOf('cases', rows[10])];
    },
  },
  PEN_DISPERSION: {
    async arrange() {
      const rows = await load(
        'cases',
        ['100', '200', '1000', '3000', '5000'].map((fine, i) =>
          cas({
            item_code: 'MKT-P024',
            entity_uscc: entity(106 + i),
            filed_on: `2024-0${i + 2}-03`,
            decided_on: `2024-0${i + 2}-10`,
            fine_amount: fine,
          }),
        ),
      );
      return rows.map((r) => idOf('cases', r));
    },
  },
  PEN_MAX_SHARE: {
    // The fire brigade in 2023: five of ten fines at the statutory maximum (50,000 yuan).
    async arrange() {
      const rows = await load(
        'cases',
        days('2023-02-01', 10, 20).map((d, i) =>
          cas({
            agency_id: FIR,
            lead_officer_id: officer('F', 1),
            assist_officer_id: officer('F', 2),
            entity_uscc: entity(111 + i),
            filed_on: d,
            decided_on: d,
            fine_amount: i < 5 ? '50000' : '10000',
          }),
        ),
      );
      return rows.slice(0, 5).map((r) => idOf('cases', r));
    },
  },
  PEN_OVERDUE: {
    arrange: () => only('cases', cas({ entity_uscc: entity(121), filed_on: '2025-01-10', decided_on: '2025-06-10' })),
  },
  PEN_DOUBLE: {
    async arrange() {
      const rows = await load('cases', [
        cas({ entity_uscc: entity(122), filed_on: '2025-07-01', decided_on: '2025-07-05' }),
        cas({ entity_uscc: entity(122), filed_on: '2025-07-11', decided_on: '2025-07-15' }),
      ]);
      return rows.map((r) => idOf('cases', r));
    },
  },
  PEN_DELIVERY_LATE: {
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(123), decided_on: '2025-05-10' })]);
      const [d] = await load('deliveries', [
        {
          source_id: sid('SD'),
          region_code: COUNTY,
          case_id: c.source_id,
          // Posted twenty days after the decision, past its seven working days (2025-05-20; 第八十五条: 七日 are working days).
          method: 'post',
          sent_on: '2025-05-30',
          delivered_on: '2025-06-03',
        },
      ]);
      return [idOf('deliveries', d)];
    },
  },
  PEN_PAYMENT_OVERDUE: {
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(124) })]);
      const [p] = await load('payments', [
        { source_id: sid('JK'), region_code: COUNTY, case_id: c.source_id, amount: '20000', due_on: '2025-06-01', paid_on: '2025-07-01' },
      ]);
      return [idOf('payments', p)];
    },
  },
  // Fines collected on the spot by the case's lead officer (罚缴分离, 第六十八条至第七十一条).
  PAY_ON_SPOT_NOT_ALLOWED: {
    // 200 yuan collected on the spot, with its receipt, handed over and banked the same day.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(450), fine_amount: '200' })]);
      return only('payments', pay({ case_id: c.source_id, amount: '200' }));
    },
  },
  PAY_HANDOVER_LATE: {
    // Collected on Thursday 3 April 2025, handed to the agency on Wednesday 9 April, the 3rd working day after 清明.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(451), fine_amount: '50' })]);
      return only('payments', pay({ case_id: c.source_id, handed_over_on: '2025-04-09', banked_on: '2025-04-09' }));
    },
  },
  PAY_NO_RECEIPT: {
    // Collected on the spot, no 专用票据 number.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(452), fine_amount: '50' })]);
      return only('payments', pay({ case_id: c.source_id, receipt_no: '' }));
    },
  },
  // 加处罚款 and what was paid (行政处罚法 第六十六条、第七十二条): a fine of 1,000 yuan due 18 April 2025, paid at the bank.
  PAY_SURCHARGE_OVER_FINE: {
    // Paid 60 days late with 1,200 yuan of 加处罚款: more than the fine.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(571), fine_amount: '1000' })]);
      return only('payments', bankPay({ case_id: c.source_id, amount: '2200', paid_on: '2025-06-17', surcharge: '1200' }));
    },
  },
  PAY_SURCHARGE_OVER_RATE: {
    // Paid 10 days late with 301 yuan of 加处罚款: 3% a day allows 300.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(572), fine_amount: '1000' })]);
      return only('payments', bankPay({ case_id: c.source_id, amount: '1301', paid_on: '2025-04-28', surcharge: '301' }));
    },
  },
  PAY_SURCHARGE_DURING_REVIEW: {
    // Paid 10 days late with 300 yuan of 加处罚款 (3% a day of all 10), 4 of them under reconsideration (20–23 April): 180 allowed.
    async arrange() {
      const [c] = await load('cases', [
        cas({ entity_uscc: entity(721), fine_amount: '1000', filed_on: '2025-03-10', decided_on: '2025-03-20' }),
      ]);
      const [p] = await load('payments', [bankPay({ case_id: c.source_id, amount: '1300', paid_on: '2025-04-28', surcharge: '300' })]);
      const [r] = await load('review_outcomes', [
        rev({ case_id: c.source_id, applied_on: '2025-04-20', decided_on: '2025-04-23', outcome: 'upheld' }),
      ]);
      return [idOf('payments', p), idOf('review_outcomes', r)];
    },
  },
  PAY_OVERPAID: {
    // The fine paid twice, no 加处罚款.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(573), fine_amount: '1000' })]);
      const rows = await load('payments', [bankPay({ case_id: c.source_id }), bankPay({ case_id: c.source_id, paid_on: '2025-04-11' })]);
      return rows.map((r) => idOf('payments', r));
    },
  },
  PEN_CLOSED_UNPAID: {
    // Closed with 600 of the 1,000 yuan paid.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(574), fine_amount: '1000', status: 'closed' })]);
      await load('payments', [bankPay({ case_id: c.source_id, amount: '600' })]);
      return [idOf('cases', c)];
    },
  },
  PEN_GROWTH: {
    // 综合执法 in 2022: one fine a month for six months, then ten in July.
    async arrange() {
      const cle = {
        agency_id: CLE,
        item_code: 'CLE-P014',
        lead_officer_id: officer('C', 1),
        assist_officer_id: officer('C', 2),
        fine_amount: '300',
      };
      const before = [1, 2, 3, 4, 5, 6].map((m) =>
        cas({ ...cle, entity_uscc: entity(130 + m), filed_on: `2022-0${m}-05`, decided_on: `2022-0${m}-10` }),
      );
      const july = days('2022-07-01', 10).map((d, i) => cas({ ...cle, entity_uscc: entity(140 + i), filed_on: d, decided_on: d }));
      const rows = await load('cases', [...before, ...july]);
      return rows.slice(6).map((r) => idOf('cases', r));
    },
  },
  PEN_SINGLE_OFFICER: {
    arrange: () => only('cases', cas({ entity_uscc: entity(151), assist_officer_id: '' })),
  },
  PEN_ABOVE_STATUTORY: {
    arrange: () => only('cases', cas({ entity_uscc: entity(152), fine_amount: '60000', tier: 'severe' })),
  },
  PEN_NO_DELIVERY: {
    arrange: () => only('cases', cas({ entity_uscc: entity(153) })),
  },
  PEN_NO_CERT: {
    // An officer the county never registered, let alone certified.
    arrange: () => only('cases', cas({ entity_uscc: entity(154), lead_officer_id: 'OF-UNKNOWN-1' })),
  },
  PEN_NO_PAYMENT: {
    arrange: () => only('cases', cas({ entity_uscc: entity(155) })),
  },
  INS_OVER_FREQ: {
    // MKT-I001-01 allows two inspections of an entity a year.
    async arrange() {
      const rows = await load(
        'inspections',
        days('2025-02-03', 3, 30).map((d) => ins({ entity_uscc: entity(156), inspected_on: d })),
      );
      return rows.map((r) => idOf('inspections', r));
    },
  },
  INS_OFF_LIST: {
    // Not on any published list: landed by the import (with a note), found here.
    arrange: () => only('inspections', ins({ entity_uscc: entity(157), inspection_item_code: 'XH-NOT-LISTED' })),
  },
  INS_BURDEN: {
    async arrange() {
      const rows = await load(
        'inspections',
        days('2024-01-08', 21, 14).map((d, i) =>
          ins({ entity_uscc: entity(158), inspected_on: d, inspection_item_code: `MKT-I001-0${(i % 9) + 1}` }),
        ),
      );
      return rows.map((r) => idOf('inspections', r));
    },
  },
  INS_SINGLE_OFFICER: {
    arrange: () => only('inspections', ins({ entity_uscc: entity(159), assist_officer_id: '' })),
  },
  INS_NO_CERT: {
    arrange: () => only('inspections', ins({ entity_uscc: entity(160), assist_officer_id: 'OF-UNKNOWN-2' })),
  },
  INS_NO_CODE: {
    // 综合执法 in November 2024: three inspections, none registered through the enterprise code.
    async arrange() {
      const rows = await load(
        'inspections',
        days('2024-11-04', 3).map((d, i) =>
          ins({
            agency_id: CLE,
            lead_officer_id: officer('C', 3),
            assist_officer_id: officer('C', 4),
            entity_uscc: entity(161 + i),
            inspected_on: d,
            via_code: 'false',
          }),
        ),
      );
      return rows.map((r) => idOf('inspections', r));
    },
  },
  INS_FAKE_SERVICE: {
    // A service visit, its follow-up task from the follow-up system, and the answer: "that was an inspection".
    async arrange() {
      const [v] = await load('service_visits', [visit({ entity_uscc: entity(165) })]);
      await importAll(store, 'followup_tasks', [
        {
          id: 'fut-fake-1',
          campaign_id: 'CP-330106-2025H1',
          region_code: COUNTY,
          subject_kind: 'service_visit',
          subject_source_system: SOURCE,
          subject_id: v.source_id,
          entity_uscc: entity(165),
          channel: 'phone',
          status: 'answered',
        },
      ]);
      await load('followup_answers', [
        {
          source_id: sid('HF'),
          task_id: 'fut-fake-1',
          region_code: COUNTY,
          answered_at: '2025-04-20 10:00:00',
          satisfaction: '2',
          says_inspection: '是',
        },
      ]);
      return [idOf('service_visits', v)];
    },
  },
  INS_SAME_AGENCY_REPEAT: {
    async arrange() {
      const rows = await load('inspections', [
        ins({ entity_uscc: entity(166), inspected_on: '2025-08-04' }),
        ins({ entity_uscc: entity(166), inspected_on: '2025-08-08', inspection_item_code: 'MKT-I001-02' }),
      ]);
      return rows.map((r) => idOf('inspections', r));
    },
  },
  INS_OFFICER_OVERLOAD: {
    // Eleven inspections in one day for one officer.
    async arrange() {
      const rows = await load(
        'inspections',
        Array.from({ length: 11 }, (_, i) =>
          ins({
            entity_uscc: entity(170 + i),
            inspected_on: '2024-02-02',
            lead_officer_id: officer('M', 5),
            assist_officer_id: officer('M', 6),
          }),
        ),
      );
      return rows.map((r) => idOf('inspections', r));
    },
  },
  INS_CASE_NOT_FILED: {
    arrange: () => only('inspections', ins({ entity_uscc: entity(182), result: 'case_filed' })),
  },
  LIC_OVERDUE: {
    async arrange() {
      const [l] = await load('licences', [
        {
          source_id: sid('XK'),
          region_code: COUNTY,
          agency_id: MKT,
          item_code: 'MKT-L001',
          entity_uscc: entity(183),
          applied_on: '2025-03-03',
          decided_on: '2025-05-30',
          result: 'granted',
        },
      ]);
      return [idOf('licences', l)];
    },
  },
  LIC_NO_SUPERVISION: {
    async arrange() {
      const [l] = await load('licences', [
        {
          source_id: sid('XK'),
          region_code: COUNTY,
          agency_id: MKT,
          item_code: 'MKT-L003',
          entity_uscc: entity(184),
          applied_on: '2024-01-03',
          decided_on: '2024-01-05',
          result: 'granted',
          // Granted on the applicant's commitment, never verified: 60 working days ran out in April 2024.
          commitment: '是',
        },
      ]);
      return [idOf('licences', l)];
    },
  },
  LIC_ISSUE_LATE: {
    // Granted Monday 3 March 2025; the certificate on 18 March, the 11th working day after the decision.
    arrange: () =>
      only('licences', {
        source_id: sid('XK'),
        region_code: COUNTY,
        agency_id: MKT,
        item_code: 'MKT-L001',
        entity_uscc: entity(480),
        applied_on: '2025-02-24',
        decided_on: '2025-03-03',
        result: 'granted',
        issued_on: '2025-03-18',
      }),
  },
  LIC_NO_ONE_TIME_NOTICE: {
    // Materials in on Monday 3 March 2025; told what to supplement on 11 March, the 6th working day.
    arrange: () =>
      only('licences', {
        source_id: sid('XK'),
        region_code: COUNTY,
        agency_id: MKT,
        item_code: 'MKT-L001',
        entity_uscc: entity(481),
        received_on: '2025-03-03',
        supplement_notified_on: '2025-03-11',
        applied_on: '2025-03-20',
        result: 'pending',
      }),
  },
  LIC_REFUSAL_NO_REASON: {
    arrange: () =>
      only('licences', {
        source_id: sid('XK'),
        region_code: COUNTY,
        agency_id: MKT,
        item_code: 'MKT-L001',
        entity_uscc: entity(482),
        applied_on: '2025-03-03',
        decided_on: '2025-03-20',
        result: '不予许可',
        reasons_given: '否',
      }),
  },
  LIC_MORE_THAN_ONE_VISIT: {
    // Complete materials (no supplement), the applicant came to the office twice.
    arrange: () =>
      only('licences', {
        source_id: sid('XK'),
        region_code: COUNTY,
        agency_id: MKT,
        item_code: 'MKT-L001',
        entity_uscc: entity(640),
        applied_on: '2025-03-03',
        decided_on: '2025-03-10',
        result: '准予许可',
        visits: '2',
        supplement_count: '0',
      }),
  },
  LIC_REPEATED_SUPPLEMENT: {
    arrange: () =>
      only('licences', {
        source_id: sid('XK'),
        region_code: COUNTY,
        agency_id: MKT,
        item_code: 'MKT-L001',
        entity_uscc: entity(641),
        received_on: '2025-03-03',
        supplement_notified_on: '2025-03-04',
        applied_on: '2025-03-20',
        result: 'pending',
        supplement_count: '2',
      }),
  },
  LIC_NOT_PUBLISHED: {
    // Granted Monday 3 March 2025; published on 13 March, the 8th working day after the decision.
    arrange: () =>
      only('licences', {
        source_id: sid('XK'),
        region_code: COUNTY,
        agency_id: MKT,
        item_code: 'MKT-L001',
        entity_uscc: entity(642),
        applied_on: '2025-02-24',
        decided_on: '2025-03-03',
        result: 'granted',
        published_on: '2025-03-13',
      }),
  },
  LIC_RENEWAL_LATE: {
    // Applied for on 24 February 2025 to renew a licence valid until 26 March (30 days on); decided 27 March.
    arrange: () =>
      only('licences', {
        source_id: sid('XK'),
        region_code: COUNTY,
        agency_id: MKT,
        item_code: 'MKT-L001',
        entity_uscc: entity(643),
        applied_on: '2025-02-24',
        decided_on: '2025-03-27',
        result: 'granted',
        renews_licence_no: 'JY13301110000643',
        prior_valid_until: '2025-03-26',
      }),
  },
  DEL_OFF_LIST: {
    arrange: () => only('delegations', dlg({ service_code: '' })),
  },
  DEL_UNAPPROVED: {
    arrange: () => only('delegations', dlg({ approved: '否' })),
  },
  DEL_FEE: {
    // Five contracts for one service at 10,000 yuan, one at 100,000.
    async arrange() {
      const rows = await load('delegations', [
        ...days('2025-01-06', 5, 7).map((d) => dlg({ service_code: 'XH-FEE-1', signed_on: d })),
        dlg({ service_code: 'XH-FEE-1', fee: '100000' }),
      ]);
      return [idOf('delegations', rows[5])];
    },
  },
  DEL_PROVIDER_CONCENTRATION: {
    // The fire brigade in 2021: three of four delegations to one provider.
    async arrange() {
      const fire = { agency_id: FIR, service_code: 'SW-330000-007' };
      const rows = await load('delegations', [
        ...days('2021-03-01', 3, 30).map((d) => dlg({ ...fire, signed_on: d, provider_name: '杭州某消防技术服务有限公司' })),
        dlg({ ...fire, signed_on: '2021-09-01', provider_name: '杭州另一家检测公司' }),
      ]);
      return rows.slice(0, 3).map((r) => idOf('delegations', r));
    },
  },
  OFF_PAIR_RECUR: {
    async arrange() {
      const rows = await load(
        'inspections',
        days('2024-03-04', 4, 45).map((d, i) =>
          ins({ entity_uscc: entity(185), inspected_on: d, lead_officer_id: officer('M', 7), inspection_item_code: `MKT-I001-0${i + 1}` }),
        ),
      );
      return rows.map((r) => idOf('inspections', r));
    },
  },
  OFF_OUTLIER_INSPECTIONS: {
    // 综合执法 in 2021: five officers with five inspections each, one with twenty-five.
    async arrange() {
      const one = (n: number, count: number) =>
        days('2021-01-04', count, 11).map((d, i) =>
          ins({
            agency_id: CLE,
            lead_officer_id: officer('C', n),
            assist_officer_id: '',
            entity_uscc: entity(200 + ((n * 7 + i) % 40)),
            inspected_on: d,
          }),
        );
      const rows = await load('inspections', [...[1, 2, 3, 4, 5].flatMap((n) => one(n, 5)), ...one(6, 25)]);
      return rows.slice(25).map((r) => idOf('inspections', r));
    },
  },
  CLO_NEW_UNTRIAGED: {
    asOf: addDays(today, 10),
    arrange: async () => [await clueInLoop([])],
  },
  CLO_ASSIGNED_OVERDUE: {
    asOf: addDays(today, 60),
    arrange: async () => [await clueInLoop(['assign'])],
  },
  CLO_SUBMITTED_UNREVIEWED: {
    asOf: addDays(today, 10),
    arrange: async () => [await clueInLoop(['assign', 'accept', 'submit'])],
  },
  CLO_RETURNED_REPEATEDLY: {
    arrange: async () => [await clueInLoop(['assign', 'accept', 'submit', 'return', 'submit', 'return'])],
  },
  HOT_OVERDUE: {
    async arrange() {
      const [h] = await load('hotline_tickets', [
        {
          source_id: sid('GD'),
          region_code: COUNTY,
          received_at: '2025-12-01 09:30:00',
          category: '执法检查',
          content: '反映检查人员态度粗暴',
          entity_uscc: entity(190),
          agency_id: MKT,
          status: 'open',
        },
      ]);
      return [idOf('hotline_tickets', h)];
    },
  },
  FUP_LOW_SATISFACTION: {
    // The fire brigade's 2022 service visits: ten follow-up answers, all 2 of 5.
    async arrange() {
      const visits = await load(
        'service_visits',
        days('2022-03-01', 10, 14).map((d, i) =>
          visit({ agency_id: FIR, officer_id: officer('F', 3), entity_uscc: entity(191 + (i % 5)), visited_on: d }),
        ),
      );
      await importAll(
        store,
        'followup_tasks',
        visits.map((v, i) => ({
          id: `fut-low-${i}`,
          campaign_id: 'CP-330106-2022',
          region_code: COUNTY,
          subject_kind: '涉企服务',
          subject_source_system: SOURCE,
          subject_id: v.source_id,
          entity_uscc: v.entity_uscc,
          channel: '电话回访',
          status: '已回访',
        })),
      );
      const answers = await load(
        'followup_answers',
        visits.map((v, i) => ({
          source_id: sid('HF'),
          task_id: `fut-low-${i}`,
          region_code: COUNTY,
          answered_at: `${addDays(v.visited_on, 5)} 10:00:00`,
          satisfaction: '2',
        })),
      );
      return answers.map((a) => idOf('followup_answers', a));
    },
  },
  FUP_COMPLAINT_AFTER_CASE: {
    async arrange() {
      await load('cases', [cas({ entity_uscc: entity(196), filed_on: '2025-03-01', decided_on: '2025-03-20' })]);
      const [h] = await load('hotline_tickets', [
        {
          source_id: sid('GD'),
          region_code: COUNTY,
          received_at: '2025-03-25 09:30:00',
          category: '执法检查',
          content: '对处罚决定有意见，认为罚得太重',
          entity_uscc: entity(196),
          status: 'answered',
        },
      ]);
      return [idOf('hotline_tickets', h)];
    },
  },
  FUP_VISIT_COUNT: {
    // One inspection on record this month; the enterprise says it was inspected five times.
    async arrange() {
      const [i] = await load('inspections', [ins({ entity_uscc: entity(250), inspected_on: '2025-06-10' })]);
      await followedUp('inspection', i.source_id, entity(250), '2025-06-20 10:00:00', '这个月来检查了五次，太频繁了');
      return [idOf('inspections', i)];
    },
  },
  FUP_NOBODY_CAME: {
    async arrange() {
      const [i] = await load('inspections', [ins({ entity_uscc: entity(251), inspected_on: '2025-07-03' })]);
      const a = await followedUp('inspection', i.source_id, entity(251), '2025-07-10 15:00:00', '那天没有人来过我们店');
      return [idOf('followup_answers', a)];
    },
  },
  FUP_FINE_MISMATCH: {
    // Decided: a fine of 20,000 yuan; the enterprise says five thousand.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(252), filed_on: '2025-04-01', decided_on: '2025-04-20' })]);
      await followedUp('case', c.source_id, entity(252), '2025-05-06 11:00:00', '说是警告，结果罚了我们五千块钱');
      return [idOf('cases', c)];
    },
  },
  FUP_COMPLAINT: {
    async arrange() {
      const [v] = await load('service_visits', [visit({ entity_uscc: entity(253), visited_on: '2025-08-12' })]);
      const a = await followedUp('service_visit', v.source_id, entity(253), '2025-08-20 09:40:00', '检查人员跟我们要烟，还态度粗暴');
      return [idOf('followup_answers', a)];
    },
  },
  INS_CODE_MISSING: {
    arrange: () => only('inspections', ins({ entity_uscc: entity(300), inspected_on: '2025-09-01' })),
  },
  INS_CODE_MISMATCH: {
    // A task coded for one enterprise; its officers show that code at another.
    async arrange() {
      const [coded, visited] = await registered([310, 311]);
      const officers = [officer('M', 3), officer('M', 4)];
      const task = await complaintTask(MKT, coded, 'MKT-I001-03', officers);
      const [i] = await load('inspections', [
        ins({
          entity_uscc: visited,
          inspected_on: today,
          kind: 'complaint',
          trigger_ref: 'GD-XH-310',
          inspection_item_code: 'MKT-I001-03',
          lead_officer_id: officers[0],
          assist_officer_id: officers[1],
          action_code: task.code,
        }),
      ]);
      return [idOf('inspections', i)];
    },
  },
  INS_UNPLANNED: {
    // The fire brigade's 双随机 inspections of FIR-I001-03 in 2025, with no plan item for it that year.
    async arrange() {
      const fire = {
        agency_id: FIR,
        inspection_item_code: 'FIR-I001-03',
        kind: 'random',
        lead_officer_id: officer('F', 4),
        assist_officer_id: officer('F', 5),
      };
      const rows = await load('inspections', [
        ins({ ...fire, entity_uscc: entity(312), inspected_on: '2025-04-07' }),
        ins({ ...fire, entity_uscc: entity(313), inspected_on: '2025-05-12' }),
      ]);
      return rows.map((r) => idOf('inspections', r));
    },
  },
  INS_PLAN_DEVIATION: {
    // 综合执法 planned ten inspections of CLE-I001-05 this year and made two: judged once the plan's window has closed.
    asOf: `${THIS_YEAR}-12-31`,
    async arrange() {
      await importAll(store, 'inspection_plans', [
        plan({
          agency_id: CLE,
          plan_year: String(THIS_YEAR),
          inspection_item_code: 'CLE-I001-05',
          method: 'random',
          target_count: '10',
          starts_on: `${THIS_YEAR}-01-01`,
          ends_on: `${THIS_YEAR}-12-31`,
        }),
      ]);
      const cle = {
        agency_id: CLE,
        inspection_item_code: 'CLE-I001-05',
        lead_officer_id: officer('C', 5),
        assist_officer_id: officer('C', 6),
      };
      const rows = await load('inspections', [
        ins({ ...cle, entity_uscc: entity(314), inspected_on: `${THIS_YEAR}-01-06` }),
        ins({ ...cle, entity_uscc: entity(315), inspected_on: `${THIS_YEAR}-01-13` }),
      ]);
      return rows.map((r) => idOf('inspections', r));
    },
  },
  INS_SAMPLING_BIAS: {
    // 综合执法's CLE-I002-01: this year six entities; next year the same six again beside a 双随机 draw of
    // two from a directory of forty — six repeats where chance gives about one.
    async arrange() {
      const six = await registered(range(320, 6));
      const directory = [...six, ...(await registered(range(326, 34)))];
      await importAll(
        store,
        'inspection_objects',
        directory.map((u) => ({ region_code: COUNTY, agency_id: CLE, entity_uscc: u, object_type: '生活垃圾分类' })),
      );
      const item = { agency_id: CLE, inspection_item_code: 'CLE-I002-01', task_days: '1' };
      const targeted = { ...item, method: 'targeted', entity_usccs: six.join(','), target_count: '6' };
      await drawn([plan({ ...targeted, plan_year: String(THIS_YEAR), starts_on: `${THIS_YEAR}-01-01`, ends_on: `${THIS_YEAR}-12-31` })]);
      const again = await drawn([plan(targeted), plan({ ...item, method: 'random', target_count: '2' })]);
      return again.slice(0, 6).map((t) => t.id);
    },
  },
  INS_UNMERGED: {
    // Market supervision and the fire brigade each planned the same restaurant in March (the dining scenario
    // joins MKT-I001-03 and FIR-I001-09), and went separately, a week apart.
    async arrange() {
      const [e] = await registered([316]);
      const window = { method: 'targeted', entity_usccs: e, target_count: '1' };
      const tasks = await drawn([
        plan({ ...window, inspection_item_code: 'MKT-I001-03' }),
        plan({ ...window, agency_id: FIR, inspection_item_code: 'FIR-I001-09' }),
      ]);
      const rows = await load(
        'inspections',
        tasks.map((t) => {
          const [lead, assist] = t.officer_ids.split(',');
          return ins({
            agency_id: t.agency_id,
            inspection_item_code: t.inspection_item_code!,
            entity_uscc: e,
            inspected_on: t.valid_from,
            lead_officer_id: lead,
            assist_officer_id: assist,
            action_code: t.code,
          });
        }),
      );
      return rows.map((r) => idOf('inspections', r));
    },
  },
  INS_LOW_RATING_OFFICER: {
    // Market supervision: officer M8 went on eight visits with seven different colleagues and was rated 1 or 2 on
    // six; ten visits of other officers were rated 4 or 5.
    async arrange() {
      const es = await registered(range(360, 18));
      const low: string[] = [];
      for (let i = 0; i < 18; i++) {
        const officers =
          i < 8 ? [officer('M', 8), officer('M', (i % 7) + 1)] : [officer('M', 3 + (i % 2) * 2), officer('M', 4 + (i % 2) * 2)];
        const task = await complaintTask(MKT, es[i], 'MKT-I001-09', officers);
        const score = i < 6 ? 1 + (i % 2) : 4 + (i % 2);
        const id = await rated(task, score);
        if (score <= 2) low.push(id);
      }
      return low;
    },
  },
  INS_LOW_RATING_AGENCY: {
    // The fire brigade: sixteen rated visits, six rated low, no officer on more than two of those.
    async arrange() {
      const es = await registered(range(380, 16));
      const pairs = [
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
        [1, 3],
        [2, 4],
      ];
      const low: string[] = [];
      for (let i = 0; i < 16; i++) {
        const [a, b] = i < 6 ? pairs[i] : [(i % 8) + 1, ((i + 3) % 8) + 1];
        const task = await complaintTask(FIR, es[i], 'FIR-I001-01', [officer('F', a), officer('F', b)]);
        const id = await rated(task, i < 6 ? 2 : 5);
        if (i < 6) low.push(id);
      }
      return low;
    },
  },
  DEL_ENFORCEMENT_TASK: {
    // Street patrols (执法巡查) handed to a property-services company.
    arrange: () =>
      only(
        'delegations',
        dlg({
          service_code: 'XH-PATROL-1',
          service_name: '沿街店铺执法巡查',
          provider_name: '杭州某物业服务有限公司',
          provider_uscc: entity(301),
        }),
      ),
  },
  INS_TARGETED_NO_TRIGGER: {
    arrange: () => only('inspections', ins({ entity_uscc: entity(302), kind: 'complaint', trigger_ref: '' })),
  },
  PEN_NO_NOTICE: {
    // Told of the intended fine two days after it was decided.
    arrange: () => only('cases', cas({ entity_uscc: entity(303), decided_on: '2025-05-20', notified_on: '2025-05-22' })),
  },
  PEN_NO_LEGAL_REVIEW: {
    // A fine of 80,000 yuan (MKT-P008: 50,000–100,000), told beforehand, never legally reviewed. The
    // system sends review days (a small fine of another party, reviewed on the 18th).
    async arrange() {
      await load('cases', [cas({ entity_uscc: entity(723), notified_on: '2025-05-12', legal_review_on: '2025-05-18' })]);
      return only(
        'cases',
        cas({
          entity_uscc: entity(304),
          item_code: 'MKT-P008',
          fine_amount: '80000',
          notified_on: '2025-05-12',
          decided_on: '2025-05-20',
        }),
      );
    },
  },
  PEN_HEARD_NO_LEGAL_REVIEW: {
    // A fine of 20,000 yuan (below the major-decision amount) decided on 20 May after a hearing on 15 May, never legally reviewed.
    // The system sends review days (a small fine of another party, reviewed on the 18th).
    async arrange() {
      await load('cases', [cas({ entity_uscc: entity(724), notified_on: '2025-05-12', legal_review_on: '2025-05-18' })]);
      return only(
        'cases',
        cas({ entity_uscc: entity(720), notified_on: '2025-05-06', hearing_requested_on: '2025-05-08', hearing_held_on: '2025-05-15' }),
      );
    },
  },
  PEN_PAST_LIMITATION: {
    // Committed in September 2022, filed in May 2025: more than two years on.
    arrange: () => only('cases', cas({ entity_uscc: entity(305), occurred_on: '2022-09-01', filed_on: '2025-05-06' })),
  },
  CASE_NOT_TRANSFERRED: {
    // An amount involved of 150,000 yuan (违法经营额), fined 20,000 yuan, never transferred to the police.
    arrange: () => only('cases', cas({ entity_uscc: entity(460), amount_involved: '150000', notified_on: '2025-05-12' })),
  },
  CASE_MATERIALS_HANDOVER_LATE: {
    // Transferred on 8 May 2025, the police's notice of filing received on 12 May: the materials never handed over.
    // The system sends the handover day (another transfer of the party, handed over on the 13th).
    async arrange() {
      const transfer = {
        entity_uscc: entity(680),
        amount_involved: '150000',
        transferred_on: '2025-05-08',
        police_decision: 'filed',
        police_decided_on: '2025-05-12',
      };
      await load('cases', [cas({ ...transfer, materials_handed_over_on: '2025-05-13' })]);
      return only('cases', cas(transfer));
    },
  },
  CASE_DECLINED_NOT_HANDLED: {
    // Transferred on 8 May 2025, the police declined on 12 May: the case is still open.
    arrange: () =>
      only(
        'cases',
        cas({
          entity_uscc: entity(681),
          amount_involved: '150000',
          decided_on: '',
          decision: '',
          tier: '',
          fine_amount: '',
          status: 'open',
          transferred_on: '2025-05-08',
          police_decision: 'declined',
          police_decided_on: '2025-05-12',
        }),
      ),
  },
  AGENCY_NOT_COMPETENT: {
    // The fire brigade fining an item of market supervision (MKT-P012): not its line, not comprehensive enforcement.
    arrange: () =>
      only(
        'cases',
        cas({
          entity_uscc: entity(461),
          agency_id: FIR,
          lead_officer_id: officer('F', 1),
          assist_officer_id: officer('F', 2),
          notified_on: '2025-05-12',
        }),
      ),
  },
  PEN_NO_COURT_APPLICATION: {
    // Fined on 20 March 2025, no delivery or payment recorded: nine months on (20 December), no court application.
    arrange: () =>
      only('cases', cas({ entity_uscc: entity(485), filed_on: '2025-03-01', notified_on: '2025-03-10', decided_on: '2025-03-20' })),
  },
  PEN_COURT_NO_DEMAND: {
    // Taken to court on 1 December 2025 with no demand served before; the system sends the demand's day
    // (another fine of the party, a demand served on 1 November).
    async arrange() {
      await load('cases', [cas({ entity_uscc: entity(486), notified_on: '2025-05-12', demand_served_on: '2025-11-01' })]);
      return only('cases', cas({ entity_uscc: entity(486), notified_on: '2025-05-12', court_applied_on: '2025-12-01' }));
    },
  },
  INS_NOT_REPORTED: {
    // A 双随机 inspection on 2 June 2025 reported to the head on 4 June: after it (第三十六条).
    arrange: () => only('inspections', ins({ entity_uscc: entity(660), kind: 'random', reported_on: '2025-06-04' })),
  },
  INS_RANDOM_NOT_PUBLISHED: {
    // A 双随机 inspection on 2 June 2025 published on 15 July: after the 20th working day (30 June).
    arrange: () => only('inspections', ins({ entity_uscc: entity(661), kind: 'random', published_on: '2025-07-15' })),
  },
  INS_GOOD_CREDIT_OVERCHECKED: {
    // Market supervision's directory classes entity 662 A (信用风险低); it drew it three times in 2025.
    async arrange() {
      const [e] = await registered([662]);
      await importAll(store, 'inspection_objects', [{ region_code: COUNTY, agency_id: MKT, entity_uscc: e, credit_class: 'A类' }]);
      const rows = await load(
        'inspections',
        ['2025-03-03', '2025-06-02', '2025-09-01'].map((d) => ins({ entity_uscc: e, kind: '双随机', inspected_on: d })),
      );
      return rows.map((r) => idOf('inspections', r));
    },
  },
  INS_RISK_INVERTED: {
    // Market supervision's directory of ten (entities 663–672), four classed C or D; of its twenty 双随机
    // inspections of them in 2025, two fell on C or D (10% against 40%).
    async arrange() {
      const ten = await registered(range(663, 10));
      await importAll(
        store,
        'inspection_objects',
        ten.map((e, i) => ({ region_code: COUNTY, agency_id: MKT, entity_uscc: e, credit_class: 'CDCDABABAB'[i] })),
      );
      const draws = [ten[0], ten[1], ...Array.from({ length: 18 }, (_, i) => ten[4 + (i % 6)])];
      const rows = await load(
        'inspections',
        draws.map((e, i) =>
          ins({ entity_uscc: e, kind: 'random', inspected_on: new Date(Date.UTC(2025, 0, 6 + 7 * i)).toISOString().slice(0, 10) }),
        ),
      );
      return rows.map((r) => idOf('inspections', r));
    },
  },
  PEN_NOT_PUBLISHED: {
    // Fined 20,000 yuan on 20 May 2025, published on 3 June: after the 7th working day (29 May).
    arrange: () => only('cases', cas({ entity_uscc: entity(487), notified_on: '2025-05-12', published_on: '2025-06-03' })),
  },
  PEN_DECIDED_IN_HEARING_PERIOD: {
    // Told of a fine of 20,000 yuan on 29 April 2025, decided on 9 May: the 5th working day after the notice
    // (1–5 May off), the last day the party could ask for a hearing; no hearing asked for.
    arrange: () =>
      only('cases', cas({ entity_uscc: entity(581), filed_on: '2025-04-20', notified_on: '2025-04-29', decided_on: '2025-05-09' })),
  },
  PEN_HEARING_NOT_HELD: {
    // A hearing asked for on 14 May, the fine of 20,000 yuan decided on 20 May with none held.
    arrange: () =>
      only(
        'cases',
        cas({ entity_uscc: entity(582), notified_on: '2025-05-12', hearing_requested_on: '2025-05-14', procedure: '普通程序' }),
      ),
  },
  PEN_HEAVIER_AFTER_DEFENCE: {
    // Told 15,000 yuan, fined 20,000.
    arrange: () => only('cases', cas({ entity_uscc: entity(583), notified_on: '2025-05-12', proposed_fine: '15000' })),
  },
  PEN_SUMMARY_OVER_LIMIT: {
    // Fined 5,000 yuan on the spot.
    arrange: () =>
      only(
        'cases',
        cas({ entity_uscc: entity(584), notified_on: '2025-05-20', procedure: '简易程序', fine_amount: '5000', tier: 'lenient' }),
      ),
  },
  PEN_SUMMARY_SANCTION: {
    // Fined 200 yuan on the spot, and the illegal income confiscated with it.
    arrange: () =>
      only(
        'cases',
        cas({
          entity_uscc: entity(600),
          notified_on: '2025-05-20',
          procedure: '简易程序',
          fine_amount: '200',
          tier: 'lenient',
          sanctions: '没收违法所得',
        }),
      ),
  },
  PEN_HEARING_NOTICE_LATE: {
    // Asked for a hearing on 14 May, told of it on 15 May, heard on 23 May: the 6th working day after the notice.
    arrange: () =>
      only(
        'cases',
        cas({
          entity_uscc: entity(601),
          notified_on: '2025-05-12',
          hearing_requested_on: '2025-05-14',
          hearing_notified_on: '2025-05-15',
          hearing_held_on: '2025-05-23',
          decided_on: '2025-05-30',
        }),
      ),
  },
  PEN_HEARING_HOST_INVESTIGATOR: {
    // The hearing of 19 May hosted by the case's own lead officer.
    arrange: () =>
      only(
        'cases',
        cas({
          entity_uscc: entity(602),
          notified_on: '2025-05-06',
          hearing_requested_on: '2025-05-07',
          hearing_held_on: '2025-05-19',
          hearing_host_id: officer('M', 1),
        }),
      ),
  },
  PEN_HEARING_FEE: {
    // A hearing asked for on 14 May; the regulator charges the party 300 yuan for the hearing on 19 May.
    async arrange() {
      const [heard] = await load('cases', [
        cas({ entity_uscc: entity(603), notified_on: '2025-05-12', hearing_requested_on: '2025-05-14', hearing_held_on: '2025-05-19' }),
      ]);
      const charge = fee({
        entity_uscc: entity(603),
        charged_by: '西湖区市场监督管理局',
        charger_kind: '行政机关',
        fee_kind: '听证费',
        amount: '300',
        charged_on: '2025-05-19',
      });
      return [...(await only('enterprise_charges', charge)), idOf('cases', heard)];
    },
  },
  DEV_UNPUBLISHED: {
    // A camera whose place was never published; a fine on its records.
    arrange: async () => only('cases', await onDevice(dev({ published_on: '' }), { entity_uscc: entity(470) })),
  },
  DEV_UNCALIBRATED: {
    // A speed monitor calibrated until the end of March; a violation it recorded on 1 May.
    arrange: async () =>
      only('cases', await onDevice(dev({ device_kind: 'speed', calibrated_until: '2025-03-31' }), { entity_uscc: entity(471) })),
  },
  DEV_REPEAT_SAME_DAY: {
    // One camera, one party, one item: fined for 1 May and again for 2 May.
    async arrange() {
      const device = dev({});
      const first = await onDevice(device, { entity_uscc: entity(472) });
      const again = cas({ ...first, source_id: sid('AJ'), occurred_on: '2025-05-02', filed_on: '2025-05-07', decided_on: '2025-05-21' });
      await load('cases', [first, again]);
      return [idOf('cases', again)];
    },
  },
  COE_OVER_LONG: {
    // Seized on 6 May, released on 6 June: 31 days, no extension.
    arrange: () => only('coercive_measures', coe({ entity_uscc: entity(306), ended_on: '2025-06-06', goods_returned_on: '2025-06-06' })),
  },
  COE_NO_DECISION: {
    // Sealed on the spot in an emergency, no decision document recorded.
    arrange: () => only('coercive_measures', coe({ entity_uscc: entity(307), measure: 'seal', urgent: 'true', decision_no: '' })),
  },
  COE_GOODS_NOT_RETURNED: {
    // Released on 20 May, the goods never returned.
    arrange: () => only('coercive_measures', coe({ entity_uscc: entity(308), goods_returned_on: '' })),
  },
  FEE_OFF_CATALOGUE: {
    // A deposit the market regulator took, no catalogue number on the record.
    arrange: () =>
      only(
        'enterprise_charges',
        fee({ entity_uscc: entity(493), charged_by: '西湖区市场监督管理局', charger_kind: '行政机关', fee_kind: '涉企保证金' }),
      ),
  },
  FEE_PASSED_ON: {
    // An appraisal the regulator commissioned for its own approval, paid by the enterprise.
    arrange: () => only('enterprise_charges', fee({ entity_uscc: entity(494), fee_kind: '中介服务费', commissioned_by_agency: '是' })),
  },
  FEE_DESIGNATED_INTERMEDIARY: {
    // A testing firm the regulator named for the enterprise.
    arrange: () => only('enterprise_charges', fee({ entity_uscc: entity(495), designated_by_agency: '是' })),
  },
  FEE_TRAINING_CHARGED: {
    // An association's training fee charged with an inspection of the regulator.
    async arrange() {
      const [inspected] = await load('inspections', [ins({ entity_uscc: entity(496) })]);
      const charge = fee({
        entity_uscc: entity(496),
        charged_by: '西湖区餐饮行业协会',
        charger_kind: '行业协会商会',
        fee_kind: '培训费',
        amount: '600',
        inspection_id: inspected.source_id,
      });
      return only('enterprise_charges', charge);
    },
  },
  CONF_NOT_DISPOSED: {
    // Confiscated on 20 May 2025, not disposed of by 15 January 2026.
    arrange: () => confiscatedBy(490, {}),
  },
  CONF_PROCEEDS_NOT_PAID: {
    // Auctioned on 1 July 2025 for 18,000 yuan, never paid to the treasury.
    arrange: () => confiscatedBy(491, { disposal: '公开拍卖', disposed_on: '2025-07-01', proceeds: '18000' }),
  },
  CONF_IRREGULAR_DISPOSAL: {
    // Valued 20,000 yuan, sold off (变卖) for 6,000, paid to the treasury four days later.
    arrange: () => confiscatedBy(492, { disposal: '变卖', disposed_on: '2025-07-01', proceeds: '6000', proceeds_paid_on: '2025-07-05' }),
  },
  OFF_CERT_SCOPE: {
    // The comprehensive enforcement bureau's officer C8 holds a certificate for 生态环境 (ENV) only; a case of
    // market supervision's item, filed by the bureau, led by C8.
    async arrange() {
      const [cert] = await store.query<Record<string, string>>(
        `SELECT number, officer_id, region_code, CAST(issued_on AS VARCHAR) AS issued_on, CAST(expires_on AS VARCHAR) AS expires_on, status
         FROM certificates WHERE officer_id = $1`,
        [officer('C', 8)],
      );
      await importAll(store, 'certificates', [{ ...cert, scope: 'ENV' }]);
      return only(
        'cases',
        cas({
          entity_uscc: entity(484),
          agency_id: CLE,
          lead_officer_id: officer('C', 8),
          assist_officer_id: officer('C', 7),
          notified_on: '2025-05-12',
        }),
      );
    },
  },
  COE_REPEAT_SEAL: {
    // Market supervision seals on 6 May (released 20 May); the fire brigade seals the same party on 10 May.
    async arrange() {
      const again = coe({
        entity_uscc: entity(497),
        agency_id: FIR,
        measure: 'seal',
        decision_no: '西消强制〔2025〕2号',
        started_on: '2025-05-10',
        lead_officer_id: officer('F', 1),
        assist_officer_id: officer('F', 2),
      });
      await load('coercive_measures', [coe({ entity_uscc: entity(497), measure: 'seal' }), again]);
      return [idOf('coercive_measures', again)];
    },
  },
  COE_NIGHT_HOLIDAY: {
    // An auction of the seized goods begun at 23:10 on a working day, not marked urgent.
    arrange: () =>
      only(
        'coercive_measures',
        coe({
          entity_uscc: entity(561),
          measure: '拍卖',
          decision_no: '西市监强制执行〔2025〕1号',
          started_at: '2025-05-06 23:10',
          ended_on: '2025-05-06',
          goods_returned_on: '',
          status: '已作出处理决定',
        }),
      ),
  },
  COE_URGENT_LATE_APPROVAL: {
    // Seized on the spot at 23:10 on 6 May, the head's approval recorded at 09:30 on 8 May.
    arrange: () =>
      only('coercive_measures', coe({ entity_uscc: entity(562), urgent: 'true', started_at: '23:10', approved_at: '2025-05-08 09:30' })),
  },
  COE_STORAGE_FEE: {
    // Market supervision seals on 6 May; its own bureau charges the party 800 yuan for keeping the goods.
    async arrange() {
      const [sealed] = await load('coercive_measures', [coe({ entity_uscc: entity(563), measure: 'seal' })]);
      const charge = fee({
        entity_uscc: entity(563),
        charged_by: '西湖区市场监督管理局',
        charger_kind: '行政机关',
        fee_kind: '保管费',
        amount: '800',
        coercive_measure_id: sealed.source_id,
      });
      return [...(await only('enterprise_charges', charge)), idOf('coercive_measures', sealed)];
    },
  },
  COE_NOT_RELEASED: {
    // A seizure of a case warned on 20 May, released on 1 June: 12 days after the decision.
    async arrange() {
      const [c] = await load('cases', [warned({ entity_uscc: entity(700) })]);
      return only(
        'coercive_measures',
        coe({ entity_uscc: entity(700), case_id: c.source_id, ended_on: '2025-06-01', goods_returned_on: '2025-06-01' }),
      );
    },
  },
  COE_ON_MINOR_CASE: {
    // A sealing of a first, corrected offence of no harm, which the regulator decided on 20 May not to punish.
    async arrange() {
      const excused = cas({
        entity_uscc: entity(701),
        item_code: 'MKT-P013',
        first_offence: 'true',
        corrected: 'true',
        harm: 'none',
        decision: 'no_penalty',
        tier: 'exempt',
        fine_amount: '',
      });
      const [c] = await load('cases', [excused]);
      return only('coercive_measures', coe({ entity_uscc: entity(701), case_id: c.source_id, measure: 'seal' }));
    },
  },
  COE_FREEZE_OVER_AMOUNT: {
    // 60,000 yuan frozen for a case of 20,000 yuan involved (its fine 20,000).
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(702), amount_involved: '20000' })]);
      const frozen = coe({ entity_uscc: entity(702), case_id: c.source_id, measure: 'freeze', goods_returned_on: '', amount: '60000' });
      return only('coercive_measures', frozen);
    },
  },
  COE_NOT_RESTORED_AFTER_REVERSAL: {
    // Seized goods auctioned on 1 June for a fine the reconsideration of 1 July revoked; nothing returned since.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(703) })]);
      await load('review_outcomes', [rev({ case_id: c.source_id, outcome: 'revoked', carried_out_on: '2025-07-20' })]);
      const auction = coe({
        entity_uscc: entity(703),
        case_id: c.source_id,
        measure: 'auction',
        started_on: '2025-06-01',
        ended_on: '2025-06-01',
        goods_returned_on: '',
        status: 'disposed',
      });
      return only('coercive_measures', auction);
    },
  },
  COE_ENFORCEMENT_NO_DEMAND: {
    // Fined on 20 May 2025; the seized goods auctioned on 1 July with no 催告 on the act or the case.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(620) })]);
      const auction = coe({
        entity_uscc: entity(620),
        case_id: c.source_id,
        measure: '拍卖',
        decision_no: '西市监强制执行〔2025〕3号',
        started_on: '2025-07-01',
        ended_on: '2025-07-01',
        goods_returned_on: '',
        status: '已作出处理决定',
      });
      // The system sends the 催告's day: the goods' other lot auctioned on 2 July after a 催告 on 20 June.
      await load('coercive_measures', [
        {
          ...auction,
          source_id: sid('QZ'),
          decision_no: '西市监强制执行〔2025〕5号',
          started_on: '2025-07-02',
          ended_on: '2025-07-02',
          demand_served_on: '2025-06-20',
        },
      ]);
      return only('coercive_measures', auction);
    },
  },
  COE_FINE_ENFORCED_EARLY: {
    // Fined on 20 May 2025, due 5 June and not paid; the seized goods auctioned on 20 June after a 催告,
    // the 15th day of 加处罚款.
    async arrange() {
      const [c] = await load('cases', [cas({ entity_uscc: entity(623) })]);
      await load('payments', [
        bankPay({ case_id: c.source_id, amount: '20000', due_on: '2025-06-05', paid_on: '', method: '', surcharge: '' }),
      ]);
      const auction = coe({
        entity_uscc: entity(623),
        case_id: c.source_id,
        measure: '拍卖',
        decision_no: '西市监强制执行〔2025〕4号',
        started_on: '2025-06-20',
        ended_on: '2025-06-20',
        goods_returned_on: '',
        status: '已作出处理决定',
        demand_served_on: '2025-06-10',
      });
      return only('coercive_measures', auction);
    },
  },
  COE_DEMOLITION_NOT_ANNOUNCED: {
    // 综合执法 fined on 20 May 2025 and demolished the building on 1 December after a 催告, with no announcement.
    async arrange() {
      const [c] = await load('cases', [cas({ ...cleCase, entity_uscc: entity(621) })]);
      // The system sends the announcement's day: another building of the party, announced and past its deadline.
      await load('coercive_measures', [
        demolished({ entity_uscc: entity(621), case_id: c.source_id, decision_no: '西综执强拆〔2025〕2号' }),
      ]);
      return only('coercive_measures', demolished({ entity_uscc: entity(621), case_id: c.source_id, announced_on: '', deadline_on: '' }));
    },
  },
  COE_DEMOLITION_BEFORE_APPEAL_PERIOD: {
    // 综合执法 fined on 20 May 2025 (no delivery recorded) and demolished the building on 20 October,
    // announced and past the deadline, before the six months to sue ended (20 November); no review.
    async arrange() {
      const [c] = await load('cases', [cas({ ...cleCase, entity_uscc: entity(622) })]);
      return only(
        'coercive_measures',
        demolished({ entity_uscc: entity(622), case_id: c.source_id, started_on: '2025-10-20', ended_on: '2025-10-20' }),
      );
    },
  },
  LIC_SUPERVISION_FEE: {
    // The regulator's own testing centre charges 900 yuan for testing with an inspection of the regulator.
    async arrange() {
      const [inspected] = await load('inspections', [ins({ entity_uscc: entity(564) })]);
      const charge = fee({
        entity_uscc: entity(564),
        charged_by: '西湖区市场监管检验检测中心',
        charger_kind: '所属事业单位',
        fee_kind: '检测费',
        amount: '900',
        inspection_id: inspected.source_id,
      });
      return only('enterprise_charges', charge);
    },
  },
  PEN_LIGHT_HEAVY: {
    // First offence, corrected, minor harm, fined 40,000 yuan: inside the province's 从重 tier (37,000–50,000).
    arrange: () =>
      only('cases', cas({ entity_uscc: entity(420), first_offence: 'true', corrected: 'true', fine_amount: '40000', tier: 'lenient' })),
  },
  PEN_UNIFORM: {
    // Market supervision in 2020: six fines of 19,000 yuan, three of 一般 facts and three of 从轻 ones.
    async arrange() {
      const rows = await load(
        'cases',
        days('2020-02-03', 6, 30).map((d, i) =>
          cas({ entity_uscc: entity(421 + i), filed_on: d, decided_on: d, fine_amount: '19000', first_offence: String(i >= 3) }),
        ),
      );
      return rows.map((r) => idOf('cases', r));
    },
  },
  PEN_REPEAT_UNCORRECTED: {
    // Three fines of one entity for one item within a year, none corrected.
    async arrange() {
      const rows = await load(
        'cases',
        days('2025-01-06', 3, 90).map((d) => cas({ entity_uscc: entity(430), filed_on: d, decided_on: addDays(d, 10) })),
      );
      return rows.map((r) => idOf('cases', r));
    },
  },
  PEN_SELECTIVE: {
    // Market supervision in 2019, serious harm: two warnings, two fines at the statutory maximum.
    async arrange() {
      const serious = { harm: 'serious', tier: 'severe' };
      const rows = await load('cases', [
        ...days('2019-03-04', 2, 30).map((d, i) =>
          cas({ ...serious, entity_uscc: entity(431 + i), filed_on: d, decided_on: d, decision: 'warning', fine_amount: '' }),
        ),
        ...days('2019-06-03', 2, 30).map((d, i) =>
          cas({ ...serious, entity_uscc: entity(433 + i), filed_on: d, decided_on: d, fine_amount: '50000' }),
        ),
      ]);
      return rows.map((r) => idOf('cases', r));
    },
  },
  OFF_AUX_CASE: {
    async arrange() {
      await auxiliaries();
      return only('cases', cas({ entity_uscc: entity(440), lead_officer_id: 'OF-M-AUX-1', assist_officer_id: 'OF-M-AUX-2' }));
    },
  },
  OFF_AUX_INSPECTION: {
    async arrange() {
      await auxiliaries();
      return only('inspections', ins({ entity_uscc: entity(441), lead_officer_id: 'OF-M-AUX-2', assist_officer_id: 'OF-M-AUX-1' }));
    },
  },
  REV_NOT_CARRIED_OUT: {
    // A reconsideration revoked the warning on 1 July 2025; the agency has not carried it out.
    async arrange() {
      const [c] = await load('cases', [warned({ entity_uscc: entity(320) })]);
      return only('review_outcomes', rev({ case_id: c.source_id, outcome: 'revoked', case_withdrawn_on: '2025-07-02' }));
    },
  },
  REV_NOT_WITHDRAWN: {
    // A court changed the warning on 1 July 2025; the published decision was never withdrawn.
    async arrange() {
      const [c] = await load('cases', [warned({ entity_uscc: entity(321) })]);
      return only('review_outcomes', rev({ case_id: c.source_id, route: 'litigation', outcome: 'changed', carried_out_on: '2025-07-10' }));
    },
  },
  REV_LATE_ANSWER: {
    // The copy of the application received on Friday 6 June 2025, the answer made on 23 June: after the tenth working day (20 June).
    async arrange() {
      const [c] = await load('cases', [warned({ entity_uscc: entity(682) })]);
      return only(
        'review_outcomes',
        rev({ case_id: c.source_id, outcome: 'upheld', copy_received_on: '2025-06-06', answered_on: '2025-06-23' }),
      );
    },
  },
  REV_HEAD_ABSENT: {
    // Market supervision sued three times in 2025, its head in court in none of them.
    async arrange() {
      const cs = await load(
        'cases',
        [683, 684, 685].map((n) => warned({ entity_uscc: entity(n) })),
      );
      const rows = await load(
        'review_outcomes',
        cs.map((c) => rev({ case_id: c.source_id, route: 'litigation', decided_on: '', head_appeared: 'false' })),
      );
      return rows.map((r) => idOf('review_outcomes', r));
    },
  },
  REV_CORRECTION_RATE: {
    // The fire brigade's warnings of MKT-P013: five outcomes in 2025, two revoking the decision (40%).
    async arrange() {
      const cs = await load(
        'cases',
        [322, 323, 324, 325, 326].map((n) =>
          warned({ agency_id: FIR, lead_officer_id: officer('F', 1), assist_officer_id: officer('F', 2), entity_uscc: entity(n) }),
        ),
      );
      const rows = await load(
        'review_outcomes',
        cs.map((c, i) =>
          rev({
            agency_id: FIR,
            case_id: c.source_id,
            outcome: i < 2 ? 'revoked' : 'upheld',
            carried_out_on: i < 2 ? '2025-07-10' : '',
            case_withdrawn_on: i < 2 ? '2025-07-02' : '',
          }),
        ),
      );
      return rows.slice(0, 2).map((r) => idOf('review_outcomes', r));
    },
  },
  REV_REPEAT_CORRECTED: {
    // 综合执法's warnings of MKT-P013: confirmed illegal three times in 2025.
    async arrange() {
      const cs = await load(
        'cases',
        [327, 328, 329].map((n) =>
          cas({
            agency_id: CLE,
            item_code: 'MKT-P013',
            lead_officer_id: officer('C', 1),
            assist_officer_id: officer('C', 2),
            entity_uscc: entity(n),
          }),
        ),
      );
      const rows = await load(
        'review_outcomes',
        cs.map((c) => rev({ agency_id: CLE, case_id: c.source_id, outcome: 'confirmed_illegal', case_withdrawn_on: '2025-07-02' })),
      );
      return rows.map((r) => idOf('review_outcomes', r));
    },
  },
};

/** Two 行政执法辅助人员 of market supervision (imported once). */
let auxiliariesIn = false;
async function auxiliaries() {
  if (auxiliariesIn) return;
  auxiliariesIn = true;
  await importAll(
    store,
    'officers',
    [1, 2].map((n) => ({ id: `OF-M-AUX-${n}`, name: `辅助员${n}`, agency_id: MKT, region_code: COUNTY, staff_type: 'auxiliary' })),
  );
}

test('every model of the library has a case here', () => {
  assert.deepEqual(Object.keys(CASES).sort(), MODELS.map((m) => m.code).sort());
});

for (const model of MODELS) {
  test(`${model.code} fires on imported records (${model.name})`, async () => {
    const c = CASES[model.code];
    assert.ok(c, `a case for ${model.code}`);
    const expected = await c.arrange();
    const report = await runModel(store, model, { asOf: c.asOf ?? AS_OF, actor: SYSTEM_CALLER.userId });
    assert.ok(report.hits >= 1, `${model.code}: no hit`);
    // A model fires with a hit (kept with its evidence whatever triage then makes of it).
    const hits = await store.query<Hit>('SELECT id, evidence, agency_id, region_code, explanation FROM model_hits WHERE model_code = $1', [
      model.code,
    ]);
    const ours = hits.filter((x) => expected.every((id) => (JSON.parse(x.evidence) as { ids: string[] }).ids.includes(id)));
    assert.ok(ours.length >= 1, `${model.code}: a hit naming ${expected.join(', ')}; got ${hits.map((x) => x.evidence).join(' | ')}`);
    assert.ok(ours[0].region_code.startsWith(COUNTY), `${model.code}: the hit is the county's (${ours[0].region_code})`);
    assert.doesNotMatch(ours[0].explanation, /\{\w+\}/, `${model.code}: every placeholder filled`);
  });
}
