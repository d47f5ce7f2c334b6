// The 12345 ticket models judged in code when a ticket arrives (src/models/library/hotline-overdue.ts,
// followup-complaint-after-case.ts).
import { isoOf, businessDayOf } from './days.ts';
import type { Check, Hit, KindChecks } from './judge.ts';
import { maskText } from '../mask.ts';
import { aboutEnforcement, type Ticket } from './state.ts';

export interface TicketRow {
  id: string;
  region_code: string;
  received_at: string;
  category: string;
  content: string;
  entity_uscc: string | null;
  agency_id: string | null;
  status: string;
}

// 12345工单超期未办结
const overdue: Check<TicketRow> = (r, ctx) => {
  if (r.status !== 'open') return [];
  const received = businessDayOf(r.received_at);
  const days = ctx.asOfDay - received;
  if (days <= ctx.params.max_days) return [];
  return [
    {
      row: {
        subject_kind: 'hotline_ticket',
        subject_id: r.id,
        region_code: r.region_code,
        agency_id: r.agency_id,
        window_key: '',
        evidence_ids: r.id,
        category: r.category,
        received_on: isoOf(received),
        content: Array.from(maskText(r.content)).slice(0, 60).join(''),
        subject_name: ctx.state.entity(r.entity_uscc)?.name ?? r.category,
        as_of: ctx.asOf,
        days,
      },
      params: ctx.params,
    },
  ];
};

// 案后执法投诉: every case of the ticket's entity whose run (filing to decision + window_days) the ticket
// falls in; the run group is the case's (the model's SQL scopes the cases, not the tickets).
const complaintAfterCase: Check<TicketRow> = (r, ctx) => {
  const { state } = ctx;
  if (r.entity_uscc === null || !aboutEnforcement(r.category, r.content)) return [];
  const day = businessDayOf(r.received_at);
  const tickets = state.ticketsByEntity.get(r.entity_uscc) ?? [];
  const hits: Hit[] = [];
  for (const c of state.casesOf(r.entity_uscc)) {
    const group = ctx.groups.of(c.region);
    if (!group?.enabled) continue;
    const until = (c.decided ?? c.filed) + group.params.window_days;
    if (day < c.filed || day > until) continue;
    const mine = tickets.filter((t) => t.day >= c.filed && t.day <= until).sort(byTime);
    const first = mine[0];
    hits.push({
      row: {
        subject_kind: 'case',
        subject_id: c.id,
        region_code: c.region,
        agency_id: c.agency,
        window_key: '',
        evidence_ids: mine.map((t) => t.id).join(','),
        subject_name: state.entity(c.entity)?.name ?? c.entity,
        item_name: state.items.get(c.item)?.name ?? c.item,
        agency_name: state.agencyName(c.agency),
        filed_on: isoOf(c.filed),
        decision_text: c.decided === null ? '，尚未作出决定' : `，${isoOf(c.decided)}作出决定`,
        ticket_count: mine.length,
        first_ticket_on: isoOf(first.day),
        first_ticket: maskText(first.content),
      },
      params: group.params,
    });
  }
  return hits;
};

const byTime = (a: Ticket, b: Ticket) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export const hotlineChecks: KindChecks<TicketRow> = {
  parts: ['cases', 'hotline'],
  columns: ['id', 'region_code', 'received_at', 'category', 'content', 'entity_uscc', 'agency_id', 'status'],
  observe: (state, r) => state.putTicket(r),
  checks: { HOT_OVERDUE: overdue, FUP_COMPLAINT_AFTER_CASE: complaintAfterCase },
  ownGroups: ['FUP_COMPLAINT_AFTER_CASE'],
};
