// The delegation models judged in code when a delegation to a third party arrives (src/models/library/
// unapproved-delegation.ts, off-list-delegation.ts, delegation-fee.ts).
import type { HitRow } from '../model.ts';
import type { Check, CheckContext, Hit, KindChecks } from './judge.ts';
import { levelsOf } from './inspections.ts';
import type { Delegation } from './state.ts';

export type DelegationRow = Delegation;

const one = (ctx: CheckContext, row: HitRow): Hit[] => [{ row, params: ctx.params }];
const head = (r: DelegationRow, ctx: CheckContext) => ({
  subject_kind: 'delegation',
  subject_id: r.id,
  region_code: r.region_code,
  agency_id: r.agency_id,
  window_key: '',
  evidence_ids: r.id,
  subject_name: r.service_name,
  agency_name: ctx.state.agencyName(r.agency_id),
  signed_on: r.signed_on,
});

/** CAST(x AS DECIMAL(…, scale)) as both engines round: half away from zero, on the shortest decimal form of a double. */
export function roundDecimal(x: number, scale: number): number {
  const scaled = Number((Math.abs(x) * 10 ** scale).toPrecision(15));
  return (Math.sign(x) * Math.round(scaled)) / 10 ** scale;
}

// 委托未报批
const unapproved: Check<DelegationRow> = (r, ctx) =>
  r.approved !== false
    ? []
    : one(ctx, {
        ...head(r, ctx),
        service_code: r.service_code,
        service_name: r.service_name,
        provider_name: r.provider_name,
        fee: r.fee === null ? null : Number(r.fee),
      });

// 目录外委托: no whitelist entry of the delegation's province, city or county, cross-line or of the agency's line.
const offList: Check<DelegationRow> = (r, ctx) => {
  const { state } = ctx;
  const w = r.service_code === null ? undefined : state.whitelist.get(r.service_code);
  const line = state.agencies.get(r.agency_id)?.line;
  if (w && levelsOf(r.region_code).includes(w.region) && (w.line === null || w.line === line)) return [];
  const reason =
    r.service_code === null
      ? '未对应正面清单事项'
      : !w
        ? `事项编码${r.service_code}不在正面清单内`
        : `清单事项${r.service_code}不适用于本部门（区域或条线不符）`;
  return one(ctx, { ...head(r, ctx), service_code: r.service_code, service_name: r.service_name, provider_name: r.provider_name, reason });
};

// 委托费用异常偏高: the fee at least min_ratio times the median fee of the service over every delegation.
// A new delegation moves the median, so every delegation of the service is judged again (by its own
// region's parameters). The median as each engine computes it: DuckDB's of a DECIMAL keeps two decimals
// (rounding the midpoint down), PostgreSQL's percentile_cont interpolates in double precision.
const fee: Check<DelegationRow> = (r, ctx) => {
  const { state } = ctx;
  if (r.service_code === null || r.fee === null) return [];
  const fees = state.feesByService.get(r.service_code) ?? [];
  const n = fees.length;
  const mid = n >> 1;
  const median =
    n % 2 === 1
      ? fees[mid]
      : state.store.dialect.name === 'duckdb'
        ? Math.floor((Math.round(fees[mid - 1] * 100) + Math.round(fees[mid] * 100)) / 2) / 100
        : (fees[mid - 1] + fees[mid]) / 2;
  if (!(median > 0)) return [];
  const hits: Hit[] = [];
  for (const d of state.delegationsByService.get(r.service_code) ?? []) {
    const group = ctx.groups.of(d.region_code);
    if (!group?.enabled || n < group.params.min_peers || d.fee! < group.params.min_ratio * median) continue;
    hits.push({
      row: {
        ...head(d, ctx),
        service_code: d.service_code,
        service_name: d.service_name,
        provider_name: d.provider_name,
        fee: d.fee,
        median_fee: roundDecimal(median, 2),
        peer_count: n,
        fee_ratio: roundDecimal(d.fee! / median, 1),
      },
      params: group.params,
    });
  }
  return hits;
};

export const delegationChecks: KindChecks<DelegationRow> = {
  parts: ['delegations'],
  columns: ['id', 'region_code', 'agency_id', 'service_code', 'service_name', 'provider_name', 'approved', 'fee', 'signed_on'],
  observe: (state, r) => state.putDelegation(r),
  checks: { DEL_UNAPPROVED: unapproved, DEL_OFF_LIST: offList, DEL_FEE: fee },
};
