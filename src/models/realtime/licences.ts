// 超期审批 (overdue-licence.ts), 未按期颁发证件 (licence-issue-late.ts), 补正告知超期
// (licence-no-one-time-notice.ts), 不予许可未说明理由 (licence-refusal-no-reason.ts), 办理许可跑多次
// (licence-more-than-one-visit.ts), 多次要求补正 (licence-repeated-supplement.ts), 准予许可决定未及时公开
// (licence-not-published.ts) and 延续申请未在有效期届满前决定 (licence-renewal-late.ts), judged in code when a
// licence arrives or is re-sent with its decision.
import { workdayDeadline, workdaysBetween } from '../../domain/workdays.ts';
import { daysLate, workdaysLate } from '../window.ts';
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
  received_on: string | null;
  supplement_notified_on: string | null;
  issued_on: string | null;
  reasons_given: boolean | null;
  visits: number | null;
  supplement_count: number | null;
  published_on: string | null;
  renews_licence_no: string | null;
  prior_valid_until: string | null;
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

/** The facts every procedure check shows: the licence, its applicant, item and agency. */
const base = (r: LicenceRow, ctx: Parameters<Check<LicenceRow>>[1]) => ({
  subject_kind: 'licence',
  subject_id: r.id,
  region_code: r.region_code,
  agency_id: r.agency_id,
  window_key: '',
  evidence_ids: r.id,
  subject_name: ctx.state.entity(r.entity_uscc)?.name ?? null,
  entity_uscc: r.entity_uscc,
  item_code: r.item_code,
  item_name: ctx.state.items.get(r.item_code)?.name ?? r.item_code,
  agency_name: ctx.state.agencyName(r.agency_id),
});

const issueLate: Check<LicenceRow> = (r, ctx) => {
  if (r.result !== 'granted' || r.decided_on === null) return [];
  const n = Number(ctx.params.window_days);
  const decided = r.decided_on.slice(0, 10);
  if (r.issued_on === null) return []; // no issue date: not judged
  const issued = r.issued_on.slice(0, 10);
  if (!workdaysLate(decided, issued, n)) return [];
  return [
    {
      row: {
        ...base(r, ctx),
        decided_on: decided,
        issued_on: issued,
        deadline: workdayDeadline(decided, n),
      },
      params: ctx.params,
    },
  ];
};

const noOneTimeNotice: Check<LicenceRow> = (r, ctx) => {
  if (r.received_on === null || r.supplement_notified_on === null) return [];
  const n = Number(ctx.params.window_days);
  const received = r.received_on.slice(0, 10);
  const notified = r.supplement_notified_on.slice(0, 10);
  if (!workdaysLate(received, notified, n)) return [];
  return [
    {
      row: { ...base(r, ctx), received_on: received, notified_on: notified, deadline: workdayDeadline(received, n) },
      params: ctx.params,
    },
  ];
};

const refusalNoReason: Check<LicenceRow> = (r, ctx) => {
  if (r.result !== 'refused' || r.reasons_given !== false) return [];
  const decided = r.decided_on === null ? null : r.decided_on.slice(0, 10);
  return [
    {
      row: { ...base(r, ctx), decided_on: decided, decided_text: decided === null ? '' : `于${decided}` },
      params: ctx.params,
    },
  ];
};

const moreThanOneVisit: Check<LicenceRow> = (r, ctx) => {
  if (r.visits === null || (r.supplement_count ?? 0) !== 0 || r.supplement_notified_on !== null) return [];
  if (!(Number(r.visits) > Number(ctx.params.max_visits))) return [];
  return [{ row: { ...base(r, ctx), applied_on: r.applied_on.slice(0, 10), visits: Number(r.visits) }, params: ctx.params }];
};

const repeatedSupplement: Check<LicenceRow> = (r, ctx) => {
  if (r.supplement_count === null || Number(r.supplement_count) < Number(ctx.params.min_count)) return [];
  return [
    {
      row: { ...base(r, ctx), applied_on: r.applied_on.slice(0, 10), supplement_count: Number(r.supplement_count) },
      params: ctx.params,
    },
  ];
};

const notPublished: Check<LicenceRow> = (r, ctx) => {
  if (r.result !== 'granted' || r.decided_on === null || r.published_on === null) return []; // no publication day: not judged
  const n = Number(ctx.params.workdays);
  const decided = r.decided_on.slice(0, 10);
  const published = r.published_on.slice(0, 10);
  if (!workdaysLate(decided, published, n)) return [];
  return [
    {
      row: { ...base(r, ctx), decided_on: decided, published_on: published, deadline: workdayDeadline(decided, n) },
      params: ctx.params,
    },
  ];
};

const renewalLate: Check<LicenceRow> = (r, ctx) => {
  if (r.renews_licence_no === null || r.prior_valid_until === null || r.decided_on === null) return [];
  const until = r.prior_valid_until.slice(0, 10);
  const decided = r.decided_on.slice(0, 10);
  const applied = r.applied_on.slice(0, 10);
  // Applied at least apply_days before the expiry (not later than until − apply_days), decided after it.
  if (!daysLate(until, decided, 0) || !daysLate(applied, until, Number(ctx.params.apply_days) - 1)) return [];
  return [
    {
      row: {
        ...base(r, ctx),
        applied_on: applied,
        decided_on: decided,
        renews_licence_no: r.renews_licence_no,
        prior_valid_until: until,
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
    'received_on',
    'supplement_notified_on',
    'issued_on',
    'reasons_given',
    'visits',
    'supplement_count',
    'published_on',
    'renews_licence_no',
    'prior_valid_until',
  ],
  observe: () => undefined,
  checks: {
    LIC_OVERDUE: overdue,
    LIC_ISSUE_LATE: issueLate,
    LIC_NO_ONE_TIME_NOTICE: noOneTimeNotice,
    LIC_REFUSAL_NO_REASON: refusalNoReason,
    LIC_MORE_THAN_ONE_VISIT: moreThanOneVisit,
    LIC_REPEATED_SUPPLEMENT: repeatedSupplement,
    LIC_NOT_PUBLISHED: notPublished,
    LIC_RENEWAL_LATE: renewalLate,
  },
};
