// 超期审批 (overdue-licence.ts), judged in code when a licence arrives or is re-sent with its decision.
import { workdayDeadline, workdaysBetween } from '../../domain/workdays.ts';
import { workdaysLate } from '../window.ts';
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
  promised_days: number | null;
  extended_days: number | null;
  excluded_days: number | null;
}

const overdue: Check<LicenceRow> = (r, ctx) => {
  const { state } = ctx;
  const item = state.items.get(r.item_code);
  if (!item || item.timeLimitDays === null || (r.decided_on === null && r.result !== 'pending')) return [];
  const end = r.decided_on ?? ctx.asOf;
  const extended = r.extended_days ?? 0;
  const excluded = r.excluded_days ?? 0;
  const statutory = item.timeLimitDays + extended;
  const promised = r.promised_days !== null && r.promised_days < statutory;
  const allowed = (promised ? r.promised_days! : statutory) + excluded;
  if (!workdaysLate(r.applied_on, end, allowed)) return [];
  const limitText =
    (promised
      ? `承诺时限${r.promised_days}个工作日`
      : `法定时限${item.timeLimitDays}个工作日${extended > 0 ? `，经批准延长${extended}个工作日` : ''}`) +
    (excluded > 0 ? `，另有${excluded}个工作日依法不计入` : '');
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
        used_days: workdaysBetween(r.applied_on, end),
        applied_on: r.applied_on,
        decided_on: r.decided_on,
        deadline: workdayDeadline(r.applied_on, allowed),
        limit_text: limitText,
        status_text: r.decided_on === null ? `截至${ctx.asOf}仍未作出决定` : `于${r.decided_on}作出决定`,
      },
      params: ctx.params,
    },
  ];
};

export const licenceChecks: KindChecks<LicenceRow> = {
  parts: [],
  columns: [
    'id',
    'region_code',
    'agency_id',
    'item_code',
    'entity_uscc',
    'applied_on',
    'decided_on',
    'result',
    'promised_days',
    'extended_days',
    'excluded_days',
  ],
  observe: () => undefined,
  checks: { LIC_OVERDUE: overdue },
};
