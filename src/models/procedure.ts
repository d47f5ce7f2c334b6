// The procedure a penalty case still owes, by the rules the models enforce: two officers
// (PEN_SINGLE_OFFICER, 行政处罚法 第四十二条), a decision within the case time limit (PEN_OVERDUE,
// 第六十条), delivery of the decision (PEN_DELIVERY_LATE, 第六十一条) and payment of a fine by its due
// day (PEN_PAYMENT_OVERDUE, 第六十七条). Each step's limit is the model's parameter in force for the
// case's region, so the officer is told what the supervisor's model will check — not a second copy
// of the numbers.
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { addDays } from '../domain/dates.ts';
import { findModel } from './library/index.ts';
import type { ModelDefinition } from './model.ts';
import { effectiveSetting, loadAllSettings } from './settings.ts';

/** 行政处罚法 第六十七条: a fine is paid within fifteen days of receiving the decision (when no payment record says its due day). */
const PAYMENT_DAYS = 15;

export type StepStatus = 'done' | 'done_late' | 'pending' | 'overdue' | 'not_applicable';

export interface DueStep {
  key: 'officers' | 'decision' | 'delivery' | 'payment';
  label: string;
  model: ModelDefinition;
  dueOn: string | null;
  doneOn: string | null;
  status: StepStatus;
  note: string;
}

export interface CaseForProcedure {
  id: string;
  region_code: string;
  filed_on: string;
  decided_on: string | null;
  decision: string | null;
  fine_amount: number | null;
  lead_officer_id: string;
  assist_officer_id: string | null;
}

const status = (due: string | null, done: string | null, asOf: string): StepStatus =>
  due === null ? 'not_applicable' : done !== null ? (done <= due ? 'done' : 'done_late') : asOf <= due ? 'pending' : 'overdue';

/** The procedure steps of a case as of a day, with their due and done days. */
export async function procedureDue(store: Store, c: CaseForProcedure, asOf: string): Promise<DueStep[]> {
  const settings = await loadAllSettings(store);
  const params = (code: string) => {
    const model = findModel(code)!;
    return { model, params: effectiveSetting(model, settings.get(code) ?? [], c.region_code).params };
  };
  const [delivery] = await store.query<{ delivered_on: string | null; sent_on: string }>(
    sql`SELECT CAST(delivered_on AS VARCHAR) AS delivered_on, CAST(sent_on AS VARCHAR) AS sent_on FROM deliveries
        WHERE case_id = ${c.id} ORDER BY sent_on LIMIT 1`,
  );
  const [payment] = await store.query<{ due_on: string; paid_on: string | null }>(
    sql`SELECT CAST(due_on AS VARCHAR) AS due_on, CAST(paid_on AS VARCHAR) AS paid_on FROM payments WHERE case_id = ${c.id} ORDER BY due_on LIMIT 1`,
  );
  const steps: DueStep[] = [];

  const two = c.assist_officer_id !== null && c.assist_officer_id !== '' && c.assist_officer_id !== c.lead_officer_id;
  steps.push({
    key: 'officers',
    label: '两名以上执法人员办案',
    model: findModel('PEN_SINGLE_OFFICER')!,
    dueOn: null,
    doneOn: null,
    status: two ? 'done' : 'overdue',
    note: two ? '主办、协办执法人员均已登记' : '仅登记一名执法人员，须由两名以上具有执法资格的人员办理',
  });

  const overdue = params('PEN_OVERDUE');
  const decideBy = addDays(c.filed_on, overdue.params.limit_days);
  steps.push({
    key: 'decision',
    label: '作出处罚决定',
    model: overdue.model,
    dueOn: decideBy,
    doneOn: c.decided_on,
    status: status(decideBy, c.decided_on, asOf),
    note: `自立案之日起${overdue.params.limit_days}日内作出决定`,
  });

  const late = params('PEN_DELIVERY_LATE');
  const deliverBy = c.decided_on === null || c.decision === 'no_penalty' ? null : addDays(c.decided_on, late.params.limit_days);
  steps.push({
    key: 'delivery',
    label: '送达处罚决定书',
    model: late.model,
    dueOn: deliverBy,
    doneOn: delivery?.delivered_on ?? null,
    status: status(deliverBy, delivery?.delivered_on ?? null, asOf),
    note:
      deliverBy === null
        ? c.decided_on === null
          ? '作出处罚决定后送达'
          : '不予处罚，无须送达处罚决定书'
        : `决定之日起${late.params.limit_days}日内送达${delivery && !delivery.delivered_on ? `（${delivery.sent_on}已寄出，尚未签收）` : ''}`,
  });

  const pay = params('PEN_PAYMENT_OVERDUE');
  const fined = c.decision === 'fine' && c.fine_amount !== null && Number(c.fine_amount) > 0;
  const delivered = delivery?.delivered_on ?? null;
  const payBy = !fined ? null : (payment?.due_on ?? (delivered ? addDays(delivered, PAYMENT_DAYS) : null));
  const payByGrace = payBy === null ? null : addDays(payBy, pay.params.grace_days);
  steps.push({
    key: 'payment',
    label: '缴纳罚款',
    model: pay.model,
    dueOn: payByGrace,
    doneOn: payment?.paid_on ?? null,
    status: fined && payBy === null ? 'pending' : status(payByGrace, payment?.paid_on ?? null, asOf),
    note: !fined ? '无罚款' : payBy === null ? `送达后${PAYMENT_DAYS}日内缴纳` : `收到处罚决定书之日起${PAYMENT_DAYS}日内缴纳`,
  });
  return steps;
}
