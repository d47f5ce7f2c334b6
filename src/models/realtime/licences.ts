// 超期审批 (overdue-licence.ts), judged in code when a licence arrives or is re-sent with its decision.
import { dayOf, isoOf } from './days.ts';
import type { Check, KindChecks } from './judge.ts';

export interface LicenceRow {
  id: string;
  region_code: string;
  agency_id: string;
  item_code: string;
  entity_uscc: string;
  applied_on: string;
  decided_on: string | null;
  result: string;
}

const overdue: Check<LicenceRow> = (r, ctx) => {
  const { state } = ctx;
  const item = state.items.get(r.item_code);
  if (!item || item.timeLimitDays === null || (r.decided_on === null && r.result !== 'pending')) return [];
  const end = r.decided_on === null ? ctx.asOfDay : dayOf(r.decided_on);
  // CEIL(limit × 1.4) in exact decimals, as SQL computes it (limit × 1.4 in floating point can land above an integer).
  const allowed = Math.ceil((item.timeLimitDays * 14) / 10) + ctx.params.holiday_days;
  const elapsed = end - dayOf(r.applied_on);
  if (elapsed <= allowed) return [];
  return [
    {
      row: {
        subject_kind: 'licence',
        subject_id: r.id,
        region_code: r.region_code,
        agency_id: r.agency_id,
        window_key: '',
        evidence_ids: r.id,
        subject_name: state.entity(r.entity_uscc)?.name ?? null,
        entity_uscc: r.entity_uscc,
        item_code: r.item_code,
        item_name: item.name,
        time_limit_days: item.timeLimitDays,
        allowed_days: allowed,
        elapsed_days: elapsed,
        applied_on: r.applied_on,
        decided_on: r.decided_on,
        status_text: r.decided_on === null ? `截至${isoOf(end)}仍未作出决定` : `于${r.decided_on}作出决定`,
      },
      params: ctx.params,
    },
  ];
};

export const licenceChecks: KindChecks<LicenceRow> = {
  parts: [],
  columns: ['id', 'region_code', 'agency_id', 'item_code', 'entity_uscc', 'applied_on', 'decided_on', 'result'],
  observe: () => undefined,
  checks: { LIC_OVERDUE: overdue },
};
