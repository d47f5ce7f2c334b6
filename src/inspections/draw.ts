// Drawing a plan item (双随机): the pool of entities (the agency's directory, or the entities a
// targeted plan lists), the pool of officers (named, or every officer of the agency whose certificate
// covers the rest of the window), a fresh seed, the order the seed gives (sampling.ts), and one task
// per drawn rank with its officers and its code. The seed, the pools' size and digest and the
// officers are stored with the draw and written to the audit log, so `kedu plans resample --verify`
// computes the same draw again and compares it with the tasks, rank by rank.
import { randomUUID } from 'node:crypto';
import { withAudit } from '../audit/audit-log.ts';
import type { Caller } from '../auth/caller.ts';
import { addDays, businessDate } from '../domain/dates.ts';
import { regionPrefix } from '../domain/region.ts';
import { badRequest, KeduError, notFound } from '../domain/errors.ts';
import { splitCodes } from '../domain/lists.ts';
import { certificateProblem, type CertificateTerm } from '../domain/certificate.ts';
import { DEFAULT_OFFICERS_PER_TASK, DEFAULT_TASK_DAYS } from '../records/kinds/inspection-plans.ts';
import { joinSql, sql } from '../store/sql.ts';
import type { Store } from '../store/store.ts';
import { authorize, planScope } from '../policy/index.ts';
import {
  drawOfficers,
  drawOrder,
  drawStartDay,
  poolDigest,
  SAMPLING_METHOD,
  SeedStream,
  newSeed,
  weightOf,
  type Candidate,
} from './sampling.ts';
import { issueTasks, type IssuedTask, type NewTask } from './tasks.ts';

export interface PlanRow {
  id: string;
  source_system: string;
  source_id: string;
  region_code: string;
  agency_id: string;
  plan_year: number;
  name: string;
  inspection_item_code: string;
  method: 'random' | 'targeted';
  target_count: number;
  weighting: 'none' | 'risk' | 'credit' | null;
  object_type: string | null;
  entity_usccs: string | null;
  officer_ids: string | null;
  officers_per_task: number | null;
  task_days: number | null;
  starts_on: string;
  ends_on: string;
}

/** What a draw keeps of its plan: enough to compute it again whatever the plan row says later. */
export interface DrawParams {
  method: PlanRow['method'];
  weighting: NonNullable<PlanRow['weighting']>;
  objectType: string | null;
  entityUsccs: string[];
  officersPerTask: number;
  taskDays: number;
  /** The window the tasks are placed in: from the later of the plan's start and the draw's day. */
  from: string;
  to: string;
  /** A supplementary draw (an adjustment): the earlier draws of the plan, whose entities it leaves out. */
  exclude: string[];
}

export interface DrawRow {
  id: string;
  plan_id: string;
  region_code: string;
  agency_id: string;
  method: string;
  seed: string | null;
  pool_size: number;
  pool_digest: string | null;
  officer_pool: string;
  params: string;
  drawn: number;
  drawn_by: string;
  drawn_at: string;
}

export async function getPlanRow(store: Store, caller: Caller, id: string): Promise<PlanRow> {
  authorize(caller, 'read', { type: 'inspections' });
  const [p] = await store.query<PlanRow>(sql`SELECT p.* FROM inspection_plans p WHERE p.id = ${id} AND ${planScope(caller, 'p')}`);
  if (!p) throw notFound('未找到该检查计划');
  return p;
}

export function drawParams(p: PlanRow, day: string, exclude: string[] = []): DrawParams {
  return {
    exclude,
    method: p.method,
    weighting: p.weighting ?? 'none',
    objectType: p.object_type,
    entityUsccs: splitCodes(p.entity_usccs),
    officersPerTask: p.officers_per_task ?? DEFAULT_OFFICERS_PER_TASK,
    taskDays: p.task_days ?? DEFAULT_TASK_DAYS,
    from: day > p.starts_on ? day : p.starts_on,
    to: p.ends_on,
  };
}

/**
 * The entities a plan draws from, with their weights: the agency's directory (of the plan's object
 * type), or the entities a targeted plan lists; only registered entities.
 */
export async function entityPool(store: Store, agencyId: string, params: DrawParams): Promise<Candidate[]> {
  const rows =
    params.method === 'targeted'
      ? await store.query<{ uscc: string; risk_class: string | null; credit_class: string | null }>(sql`
          SELECT e.uscc, o.risk_class, o.credit_class FROM entities e
            LEFT JOIN inspection_objects o ON o.entity_uscc = e.uscc AND o.agency_id = ${agencyId}
          WHERE e.uscc IN (${joinSql(
            params.entityUsccs.map((u) => sql`${u}`),
            ', ',
          )})`)
      : await store.query<{ uscc: string; risk_class: string | null; credit_class: string | null }>(sql`
          SELECT o.entity_uscc AS uscc, o.risk_class, o.credit_class FROM inspection_objects o JOIN entities e ON e.uscc = o.entity_uscc
          WHERE o.agency_id = ${agencyId} ${params.objectType === null ? sql`` : sql`AND o.object_type = ${params.objectType}`}`);
  const excluded = new Set<string>();
  if (params.exclude.length)
    for (const r of await store.query<{ entity_uscc: string }>(
      sql`SELECT entity_uscc FROM inspection_tasks WHERE draw_id IN (${joinSql(
        params.exclude.map((d) => sql`${d}`),
        ', ',
      )})`,
    ))
      excluded.add(r.entity_uscc);
  return rows
    .filter((r) => !excluded.has(r.uscc))
    .map((r) => ({ id: r.uscc, weight: weightOf(params.weighting, r.risk_class, r.credit_class) }));
}

/** The officers a plan draws from: those named, or every officer of the agency, whose certificates cover [from, to]. */
export async function officerPool(store: Store, agencyId: string, named: readonly string[], from: string, to: string): Promise<string[]> {
  const rows = await store.query<{ id: string } & Partial<CertificateTerm>>(sql`
    SELECT o.id, c.status, c.issued_on, c.expires_on FROM officers o LEFT JOIN certificates c ON c.officer_id = o.id
    WHERE o.agency_id = ${agencyId}`);
  const certs = new Map<string, CertificateTerm[]>();
  for (const r of rows) {
    const list = certs.get(r.id) ?? [];
    if (r.status && r.issued_on && r.expires_on) list.push({ status: r.status, issued_on: r.issued_on, expires_on: r.expires_on });
    certs.set(r.id, list);
  }
  const wanted = named.length ? named.filter((id) => certs.has(id)) : [...certs.keys()];
  return wanted.filter((id) => !certificateProblem(certs.get(id)!, from, to)).sort();
}

/** The tasks of ranks [first, last) of a draw: entity from the order, officers and days from the seed. */
export function tasksOfRanks(
  plan: Pick<PlanRow, 'id' | 'agency_id' | 'inspection_item_code'>,
  drawId: string,
  seed: SeedStream,
  order: readonly string[],
  officers: readonly string[],
  params: DrawParams,
  regionOf: (uscc: string) => string,
  first: number,
  last: number,
): NewTask[] {
  const out: NewTask[] = [];
  for (let rank = first; rank < Math.min(last, order.length); rank++) {
    const entity = order[rank];
    const start = drawStartDay(seed, rank, params.from, params.to, params.taskDays);
    const end = addDays(start, params.taskDays - 1);
    out.push({
      region_code: regionOf(entity),
      agency_id: plan.agency_id,
      origin: 'plan',
      plan_id: plan.id,
      draw_id: drawId,
      draw_rank: rank,
      merge_id: null,
      inspection_item_code: plan.inspection_item_code,
      entity_uscc: entity,
      planned_on: start,
      valid_from: start,
      valid_to: end > params.to ? params.to : end,
      officer_ids: drawOfficers(seed, rank, officers, params.officersPerTask).join(','),
      reason: null,
    });
  }
  return out;
}

export async function entityRegions(store: Store, usccs: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (let i = 0; i < usccs.length; i += 5000) {
    const part = usccs.slice(i, i + 5000);
    for (const r of await store.query<{ uscc: string; region_code: string }>(
      sql`SELECT uscc, region_code FROM entities WHERE uscc IN (${joinSql(
        part.map((u) => sql`${u}`),
        ', ',
      )})`,
    ))
      out.set(r.uscc, r.region_code);
  }
  return out;
}

export interface DrawResult {
  draw: DrawRow;
  tasks: IssuedTask[];
  /** The pool was smaller than the target: every entity in it was drawn. */
  short: boolean;
}

/** A draw of n entities of a plan, computed and not yet written: its row and its tasks. */
export async function prepareDraw(
  store: Store,
  caller: Caller,
  plan: PlanRow,
  n: number,
  exclude: string[],
  now: Date,
): Promise<{ draw: DrawRow; tasks: NewTask[]; short: boolean }> {
  const day = businessDate(now);
  if (plan.ends_on < day) throw badRequest(`计划时段已过（结束日期 ${plan.ends_on}），不能再抽取`, 'ends_on');
  const params = drawParams(plan, day, exclude);
  const pool = await entityPool(store, plan.agency_id, params);
  if (pool.length === 0)
    throw badRequest(
      params.method === 'random'
        ? '本部门检查对象名录中没有可抽取的对象（请先导入检查对象名录）'
        : '所列检查对象均不在经营主体库中，或均已抽取',
      'inspection_item_code',
    );
  const officers = await officerPool(store, plan.agency_id, splitCodes(plan.officer_ids), params.from, params.to);
  if (officers.length < params.officersPerTask)
    throw badRequest(
      `在${params.from}至${params.to}持有效执法证的执法人员只有 ${officers.length} 人，少于每户检查人数 ${params.officersPerTask} 人`,
      'officer_ids',
    );
  const seedText = newSeed();
  const seed = new SeedStream(seedText);
  // The first n of the order: all it takes.
  const order = drawOrder(seed, pool, n);
  const taken = order.length;
  const drawId = `DR-${randomUUID()}`;
  const regions = await entityRegions(store, order);
  const tasks = tasksOfRanks(plan, drawId, seed, order, officers, params, (u) => regions.get(u)!, 0, taken);
  const draw: DrawRow = {
    id: drawId,
    plan_id: plan.id,
    region_code: plan.region_code,
    agency_id: plan.agency_id,
    method: SAMPLING_METHOD,
    seed: seedText,
    pool_size: pool.length,
    pool_digest: poolDigest(pool),
    officer_pool: officers.join(','),
    params: JSON.stringify(params),
    drawn: taken,
    drawn_by: caller.userId,
    drawn_at: now.toISOString(),
  };
  return { draw, tasks, short: taken < n };
}

/** Writes a prepared draw and its tasks inside an audited transaction; the audit entry to append. */
export async function writeDraw(tx: Store, draw: DrawRow, tasks: readonly NewTask[], actor: string, now: Date) {
  await tx.exec(sql`INSERT INTO plan_draws (id, plan_id, region_code, agency_id, method, seed, pool_size, pool_digest, officer_pool, params, drawn, drawn_by, drawn_at)
    VALUES (${draw.id}, ${draw.plan_id}, ${draw.region_code}, ${draw.agency_id}, ${draw.method}, ${draw.seed}, ${draw.pool_size}, ${draw.pool_digest},
      ${draw.officer_pool}, ${draw.params}, ${draw.drawn}, ${draw.drawn_by}, ${now})`);
  const issued = await issueTasks(tx, tasks, actor, now);
  const audit = {
    actor,
    action: 'plan.draw',
    target: draw.plan_id,
    regionCode: draw.region_code,
    detail: {
      draw: draw.id,
      method: draw.method,
      seed: draw.seed,
      poolSize: draw.pool_size,
      poolDigest: draw.pool_digest,
      officers: splitCodes(draw.officer_pool).length,
      drawn: draw.drawn,
      supplementary: (JSON.parse(draw.params) as DrawParams).exclude.length > 0,
      firstSerial: issued[0]?.serial ?? null,
    },
  };
  return { issued, audit };
}

/** Draws a plan item: its staff (or an administrator), once; later changes go through an adjustment. */
export async function drawPlan(store: Store, caller: Caller, planId: string, now = new Date()): Promise<DrawResult> {
  const plan = await getPlanRow(store, caller, planId);
  authorize(caller, 'draw', { type: 'inspection_work', agencyId: plan.agency_id, regionCode: plan.region_code });
  const [existing] = await store.query<{ id: string }>(sql`SELECT id FROM plan_draws WHERE plan_id = ${plan.id}`);
  if (existing) throw new KeduError('conflict', `该计划已抽取（抽取批次 ${existing.id}）；如需增减户数或替换对象，请作计划调整并写明原因`);
  const { draw, tasks, short } = await prepareDraw(store, caller, plan, plan.target_count, [], now);
  return withAudit(store, plan.region_code, async (tx) => {
    const [again] = await tx.query<{ id: string }>(sql`SELECT id FROM plan_draws WHERE plan_id = ${plan.id}`);
    if (again) throw new KeduError('conflict', `该计划已抽取（抽取批次 ${again.id}）`);
    const { issued, audit } = await writeDraw(tx, draw, tasks, caller.userId, now);
    return { result: { draw, tasks: issued, short }, audit: [audit] };
  });
}

// ── verifying a past draw ───────────────────────────────────────────────────────────────────────

export interface DrawCheck {
  drawId: string;
  planId: string;
  planName: string;
  method: string;
  /** Whether it could be computed again at all (an external draw cannot). */
  reproducible: boolean;
  poolSize: number;
  poolNow: number;
  poolUnchanged: boolean;
  ranks: number;
  /** Ranks whose entity or officers differ from what the seed gives. */
  mismatches: { rank: number; taskId: string; expected: string; found: string }[];
  ok: boolean;
  message: string;
}

/** Computes a draw again from its seed and stored pools and compares it with its tasks, rank by rank. */
export async function checkDraw(store: Store, draw: DrawRow): Promise<DrawCheck> {
  const [plan] = await store.query<{ name: string; inspection_item_code: string }>(
    sql`SELECT name, inspection_item_code FROM inspection_plans WHERE id = ${draw.plan_id}`,
  );
  const base = {
    drawId: draw.id,
    planId: draw.plan_id,
    planName: plan?.name ?? draw.plan_id,
    method: draw.method,
    poolSize: draw.pool_size,
  };
  if (draw.method !== SAMPLING_METHOD || !draw.seed) {
    return {
      ...base,
      reproducible: false,
      poolNow: 0,
      poolUnchanged: false,
      ranks: draw.drawn,
      mismatches: [],
      ok: true,
      message: '外部系统抽取，无种子，不能复现',
    };
  }
  const params = JSON.parse(draw.params) as DrawParams;
  const pool = await entityPool(store, draw.agency_id, params);
  const digest = poolDigest(pool);
  const tasks = await store.query<{ id: string; draw_rank: number; entity_uscc: string; officer_ids: string }>(
    sql`SELECT id, draw_rank, entity_uscc, officer_ids FROM inspection_tasks WHERE draw_id = ${draw.id} ORDER BY draw_rank`,
  );
  if (digest !== draw.pool_digest) {
    return {
      ...base,
      reproducible: false,
      poolNow: pool.length,
      poolUnchanged: false,
      ranks: tasks.length,
      mismatches: [],
      ok: false,
      message: `抽取后检查对象名录或其风险、信用等级已变动（抽取时 ${draw.pool_size} 户，现 ${pool.length} 户），不能逐一复现；名录的每次导入见审计日志`,
    };
  }
  const seed = new SeedStream(draw.seed);
  const order = drawOrder(
    seed,
    pool,
    tasks.reduce((m, t) => Math.max(m, t.draw_rank + 1), draw.drawn),
  );
  const officers = splitCodes(draw.officer_pool);
  // The rank's officers are drawn over the pool as stored; that pool was certified at the draw.
  const mismatches: DrawCheck['mismatches'] = [];
  for (const t of tasks) {
    const expectedEntity = order[t.draw_rank];
    const expectedOfficers = drawOfficers(seed, t.draw_rank, officers, params.officersPerTask).join(',');
    if (expectedEntity !== t.entity_uscc)
      mismatches.push({ rank: t.draw_rank, taskId: t.id, expected: expectedEntity ?? '（无）', found: t.entity_uscc });
    else if (expectedOfficers !== t.officer_ids)
      mismatches.push({ rank: t.draw_rank, taskId: t.id, expected: expectedOfficers, found: t.officer_ids });
  }
  const missing = draw.drawn - tasks.length;
  const ok = mismatches.length === 0 && missing === 0;
  return {
    ...base,
    reproducible: true,
    poolNow: pool.length,
    poolUnchanged: true,
    ranks: tasks.length,
    mismatches,
    ok,
    message: ok
      ? `已复现：${tasks.length} 户检查对象及其执法人员与种子计算结果完全一致`
      : `不一致：${mismatches.length} 个名次的对象或人员与种子计算结果不符${missing ? `，${missing} 个名次缺少任务` : ''}`,
  };
}

export async function drawsOf(
  store: Store,
  caller: Caller,
  filter: { planId?: string; drawId?: string; year?: number; regionCode?: string },
): Promise<DrawRow[]> {
  authorize(caller, 'read', { type: 'inspections' });
  const where = [planScope(caller, 'd')];
  if (filter.planId) where.push(sql`d.plan_id = ${filter.planId}`);
  if (filter.drawId) where.push(sql`d.id = ${filter.drawId}`);
  if (filter.regionCode) where.push(sql`d.region_code LIKE ${regionPrefix(filter.regionCode) + '%'}`);
  if (filter.year) where.push(sql`EXISTS (SELECT 1 FROM inspection_plans p WHERE p.id = d.plan_id AND p.plan_year = ${filter.year})`);
  return store.query<DrawRow>(sql`SELECT d.* FROM plan_draws d WHERE ${joinSql(where, ' AND ')} ORDER BY d.drawn_at, d.id`);
}
