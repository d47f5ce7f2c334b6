// Plans read back (with their draws and how far they got) and adjusted. A plan item is made by the
// import (records kind inspection_plans: file, API, or the console's form, which posts one record);
// adjusting it afterwards — the number of entities, its end date, one entity replaced — always takes a
// reason and lands in plan_adjustments and the audit log (动态调整). More entities are a supplementary
// draw with its own seed, from the pool less those already drawn, so every draw stays reproducible.
import { randomUUID } from 'node:crypto';
import { withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import type { Caller } from '../auth/caller.ts';
import { businessDate } from '../domain/dates.ts';
import { badRequest, KeduError } from '../domain/errors.ts';
import { regionPrefix } from '../domain/region.ts';
import { joinSql, sql, type Sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { authorize, planScope } from '../policy/index.ts';
import { getPlanRow, prepareDraw, writeDraw, type DrawRow, type PlanRow } from './draw.ts';
import { displayCode } from './action-code.ts';

/** The columns of inspection_plans in the order every bulk write (the demo, the bench) gives them. */
export const PLAN_COLUMNS = [
  'id',
  'source_system',
  'source_id',
  'region_code',
  'agency_id',
  'plan_year',
  'name',
  'inspection_item_code',
  'method',
  'target_count',
  'weighting',
  'object_type',
  'entity_usccs',
  'officer_ids',
  'officers_per_task',
  'task_days',
  'starts_on',
  'ends_on',
];

export interface PlanFilter {
  year?: number;
  agencyId?: string;
  regionCode?: string;
}

export interface PlanListRow extends PlanRow {
  agency_name: string | null;
  item_name: string | null;
  draws: number;
  tasks: number;
  open_tasks: number;
  /** Inspection records that cite a code of the plan's tasks. */
  executed: number;
  adjustments: number;
}

export async function listPlans(store: Store, caller: Caller, filter: PlanFilter, page: number, pageSize: number) {
  authorize(caller, 'read', { type: 'inspections' });
  const where: Sql[] = [planScope(caller, 'p')];
  if (filter.year) where.push(sql`p.plan_year = ${filter.year}`);
  if (filter.agencyId) where.push(sql`p.agency_id = ${filter.agencyId}`);
  if (filter.regionCode) where.push(sql`p.region_code LIKE ${regionPrefix(filter.regionCode) + '%'}`);
  const cond = joinSql(where, ' AND ');
  const [n] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM inspection_plans p WHERE ${cond}`);
  const rows = await store.query<PlanListRow>(sql`
    WITH page AS (
      SELECT p.* FROM inspection_plans p WHERE ${cond}
      ORDER BY p.plan_year DESC, p.starts_on DESC, p.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}
    ), t AS (
      SELECT t.plan_id, count(*) AS tasks, count(*) FILTER (WHERE t.status = 'open') AS open_tasks,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspections i WHERE i.action_code = t.code)) AS executed
      FROM inspection_tasks t JOIN page ON page.id = t.plan_id GROUP BY t.plan_id
    )
    SELECT page.*, a.name AS agency_name, ii.name AS item_name,
           (SELECT count(*) FROM plan_draws d WHERE d.plan_id = page.id) AS draws,
           COALESCE(t.tasks, 0) AS tasks, COALESCE(t.open_tasks, 0) AS open_tasks, COALESCE(t.executed, 0) AS executed,
           (SELECT count(*) FROM plan_adjustments j WHERE j.plan_id = page.id) AS adjustments
    FROM page
      LEFT JOIN t ON t.plan_id = page.id
      LEFT JOIN agencies a ON a.id = page.agency_id
      LEFT JOIN inspection_items ii ON ii.code = page.inspection_item_code
    ORDER BY page.plan_year DESC, page.starts_on DESC, page.id`);
  return { total: Number(n.n), rows: rows.map(numbers) };
}

const numbers = (r: PlanListRow): PlanListRow => ({
  ...r,
  draws: Number(r.draws),
  tasks: Number(r.tasks),
  open_tasks: Number(r.open_tasks),
  executed: Number(r.executed),
  adjustments: Number(r.adjustments),
});

export interface AdjustmentRow {
  id: string;
  plan_id: string;
  kind: AdjustmentKind;
  before_value: string | null;
  after_value: string | null;
  reason: string;
  adjusted_by: string;
  adjusted_at: string;
}

export interface PlanDetail {
  plan: PlanRow & { agency_name: string | null; item_name: string | null };
  draws: (Omit<DrawRow, 'params'> & { params: unknown })[];
  adjustments: AdjustmentRow[];
  tasks: { open: number; merged: number; revoked: number; executed: number };
}

export async function planDetail(store: Store, caller: Caller, id: string): Promise<PlanDetail> {
  const p = await getPlanRow(store, caller, id);
  const [names] = await store.query<{ agency_name: string | null; item_name: string | null }>(sql`
    SELECT (SELECT name FROM agencies WHERE id = ${p.agency_id}) AS agency_name, (SELECT name FROM inspection_items WHERE code = ${p.inspection_item_code}) AS item_name`);
  const draws = await store.query<DrawRow>(sql`SELECT * FROM plan_draws WHERE plan_id = ${id} ORDER BY drawn_at, id`);
  const adjustments = await store.query<AdjustmentRow>(sql`SELECT * FROM plan_adjustments WHERE plan_id = ${id} ORDER BY adjusted_at, id`);
  const [c] = await store.query<{ open: number; merged: number; revoked: number; executed: number }>(sql`
    SELECT count(*) FILTER (WHERE t.status = 'open') AS open, count(*) FILTER (WHERE t.status = 'merged') AS merged,
           count(*) FILTER (WHERE t.status = 'revoked') AS revoked,
           count(*) FILTER (WHERE EXISTS (SELECT 1 FROM inspections i WHERE i.action_code = t.code)) AS executed
    FROM inspection_tasks t WHERE t.plan_id = ${id}`);
  return {
    plan: { ...p, ...names },
    draws: draws.map((d) => ({ ...d, params: JSON.parse(d.params) as unknown })),
    adjustments,
    tasks: { open: Number(c.open), merged: Number(c.merged), revoked: Number(c.revoked), executed: Number(c.executed) },
  };
}

// ── adjustments ─────────────────────────────────────────────────────────────────────────────────

export type AdjustmentKind = 'target' | 'window' | 'replace';
export const ADJUSTMENT_LABELS: Record<AdjustmentKind, string> = {
  target: '调整检查户数',
  window: '调整结束日期',
  replace: '替换检查对象',
};

export type AdjustmentInput =
  | { kind: 'target'; targetCount: number; reason: string }
  | { kind: 'window'; endsOn: string; reason: string }
  | { kind: 'replace'; taskId: string; reason: string };

export interface AdjustmentResult {
  adjustment: AdjustmentRow;
  /** Tasks made by a supplementary draw. */
  added: { id: string; entityUscc: string; code: string; displayCode: string }[];
  /** Tasks whose codes were revoked. */
  revoked: string[];
}

/** 动态调整: one change to a drawn (or undrawn) plan item, with its reason, audited. */
export async function adjustPlan(
  store: Store,
  caller: Caller,
  planId: string,
  input: AdjustmentInput,
  now = new Date(),
): Promise<AdjustmentResult> {
  const plan = await getPlanRow(store, caller, planId);
  authorize(caller, 'adjust', { type: 'inspection_work', agencyId: plan.agency_id, regionCode: plan.region_code });
  const reason = input.reason.trim();
  if (reason.length < 4) throw badRequest('调整须写明原因（至少4个字）', 'reason');
  if (reason.length > 500) throw badRequest('调整原因不能超过500字', 'reason');
  const today = businessDate(now);
  const draws = await store.query<{ id: string }>(sql`SELECT id FROM plan_draws WHERE plan_id = ${plan.id} ORDER BY drawn_at, id`);
  const id = `ADJ-${randomUUID()}`;
  let before: unknown, after: unknown;
  let update: Sql | null = null;
  let revoke: { ids: string[]; why: string } | null = null;
  let supplement: Awaited<ReturnType<typeof prepareDraw>> | null = null;

  if (input.kind === 'target') {
    const n = input.targetCount;
    if (!Number.isInteger(n) || n < 1 || n > 100000) throw badRequest('计划检查户数须为1至100000的整数', 'targetCount');
    if (n === plan.target_count) throw badRequest(`计划检查户数已是 ${n}`, 'targetCount');
    before = { targetCount: plan.target_count };
    after = { targetCount: n };
    update = sql`UPDATE inspection_plans SET target_count = ${n}, changed_at = current_timestamp WHERE id = ${plan.id}`;
    if (draws.length) {
      const open = await store.query<{ id: string }>(
        sql`SELECT id FROM inspection_tasks WHERE plan_id = ${plan.id} AND status = 'open' AND NOT EXISTS (SELECT 1 FROM inspections i WHERE i.action_code = inspection_tasks.code)
            ORDER BY created_at DESC, draw_rank DESC`,
      );
      const [live] = await store.query<{ n: number }>(
        sql`SELECT count(*) AS n FROM inspection_tasks WHERE plan_id = ${plan.id} AND status <> 'revoked'`,
      );
      const current = Number(live.n);
      if (n > current)
        supplement = await prepareDraw(
          store,
          caller,
          plan,
          n - current,
          draws.map((d) => d.id),
          now,
        );
      else if (n < current) {
        if (open.length < current - n)
          throw badRequest(`已执行或已合并的任务有 ${current - open.length} 户，户数不能少于此数`, 'targetCount');
        revoke = {
          ids: open.slice(0, current - n).map((t) => t.id),
          why: `计划调整：检查户数由 ${plan.target_count} 调为 ${n}（${reason}）`,
        };
      }
    }
  } else if (input.kind === 'window') {
    const to = input.endsOn;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(to) || Number.isNaN(Date.parse(to))) throw badRequest('结束日期格式应为 YYYY-MM-DD', 'endsOn');
    if (to < plan.starts_on) throw badRequest('结束日期不能早于开始日期', 'endsOn');
    if (to < today) throw badRequest(`结束日期不能早于今天（${today}）`, 'endsOn');
    if (to.slice(0, 4) !== String(plan.plan_year)) throw badRequest(`结束日期须在计划年度 ${plan.plan_year} 年内`, 'endsOn');
    before = { endsOn: plan.ends_on };
    after = { endsOn: to };
    update = sql`UPDATE inspection_plans SET ends_on = CAST(${to} AS DATE), changed_at = current_timestamp WHERE id = ${plan.id}`;
  } else {
    const [t] = await store.query<{ id: string; status: string; entity_uscc: string; code: string }>(
      sql`SELECT id, status, entity_uscc, code FROM inspection_tasks WHERE id = ${input.taskId} AND plan_id = ${plan.id}`,
    );
    if (!t) throw badRequest('该任务不属于本计划', 'taskId');
    if (t.status !== 'open') throw new KeduError('illegal_transition', '只能替换有效的任务');
    const [done] = await store.query(sql`SELECT 1 AS x FROM inspections WHERE action_code = ${t.code} LIMIT 1`);
    if (done) throw new KeduError('illegal_transition', '该任务已有检查记录，不能替换');
    before = { taskId: t.id, entityUscc: t.entity_uscc };
    revoke = { ids: [t.id], why: `计划调整：替换检查对象（${reason}）` };
    supplement = await prepareDraw(
      store,
      caller,
      plan,
      1,
      draws.map((d) => d.id),
      now,
    );
    after = { entityUscc: supplement.tasks[0]?.entity_uscc ?? null };
  }

  const adjustment: AdjustmentRow = {
    id,
    plan_id: plan.id,
    kind: input.kind,
    before_value: JSON.stringify(before),
    after_value: JSON.stringify(after),
    reason,
    adjusted_by: caller.userId,
    adjusted_at: now.toISOString(),
  };
  return withAudit(store, plan.region_code, async (tx) => {
    const audit: AuditEntryInput[] = [];
    if (update) await tx.exec(update);
    if (revoke && revoke.ids.length) {
      await tx.exec(sql`UPDATE inspection_tasks SET status = 'revoked', reason = ${revoke.why}, revoked_at = ${now.toISOString()}
        WHERE status = 'open' AND id IN (${joinSql(
          revoke.ids.map((x) => sql`${x}`),
          ', ',
        )})`);
    }
    let added: AdjustmentResult['added'] = [];
    if (supplement && supplement.tasks.length) {
      const { issued, audit: drawAudit } = await writeDraw(tx, supplement.draw, supplement.tasks, caller.userId, now);
      audit.push(drawAudit);
      added = issued.map((t) => ({ id: t.id, entityUscc: t.entity_uscc, code: t.code, displayCode: displayCode(t.code) }));
    }
    await tx.exec(sql`INSERT INTO plan_adjustments (id, plan_id, region_code, agency_id, kind, before_value, after_value, reason, adjusted_by, adjusted_at)
      VALUES (${id}, ${plan.id}, ${plan.region_code}, ${plan.agency_id}, ${input.kind}, ${adjustment.before_value}, ${adjustment.after_value}, ${reason}, ${caller.userId}, ${now})`);
    audit.unshift({
      actor: caller.userId,
      action: 'plan.adjust',
      target: plan.id,
      regionCode: plan.region_code,
      detail: { adjustment: id, kind: input.kind, before, after, reason, revoked: revoke?.ids ?? [], added: added.map((a) => a.id) },
    });
    return { result: { adjustment, added, revoked: revoke?.ids ?? [] }, audit };
  });
}
