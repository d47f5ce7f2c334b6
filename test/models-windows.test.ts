// Every windowed model at its boundary: one meaning of "N天内" (src/models/window.ts, docs/models.md
// "期限与窗口"). A limit of N days is kept by an act on day D + N and broken on D + N + 1; a group lies
// within N days when its last event is at most N days after its first. Where the law counts 工作日 the
// N + 1 is the next working day after the Nth. Each case runs the batch SQL at N and at N + 1.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedInspectionWorld } from './helpers/fixtures.ts';
import {
  agency,
  caseRecord,
  clue,
  coerciveMeasure,
  confiscatedGoods,
  copyRows,
  delivery,
  hotlineTicket,
  inspection,
  monitoringDevice,
  payment,
  reviewOutcome,
} from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import type { Value } from '../src/store/store.ts';

const t = await openTestStore();
const { store } = t;
before(async () => {
  await seedInspectionWorld(store);
  await agency(store, 'AG-FY-SCJG', '330111', 'MKT');
  await store.copyIn(
    'items',
    ['code', 'name', 'kind', 'line_code', 'time_limit_days', 'fine_min', 'fine_max'],
    [
      ['IT-1', '擅自占道经营', 'penalty', 'CLE', null, 1000, 10000],
      ['LI-20', '测试许可', 'licence', 'CLE', 20, null, null],
    ],
  );
});
const TABLES = [
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'licences',
  'hotline_tickets',
  'coercive_measures',
  'review_outcomes',
  'monitoring_devices',
  'confiscated_goods',
  'clues',
  'clue_events',
];
beforeEach(async () => {
  for (const table of TABLES) await store.exec(`DELETE FROM ${table}`);
});
after(() => t.close());

let n = 0;
const licence = async (r: Record<string, Value>) => {
  const row: Record<string, Value> = {
    id: `LCW-${++n}`,
    source_system: 'test',
    source_id: `lcw${n}`,
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    item_code: 'LI-20',
    entity_uscc: '91330100470102706G',
    applied_on: '2025-03-03',
    decided_on: null,
    result: 'granted',
    ...r,
  };
  await copyRows(store, 'licences', Object.keys(row), [Object.values(row)]);
};

/** Hits of a model's batch SQL on the run's date. */
const hits = async (code: string, asOf: string) => {
  await store.exec(`DELETE FROM clues WHERE model_code = '${code}'`); // the clue models' own fixtures stay
  return (await runModel(store, findModel(code)!, { asOf })).hits;
};

interface Boundary {
  code: string;
  /** What N is, in words, for the test's name. */
  n: string;
  /** Records at the boundary (no hit, or the hit of a "within" window) and the run's date. */
  atN(): Promise<string>;
  atN1(): Promise<string>;
  /** "within": a group inside the window is the hit (repeats); "after": passing the limit is (deadlines). */
  kind: 'within' | 'after';
}

/** A hearing asked for on 22 April 2025, its notice served on Tuesday 29 April (1–5 May off), decided on 30 May. */
const NOTICED = {
  filed_on: '2025-04-01',
  notified_on: '2025-04-20',
  hearing_requested_on: '2025-04-22',
  hearing_notified_on: '2025-04-29',
  decided_on: '2025-05-30',
};

const CASES: Boundary[] = [
  {
    code: 'INS_REPEAT',
    n: '7 days from the first to the third agency',
    kind: 'within',
    atN: async () => {
      await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
      await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-04' });
      await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-08' });
      return '2025-06-30';
    },
    atN1: async () => {
      await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
      await inspection(store, { agency_id: 'AG-B', inspected_on: '2025-05-04' });
      await inspection(store, { agency_id: 'AG-C', inspected_on: '2025-05-09' });
      return '2025-06-30';
    },
  },
  {
    code: 'INS_SAME_AGENCY_REPEAT',
    n: '7 days between two inspections of one agency',
    kind: 'within',
    atN: async () => {
      await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
      await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-08' });
      return '2025-06-30';
    },
    atN1: async () => {
      await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-01' });
      await inspection(store, { agency_id: 'AG-A', inspected_on: '2025-05-09' });
      return '2025-06-30';
    },
  },
  {
    code: 'INS_CASE_NOT_FILED',
    n: '15 days after the inspection',
    kind: 'after',
    atN: async () => {
      await inspection(store, { inspected_on: '2025-03-01', result: 'case_filed' });
      return '2025-03-16';
    },
    atN1: async () => {
      await inspection(store, { inspected_on: '2025-03-01', result: 'case_filed' });
      return '2025-03-17';
    },
  },
  {
    code: 'DEV_REPEAT_SAME_DAY',
    n: '1 day between two violations on one device',
    kind: 'within',
    atN: async () => {
      const dev = await monitoringDevice(store, {});
      await caseRecord(store, { device_id: dev, occurred_on: '2025-03-01', filed_on: '2025-03-02' });
      await caseRecord(store, { device_id: dev, occurred_on: '2025-03-02', filed_on: '2025-03-03' });
      return '2025-06-30';
    },
    atN1: async () => {
      const dev = await monitoringDevice(store, {});
      await caseRecord(store, { device_id: dev, occurred_on: '2025-03-01', filed_on: '2025-03-02' });
      await caseRecord(store, { device_id: dev, occurred_on: '2025-03-03', filed_on: '2025-03-04' });
      return '2025-06-30';
    },
  },
  {
    code: 'PEN_DOUBLE',
    n: '30 days between two cases',
    kind: 'within',
    atN: async () => {
      await caseRecord(store, { filed_on: '2025-03-01', decided_on: '2025-03-10' });
      await caseRecord(store, { agency_id: 'AG-FY-SCJG', filed_on: '2025-03-31', decided_on: '2025-04-10' });
      return '2025-06-30';
    },
    atN1: async () => {
      await caseRecord(store, { filed_on: '2025-03-01', decided_on: '2025-03-10' });
      await caseRecord(store, { agency_id: 'AG-FY-SCJG', filed_on: '2025-04-01', decided_on: '2025-04-10' });
      return '2025-06-30';
    },
  },
  {
    code: 'PEN_OVERDUE',
    n: '90 days from filing, still undecided',
    kind: 'after',
    atN: async () => {
      await caseRecord(store, { filed_on: '2025-01-01', decided_on: null, decision: null, fine_amount: null, status: 'open' });
      return '2025-04-01';
    },
    atN1: async () => {
      await caseRecord(store, { filed_on: '2025-01-01', decided_on: null, decision: null, fine_amount: null, status: 'open' });
      return '2025-04-02';
    },
  },
  {
    code: 'PEN_NO_PAYMENT',
    n: '30 days after the decision',
    kind: 'after',
    atN: async () => {
      await caseRecord(store, { decided_on: '2025-03-01' });
      return '2025-03-31';
    },
    atN1: async () => {
      await caseRecord(store, { decided_on: '2025-03-01' });
      return '2025-04-01';
    },
  },
  {
    code: 'PEN_PAYMENT_OVERDUE',
    n: 'the due date',
    kind: 'after',
    atN: async () => {
      await payment(store, { case_id: await caseRecord(store, {}), due_on: '2025-04-10', paid_on: '2025-04-10' });
      return '2025-05-31';
    },
    atN1: async () => {
      await payment(store, { case_id: await caseRecord(store, {}), due_on: '2025-04-10', paid_on: '2025-04-11' });
      return '2025-05-31';
    },
  },
  {
    code: 'PEN_NO_DELIVERY',
    n: '7 working days after the decision (30 April 2025: the 7th is 14 May)',
    kind: 'after',
    atN: async () => {
      await caseRecord(store, { decided_on: '2025-04-30' });
      return '2025-05-14';
    },
    atN1: async () => {
      await caseRecord(store, { decided_on: '2025-04-30' });
      return '2025-05-15';
    },
  },
  {
    code: 'PEN_DELIVERY_LATE',
    n: '7 working days after the decision, delivered directly',
    kind: 'after',
    atN: async () => {
      await delivery(store, {
        case_id: await caseRecord(store, { decided_on: '2025-04-30' }),
        method: 'direct',
        delivered_on: '2025-05-14',
      });
      return '2025-05-31';
    },
    atN1: async () => {
      await delivery(store, {
        case_id: await caseRecord(store, { decided_on: '2025-04-30' }),
        method: 'direct',
        delivered_on: '2025-05-15',
      });
      return '2025-05-31';
    },
  },
  {
    code: 'PAY_HANDOVER_LATE',
    n: '2 working days after an on-the-spot collection (3 April 2025, before the 清明 holiday: the 2nd is 8 April)',
    kind: 'after',
    atN: async () => {
      await payment(store, {
        method: 'on_spot',
        collected_by: 'OF-1',
        receipt_no: 'PJ-1',
        paid_on: '2025-04-03',
        handed_over_on: '2025-04-08',
      });
      return '2025-04-08';
    },
    atN1: async () => {
      await payment(store, {
        method: 'on_spot',
        collected_by: 'OF-1',
        receipt_no: 'PJ-1',
        paid_on: '2025-04-03',
        handed_over_on: '2025-04-09',
      });
      return '2025-04-09';
    },
  },
  {
    code: 'LIC_OVERDUE',
    n: '20 working days after acceptance (3 March 2025: the 20th is 31 March)',
    kind: 'after',
    atN: async () => {
      await licence({ decided_on: '2025-03-31' });
      return '2025-06-30';
    },
    atN1: async () => {
      await licence({ decided_on: '2025-04-01' });
      return '2025-06-30';
    },
  },
  {
    code: 'LIC_NO_SUPERVISION',
    n: '60 working days after a 告知承诺 decision (3 March 2025: the 60th is 29 May)',
    kind: 'after',
    atN: async () => {
      await licence({ decided_on: '2025-03-03', commitment: true });
      return '2025-05-29';
    },
    atN1: async () => {
      await licence({ decided_on: '2025-03-03', commitment: true });
      return '2025-05-30';
    },
  },
  {
    code: 'LIC_ISSUE_LATE',
    n: '10 working days after a grant (28 April 2025: the May Day break is off, the 10th is 15 May)',
    kind: 'after',
    atN: async () => {
      await licence({ decided_on: '2025-04-28', issued_on: '2025-05-15' });
      return '2025-06-30';
    },
    atN1: async () => {
      await licence({ decided_on: '2025-04-28', issued_on: '2025-05-16' });
      return '2025-06-30';
    },
  },
  {
    code: 'LIC_NO_ONE_TIME_NOTICE',
    n: '5 working days after the materials came in (3 March 2025: the 5th is 10 March)',
    kind: 'after',
    atN: async () => {
      await licence({ received_on: '2025-03-03', supplement_notified_on: '2025-03-10', applied_on: '2025-03-20' });
      return '2025-06-30';
    },
    atN1: async () => {
      await licence({ received_on: '2025-03-03', supplement_notified_on: '2025-03-11', applied_on: '2025-03-20' });
      return '2025-06-30';
    },
  },
  {
    code: 'HOT_OVERDUE',
    n: '15 days after the ticket came in',
    kind: 'after',
    atN: async () => {
      await hotlineTicket(store, { received_at: '2025-03-10T02:00:00Z' });
      return '2025-03-25';
    },
    atN1: async () => {
      await hotlineTicket(store, { received_at: '2025-03-10T02:00:00Z' });
      return '2025-03-26';
    },
  },
  {
    code: 'FUP_COMPLAINT_AFTER_CASE',
    n: '30 days after the decision',
    kind: 'within',
    atN: async () => {
      await caseRecord(store, { filed_on: '2025-03-01', decided_on: '2025-03-20' });
      await hotlineTicket(store, {
        entity_uscc: '91330100470102706G',
        category: '涉企执法监督',
        received_at: '2025-04-19T02:00:00Z',
        content: '反映罚款过重。',
      });
      return '2025-06-30';
    },
    atN1: async () => {
      await caseRecord(store, { filed_on: '2025-03-01', decided_on: '2025-03-20' });
      await hotlineTicket(store, {
        entity_uscc: '91330100470102706G',
        category: '涉企执法监督',
        received_at: '2025-04-20T02:00:00Z',
        content: '反映罚款过重。',
      });
      return '2025-06-30';
    },
  },
  {
    code: 'PEN_PAST_LIMITATION',
    n: 'two years after the violation (the same date two years on)',
    kind: 'after',
    atN: async () => {
      await caseRecord(store, { occurred_on: '2023-03-01', filed_on: '2025-03-01' });
      return '2025-06-30';
    },
    atN1: async () => {
      await caseRecord(store, { occurred_on: '2023-03-01', filed_on: '2025-03-02' });
      return '2025-06-30';
    },
  },
  {
    code: 'CLO_NEW_UNTRIAGED',
    n: '5 days after the clue was raised',
    kind: 'after',
    atN: async () => {
      await clue(store, { created_at: '2025-05-01T02:00:00Z' });
      return '2025-05-06';
    },
    atN1: async () => {
      await clue(store, { created_at: '2025-05-01T02:00:00Z' });
      return '2025-05-07';
    },
  },
  {
    code: 'CLO_ASSIGNED_OVERDUE',
    n: 'the rectification deadline',
    kind: 'after',
    atN: async () => {
      await clue(store, { status: 'rectifying', agency_id: 'AG-FY-ZHZF', deadline: '2025-05-05' });
      return '2025-05-05';
    },
    atN1: async () => {
      await clue(store, { status: 'rectifying', agency_id: 'AG-FY-ZHZF', deadline: '2025-05-05' });
      return '2025-05-06';
    },
  },
  {
    code: 'COE_OVER_LONG',
    n: '30 days of a seizure, 60 with an approved extension (行政强制法 第二十五条)',
    kind: 'after',
    atN: async () => {
      await coerciveMeasure(store, { ended_on: '2025-03-31', goods_returned_on: '2025-03-31' });
      await coerciveMeasure(store, { extended: true, extension_approved: true, ended_on: '2025-04-30', goods_returned_on: '2025-04-30' });
      return '2025-06-30';
    },
    atN1: async () => {
      await coerciveMeasure(store, { ended_on: '2025-04-01', goods_returned_on: '2025-04-01' });
      await coerciveMeasure(store, { extended: true, extension_approved: true, ended_on: '2025-04-30', goods_returned_on: '2025-04-30' });
      return '2025-06-30';
    },
  },
  {
    code: 'COE_NO_DECISION',
    n: '3 days to hand over a freezing decision (行政强制法 第三十一条)',
    kind: 'after',
    atN: async () => {
      await coerciveMeasure(store, { measure: 'freeze', decision_no: null, ended_on: null, goods_returned_on: null, status: 'in_force' });
      return '2025-03-04';
    },
    atN1: async () => {
      await coerciveMeasure(store, { measure: 'freeze', decision_no: null, ended_on: null, goods_returned_on: null, status: 'in_force' });
      return '2025-03-05';
    },
  },
  {
    code: 'COE_FINE_ENFORCED_EARLY',
    n: '30 days of 加处罚款 from the day after the due day before an auction (行政强制法 第四十六条)',
    kind: 'within',
    atN: async () => {
      const c = await caseRecord(store, {});
      await payment(store, { case_id: c, due_on: '2025-04-07', paid_on: null });
      await coerciveMeasure(store, {
        case_id: c,
        measure: 'auction',
        started_on: '2025-05-07',
        ended_on: '2025-05-07',
        goods_returned_on: null,
        status: 'disposed',
      });
      return '2025-06-30';
    },
    atN1: async () => {
      const c = await caseRecord(store, {});
      await payment(store, { case_id: c, due_on: '2025-04-07', paid_on: null });
      await coerciveMeasure(store, {
        case_id: c,
        measure: 'auction',
        started_on: '2025-05-08',
        ended_on: '2025-05-08',
        goods_returned_on: null,
        status: 'disposed',
      });
      return '2025-06-30';
    },
  },
  {
    code: 'COE_GOODS_NOT_RETURNED',
    n: '3 days to return goods after a release (行政强制法 第二十八条)',
    kind: 'after',
    atN: async () => {
      await coerciveMeasure(store, { goods_returned_on: null });
      return '2025-03-23';
    },
    atN1: async () => {
      await coerciveMeasure(store, { goods_returned_on: null });
      return '2025-03-24';
    },
  },
  {
    code: 'CONF_NOT_DISPOSED',
    n: '90 days after the confiscation (a county setting; 行政处罚法 第七十四条 names no term)',
    kind: 'after',
    atN: async () => {
      await confiscatedGoods(store, { disposal: 'destroy', disposed_on: '2025-05-30', proceeds: null, proceeds_paid_on: null });
      return '2025-06-30';
    },
    atN1: async () => {
      await confiscatedGoods(store, { disposal: 'destroy', disposed_on: '2025-05-31', proceeds: null, proceeds_paid_on: null });
      return '2025-06-30';
    },
  },
  {
    code: 'CONF_PROCEEDS_NOT_PAID',
    n: '30 days after the disposal (a county setting; 第七十四条 第二款)',
    kind: 'after',
    atN: async () => {
      await confiscatedGoods(store, { proceeds_paid_on: '2025-05-01' });
      return '2025-06-30';
    },
    atN1: async () => {
      await confiscatedGoods(store, { proceeds_paid_on: '2025-05-02' });
      return '2025-06-30';
    },
  },
  {
    code: 'REV_NOT_CARRIED_OUT',
    n: '30 days after the reconsideration took effect',
    kind: 'after',
    atN: async () => {
      await reviewOutcome(store, {
        outcome: 'revoked',
        decided_on: '2025-03-20',
        carried_out_on: '2025-04-19',
        case_withdrawn_on: '2025-03-20',
      });
      return '2025-06-30';
    },
    atN1: async () => {
      await reviewOutcome(store, {
        outcome: 'revoked',
        decided_on: '2025-03-20',
        carried_out_on: '2025-04-20',
        case_withdrawn_on: '2025-03-20',
      });
      return '2025-06-30';
    },
  },
  {
    code: 'REV_NOT_WITHDRAWN',
    n: '3 working days after the correction took effect (Friday 2025-03-14: Wednesday 2025-03-19)',
    kind: 'after',
    atN: async () => {
      await reviewOutcome(store, { outcome: 'confirmed_illegal', decided_on: '2025-03-14', case_withdrawn_on: '2025-03-19' });
      return '2025-06-30';
    },
    atN1: async () => {
      await reviewOutcome(store, { outcome: 'confirmed_illegal', decided_on: '2025-03-14', case_withdrawn_on: '2025-03-20' });
      return '2025-06-30';
    },
  },
  {
    code: 'REV_REPEAT_CORRECTED',
    n: 'three corrections within the 365 days to the run day',
    kind: 'within',
    atN: async () => {
      for (const day of ['2024-12-31', '2025-06-01', '2025-09-01'])
        await reviewOutcome(store, {
          case_id: await caseRecord(store, {}),
          outcome: 'changed',
          decided_on: day,
          carried_out_on: day,
          case_withdrawn_on: day,
        });
      return '2025-12-31';
    },
    atN1: async () => {
      for (const day of ['2024-12-30', '2025-06-01', '2025-09-01'])
        await reviewOutcome(store, {
          case_id: await caseRecord(store, {}),
          outcome: 'changed',
          decided_on: day,
          carried_out_on: day,
          case_withdrawn_on: day,
        });
      return '2025-12-31';
    },
  },
  {
    code: 'PEN_NO_COURT_APPLICATION',
    n: 'six months to sue and three to apply from the delivery (行政强制法 第五十三条)',
    kind: 'after',
    atN: async () => {
      const id = await caseRecord(store, { fine_amount: 5000 });
      await delivery(store, { case_id: id, delivered_on: '2025-03-23' });
      return '2025-12-23';
    },
    atN1: async () => {
      const id = await caseRecord(store, { fine_amount: 5000 });
      await delivery(store, { case_id: id, delivered_on: '2025-03-23' });
      return '2025-12-24';
    },
  },
  {
    code: 'PEN_COURT_NO_DEMAND',
    n: 'ten days after the demand (第五十四条): 10 days in time, 9 not',
    kind: 'after',
    atN: async () => {
      await caseRecord(store, { demand_served_on: '2025-10-31', court_applied_on: '2025-11-10' });
      return '2025-12-31';
    },
    atN1: async () => {
      await caseRecord(store, { demand_served_on: '2025-11-01', court_applied_on: '2025-11-10' });
      return '2025-12-31';
    },
  },
  {
    code: 'PEN_NOT_PUBLISHED',
    n: '7 working days after the decision',
    kind: 'after',
    atN: async () => {
      await caseRecord(store, { fine_amount: 20000, published_on: '2025-03-31' });
      return '2025-06-30';
    },
    atN1: async () => {
      await caseRecord(store, { fine_amount: 20000, published_on: '2025-04-01' });
      return '2025-06-30';
    },
  },
  {
    code: 'PEN_DECIDED_IN_HEARING_PERIOD',
    n: '5 working days after the notice (第六十四条（一）, the May Day break inside): the party may still ask on the 5th',
    kind: 'within',
    atN: async () => {
      await caseRecord(store, { fine_amount: 20000, filed_on: '2025-04-01', notified_on: '2025-04-29', decided_on: '2025-05-09' });
      return '2025-06-30';
    },
    atN1: async () => {
      await caseRecord(store, { fine_amount: 20000, filed_on: '2025-04-01', notified_on: '2025-04-29', decided_on: '2025-05-12' });
      return '2025-06-30';
    },
  },
  {
    code: 'PEN_HEARING_NOTICE_LATE',
    n: 'notice 7 working days before the hearing (第六十四条（二）, the May Day break inside): held on the 6th working day after the notice is too early, on the 7th in time',
    kind: 'within',
    atN: async () => {
      await caseRecord(store, { ...NOTICED, hearing_held_on: '2025-05-12' });
      return '2025-06-30';
    },
    atN1: async () => {
      await caseRecord(store, { ...NOTICED, hearing_held_on: '2025-05-13' });
      return '2025-06-30';
    },
  },
];

for (const c of CASES) {
  test(`${c.code}: ${c.n} — ${c.kind === 'within' ? 'a hit at N, none at N + 1' : 'none at N, a hit at N + 1'}`, async () => {
    const atN = await hits(c.code, await c.atN());
    for (const table of TABLES) await store.exec(`DELETE FROM ${table}`);
    const atN1 = await hits(c.code, await c.atN1());
    if (c.kind === 'within') assert.deepEqual([atN, atN1], [1, 0]);
    else assert.deepEqual([atN, atN1], [0, 1]);
  });
}
