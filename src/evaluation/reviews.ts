// 案卷评查 (case-file review): a round draws a random sample of closed cases per agency from a stored
// seed — the same seed draws the same files, on either engine (the order is md5(seed|case id), which
// both compute alike) —, assigns them to reviewers in turn, and each reviewer scores a file against the
// checklist (主体、事实与证据、适用法律、程序、文书、裁量: points and a note per item). The checklist is
// data an admin edits; a scored file keeps the items as they read then. A file with a serious defect (a
// serious item scored 0, or the reviewer's own finding) raises a clue on the clue loop. The mean score
// per agency feeds the 案卷评查得分 indicator. Every change is audited.
import { randomBytes, randomUUID } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { EVERY_CHAIN, withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import { regionContains, regionPrefix } from '../domain/region.ts';
import { isIsoDate } from '../domain/dates.ts';
import type { Caller } from '../auth/caller.ts';
import { refusal, reviewFileScope } from '../policy/index.ts';
import { intakeReport } from '../clues/intake.ts';
import type { Clock } from '../clues/clock.ts';

export const SECTIONS = {
  subject: '主体',
  facts: '事实与证据',
  law: '适用法律',
  procedure: '程序',
  documents: '文书',
  discretion: '裁量',
} as const;
export type Section = keyof typeof SECTIONS;

/** A change the user can correct; `field` names the input. */
export class ReviewError extends Error {
  constructor(
    message: string,
    readonly field: string,
    readonly status: 400 | 403 | 404 | 409 = 400,
  ) {
    super(message);
  }
}

export interface ChecklistItem {
  code: string;
  section: Section;
  sectionLabel: string;
  name: string;
  points: number;
  serious: boolean;
  sort: number;
  active: boolean;
}

export async function checklist(store: Store, activeOnly = true): Promise<ChecklistItem[]> {
  const rows = await store.query<{
    code: string;
    section: Section;
    name: string;
    points: number;
    serious: boolean;
    sort: number;
    active: boolean;
  }>(
    `SELECT code, section, name, points, serious, sort, active FROM review_checklist_items${activeOnly ? ' WHERE active' : ''} ORDER BY sort, code`,
  );
  return rows.map((r) => ({ ...r, points: Number(r.points), sort: Number(r.sort), sectionLabel: SECTIONS[r.section] ?? r.section }));
}

export async function saveChecklistItem(
  store: Store,
  caller: Caller,
  item: { code: string; section: string; name: string; points: number; serious: boolean; sort: number; active: boolean },
): Promise<ChecklistItem[]> {
  if (!/^[A-Z][A-Z0-9]{0,9}$/.test(item.code)) throw new ReviewError('评查项编码应为大写字母开头的1至10位字母或数字', 'code');
  if (!(item.section in SECTIONS)) throw new ReviewError(`评查项类别应为：${Object.values(SECTIONS).join('、')}`, 'section');
  if (item.name.trim().length < 4 || item.name.length > 100) throw new ReviewError('评查项内容应为4至100个字', 'name');
  if (!Number.isInteger(item.points) || item.points < 1 || item.points > 50) throw new ReviewError('分值应为1至50的整数', 'points');
  const before = (await checklist(store, false)).find((i) => i.code === item.code) ?? null;
  await withAudit(store, EVERY_CHAIN, async (tx) => {
    await tx.exec(sql`
      INSERT INTO review_checklist_items (code, section, name, points, serious, sort, active, updated_at, updated_by)
      VALUES (${item.code}, ${item.section}, ${item.name.trim()}, ${item.points}, ${item.serious}, ${item.sort}, ${item.active}, ${new Date()}, ${caller.userId})
      ON CONFLICT (code) DO UPDATE SET section = excluded.section, name = excluded.name, points = excluded.points, serious = excluded.serious,
        sort = excluded.sort, active = excluded.active, updated_at = excluded.updated_at, updated_by = excluded.updated_by`);
    return {
      result: undefined,
      audit: [{ actor: caller.userId, action: 'review.checklist', target: item.code, detail: { before, after: item } }],
    };
  });
  return checklist(store, false);
}

/** The sample of a round: up to perAgency closed cases per agency of the region decided in the range, by md5(seed|id). */
export async function sampleCases(
  store: Store,
  o: { regionCode: string; decidedFrom: string; decidedTo: string; perAgency: number; seed: string },
): Promise<{ case_id: string; agency_id: string; region_code: string }[]> {
  return store.query(sql`
    WITH ranked AS (
      SELECT c.id AS case_id, c.agency_id, c.region_code,
             row_number() OVER (PARTITION BY c.agency_id ORDER BY md5(${o.seed} || '|' || c.id), c.id) AS k
      FROM cases c
      WHERE c.region_code LIKE ${regionPrefix(o.regionCode) + '%'} AND c.status = 'closed'
        AND c.decided_on BETWEEN CAST(${o.decidedFrom} AS DATE) AND CAST(${o.decidedTo} AS DATE)
    )
    SELECT case_id, agency_id, region_code FROM ranked WHERE k <= ${o.perAgency} ORDER BY agency_id, k`);
}

export interface RoundInput {
  regionCode: string;
  name: string;
  decidedFrom: string;
  decidedTo: string;
  perAgency: number;
  reviewers: string[];
  seed?: string;
}

export async function drawRound(store: Store, caller: Caller, input: RoundInput): Promise<{ id: string; seed: string; files: number }> {
  const refused = refusal(caller, 'organize', { type: 'case_review', regionCode: input.regionCode });
  if (refused) throw new ReviewError(refused, 'regionCode', 403);
  if (input.name.trim().length < 2 || input.name.length > 100) throw new ReviewError('评查名称应为2至100个字', 'name');
  for (const f of ['decidedFrom', 'decidedTo'] as const) if (!isIsoDate(input[f])) throw new ReviewError(`日期无效：${input[f]}`, f);
  if (input.decidedFrom > input.decidedTo) throw new ReviewError('开始日期不能晚于结束日期', 'decidedFrom');
  if (!Number.isInteger(input.perAgency) || input.perAgency < 1 || input.perAgency > 50)
    throw new ReviewError('每个执法主体抽取的案卷数应为1至50', 'perAgency');
  if (input.reviewers.length === 0) throw new ReviewError('请至少指定一名评查人员', 'reviewers');
  const reviewers: string[] = [];
  for (const id of input.reviewers) {
    const [u] = await store.query<{ id: string; role: string; region_code: string; disabled: boolean }>(
      sql`SELECT id, role, region_code, disabled FROM users WHERE id = ${id}`,
    );
    // Reviewers are supervisors of the round's jurisdiction or above, or invited supervisors (the seed:
    // 检察机关以特邀监督员…身份常态化参与执法案卷评查).
    const related = u && (regionContains(u.region_code, input.regionCode) || regionContains(input.regionCode, u.region_code));
    if (!u || u.disabled || !['supervisor', 'invited_supervisor', 'admin'].includes(u.role) || !related)
      throw new ReviewError(`评查人员 ${id} 不是本辖区的监督员或特邀监督员`, 'reviewers');
    reviewers.push(id);
  }
  const seed = input.seed?.trim() || randomBytes(8).toString('hex');
  if (!/^[0-9A-Za-z_-]{1,64}$/.test(seed)) throw new ReviewError('随机种子应为1至64位字母、数字、下划线或连字符', 'seed');
  const sample = await sampleCases(store, { ...input, seed });
  if (sample.length === 0) throw new ReviewError('该期间内没有可抽取的已结案案卷', 'decidedFrom', 409);
  const id = `RV-${randomUUID().slice(0, 12)}`;
  await withAudit(store, input.regionCode, async (tx) => {
    await tx.exec(sql`INSERT INTO review_rounds (id, region_code, name, decided_from, decided_to, per_agency, seed, reviewers, created_by, created_at)
      VALUES (${id}, ${input.regionCode}, ${input.name.trim()}, CAST(${input.decidedFrom} AS DATE), CAST(${input.decidedTo} AS DATE), ${input.perAgency}, ${seed},
        ${JSON.stringify(reviewers)}, ${caller.userId}, ${new Date()})`);
    await tx.copyIn(
      'review_files',
      ['id', 'round_id', 'case_id', 'agency_id', 'region_code', 'reviewer_id', 'status'],
      sample.map((s, i) => [
        `${id}-${String(i + 1).padStart(4, '0')}`,
        id,
        s.case_id,
        s.agency_id,
        s.region_code,
        reviewers[i % reviewers.length],
        'pending',
      ]),
    );
    return {
      result: undefined,
      audit: [
        {
          actor: caller.userId,
          action: 'review.draw',
          target: id,
          regionCode: input.regionCode,
          detail: { seed, perAgency: input.perAgency, files: sample.length, reviewers },
        },
      ],
    };
  });
  return { id, seed, files: sample.length };
}

/** Rounds of a jurisdiction, with their progress. */
export async function listRounds(store: Store, regionCode: string) {
  const rows = await store.query<{
    id: string;
    region_code: string;
    name: string;
    decided_from: string;
    decided_to: string;
    per_agency: number;
    seed: string;
    created_at: string;
    files: number;
    scored: number;
    mean: number | null;
  }>(sql`
    SELECT r.id, r.region_code, r.name, r.decided_from, r.decided_to, r.per_agency, r.seed, r.created_at,
           count(f.id) AS files, sum(CASE WHEN f.status = 'scored' THEN 1 ELSE 0 END) AS scored, avg(f.score) AS mean
    FROM review_rounds r LEFT JOIN review_files f ON f.round_id = r.id
    WHERE r.region_code LIKE ${regionPrefix(regionCode) + '%'}
    GROUP BY r.id, r.region_code, r.name, r.decided_from, r.decided_to, r.per_agency, r.seed, r.created_at ORDER BY r.created_at DESC`);
  return rows.map((r) => ({
    id: r.id,
    regionCode: r.region_code,
    name: r.name,
    decidedFrom: r.decided_from,
    decidedTo: r.decided_to,
    perAgency: Number(r.per_agency),
    seed: r.seed,
    createdAt: r.created_at,
    files: Number(r.files),
    scored: Number(r.scored ?? 0),
    meanScore: r.mean === null ? null : Math.round(Number(r.mean) * 100) / 100,
  }));
}

export async function roundDetail(store: Store, caller: Caller, id: string) {
  const [round] = (await listRounds(store, caller.regionCode)).filter((r) => r.id === id);
  if (!round) {
    const [exists] = await store.query(sql`SELECT 1 AS ok FROM review_rounds WHERE id = ${id}`);
    throw exists ? new ReviewError('该评查不在您的辖区内', 'id', 403) : new ReviewError('未找到该评查', 'id', 404);
  }
  const files = await store.query<{
    id: string;
    case_id: string;
    agency_id: string;
    agency_name: string;
    reviewer_id: string;
    reviewer_name: string | null;
    status: 'pending' | 'scored';
    score: number | null;
    serious_defect: boolean | null;
    clue_id: string | null;
  }>(sql`
    SELECT f.id, f.case_id, f.agency_id, a.name AS agency_name, f.reviewer_id, u.display_name AS reviewer_name, f.status, f.score, f.serious_defect, f.clue_id
    FROM review_files f LEFT JOIN agencies a ON a.id = f.agency_id LEFT JOIN users u ON u.id = f.reviewer_id
    WHERE f.round_id = ${id} AND ${reviewFileScope(caller, 'f')} ORDER BY f.agency_id, f.id`);
  const byAgency = new Map<
    string,
    { agencyId: string; agencyName: string; files: number; scored: number; total: number; serious: number }
  >();
  for (const f of files) {
    const a = byAgency.get(f.agency_id) ?? { agencyId: f.agency_id, agencyName: f.agency_name, files: 0, scored: 0, total: 0, serious: 0 };
    a.files++;
    if (f.status === 'scored') {
      a.scored++;
      a.total += Number(f.score);
      if (f.serious_defect) a.serious++;
    }
    byAgency.set(f.agency_id, a);
  }
  return {
    round,
    files: files.map((f) => ({ ...f, score: f.score === null ? null : Number(f.score), mine: f.reviewer_id === caller.userId })),
    agencies: [...byAgency.values()].map(({ total, ...a }) => ({
      ...a,
      meanScore: a.scored ? Math.round((total / a.scored) * 100) / 100 : null,
    })),
  };
}

interface FileRow {
  id: string;
  round_id: string;
  case_id: string;
  agency_id: string;
  region_code: string;
  reviewer_id: string;
  status: 'pending' | 'scored';
  score: number | null;
  serious_defect: boolean | null;
  summary: string | null;
  clue_id: string | null;
}

async function fileFor(store: Store, caller: Caller, id: string): Promise<FileRow> {
  const [f] = await store.query<FileRow>(
    sql`SELECT id, round_id, case_id, agency_id, region_code, reviewer_id, status, score, serious_defect, summary, clue_id FROM review_files WHERE id = ${id}`,
  );
  if (!f) throw new ReviewError('未找到该案卷', 'id', 404);
  const reason = refusal(caller, 'read', { type: 'case_review', regionCode: f.region_code, reviewerId: f.reviewer_id });
  if (reason) throw new ReviewError(reason, 'id', 403);
  return f;
}

/** A file as its reviewer sees it: the case and its delivery and payment, the checklist, the scores given. */
export async function fileDetail(store: Store, caller: Caller, id: string) {
  const f = await fileFor(store, caller, id);
  const [c] = await store.query<Record<string, unknown>>(sql`
    SELECT c.*, i.name AS item_name, a.name AS agency_name, e.name AS entity_name FROM cases c
    LEFT JOIN items i ON i.code = c.item_code LEFT JOIN agencies a ON a.id = c.agency_id LEFT JOIN entities e ON e.uscc = c.entity_uscc
    WHERE c.id = ${f.case_id}`);
  const deliveries = await store.query(sql`SELECT id, method, sent_on, delivered_on FROM deliveries WHERE case_id = ${f.case_id}`);
  const payments = await store.query(sql`SELECT id, amount, due_on, paid_on FROM payments WHERE case_id = ${f.case_id}`);
  const scores = await store.query<{
    item_code: string;
    section: string;
    name: string;
    max_points: number;
    serious: boolean;
    points: number;
    note: string | null;
  }>(sql`SELECT item_code, section, name, max_points, serious, points, note FROM review_scores WHERE file_id = ${id} ORDER BY item_code`);
  return {
    file: { ...f, score: f.score === null ? null : Number(f.score), mine: f.reviewer_id === caller.userId },
    case: c ?? null,
    deliveries,
    payments,
    checklist: await checklist(store),
    scores: scores.map((s) => ({ ...s, max_points: Number(s.max_points), points: Number(s.points) })),
  };
}

export interface ScoreInput {
  items: { code: string; points: number; note?: string }[];
  summary?: string;
  seriousDefect?: boolean;
}

/** Scores a file (its reviewer only, once): every active checklist item, within its points. */
export async function scoreFile(store: Store, caller: Caller, id: string, input: ScoreInput, clock: Clock) {
  const f = await fileFor(store, caller, id);
  const reason = refusal(caller, 'score', { type: 'case_review', reviewerId: f.reviewer_id });
  if (reason) throw new ReviewError(reason, 'id', 403);
  if (f.status !== 'pending') throw new ReviewError('该案卷已评分，不能重复评分', 'id', 409);
  const items = await checklist(store);
  const given = new Map(input.items.map((i) => [i.code, i]));
  for (const [index, g] of input.items.entries()) {
    const item = items.find((i) => i.code === g.code);
    if (!item) throw new ReviewError(`评查表中没有编码为 ${g.code} 的评查项`, `items[${index}].code`);
    if (!Number.isFinite(g.points) || g.points < 0 || g.points > item.points)
      throw new ReviewError(`“${item.name}”的得分应在0至${item.points}分之间`, `items[${index}].points`);
    if ((g.note ?? '').length > 500) throw new ReviewError(`“${item.name}”的说明不能超过500字`, `items[${index}].note`);
  }
  const missing = items.find((i) => !given.has(i.code));
  if (missing) throw new ReviewError(`请为“${missing.name}”评分`, 'items');
  const max = items.reduce((s, i) => s + i.points, 0);
  const got = items.reduce((s, i) => s + given.get(i.code)!.points, 0);
  const score = Math.round((got / max) * 10000) / 100;
  const failed = items.filter((i) => i.serious && given.get(i.code)!.points === 0);
  const serious = failed.length > 0 || input.seriousDefect === true;
  const [c] = await store.query<{ entity_uscc: string; item_code: string }>(
    sql`SELECT entity_uscc, item_code FROM cases WHERE id = ${f.case_id}`,
  );
  return withAudit(store, f.region_code, async (tx) => {
    // Asked again under the city's lock: a second scoring sent at the same time finds the file scored.
    const [still] = await tx.query<{ status: string }>(sql`SELECT status FROM review_files WHERE id = ${id}`);
    if (still?.status !== 'pending') throw new ReviewError('该案卷已评分，不能重复评分', 'id', 409);
    await tx.copyIn(
      'review_scores',
      ['file_id', 'item_code', 'section', 'name', 'max_points', 'serious', 'points', 'note'],
      items.map((i) => [
        id,
        i.code,
        i.section,
        i.name,
        i.points,
        i.serious,
        given.get(i.code)!.points,
        given.get(i.code)!.note?.trim() || null,
      ]),
    );
    const audit: AuditEntryInput[] = [];
    let clueId: string | null = null;
    if (serious) {
      const defects = [
        ...failed.map((i) => `${i.sectionLabel}·${i.name}${given.get(i.code)!.note ? `（${given.get(i.code)!.note}）` : ''}`),
      ];
      if (input.seriousDefect && failed.length === 0) defects.push(input.summary?.trim() || '评查人员认定存在严重缺陷');
      const intake = await intakeReport(
        tx,
        {
          source: 'case_review',
          regionCode: f.region_code,
          agencyId: f.agency_id,
          entityUscc: c?.entity_uscc ?? null,
          severity: 'high',
          title: `案卷评查发现严重缺陷：案件${f.case_id}`,
          content: `案卷评查（${f.round_id}）中，案件${f.case_id}评查得分${score}分，存在严重缺陷：${defects.join('；')}。`,
          sourceRef: id,
          createdBy: caller.userId,
        },
        clock,
        caller.userId,
      );
      clueId = intake.result.clueId;
      audit.push(...intake.audit);
    }
    await tx.exec(sql`UPDATE review_files SET status = 'scored', score = ${score}, serious_defect = ${serious}, summary = ${input.summary?.trim() || null},
      clue_id = ${clueId}, scored_at = ${clock()} WHERE id = ${id}`);
    audit.push({
      actor: caller.userId,
      action: 'review.score',
      target: id,
      regionCode: f.region_code,
      detail: { caseId: f.case_id, score, serious, clueId },
    });
    return { result: { id, score, seriousDefect: serious, clueId }, audit };
  });
}
