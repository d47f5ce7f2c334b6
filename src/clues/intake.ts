// Intake: clues that do not come from the model library — 12345 hotline tickets, console entries by
// invited supervisors, contact points, follow-ups and the media, and public portal reports. Every
// report is kept (clue_reports); the first report of a matter creates the clue, a later report of the
// same matter (same agency or entity, similar text, within windowDays) is linked to that clue instead.
import { sealOrNull } from '../privacy/sm4.ts';
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { sql } from '../store/sql.ts';
import { withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import { countyOf, regionPrefix, regionProblem } from '../domain/region.ts';
import { usccProblem } from '../domain/uscc.ts';
import type { Caller } from '../auth/caller.ts';
import { authorize, can, type ConsoleSource } from '../policy/index.ts';
import type { Severity } from '../models/model.ts';
import { badRequest, forbidden } from '../domain/errors.ts';
import { CLUE_SETTINGS, HOTLINE_ENFORCEMENT } from './settings.ts';
import type { Clock } from './clock.ts';
import { normaliseText, similarity } from './similarity.ts';
import { reserveClueNumbers } from './numbering.ts';
import { FINAL_STATUSES, SOURCE_LABELS, insertEvent, type ClueSource } from './workflow.ts';

export interface ReportInput {
  source: Exclude<ClueSource, 'model'>;
  regionCode: string;
  content: string;
  title?: string;
  agencyId?: string | null;
  entityUscc?: string | null;
  subjectName?: string | null;
  severity?: Severity;
  contact?: string | null;
  sourceRef?: string | null;
  followCode?: string | null;
  basis?: { regulationId: string; article: number }[];
  createdBy?: string | null;
}

export interface IntakeResult {
  clueId: string;
  reportId: string;
  linked: boolean;
  similarity: number | null;
  followCode: string | null;
}

const newClueId = () => `CL-${randomBytes(8).toString('hex')}`;
const newReportId = () => `RP-${randomBytes(8).toString('hex')}`;

/** The first 30 characters of a report as its clue's title. */
function titleFor(input: ReportInput): string {
  if (input.title?.trim()) return input.title.trim().slice(0, 200);
  const text = input.content.replace(/\s+/g, ' ').trim();
  const subject = input.subjectName?.trim() ? `${input.subjectName.trim()}：` : '';
  return `${SOURCE_LABELS[input.source]}｜${subject}${text.length > 30 ? text.slice(0, 30) + '…' : text}`;
}

interface Candidate {
  id: string;
  agency_id: string | null;
  entity_uscc: string | null;
  subject_name: string | null;
  explanation: string;
}

/**
 * The open clue a report duplicates, if any: received within windowDays in the same county, about the
 * same agency, entity or named subject, with text similar above the threshold — or, when the report
 * names none of those, near-identical text. The most similar wins.
 */
export async function findDuplicate(tx: Store, input: ReportInput, now: Date): Promise<{ clueId: string; similarity: number } | null> {
  const since = new Date(now.getTime() - CLUE_SETTINGS.duplicates.windowDays * 86_400_000).toISOString();
  const candidates = await tx.query<Candidate>(sql`
    SELECT id, agency_id, entity_uscc, subject_name, explanation FROM clues
    WHERE region_code LIKE ${regionPrefix(countyOf(input.regionCode)) + '%'} AND created_at >= ${since}
      AND status NOT IN (${FINAL_STATUSES[0]}, ${FINAL_STATUSES[1]}, ${FINAL_STATUSES[2]}) AND (case_id IS NULL OR case_id = id)
    ORDER BY created_at DESC LIMIT 500`);
  if (candidates.length === 0) return null;
  const subject = input.subjectName ? normaliseText(input.subjectName) : '';
  const keyed = !!(input.agencyId || input.entityUscc || subject);
  const reports = await tx.query<{ clue_id: string; content: string }>(sql`
    SELECT r.clue_id, r.content FROM clue_reports r WHERE r.region_code LIKE ${regionPrefix(countyOf(input.regionCode)) + '%'} AND r.received_at >= ${since}`);
  const textsOf = new Map<string, string[]>();
  for (const r of reports) (textsOf.get(r.clue_id) ?? textsOf.set(r.clue_id, []).get(r.clue_id)!).push(r.content);
  let best: { clueId: string; similarity: number } | null = null;
  for (const c of candidates) {
    const sameMatter = keyed
      ? (!!input.agencyId && c.agency_id === input.agencyId) ||
        (!!input.entityUscc && c.entity_uscc === input.entityUscc) ||
        (!!subject && !!c.subject_name && normaliseText(c.subject_name) === subject)
      : true;
    if (!sameMatter) continue;
    const threshold = keyed ? CLUE_SETTINGS.duplicates.similarity : CLUE_SETTINGS.duplicates.textOnlySimilarity;
    const score = Math.max(...[c.explanation, ...(textsOf.get(c.id) ?? [])].map((t) => similarity(input.content, t)));
    if (score >= threshold && (!best || score > best.similarity)) best = { clueId: c.id, similarity: Math.round(score * 1000) / 1000 };
  }
  return best;
}

/**
 * Files one report inside the caller's transaction: links it to the clue it duplicates or creates a
 * new clue ('new', with a 'create' event). Returns the audit entries for the caller to append.
 */
export async function intakeReport(
  tx: Store,
  input: ReportInput,
  clock: Clock,
  actor: string,
): Promise<{ result: IntakeResult; audit: AuditEntryInput[] }> {
  const now = clock();
  const at = now.toISOString();
  const reportId = newReportId();
  const dup = await findDuplicate(tx, input, now);
  const clueId = dup?.clueId ?? newClueId();
  if (!dup) {
    const evidence = JSON.stringify({ kind: 'report', ids: [reportId], source: input.source });
    const [number] = await reserveClueNumbers(tx, input.regionCode, now);
    await tx.exec(sql`INSERT INTO clues (id, region_code, agency_id, source, model_code, dedupe_key, severity, title, explanation, evidence, params, status,
        deadline, created_at, updated_at, entity_uscc, subject_name, created_by, basis, number)
      VALUES (${clueId}, ${input.regionCode}, ${input.agencyId ?? null}, ${input.source}, NULL, ${`${input.source}|${reportId}`}, ${input.severity ?? 'medium'},
        ${titleFor(input)}, ${input.content.trim()}, ${evidence}, NULL, 'new', NULL, ${at}, ${at}, ${input.entityUscc ?? null}, ${input.subjectName?.trim() || null},
        ${input.createdBy ?? null}, ${input.basis?.length ? JSON.stringify(input.basis) : null}, ${number})`);
    await insertEvent(tx, {
      clue_id: clueId,
      region_code: input.regionCode,
      actor_user_id: input.createdBy ?? actor,
      action: 'create',
      from_status: null,
      to_status: 'new',
      comment: `来源：${SOURCE_LABELS[input.source]}`,
      occurred_at: at,
      detail: { reportId, source: input.source, sourceRef: input.sourceRef ?? null },
    });
  } else {
    const [c] = await tx.query<{ status: string; region_code: string }>(sql`SELECT status, region_code FROM clues WHERE id = ${clueId}`);
    await tx.exec(sql`UPDATE clues SET updated_at = ${at} WHERE id = ${clueId}`);
    await insertEvent(tx, {
      clue_id: clueId,
      region_code: c.region_code,
      actor_user_id: input.createdBy ?? actor,
      action: 'link',
      from_status: c.status,
      to_status: c.status,
      comment: `同一事项的${SOURCE_LABELS[input.source]}已并入本线索（文本相似度 ${dup.similarity}）`,
      occurred_at: at,
      detail: { reportId, source: input.source, similarity: dup.similarity },
    });
  }
  await tx.exec(sql`INSERT INTO clue_reports (id, clue_id, region_code, source, source_ref, follow_code, agency_id, entity_uscc, subject_name, content, contact, linked, similarity, received_at)
    VALUES (${reportId}, ${clueId}, ${input.regionCode}, ${input.source}, ${input.sourceRef ?? null}, ${input.followCode ?? null}, ${input.agencyId ?? null},
      ${input.entityUscc ?? null}, ${input.subjectName?.trim() || null}, ${input.content.trim()}, ${sealOrNull(input.contact?.trim() || null)}, ${!!dup}, ${dup?.similarity ?? null}, ${at})`);
  return {
    result: { clueId, reportId, linked: !!dup, similarity: dup?.similarity ?? null, followCode: input.followCode ?? null },
    audit: [
      {
        actor: input.createdBy ?? actor,
        action: dup ? 'clue.link' : 'clue.create',
        target: clueId,
        regionCode: input.regionCode,
        detail: { reportId, source: input.source, sourceRef: input.sourceRef ?? null, ...(dup ? { similarity: dup.similarity } : {}) },
      },
    ],
  };
}

/** Checks the parts of a report that point at stored things; throws 400 naming the field. */
export async function checkReportRefs(
  store: Store,
  input: { regionCode: string; agencyId?: string | null; entityUscc?: string | null; basis?: { regulationId: string; article: number }[] },
): Promise<void> {
  const rp = regionProblem(input.regionCode);
  if (rp) throw badRequest(rp, 'regionCode');
  // A township need not be in the reference tree (GB/T 2260 stops at counties): its county must be.
  const [region] = await store.query(sql`SELECT code FROM regions WHERE code IN (${input.regionCode}, ${countyOf(input.regionCode)})`);
  if (!region) throw badRequest(`区划不存在：${input.regionCode}`, 'regionCode');
  if (input.agencyId) {
    const [a] = await store.query(sql`SELECT id FROM agencies WHERE id = ${input.agencyId}`);
    if (!a) throw badRequest(`执法主体不存在：${input.agencyId}`, 'agencyId');
  }
  if (input.entityUscc) {
    const p = usccProblem(input.entityUscc);
    if (p) throw badRequest(p, 'entityUscc');
  }
  for (const b of input.basis ?? []) {
    const [art] = await store.query<{ text: string | null }>(
      sql`SELECT text FROM articles WHERE regulation_id = ${b.regulationId} AND number = ${b.article}`,
    );
    if (!art) throw badRequest(`法规条款不存在：${b.regulationId} 第${b.article}条`, 'basis');
    if (art.text === null) throw badRequest(`该条款原文未收录，不能引用：${b.regulationId} 第${b.article}条`, 'basis');
  }
}

export { CONSOLE_SOURCES, consoleSourcesFor, type ConsoleSource } from '../policy/index.ts';

export interface ConsoleClueInput {
  source: ConsoleSource;
  regionCode: string;
  title?: string;
  content: string;
  severity?: Severity;
  agencyId?: string;
  entityUscc?: string;
  subjectName?: string;
  basis?: { regulationId: string; article: number }[];
}

/** A clue entered in the console (invited supervisor, contact point, follow-up, media as manual entry). */
export async function createConsoleClue(store: Store, caller: Caller, input: ConsoleClueInput, clock: Clock): Promise<IntakeResult> {
  authorize(caller, 'create', { type: 'clues', source: input.source });
  await checkReportRefs(store, input);
  authorize(caller, 'create', { type: 'clues', source: input.source, regionCode: input.regionCode });
  return withAudit(store, input.regionCode, (tx) =>
    intakeReport(tx, { ...input, sourceRef: caller.userId, createdBy: caller.userId }, clock, caller.userId),
  );
}

// ── 12345 hotline ─────────────────────────────────────────────────────────────────────────────

export interface HotlineTicketInput {
  sourceSystem?: string;
  sourceId: string;
  regionCode: string;
  receivedAt: string;
  category: string;
  content: string;
  entityUscc?: string;
  agencyId?: string;
  status?: 'open' | 'answered' | 'closed';
  /** The sender's own judgement; when absent, the category and keywords decide. */
  concernsEnforcement?: boolean;
}

/** Whether a ticket is about how enforcement was done (a clue) rather than a matter to enforce. */
export function concernsEnforcement(category: string, content: string): boolean {
  if (HOTLINE_ENFORCEMENT.categories.includes(category.trim())) return true;
  return HOTLINE_ENFORCEMENT.keywords.some((k) => content.includes(k));
}

/** The id the bulk import gives the same ticket (src/ingest record ids: prefix + md5 of system|id), so a ticket posted and imported is one ticket. */
export const hotlineTicketId = (sourceSystem: string, sourceId: string): string =>
  `hot-${createHash('md5').update(`${sourceSystem}|${sourceId}`).digest('hex').slice(0, 20)}`;

export interface HotlineResult {
  ticketId: string;
  duplicate: boolean;
  intake: 'clue' | 'linked' | 'not_enforcement';
  clueId: string | null;
}

interface TicketRow {
  id: string;
  region_code: string;
  category: string;
  content: string;
  entity_uscc: string | null;
  agency_id: string | null;
  clue_id: string | null;
  intake: string | null;
  source_system: string;
  source_id: string;
}

async function intakeTicket(
  tx: Store,
  t: TicketRow,
  forced: boolean | undefined,
  clock: Clock,
  actor: string,
): Promise<{ result: HotlineResult; audit: AuditEntryInput[] }> {
  const enforcement = forced ?? concernsEnforcement(t.category, t.content);
  if (!enforcement) {
    await tx.exec(sql`UPDATE hotline_tickets SET intake = 'not_enforcement', changed_at = current_timestamp WHERE id = ${t.id}`);
    return { result: { ticketId: t.id, duplicate: false, intake: 'not_enforcement', clueId: null }, audit: [] };
  }
  const r = await intakeReport(
    tx,
    {
      source: 'hotline',
      regionCode: t.region_code,
      content: t.content,
      agencyId: t.agency_id,
      entityUscc: t.entity_uscc,
      sourceRef: t.id,
      title: `12345工单｜${t.category}：${t.content.slice(0, 30)}${t.content.length > 30 ? '…' : ''}`,
    },
    clock,
    actor,
  );
  const intake = r.result.linked ? 'linked' : 'clue';
  await tx.exec(
    sql`UPDATE hotline_tickets SET clue_id = ${r.result.clueId}, intake = ${intake}, changed_at = current_timestamp WHERE id = ${t.id}`,
  );
  return { result: { ticketId: t.id, duplicate: false, intake, clueId: r.result.clueId }, audit: r.audit };
}

/**
 * Receives one ticket pushed by the 12345 system: stores it (idempotently: a re-sent ticket changes
 * nothing and answers as before) and, when it concerns enforcement, makes or links a clue.
 */
export async function receiveHotlineTicket(store: Store, caller: Caller, input: HotlineTicketInput, clock: Clock): Promise<HotlineResult> {
  authorize(caller, 'take_in_hotline', { type: 'clues' });
  await checkReportRefs(store, input);
  authorize(caller, 'take_in_hotline', { type: 'clues', regionCode: input.regionCode });
  const receivedAt = new Date(input.receivedAt);
  if (Number.isNaN(receivedAt.getTime())) throw badRequest(`受理时间无效：${input.receivedAt}`, 'receivedAt');
  const system = input.sourceSystem?.trim() || '12345';
  const id = hotlineTicketId(system, input.sourceId);
  return withAudit(store, caller.regionCode, async (tx) => {
    const [existing] = await tx.query<TicketRow>(
      sql`SELECT * FROM hotline_tickets WHERE source_system = ${system} AND source_id = ${input.sourceId}`,
    );
    // A ticket already stored (imported, or pushed before) is taken in by its own region, whatever region
    // the request names; to anyone else its key is simply not theirs, and the answer says nothing of it.
    if (existing && !can(caller, 'take_in_hotline', { type: 'clues', regionCode: existing.region_code }))
      throw forbidden(`工单 ${system}/${input.sourceId} 已由其他辖区登记，不能由您推送或受理`);
    if (existing && existing.intake) {
      return {
        result: { ticketId: existing.id, duplicate: true, intake: existing.intake as HotlineResult['intake'], clueId: existing.clue_id },
        audit: [],
      };
    }
    if (!existing) {
      await tx.exec(sql`INSERT INTO hotline_tickets (id, source_system, source_id, region_code, county_code, received_at, category, content, entity_uscc, agency_id, status)
        VALUES (${id}, ${system}, ${input.sourceId}, ${input.regionCode}, ${countyOf(input.regionCode)}, ${receivedAt.toISOString()}, ${input.category}, ${input.content},
          ${input.entityUscc ?? null}, ${input.agencyId ?? null}, ${input.status ?? 'open'})`);
    }
    const [row] = await tx.query<TicketRow>(
      sql`SELECT * FROM hotline_tickets WHERE source_system = ${system} AND source_id = ${input.sourceId}`,
    );
    const r = await intakeTicket(tx, row, input.concernsEnforcement, clock, caller.userId);
    return {
      result: r.result,
      audit: [
        {
          actor: caller.userId,
          action: 'hotline.receive',
          target: row.id,
          regionCode: row.region_code,
          detail: { sourceSystem: system, sourceId: input.sourceId, intake: r.result.intake, clueId: r.result.clueId },
        },
        ...r.audit,
      ],
    };
  });
}

/** Looks at imported tickets not yet taken in (the bulk import only stores them), in the caller's region. */
export async function intakeImportedTickets(
  store: Store,
  caller: Caller,
  clock: Clock,
  limit = 1000,
): Promise<{ looked: number; clues: number; linked: number }> {
  authorize(caller, 'take_in_hotline', { type: 'clues' });
  const rows =
    await store.query<TicketRow>(sql`SELECT * FROM hotline_tickets WHERE intake IS NULL AND region_code LIKE ${regionPrefix(caller.regionCode) + '%'}
    ORDER BY received_at, id LIMIT ${limit}`);
  const counts = { looked: rows.length, clues: 0, linked: 0 };
  for (const t of rows) {
    const r = await withAudit(store, t.region_code, async (tx) => intakeTicket(tx, t, undefined, clock, caller.userId));
    if (r.intake === 'clue') counts.clues++;
    if (r.intake === 'linked') counts.linked++;
  }
  return counts;
}

export const newFollowCode = (): string => {
  // 10 characters without look-alikes (no 0/O, 1/I/L): 31^10 ≈ 8·10^14 codes, guessed at 30 tries a minute.
  const alphabet = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
  const bytes = randomBytes(10);
  return Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
};
