// 检查任务: one visit to one entity, coded before entry. Tasks come from a plan's draw, from an
// agency's ad-hoc need (a complaint, a referral), or from an accepted merge (a joint task). Each gets
// its serial from one counter and its 行政行为码 signed with the server's key (action-code.ts), in the
// audited transaction that makes it.
import { withAudit } from '../audit/audit-log.ts';
import type { Caller } from '../auth/caller.ts';
import { badRequest, KeduError, notFound } from '../domain/errors.ts';
import { addDays, businessDate } from '../domain/dates.ts';
import { splitCodes } from '../domain/lists.ts';
import { certificateProblem, type CertificateTerm } from '../domain/certificate.ts';
import { usccProblem } from '../domain/uscc.ts';
import { regionContains } from '../domain/region.ts';
import { joinSql, sql, type Sql } from '../store/sql.ts';
import type { Store, Value } from '../store/store.ts';
import { displayCode, issueCode, MAX_SERIAL } from './action-code.ts';
import { codeKey } from './code-key.ts';
import { authorize, taskScope } from '../policy/index.ts';

export type TaskOrigin = 'plan' | 'complaint' | 'adhoc' | 'joint';
export type TaskStatus = 'open' | 'merged' | 'revoked';

export const ORIGIN_LABELS: Record<TaskOrigin, string> = { plan: '计划任务', complaint: '投诉举报', adhoc: '临时任务', joint: '联合检查' };
export const STATUS_LABELS: Record<TaskStatus, string> = { open: '有效', merged: '已并入联合检查', revoked: '已撤销' };

/** A task to be made: everything but its serial, id and code. */
export interface NewTask {
  region_code: string;
  agency_id: string;
  origin: TaskOrigin;
  plan_id: string | null;
  draw_id: string | null;
  draw_rank: number | null;
  merge_id: string | null;
  inspection_item_code: string | null;
  entity_uscc: string;
  planned_on: string;
  valid_from: string;
  valid_to: string;
  officer_ids: string;
  reason: string | null;
}

export interface IssuedTask extends NewTask {
  id: string;
  serial: number;
  code: string;
}

/** The columns of inspection_tasks in the order every bulk write (the demo, the bench) gives them. */
export const TASK_COLUMNS = [
  'id',
  'serial',
  'code',
  'region_code',
  'agency_id',
  'origin',
  'plan_id',
  'draw_id',
  'draw_rank',
  'merge_id',
  'joint_task_id',
  'inspection_item_code',
  'entity_uscc',
  'planned_on',
  'valid_from',
  'valid_to',
  'officer_ids',
  'status',
  'reason',
  'revoked_at',
  'created_by',
  'created_at',
];

export const taskIdOf = (serial: number): string => `T${String(serial).padStart(10, '0')}`;

/** Takes n serials from the counter (inside the caller's audited transaction, which serialises writers). */
export async function takeSerials(tx: Store, n: number): Promise<number> {
  const [c] = await tx.query<{ next_serial: number }>(`SELECT next_serial FROM inspection_code_counter WHERE name = 'task'`);
  const first = Number(c.next_serial);
  if (first + n - 1 > MAX_SERIAL) throw new KeduError('conflict', '行政行为码序号已用尽');
  await tx.exec(`UPDATE inspection_code_counter SET next_serial = $1 WHERE name = 'task'`, [first + n]);
  return first;
}

/** Gives each task its serial, id and signed code, and writes them. Runs inside an audited transaction. */
export async function issueTasks(tx: Store, tasks: readonly NewTask[], createdBy: string, now: Date): Promise<IssuedTask[]> {
  if (tasks.length === 0) return [];
  const first = await takeSerials(tx, tasks.length);
  const key = codeKey();
  const issued = tasks.map((t, i) => {
    const serial = first + i;
    const id = taskIdOf(serial);
    return { ...t, id, serial, code: issueCode(key, { ...t, serial, id }) };
  });
  const at = now.toISOString();
  await tx.copyIn(
    'inspection_tasks',
    TASK_COLUMNS,
    issued.map((t): Value[] => [
      t.id,
      t.serial,
      t.code,
      t.region_code,
      t.agency_id,
      t.origin,
      t.plan_id,
      t.draw_id,
      t.draw_rank,
      t.merge_id,
      null,
      t.inspection_item_code,
      t.entity_uscc,
      t.planned_on,
      t.valid_from,
      t.valid_to,
      t.officer_ids,
      'open',
      t.reason,
      null,
      createdBy,
      at,
    ]),
  );
  return issued;
}

// ── reading tasks ───────────────────────────────────────────────────────────────────────────────

/** A task as stored: what was issued, and what happened to it since. */
export interface TaskRow extends IssuedTask {
  joint_task_id: string | null;
  status: TaskStatus;
  revoked_at: string | null;
  created_by: string;
  created_at: string;
}

export interface TaskFilter {
  agencyId?: string;
  planId?: string;
  status?: TaskStatus;
  origin?: TaskOrigin;
  entityUscc?: string;
  from?: string;
  to?: string;
}

export interface TaskListRow extends TaskRow {
  displayCode: string;
  agency_name: string | null;
  entity_name: string | null;
  item_name: string | null;
}

export async function listTasks(
  store: Store,
  caller: Caller,
  filter: TaskFilter,
  page: number,
  pageSize: number,
): Promise<{ total: number; rows: TaskListRow[] }> {
  authorize(caller, 'read', { type: 'inspections' });
  const where: Sql[] = [taskScope(caller, 't')];
  if (filter.agencyId) where.push(sql`t.agency_id = ${filter.agencyId}`);
  if (filter.planId) where.push(sql`t.plan_id = ${filter.planId}`);
  if (filter.status) where.push(sql`t.status = ${filter.status}`);
  if (filter.origin) where.push(sql`t.origin = ${filter.origin}`);
  if (filter.entityUscc) where.push(sql`t.entity_uscc = ${filter.entityUscc}`);
  if (filter.from) where.push(sql`t.planned_on >= CAST(${filter.from} AS DATE)`);
  if (filter.to) where.push(sql`t.planned_on <= CAST(${filter.to} AS DATE)`);
  const cond = joinSql(where, ' AND ');
  const [n] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM inspection_tasks t WHERE ${cond}`);
  const rows = await store.query<TaskListRow>(sql`
    SELECT t.*, a.name AS agency_name, e.name AS entity_name, ii.name AS item_name
    FROM inspection_tasks t
      LEFT JOIN agencies a ON a.id = t.agency_id
      LEFT JOIN entities e ON e.uscc = t.entity_uscc
      LEFT JOIN inspection_items ii ON ii.code = t.inspection_item_code
    WHERE ${cond}
    ORDER BY t.planned_on DESC, t.serial DESC
    LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  return { total: Number(n.n), rows: rows.map((r) => ({ ...r, displayCode: displayCode(r.code) })) };
}

/** One task the caller may read (404 outside their scope: a task's existence is not told). */
export async function getTaskRow(store: Store, caller: Caller, id: string): Promise<TaskRow> {
  authorize(caller, 'read', { type: 'inspections' });
  const [t] = await store.query<TaskRow>(sql`SELECT t.* FROM inspection_tasks t WHERE t.id = ${id} AND ${taskScope(caller, 't')}`);
  if (!t) throw notFound('未找到该检查任务');
  return t;
}

// ── what a code stands for ──────────────────────────────────────────────────────────────────────

export interface TaskPart {
  agencyId: string;
  agencyName: string;
  itemCode: string | null;
  itemName: string | null;
  /** 《行政处罚法》第四十二条, from the enforcement item the inspection item belongs to. */
  basis: string | null;
}

export interface TaskOfficer {
  id: string;
  name: string;
  agencyName: string;
  certificateNumber: string | null;
}

/** A task as the notice prints it and the verify page shows it: names, not codes. */
export interface TaskDescription {
  id: string;
  code: string;
  displayCode: string;
  origin: TaskOrigin;
  originLabel: string;
  status: TaskStatus;
  entityUscc: string;
  entityName: string | null;
  /** The lead agency first; a joint task lists every agency and item it merged. */
  parts: TaskPart[];
  officers: TaskOfficer[];
  validFrom: string;
  validTo: string;
  plannedOn: string;
}

export async function describeTask(store: Store, t: TaskRow): Promise<TaskDescription> {
  const members =
    t.origin === 'joint'
      ? await store.query<{ agency_id: string; inspection_item_code: string | null }>(
          sql`SELECT agency_id, inspection_item_code FROM inspection_tasks WHERE joint_task_id = ${t.id} ORDER BY CASE WHEN agency_id = ${t.agency_id} THEN 0 ELSE 1 END, agency_id, inspection_item_code`,
        )
      : [{ agency_id: t.agency_id, inspection_item_code: t.inspection_item_code }];
  const parts: TaskPart[] = [];
  for (const m of members) {
    const [r] = await store.query<{ agency_name: string | null; item_name: string | null; title: string | null; label: string | null }>(sql`
      SELECT a.name AS agency_name, ii.name AS item_name, g.title, ar.label
      FROM agencies a
        LEFT JOIN inspection_items ii ON ii.code = ${m.inspection_item_code}
        LEFT JOIN items it ON it.code = ii.item_code
        LEFT JOIN regulations g ON g.id = it.basis_regulation_id
        LEFT JOIN articles ar ON ar.regulation_id = it.basis_regulation_id AND ar.number = it.basis_article
      WHERE a.id = ${m.agency_id}`);
    parts.push({
      agencyId: m.agency_id,
      agencyName: r?.agency_name ?? m.agency_id,
      itemCode: m.inspection_item_code,
      itemName: r?.item_name ?? null,
      basis: r?.title ? `《${r.title}》${r.label ?? ''}` : null,
    });
  }
  const ids = splitCodes(t.officer_ids);
  const officers: TaskOfficer[] = [];
  if (ids.length) {
    const rows = await store.query<
      { id: string; name: string; agency_name: string | null } & Partial<CertificateTerm> & { number: string | null }
    >(sql`
      SELECT o.id, o.name, a.name AS agency_name, c.number, c.status, c.issued_on, c.expires_on
      FROM officers o LEFT JOIN agencies a ON a.id = o.agency_id LEFT JOIN certificates c ON c.officer_id = o.id
      WHERE o.id IN (${joinSql(
        ids.map((i) => sql`${i}`),
        ', ',
      )})
      ORDER BY c.expires_on DESC`);
    for (const id of ids) {
      const mine = rows.filter((r) => r.id === id);
      if (!mine.length) {
        officers.push({ id, name: id, agencyName: '', certificateNumber: null });
        continue;
      }
      // The certificate that covers the window, else the latest one: the number the officer shows.
      const covering = mine.find(
        (c) => c.status && c.issued_on && c.expires_on && !certificateProblem([c as CertificateTerm], t.valid_from, t.valid_to),
      );
      const cert = covering ?? mine.find((c) => c.number) ?? mine[0];
      officers.push({ id, name: mine[0].name, agencyName: mine[0].agency_name ?? '', certificateNumber: cert.number ?? null });
    }
  }
  const [e] = await store.query<{ name: string }>(sql`SELECT name FROM entities WHERE uscc = ${t.entity_uscc}`);
  return {
    id: t.id,
    code: t.code,
    displayCode: displayCode(t.code),
    origin: t.origin,
    originLabel: ORIGIN_LABELS[t.origin],
    status: t.status,
    entityUscc: t.entity_uscc,
    entityName: e?.name ?? null,
    parts,
    officers,
    validFrom: t.valid_from,
    validTo: t.valid_to,
    plannedOn: t.planned_on,
  };
}

// ── ad-hoc tasks and revocation ─────────────────────────────────────────────────────────────────

export interface AdhocTaskInput {
  agencyId: string;
  entityUscc: string;
  inspectionItemCode: string;
  officerIds: string[];
  validFrom: string;
  validTo: string;
  origin: 'complaint' | 'adhoc';
  reason: string;
}

/**
 * An inspection no plan foresaw (a complaint, a referral): coded all the same before entry. The
 * officers must hold certificates covering the window, the item must be the agency's, the entity
 * registered in the agency's region.
 */
export async function createAdhocTask(store: Store, caller: Caller, input: AdhocTaskInput, now = new Date()): Promise<IssuedTask> {
  const [agency] = await store.query<{ id: string; line_code: string; region_code: string }>(
    sql`SELECT id, line_code, region_code FROM agencies WHERE id = ${input.agencyId}`,
  );
  if (!agency) throw badRequest(`执法主体不存在：${input.agencyId}`, 'agencyId');
  authorize(caller, 'create_task', { type: 'inspection_work', agencyId: agency.id, regionCode: agency.region_code });
  const today = businessDate(now);
  if (input.validTo < input.validFrom) throw badRequest('有效期结束日期早于开始日期', 'validTo');
  if (input.validTo < today) throw badRequest(`有效期已过：结束日期 ${input.validTo} 早于今天（${today}）`, 'validTo');
  if (input.validTo > addDays(input.validFrom, 90)) throw badRequest('临时任务的有效期不能超过90天', 'validTo');
  if (input.reason.trim().length < 4) throw badRequest('请写明检查事由（至少4个字）', 'reason');
  const up = usccProblem(input.entityUscc);
  if (up) throw badRequest(up, 'entityUscc');
  const [entity] = await store.query<{ region_code: string }>(sql`SELECT region_code FROM entities WHERE uscc = ${input.entityUscc}`);
  if (!entity) throw badRequest(`检查对象 ${input.entityUscc} 不在经营主体库中`, 'entityUscc');
  if (!regionContains(agency.region_code, entity.region_code)) throw badRequest('检查对象不在本执法主体的管辖区划内', 'entityUscc');
  const [item] = await store.query<{ line_code: string; region_code: string }>(
    sql`SELECT line_code, region_code FROM inspection_items WHERE code = ${input.inspectionItemCode}`,
  );
  if (!item || !regionContains(item.region_code, agency.region_code))
    throw badRequest(`检查事项 ${input.inspectionItemCode} 不在本地适用的涉企行政检查事项清单内`, 'inspectionItemCode');
  if (item.line_code !== agency.line_code) throw badRequest('该检查事项不属于本执法主体的条线', 'inspectionItemCode');
  const officers = [...new Set(input.officerIds)];
  if (officers.length < 2) throw badRequest('每次检查须有两名以上执法人员（行政处罚法 第四十二条）', 'officerIds');
  await assertCertified(store, agency.id, officers, input.validFrom, input.validTo);
  return withAudit(store, agency.region_code, async (tx) => {
    const [task] = await issueTasks(
      tx,
      [
        {
          region_code: entity.region_code,
          agency_id: agency.id,
          origin: input.origin,
          plan_id: null,
          draw_id: null,
          draw_rank: null,
          merge_id: null,
          inspection_item_code: input.inspectionItemCode,
          entity_uscc: input.entityUscc,
          planned_on: input.validFrom,
          valid_from: input.validFrom,
          valid_to: input.validTo,
          officer_ids: officers.join(','),
          reason: input.reason.trim(),
        },
      ],
      caller.userId,
      now,
    );
    return {
      result: task,
      audit: [
        {
          actor: caller.userId,
          action: 'task.create',
          target: task.id,
          regionCode: task.region_code,
          detail: { origin: task.origin, code: task.code, reason: task.reason },
        },
      ],
    };
  });
}

/** Officers of the agency whose certificates cover [from, to]; a 400 naming the first that does not. */
export async function assertCertified(
  store: Store,
  agencyId: string,
  officerIds: readonly string[],
  from: string,
  to: string,
): Promise<void> {
  const rows = await store.query<{ id: string; name: string; agency_id: string } & Partial<CertificateTerm>>(sql`
    SELECT o.id, o.name, o.agency_id, c.status, c.issued_on, c.expires_on FROM officers o LEFT JOIN certificates c ON c.officer_id = o.id
    WHERE o.id IN (${joinSql(
      officerIds.map((i) => sql`${i}`),
      ', ',
    )})`);
  for (const id of officerIds) {
    const mine = rows.filter((r) => r.id === id);
    if (!mine.length) throw badRequest(`执法人员 ${id} 不存在`, 'officerIds');
    if (mine[0].agency_id !== agencyId) throw badRequest(`执法人员 ${id}（${mine[0].name}）不属于该执法主体`, 'officerIds');
    const certs = mine.filter((c) => c.status && c.issued_on && c.expires_on) as CertificateTerm[];
    const p = certificateProblem(certs, from, to);
    if (p) throw badRequest(`执法人员 ${id}（${mine[0].name}）在${from}至${to}无有效执法证：${p}`, 'officerIds');
  }
}

/** Revokes an open task's code (the visit will not happen, or not under this code); audited. */
export async function revokeTask(store: Store, caller: Caller, id: string, reason: string, now = new Date()): Promise<TaskRow> {
  const t = await getTaskRow(store, caller, id);
  authorize(caller, 'revoke', { type: 'inspection_work', agencyId: t.agency_id, regionCode: t.region_code });
  if (reason.trim().length < 4) throw badRequest('请写明撤销原因（至少4个字）', 'reason');
  if (t.status !== 'open') throw new KeduError('illegal_transition', `该任务${STATUS_LABELS[t.status]}，不能再撤销`);
  return withAudit(store, t.region_code, async (tx) => {
    await tx.exec(
      sql`UPDATE inspection_tasks SET status = 'revoked', reason = ${reason.trim()}, revoked_at = ${now.toISOString()} WHERE id = ${id} AND status = 'open'`,
    );
    return {
      result: { ...t, status: 'revoked' as const, reason: reason.trim(), revoked_at: now.toISOString() },
      audit: [
        {
          actor: caller.userId,
          action: 'task.revoke',
          target: id,
          regionCode: t.region_code,
          detail: { reason: reason.trim(), code: t.code },
        },
      ],
    };
  });
}
