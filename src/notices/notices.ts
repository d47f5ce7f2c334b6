// Notices drawn from clues: the advisory notice (监督提示单), the supervision notice (执法监督通知书)
// and the transfer letter to discipline inspection (移送函). A notice keeps what it says — facts from
// the clues, the articles it cites copied verbatim from `articles`, the required action and deadline —
// so the Word document is the same at every download; its response is tracked until it comes back.
import { randomUUID } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql, raw, joinSql, type Sql } from '../store/sql.ts';
import { withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import { addDays, isIsoDate } from '../domain/dates.ts';
import type { Caller } from '../auth/caller.ts';
import { authorize, can, noticeScope } from '../policy/index.ts';
import { KeduError, badRequest, forbidden, notFound } from '../domain/errors.ts';
import { CLUE_SETTINGS } from '../clues/settings.ts';
import { businessDate, todayOf, type Clock } from '../clues/clock.ts';
import { STATUS_LABELS, actorProblem, insertEvent, visibleClue, type ClueRow } from '../clues/workflow.ts';
import { NOTICE_KIND_INFO, issuerFor, nextNumber, type NoticeKind } from './numbering.ts';
import { answeredNotification, notify } from '../notifications/notify.ts';
import { enqueueWebhook } from '../integration/webhooks.ts';

export interface BasisRef {
  regulationId: string;
  article: number;
}

/** An article as cited: the regulation's title and the article's text exactly as stored. */
export interface Citation {
  regulationId: string;
  regulationTitle: string;
  article: number;
  label: string;
  text: string;
}

export interface NoticeFact {
  clueId: string;
  /** The clue's readable number (absent in notices issued before numbers existed). */
  clueNumber?: string | null;
  title: string;
  explanation: string;
  regionName: string;
  agencyName: string | null;
  foundOn: string;
}

export interface NoticeContent {
  opening: string;
  facts: NoticeFact[];
  basis: Citation[];
  requirement: string;
}

/** Cited when neither the request nor the clues name an article: the duty of supervision itself. */
export const DEFAULT_BASIS: Record<NoticeKind, BasisRef[]> = {
  advisory: [{ regulationId: 'xingzheng-chufa-fa', article: 75 }],
  supervision: [{ regulationId: 'xingzheng-chufa-fa', article: 75 }],
  transfer: [{ regulationId: 'xingzheng-chufa-fa', article: 76 }],
};

const OPENING: Record<NoticeKind, (we: string) => string> = {
  advisory: (we) => `${we}在行政执法监督工作中发现，你单位在行政执法中存在以下问题，现予以提示。`,
  supervision: (we) => `${we}依法对你单位的行政执法工作开展监督。经核查，你单位在行政执法中存在以下问题，现通知如下。`,
  transfer: (we) => `${we}在行政执法监督工作中发现下列问题线索，涉嫌违纪违法，根据有关规定，现移送你委依规依纪依法处理。`,
};

export function defaultRequirement(kind: NoticeKind, deadline: string, issuerShort: string): string {
  const d = chineseDate(deadline);
  switch (kind) {
    case 'advisory':
      return `请你单位对上述问题认真开展自查，举一反三、规范执法，并于${d}前将自查整改情况书面反馈${issuerShort}。`;
    case 'supervision':
      return `请你单位收到本通知书后，依法纠正上述问题，对相关责任人员视情作出处理，并于${d}前将整改落实情况书面报送${issuerShort}。逾期未报送或整改不到位的，${issuerShort}将依法予以通报。`;
    case 'transfer':
      return `请于${d}前将办理情况函告${issuerShort}。相关线索材料随函移送。`;
  }
}

/** 2025-11-26 → 2025年11月26日 (GB/T 9704-2012: Arabic numerals, no leading zeros). */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Looks up cited articles; refuses one whose text is not in the corpus (never invent an article's text). */
export async function citations(store: Store, refs: BasisRef[]): Promise<Citation[]> {
  const out: Citation[] = [];
  const seen = new Set<string>();
  for (const r of refs) {
    const key = `${r.regulationId}#${r.article}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const [row] = await store.query<{ title: string; label: string; text: string | null }>(sql`
      SELECT g.title, a.label, a.text FROM articles a JOIN regulations g ON g.id = a.regulation_id
      WHERE a.regulation_id = ${r.regulationId} AND a.number = ${r.article}`);
    if (!row) throw badRequest(`法规条款不存在：${r.regulationId} 第${r.article}条`, 'basis');
    if (row.text === null) throw badRequest(`《${row.title}》${row.label}的原文未收录，不能引用`, 'basis');
    out.push({ regulationId: r.regulationId, regulationTitle: row.title, article: r.article, label: row.label, text: row.text });
  }
  return out;
}

export interface NoticeInput {
  kind: NoticeKind;
  clueIds: string[];
  agencyId?: string;
  addressee?: string;
  basis?: BasisRef[];
  requiredAction?: string;
  deadline?: string;
}

export interface NoticeRow {
  id: string;
  region_code: string;
  kind: NoticeKind;
  number: string;
  agency_id: string | null;
  clue_ids: string;
  issued_on: string;
  deadline: string | null;
  response: string | null;
  responded_on: string | null;
  status: 'issued' | 'answered';
  title: string;
  addressee: string;
  issuer: string;
  content: string;
  created_by: string;
  created_at: string;
  responded_by: string | null;
}

const parseBasis = (s: string | null): BasisRef[] => {
  if (!s) return [];
  try {
    return JSON.parse(s) as BasisRef[];
  } catch {
    return [];
  }
};

/**
 * Issues a notice from one or several clues. A supervisor of the clues' region (or an admin) issues it
 * in the name of their own region's judicial administration. An advisory or supervision notice goes to
 * one agency — the request's, or the one all its clues are assigned to; a transfer letter covers clues
 * already transferred and goes to the region's discipline inspection and supervision commission.
 */
export async function issueNotice(store: Store, caller: Caller, input: NoticeInput, clock: Clock): Promise<NoticeRow> {
  authorize(caller, 'issue', { type: 'notices' });
  const ids = [...new Set(input.clueIds)];
  if (ids.length === 0) throw badRequest('请选择至少一条线索', 'clueIds');
  const clues: ClueRow[] = [];
  for (const id of ids) {
    const c = await visibleClue(store, caller, id);
    const p = actorProblem(caller, c, 'region_supervisor');
    if (p) throw forbidden(`无权就线索 ${id} 制发文书：${p}`);
    if (input.kind === 'transfer' && c.status !== 'transferred') {
      throw new KeduError('illegal_transition', `线索 ${id} 当前状态为「${STATUS_LABELS[c.status]}」，须先移送纪检监察再制发移送函`);
    }
    if (input.kind !== 'transfer' && c.status === 'dismissed')
      throw new KeduError('illegal_transition', `线索 ${id} 已排除，不能据此制发文书`);
    clues.push(c);
  }
  const issuer = await issuerFor(store, caller.regionCode);
  const today = todayOf(clock);
  if (input.deadline !== undefined && (!isIsoDate(input.deadline) || input.deadline < today))
    throw badRequest(`答复期限无效或早于今天：${input.deadline}`, 'deadline');
  const deadline = input.deadline ?? addDays(today, CLUE_SETTINGS.noticeResponseDays[input.kind]);

  let agencyId: string | null = null;
  let addressee: string;
  if (input.kind === 'transfer') {
    addressee = input.addressee?.trim() || `${issuer.regionFullName}纪委监委`;
  } else {
    const agencies = [...new Set(clues.map((c) => c.agency_id).filter((a): a is string => !!a))];
    agencyId = input.agencyId ?? (agencies.length === 1 ? agencies[0] : null);
    if (!agencyId)
      throw badRequest(
        agencies.length > 1 ? '所选线索涉及多个执法主体，请分别制发或指定主送单位' : '请指定主送单位（执法主体）',
        'agencyId',
      );
    const [agency] = await store.query<{ name: string; region_code: string }>(
      sql`SELECT name, region_code FROM agencies WHERE id = ${agencyId}`,
    );
    if (!agency) throw badRequest(`执法主体不存在：${agencyId}`, 'agencyId');
    authorize(caller, 'issue', { type: 'notices', agencyRegion: agency.region_code });
    addressee = input.addressee?.trim() || agency.name;
  }

  const refs = input.basis?.length ? input.basis : clues.flatMap((c) => parseBasis(c.basis));
  const basis = await citations(store, refs.length ? refs : DEFAULT_BASIS[input.kind]);
  const names = await store.query<{ id: string; region_name: string | null; agency_name: string | null }>(sql`
    SELECT c.id, r.name AS region_name, a.name AS agency_name FROM clues c LEFT JOIN regions r ON r.code = c.region_code LEFT JOIN agencies a ON a.id = c.agency_id
    WHERE c.id IN (${joinSql(
      ids.map((i) => sql`${i}`),
      ', ',
    )})`);
  const facts: NoticeFact[] = clues.map((c) => {
    const n = names.find((x) => x.id === c.id);
    return {
      clueId: c.id,
      clueNumber: c.number,
      title: c.title,
      explanation: c.explanation,
      regionName: n?.region_name ?? c.region_code,
      agencyName: n?.agency_name ?? null,
      foundOn: businessDate(new Date(c.created_at)),
    };
  });
  const we = issuer.name.endsWith('厅') ? '我厅' : '我局';
  const content: NoticeContent = {
    opening: OPENING[input.kind](we),
    facts,
    basis,
    requirement: input.requiredAction?.trim() || defaultRequirement(input.kind, deadline, we),
  };

  const id = `NT-${randomUUID()}`;
  const now = clock().toISOString();
  return withAudit(store, issuer.regionCode, async (tx) => {
    const { number } = await nextNumber(tx, issuer, input.kind, Number(today.slice(0, 4)), id);
    await tx.exec(sql`INSERT INTO notices (id, region_code, kind, number, agency_id, clue_ids, issued_on, deadline, response, responded_on, status,
        title, addressee, issuer, content, created_by, created_at, responded_by)
      VALUES (${id}, ${issuer.regionCode}, ${input.kind}, ${number}, ${agencyId}, ${JSON.stringify(ids)}, CAST(${today} AS DATE), CAST(${deadline} AS DATE),
        NULL, NULL, 'issued', ${NOTICE_KIND_INFO[input.kind].title}, ${addressee}, ${issuer.name}, ${JSON.stringify(content)}, ${caller.userId}, ${now}, NULL)`);
    const audit: AuditEntryInput[] = [
      {
        actor: caller.userId,
        action: 'notice.issue',
        target: id,
        regionCode: issuer.regionCode,
        detail: { kind: input.kind, number, clueIds: ids, agencyId, addressee, deadline },
      },
    ];
    for (const c of clues) {
      await insertEvent(tx, {
        clue_id: c.id,
        region_code: c.region_code,
        actor_user_id: caller.userId,
        action: 'notice',
        from_status: c.status,
        to_status: c.status,
        comment: `制发${NOTICE_KIND_INFO[input.kind].label} ${number}`,
        occurred_at: now,
        detail: { noticeId: id, number, kind: input.kind },
      });
    }
    const [row] = await tx.query<NoticeRow>(sql`SELECT * FROM notices WHERE id = ${id}`);
    return { result: row, audit };
  });
}

export async function loadNotice(store: Store, caller: Caller, id: string): Promise<NoticeRow> {
  const [row] = await store.query<NoticeRow & { agency_region: string | null }>(
    sql`SELECT n.*, a.region_code AS agency_region FROM notices n LEFT JOIN agencies a ON a.id = n.agency_id WHERE n.id = ${id}`,
  );
  if (!row) throw notFound(`未找到文书 ${id}`);
  authorize(caller, 'read', { type: 'notice', notice: row, agencyRegion: row.agency_region });
  return row;
}

function clueNumbersOf(n: NoticeRow): string[] {
  const facts = (JSON.parse(n.content) as NoticeContent).facts;
  return (JSON.parse(n.clue_ids) as string[]).map((id) => facts.find((f) => f.clueId === id)?.clueNumber ?? id);
}

export function presentNotice(n: NoticeRow, today: string, caller: Caller) {
  return {
    id: n.id,
    kind: n.kind,
    kindLabel: NOTICE_KIND_INFO[n.kind].label,
    number: n.number,
    title: n.title,
    regionCode: n.region_code,
    issuer: n.issuer,
    addressee: n.addressee,
    agencyId: n.agency_id,
    clueIds: JSON.parse(n.clue_ids) as string[],
    /** The clues' readable numbers as the notice states them, in the order of clueIds. */
    clueNumbers: clueNumbersOf(n),
    issuedOn: n.issued_on,
    deadline: n.deadline,
    status: n.status,
    statusLabel: n.status === 'answered' ? '已答复' : '待答复',
    overdue: n.status === 'issued' && !!n.deadline && n.deadline < today,
    response: n.response,
    respondedOn: n.responded_on,
    respondedBy: n.responded_by,
    createdBy: n.created_by,
    createdAt: n.created_at,
    download: `/api/v1/notices/${n.id}.docx`,
    /** What the caller may do with it (a readable notice: only answering is in question). */
    can: { respond: can(caller, 'respond', { type: 'notice', notice: n }) },
  };
}

export async function noticeDetail(store: Store, caller: Caller, id: string, clock: Clock) {
  const n = await loadNotice(store, caller, id);
  return { notice: { ...presentNotice(n, todayOf(clock), caller), content: JSON.parse(n.content) as NoticeContent } };
}

export interface NoticeFilters {
  kind?: NoticeKind;
  status?: 'issued' | 'answered';
  agencyId?: string;
  clueId?: string;
  overdue?: boolean;
  /** Words of the number, title, addressee or issuer. */
  q?: string;
  /** Issued between these dates (both inclusive). */
  from?: string;
  to?: string;
  sort?: 'issued_on' | 'deadline' | 'number' | 'status';
  order?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

const NOTICE_SORTS = { issued_on: 'n.issued_on', deadline: 'n.deadline', number: 'n.number', status: 'n.status' } as const;

export async function listNotices(store: Store, caller: Caller, f: NoticeFilters, clock: Clock) {
  const today = todayOf(clock);
  const parts: Sql[] = [noticeScope(caller)];
  if (f.kind) parts.push(sql`n.kind = ${f.kind}`);
  if (f.status) parts.push(sql`n.status = ${f.status}`);
  if (f.agencyId) parts.push(sql`n.agency_id = ${f.agencyId}`);
  if (f.clueId) parts.push(sql`n.clue_ids LIKE ${`%"${f.clueId}"%`}`);
  if (f.overdue) parts.push(sql`n.status = 'issued' AND n.deadline < CAST(${today} AS DATE)`);
  if (f.q?.trim()) {
    const w = `%${f.q.trim().replace(/[%_\\]/g, (m) => `\\${m}`)}%`;
    parts.push(
      sql`(n.number LIKE ${w} ESCAPE '\\' OR n.title LIKE ${w} ESCAPE '\\' OR n.addressee LIKE ${w} ESCAPE '\\' OR n.issuer LIKE ${w} ESCAPE '\\')`,
    );
  }
  if (f.from) parts.push(sql`n.issued_on >= CAST(${f.from} AS DATE)`);
  if (f.to) parts.push(sql`n.issued_on <= CAST(${f.to} AS DATE)`);
  const where = joinSql(parts, ' AND ');
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  const [total] = await store.query<{ n: number }>(sql`SELECT count(*) AS n FROM notices n WHERE ${where}`);
  const rows = await store.query<NoticeRow>(
    sql`SELECT * FROM notices n WHERE ${where} ORDER BY ${
      f.sort && f.sort in NOTICE_SORTS ? raw(`${NOTICE_SORTS[f.sort]} ${f.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST,`) : raw('')
    } n.issued_on DESC, n.created_at DESC, n.id LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
  );
  return { total: Number(total.n), page, pageSize, rows: rows.map((r) => presentNotice(r, today, caller)) };
}

/**
 * Records the answer to a notice: the addressed agency's staff (or, for a transfer letter, the
 * region's discipline liaison), or a supervisor of the issuing office entering a paper reply.
 */
export async function respondNotice(store: Store, caller: Caller, id: string, input: { text: string; respondedOn?: string }, clock: Clock) {
  return withAudit(store, caller.regionCode, async (tx) => {
    const n = await loadNotice(tx, caller, id);
    authorize(caller, 'respond', { type: 'notice', notice: n });
    if (n.status !== 'issued') throw new KeduError('illegal_transition', `文书 ${n.number} 已于 ${n.responded_on} 答复，不能重复答复`);
    const text = input.text.trim();
    if (text.length < 5) throw badRequest('答复内容至少5个字', 'text');
    const today = todayOf(clock);
    const on = input.respondedOn ?? today;
    if (!isIsoDate(on) || on > today || on < n.issued_on)
      throw badRequest(`答复日期须在制发日期（${n.issued_on}）与今天之间`, 'respondedOn');
    await tx.exec(
      sql`UPDATE notices SET status = 'answered', response = ${text}, responded_on = CAST(${on} AS DATE), responded_by = ${caller.userId} WHERE id = ${id}`,
    );
    const [row] = await tx.query<NoticeRow>(sql`SELECT * FROM notices WHERE id = ${id}`);
    // The issuing office hears of the answer, in the console and by webhook.
    const at = clock();
    await notify(tx, [answeredNotification(row, at)]);
    await enqueueWebhook(
      tx,
      'notice.answered',
      row.region_code,
      {
        notice: {
          id: row.id,
          number: row.number,
          kind: row.kind,
          agencyId: row.agency_id,
          clueIds: JSON.parse(row.clue_ids) as string[],
          respondedOn: on,
        },
      },
      at,
    );
    return {
      result: { notice: presentNotice(row, today, caller) },
      audit: [
        {
          actor: caller.userId,
          action: 'notice.respond',
          target: id,
          regionCode: n.region_code,
          detail: { number: n.number, respondedOn: on, length: text.length },
        },
      ],
    };
  });
}
