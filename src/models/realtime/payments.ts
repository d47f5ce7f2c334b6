// Deliveries and payments of penalty decisions, judged in code on arrival; both also tell the case
// state that the case has one (PEN_NO_DELIVERY, PEN_NO_PAYMENT).
import { dayOf, isoOf } from './days.ts';
import { workdayDeadline, workdaysBetween } from '../../domain/workdays.ts';
import { workdaysLate } from '../window.ts';
import type { Check, KindChecks } from './judge.ts';

export interface DeliveryRow {
  id: string;
  region_code: string;
  case_id: string;
  method: string;
  sent_on: string;
  delivered_on: string | null;
}
export interface PaymentRow {
  id: string;
  region_code: string;
  case_id: string;
  amount: number;
  due_on: string;
  paid_on: string | null;
}

// 送达超期 (penalty-delivery-late.ts): n working days; post and public notice judged on the day sent.
const deliveryLate: Check<DeliveryRow> = (r, ctx) => {
  const { state } = ctx;
  const c = state.cases.get(r.case_id);
  if (!c || c.decided === null || c.decided > ctx.asOfDay) return [];
  const decided = isoOf(c.decided);
  const byPost = r.method === 'post' || r.method === 'notice';
  const act = byPost ? r.sent_on : (r.delivered_on ?? ctx.asOf);
  const n = ctx.params.limit_days;
  if (!workdaysLate(decided, act, n)) return [];
  return [
    {
      row: {
        subject_kind: 'delivery',
        subject_id: r.id,
        region_code: r.region_code,
        agency_id: c.agency,
        window_key: '',
        evidence_ids: r.id,
        case_id: c.id,
        subject_name: state.entity(c.entity)?.name ?? c.entity,
        item_name: state.items.get(c.item)?.name ?? c.item,
        decided_on: decided,
        state:
          r.method === 'post'
            ? `于${r.sent_on}邮寄`
            : r.method === 'notice'
              ? `于${r.sent_on}公告送达`
              : r.delivered_on === null
                ? `截至${ctx.asOf}仍未送达`
                : `于${r.delivered_on}送达`,
        deadline: workdayDeadline(decided, n),
        workdays: workdaysBetween(decided, act),
      },
      params: ctx.params,
    },
  ];
};

// 罚没款逾期未缴 (penalty-payment-overdue.ts)
const paymentOverdue: Check<PaymentRow> = (r, ctx) => {
  const { state } = ctx;
  const due = dayOf(r.due_on);
  if (due >= ctx.asOfDay) return [];
  const days = (r.paid_on === null ? ctx.asOfDay : dayOf(r.paid_on)) - due;
  if (days <= ctx.params.grace_days) return [];
  const c = state.cases.get(r.case_id) ?? null;
  const e = c ? state.entity(c.entity) : null;
  return [
    {
      row: {
        subject_kind: 'payment',
        subject_id: r.id,
        region_code: r.region_code,
        agency_id: c?.agency ?? null,
        window_key: '',
        evidence_ids: r.id,
        case_id: r.case_id,
        subject_name: e?.name ?? c?.entity ?? r.case_id,
        item_name: c ? (state.items.get(c.item)?.name ?? c.item) : '',
        amount: Number(r.amount),
        due_on: r.due_on,
        state: r.paid_on === null ? `截至${ctx.asOf}仍未缴纳` : `于${r.paid_on}缴纳`,
        days,
      },
      params: ctx.params,
    },
  ];
};

export const deliveryChecks: KindChecks<DeliveryRow> = {
  parts: ['cases'],
  columns: ['id', 'region_code', 'case_id', 'method', 'sent_on', 'delivered_on'],
  observe: (state, r) => state.putDelivery(r.case_id),
  checks: { PEN_DELIVERY_LATE: deliveryLate },
};

export const paymentChecks: KindChecks<PaymentRow> = {
  parts: ['cases'],
  columns: ['id', 'region_code', 'case_id', 'amount', 'due_on', 'paid_on'],
  observe: (state, r) => state.putPayment(r.case_id),
  checks: { PEN_PAYMENT_OVERDUE: paymentOverdue },
};
