// The demo's supervision history: the clue loop in motion over the 18 months of records, so every page
// and chart shows work under way on first start. In order:
//  1. the model library runs over the records as of the demo's day; each clue is dated to the night
//     after its evidence arrived (plus the model's own waiting time: a case is late only after 90 days);
//  2. 12345 tickets about enforcement and invited supervisors' reports are taken in on the days they
//     came, through the real intake (duplicates link, as they would);
//  3. every clue's history is planned (supervision-plan.ts: checked step by step against the
//     workflow's table and deadline and escalation rules) and written as the workflow writes it —
//     clue state, timeline events, evidence files with their digests, an audit entry per step;
//  4. notices are issued and answered through the real notice functions, on their days;
//  5. the closure models run over the history (clues left untriaged, overdue, returned twice).
// Deterministic per seed and as-of day (ids of intake reports and notices aside).
import { createHash } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Store, Value } from '../store/store.ts';
import { sql, raw, joinSql } from '../store/sql.ts';
import { EVERY_CHAIN, withAudit, type AuditEntryInput } from '../audit/audit-log.ts';
import { businessDate } from '../domain/dates.ts';
import { regionContains } from '../domain/region.ts';
import { MODELS } from '../models/library/index.ts';
import { runModels } from '../models/runner.ts';
import { loadThresholdSettings, thresholdsFor } from '../models/triage/procedure.ts';
import type { Severity } from '../models/model.ts';
import { attachmentsRoot } from '../clues/attachments.ts';
import { concernsEnforcement, intakeReport } from '../clues/intake.ts';
import { fixedClock } from '../clues/clock.ts';
import { formatClueNumber, numberingUnit, regionShortName } from '../clues/numbering.ts';
import type { ClueRow } from '../clues/workflow.ts';
import type { Caller } from '../auth/caller.ts';
import { issueNotice, respondNotice } from '../notices/notices.ts';
import { clueNotification, notify, type NotificationRow, type NotifiedClue } from '../notifications/notify.ts';
import { DUE_SOON_DAYS } from '../notifications/kinds.ts';
import type { NoticeKind } from '../notices/numbering.ts';
import { dayOf, isoOf } from './calendar.ts';
import { Rng } from './prng.ts';
import { defaultAgencies, ensureDesks, type Desks } from './desks.ts';
import {
  dayOfMs,
  instantMs,
  planClue,
  mergeInto,
  selfCheckDeadline,
  statusAt,
  type ClueHistory,
  type FoundClue,
} from './supervision-plan.ts';

export interface SupervisionResult {
  clues: number;
  events: number;
  notices: number;
  byStatus: Record<string, number>;
  seconds: number;
}

/** The date each evidence kind's record arrived by: its last recorded step. */
const ARRIVAL: Record<string, { table: string; date: string }> = {
  inspections: { table: 'inspections', date: 'inspected_on' },
  cases: { table: 'cases', date: 'COALESCE(decided_on, filed_on)' },
  licences: { table: 'licences', date: 'COALESCE(decided_on, applied_on)' },
  deliveries: { table: 'deliveries', date: 'COALESCE(delivered_on, sent_on)' },
  payments: { table: 'payments', date: 'COALESCE(paid_on, due_on)' },
  service_visits: { table: 'service_visits', date: 'visited_on' },
  hotline_tickets: { table: 'hotline_tickets', date: 'CAST(received_at AS DATE)' },
  delegations: { table: 'delegations', date: 'signed_on' },
  followup_answers: { table: 'followup_answers', date: 'CAST(answered_at AS DATE)' },
  review_outcomes: { table: 'review_outcomes', date: 'COALESCE(decided_on, applied_on)' },
};

/**
 * Models that find what did NOT happen in time: a hit exists only once the model's limit has run out
 * after the first record (a case open past 90 days, a ticket unanswered past 15, a licence never
 * inspected in a year). The parameter named here holds that limit.
 */
const WAITING_PARAM: Record<string, string> = {
  HOT_OVERDUE: 'max_days',
  PEN_OVERDUE: 'limit_days',
  PEN_DELIVERY_LATE: 'limit_days',
  PEN_NO_DELIVERY: 'after_days',
  PEN_NO_PAYMENT: 'after_days',
  PEN_PAYMENT_OVERDUE: 'grace_days',
  INS_CASE_NOT_FILED: 'after_days',
  LIC_NO_SUPERVISION: 'window_days',
  LIC_ISSUE_LATE: 'window_days',
  REV_NOT_CARRIED_OUT: 'limit_days',
  REV_NOT_WITHDRAWN: 'limit_days',
};

const inList = (values: readonly string[]) =>
  joinSql(
    values.map((v) => sql`${v}`),
    ', ',
  );

async function arrivalDays(store: Store, kind: string, ids: readonly string[]): Promise<Map<string, number>> {
  const a = ARRIVAL[kind];
  const out = new Map<string, number>();
  if (!a) return out;
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await store.query<{ id: string; d: string }>(
      sql`SELECT id, CAST(${raw(a.date)} AS VARCHAR) AS d FROM ${raw(a.table)} WHERE id IN (${inList(ids.slice(i, i + 1000))})`,
    );
    for (const r of rows) out.set(r.id, dayOf(r.d.slice(0, 10)));
  }
  return out;
}

interface ModelClueRow {
  id: string;
  region_code: string;
  agency_id: string | null;
  model_code: string;
  severity: Severity;
  evidence: string;
  params: string;
}

/** When each model clue was found: the night after its evidence arrived (and, for a model that waits, its limit ran out). */
async function discoveryTimes(store: Store, seed: number, asOf: number): Promise<Map<string, number>> {
  const clues = await store.query<ModelClueRow>(
    "SELECT id, region_code, agency_id, model_code, severity, evidence, params FROM clues WHERE source = 'model'",
  );
  const parsed = clues.map((c) => {
    const e = JSON.parse(c.evidence) as { kind: string; ids: string[] };
    return { c, kind: e.kind, ids: e.ids, params: JSON.parse(c.params) as Record<string, number> };
  });
  const byKind = new Map<string, Set<string>>();
  for (const p of parsed) for (const id of p.ids) (byKind.get(p.kind) ?? byKind.set(p.kind, new Set()).get(p.kind)!).add(id);
  const days = new Map<string, Map<string, number>>();
  for (const [kind, ids] of byKind) days.set(kind, await arrivalDays(store, kind, [...ids]));
  const out = new Map<string, number>();
  for (const p of parsed) {
    const ds = p.ids.map((id) => days.get(p.kind)?.get(id)).filter((d): d is number => d !== undefined);
    const rng = Rng.of(seed, 'found', p.c.id);
    const wait = WAITING_PARAM[p.c.model_code] ? (p.params[WAITING_PARAM[p.c.model_code]] ?? 0) : 0;
    const first = ds.length ? Math.min(...ds) : asOf - 30;
    const last = ds.length ? Math.max(...ds) : asOf - 30;
    const day = Math.min(asOf, Math.max(last, first + wait) + 1 + rng.int(2));
    // The nightly batch run finds it between 01:00 and 05:00.
    out.set(p.c.id, instantMs(day, 3600 + rng.int(4 * 3600)));
  }
  return out;
}

/** 12345 tickets about enforcement, and the invited supervisors' reports, taken in on their days. */
async function intake(store: Store, desks: Desks, seed: number, asOf: number): Promise<Set<string>> {
  const cutoff = isoOf(asOf - 1);
  const tickets = await store.query<{
    id: string;
    region_code: string;
    received_at: string;
    category: string;
    content: string;
    entity_uscc: string | null;
    agency_id: string | null;
  }>(
    sql`SELECT id, region_code, received_at, category, content, entity_uscc, agency_id FROM hotline_tickets
      WHERE intake IS NULL AND CAST(received_at AS DATE) < CAST(${cutoff} AS DATE) ORDER BY received_at, id`,
  );
  const enforcement = tickets.filter((t) => concernsEnforcement(t.category, t.content));
  const invited = desks.named('hz_teyao');
  const reports: { at: number; run: (tx: Store) => Promise<{ clueId: string; audit: AuditEntryInput[] }> }[] = [];
  for (const t of enforcement) {
    const at = new Date(t.received_at).getTime() + Rng.of(seed, 'intake', t.id).range(1, 3) * 3_600_000;
    const actor = desks.supervisor(numberingUnit(t.region_code)).userId;
    reports.push({
      at,
      run: async (tx) => {
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
          fixedClock(new Date(at).toISOString()),
          actor,
        );
        await tx.exec(
          sql`UPDATE hotline_tickets SET clue_id = ${r.result.clueId}, intake = ${r.result.linked ? 'linked' : 'clue'} WHERE id = ${t.id}`,
        );
        return { clueId: r.result.clueId, audit: r.audit };
      },
    });
  }
  if (invited) {
    // The invited supervisor of Hangzhou reports what they saw in the field, a few times a quarter.
    const agencies = await store.query<{ id: string; name: string; region_code: string }>(
      "SELECT id, name, region_code FROM agencies WHERE region_code LIKE '3301%' AND level = 'county' ORDER BY id",
    );
    const rng = Rng.of(seed, 'invited');
    for (let day = asOf - 520 + rng.int(20); day < asOf - 1; day += 25 + rng.int(20)) {
      if (agencies.length === 0) break;
      const a = agencies[rng.int(agencies.length)];
      const at = instantMs(day, 10 * 3600 + rng.int(6 * 3600));
      const content = rng.pick([
        `走访中多家商户反映，${a.name}执法人员近期多次上门检查同一事项，未出示检查计划，影响正常经营。`,
        `群众反映${a.name}在处罚时未告知陈述申辩权利，当场收取罚款未出具票据，请核查。`,
        `企业反映${a.name}对轻微违法行为未适用首违不罚，直接作出罚款决定，希望复核。`,
      ]);
      reports.push({
        at,
        run: async (tx) => {
          const r = await intakeReport(
            tx,
            { source: 'invited', regionCode: a.region_code, content, agencyId: a.id, sourceRef: invited.userId, createdBy: invited.userId },
            fixedClock(new Date(at).toISOString()),
            invited.userId,
          );
          return { clueId: r.result.clueId, audit: r.audit };
        },
      });
    }
  }
  reports.sort((a, b) => a.at - b.at);
  const ids = new Set<string>();
  await withAudit(store, EVERY_CHAIN, async (tx) => {
    const audit: AuditEntryInput[] = [];
    for (const r of reports) {
      const { clueId, audit: entries } = await r.run(tx);
      ids.add(clueId);
      audit.push(...entries);
    }
    // Tickets about other matters (a shop's expired food) were looked at and left to the agencies.
    await tx.exec(
      sql`UPDATE hotline_tickets SET intake = 'not_enforcement' WHERE intake IS NULL AND CAST(received_at AS DATE) < CAST(${cutoff} AS DATE)`,
    );
    return { result: null, audit };
  });
  return ids;
}

/**
 * What the desks were told along a clue's history, as the workflow and the hourly deadline check tell
 * it: the assignment, return, submission, transfer and escalation at their steps; "due soon" at 01:00
 * of the third day before a deadline and "overdue" at 01:00 of the day after it, while the clue still
 * ran under that deadline. Case members are told through their case.
 */
const STEP_NOTIFICATIONS: Record<string, 'assigned' | 'returned' | 'submitted' | 'transferred' | 'escalated' | undefined> = {
  assign: 'assigned',
  return: 'returned',
  submit: 'submitted',
  transfer: 'transferred',
  escalate: 'escalated',
};

function historyNotifications(h: ClueHistory, row: ClueRow, number: string, asOf: number): NotificationRow[] {
  if (h.events.some((e) => e.detail?.viaCase)) return [];
  const out: NotificationRow[] = [];
  const clue = (deadline: string | null): NotifiedClue => ({
    id: row.id,
    number,
    title: row.title,
    region_code: row.region_code,
    agency_id: h.agencyId,
    deadline,
  });
  const deadlines: { deadline: string; from: number; until: number }[] = [];
  let deadline: string | null = null;
  for (const e of h.events) {
    const next = (e.detail?.deadline as string | undefined) ?? (e.action === 'extend' ? (e.detail?.to as string) : undefined);
    if (next && e.action !== 'escalate' && next !== deadline) {
      if (deadlines.length) deadlines[deadlines.length - 1].until = e.at;
      deadlines.push({ deadline: next, from: e.at, until: Number.POSITIVE_INFINITY });
      deadline = next;
    }
    // A 简易 clue is the agency's from its opening: told as triage tells it (src/models/triage/tell.ts).
    if (e.action === 'create' && e.to === 'self_check')
      out.push(clueNotification(clue(selfCheckDeadline(h.clue)), { kind: 'self_check', at: new Date(e.at), key: 'open' }));
    const kind = STEP_NOTIFICATIONS[e.action];
    if (!kind) continue;
    // Keys as the live code makes them: a step's event id; an escalation's level and deadline.
    const key = kind === 'escalated' ? `${e.detail?.to as string}|${deadline}` : e.id;
    out.push(clueNotification(clue(deadline), { kind, at: new Date(e.at), key, comment: e.comment, level: e.detail?.to as string }));
  }
  for (const d of deadlines) {
    const day = dayOf(d.deadline);
    for (const [at, kinds] of [
      [instantMs(day - DUE_SOON_DAYS, 3600), ['due_soon']],
      [instantMs(day + 1, 3600), ['overdue', 'overdue_review']],
    ] as const) {
      if (at < d.from || at >= d.until || dayOfMs(at) > asOf) continue;
      const s = statusAt(h, at);
      if (s !== 'assigned' && s !== 'rectifying' && s !== 'returned') continue;
      for (const kind of kinds) out.push(clueNotification(clue(d.deadline), { kind, at: new Date(at), key: d.deadline }));
    }
  }
  return out;
}

/**
 * The office that handles a clue: the county's when the agency is the county's own, else the lowest
 * level over both the clue's region and the agency (a provincial agency acting in a county answers to
 * the province) — a supervisor may only assign to agencies of their jurisdiction.
 */
function handlingUnit(clueRegion: string, agencyRegion: string): string {
  if (agencyRegion.slice(0, 6) === clueRegion.slice(0, 6)) return numberingUnit(clueRegion);
  if (agencyRegion.slice(0, 4) === clueRegion.slice(0, 4)) return `${clueRegion.slice(0, 4)}00`;
  return '330000';
}

/**
 * Pairs of clues about one agency found within two weeks of each other: some are merged into one case.
 * (Triage already bundles one model's hits on one agency into one clue: the pairs are of other files.)
 */
function planMerges(histories: ClueHistory[], seed: number): number {
  const groups = new Map<string, ClueHistory[]>();
  for (const h of histories) {
    // A 简易 clue is the agency's own check: only clues of the full loop are merged into a case.
    if (!h.clue.modelCode || h.clue.procedure === 'simple') continue;
    const key = h.clue.agencyId;
    (groups.get(key) ?? groups.set(key, []).get(key)!).push(h);
  }
  let merged = 0;
  const used = new Set<string>();
  for (const [key, group] of groups) {
    group.sort((a, b) => a.clue.foundAt - b.clue.foundAt || (a.clue.id < b.clue.id ? -1 : 1));
    const rng = Rng.of(seed, 'merge', key);
    for (let i = 0; i + 1 < group.length; i++) {
      const lead = group[i];
      const member = group[i + 1];
      if (used.has(lead.clue.id) || used.has(member.clue.id)) continue;
      if (member.clue.foundAt - lead.clue.foundAt > 14 * 86_400_000 || !rng.chance(0.12)) continue;
      const at = instantMs(dayOfMs(member.clue.foundAt) + 1, 9 * 3600 + rng.int(3600));
      const status = statusAt(lead, at);
      if (status === 'closed' || status === 'dismissed' || status === 'transferred') continue;
      if (dayOfMs(at) > dayOfMs(Math.max(...lead.events.map((e) => e.at)))) continue;
      mergeInto(lead, [member], at);
      used.add(lead.clue.id).add(member.clue.id);
      merged++;
    }
  }
  return merged;
}

export async function generateSupervision(
  store: Store,
  opts: { seed: number; asOf: string; onStep?: (step: string, seconds: number) => void },
): Promise<SupervisionResult> {
  const started = performance.now();
  let lap = started;
  const step = (name: string) => {
    const now = performance.now();
    opts.onStep?.(name, (now - lap) / 1000);
    lap = now;
  };
  const asOf = dayOf(opts.asOf);
  const seed = opts.seed >>> 0;

  // 1. The model library over the records (the closure models wait for the history).
  await runModels(
    store,
    MODELS.filter((m) => m.evidenceKind !== 'clues'),
    { trigger: 'batch', asOf: opts.asOf },
  );
  step('models');
  const found = await discoveryTimes(store, seed, asOf);
  step('discovery');

  // The desks of every unit and agency with clues.
  const clueRegions = await store.query<{ region_code: string; agency_id: string | null }>(
    'SELECT DISTINCT region_code, agency_id FROM clues',
  );
  const fallback = await defaultAgencies(store);
  const ticketRegions = await store.query<{ region_code: string }>(
    'SELECT DISTINCT substr(region_code, 1, 6) AS region_code FROM hotline_tickets',
  );
  // Each county with clues, its city and the province: a clue of a county handled by an agency above it goes up.
  const units = [
    ...new Set(
      [...clueRegions.map((r) => r.region_code), ...ticketRegions.map((r) => r.region_code)].flatMap((r) => [
        numberingUnit(r),
        `${r.slice(0, 4)}00`,
        '330000',
      ]),
    ),
  ];
  const agencyFor = (c: { region_code: string; agency_id: string | null }) =>
    c.agency_id ?? fallback.get(numberingUnit(c.region_code)) ?? fallback.get(`${c.region_code.slice(0, 4)}00`) ?? null;
  const allAgencies = await store.query<{ id: string }>('SELECT id FROM agencies');
  const desks = await ensureDesks(
    store,
    units,
    allAgencies.map((a) => a.id),
  );

  step('desks');
  // 2. Intake of the other channels.
  const intakeIds = await intake(store, desks, seed, asOf);
  step('intake');

  // 3. Plan every clue.
  const rows = await store.query<ClueRow>('SELECT * FROM clues ORDER BY id');
  const histories: ClueHistory[] = [];
  const thresholds = await loadThresholdSettings(store);
  for (const c of rows) {
    const foundAt = found.get(c.id) ?? new Date(c.created_at).getTime();
    const agencyId = agencyFor(c);
    const fc: FoundClue = {
      id: c.id,
      regionCode: c.region_code,
      severity: c.severity,
      agencyId: agencyId ?? '',
      foundAt,
      modelCode: c.model_code,
      procedure: c.procedure,
      simpleDays: thresholdsFor(thresholds, c.region_code).simpleDays,
    };
    // A clue no agency of its region could take (none in the demo) stays where it was found.
    histories.push(
      planClue(fc, agencyId ? opts.asOf : isoOf(dayOfMs(foundAt)), Rng.of(seed, 'supervision', streamKey({ clue: fc } as ClueHistory))),
    );
  }
  planMerges(histories, seed);
  const byId = new Map(histories.map((h) => [h.clue.id, h]));

  // Numbers in the order the clues were found, per county and year.
  const regionNames = new Map(
    (await store.query<{ code: string; name: string }>("SELECT code, name FROM regions WHERE level <> 'township'")).map((r) => [
      r.code,
      r.name,
    ]),
  );
  const numbered = [...histories].sort((a, b) => a.clue.foundAt - b.clue.foundAt || (a.clue.id < b.clue.id ? -1 : 1));
  const counters = new Map<string, number>();
  const numbers = new Map<string, string>();
  for (const h of numbered) {
    const unit = numberingUnit(h.clue.regionCode);
    const year = Number(businessDate(new Date(h.clue.foundAt)).slice(0, 4));
    const key = `${unit}|${year}`;
    const seq = (counters.get(key) ?? 0) + 1;
    counters.set(key, seq);
    numbers.set(h.clue.id, formatClueNumber(regionShortName(regionNames.get(unit) ?? unit), year, seq));
  }

  step('plan');
  // Write it all as the workflow would have, one transaction.
  const agencyRegions = new Map(
    (await store.query<{ id: string; region_code: string }>('SELECT id, region_code FROM agencies')).map((a) => [a.id, a.region_code]),
  );
  const supervisorOf = (h: ClueHistory) =>
    desks.supervisor(handlingUnit(h.clue.regionCode, agencyRegions.get(h.clue.agencyId) ?? h.clue.regionCode));
  const actorOf = (h: ClueHistory, by: 'supervisor' | 'agency' | 'system'): string =>
    by === 'system' ? 'system' : by === 'agency' ? desks.agency(h.agencyId!).userId : supervisorOf(h).userId;
  const iso = (ms: number) => new Date(ms).toISOString();
  let eventCount = 0;
  await withAudit(store, EVERY_CHAIN, async (tx) => {
    const ids = histories.map((h) => h.clue.id);
    // Model clues' 'create' events are rewritten with their day (and triage's joins and upgrades of the
    // one run replanned); intake clues keep theirs (and their links).
    await tx.exec(
      "DELETE FROM clue_events WHERE action IN ('create', 'join', 'upgrade') AND clue_id IN (SELECT id FROM clues WHERE source = 'model')",
    );
    await tx.exec('DELETE FROM clues');
    await tx.exec('DELETE FROM clue_counters');
    for (const [key, last] of counters) {
      const [unit, year] = key.split('|');
      await tx.exec(
        sql`INSERT INTO clue_counters (unit_code, year, prefix, last_seq) VALUES (${unit}, ${Number(year)}, ${regionShortName(regionNames.get(unit) ?? unit)}, ${last})`,
      );
    }
    const original = new Map(rows.map((r) => [r.id, r]));
    await tx.copyIn(
      'clues',
      [...Object.keys(rows[0] ?? {})],
      ids.map((id) => {
        const h = byId.get(id)!;
        const caseId = h.events.find((e) => e.action === 'merge');
        const row: Record<string, Value> = {
          ...(original.get(id) as unknown as Record<string, Value>),
          status: h.status,
          procedure: h.procedure ?? original.get(id)!.procedure,
          agency_id: h.agencyId ?? original.get(id)!.agency_id,
          deadline: h.deadline,
          rectification: h.rectification,
          escalation_level: h.escalationLevel,
          escalated_at: h.escalatedAt === null ? null : iso(h.escalatedAt),
          created_at: iso(h.clue.foundAt),
          updated_at: iso(h.updatedAt),
          number: numbers.get(id)!,
          case_id: caseId ? ((caseId.detail?.caseId as string | undefined) ?? id) : null,
        };
        return Object.keys(rows[0]).map((k) => row[k] ?? null);
      }),
    );
    const events = histories.flatMap((h) =>
      h.events.filter((e) => !(e.action === 'create' && intakeIds.has(e.clueId))).map((e) => ({ h, e })),
    );
    eventCount = events.length;
    await tx.copyIn(
      'clue_events',
      ['id', 'clue_id', 'region_code', 'actor_user_id', 'action', 'from_status', 'to_status', 'comment', 'detail', 'occurred_at'],
      events.map(({ h, e }) => [
        e.id,
        e.clueId,
        e.regionCode,
        actorOf(h, e.by),
        e.action,
        e.from,
        e.to,
        e.comment,
        e.detail === null ? null : JSON.stringify(e.detail),
        iso(e.at),
      ]),
    );
    // Reports linked while the clue moved on: their event names the status of that moment.
    const links = await tx.query<{ id: string; clue_id: string; occurred_at: string }>(
      "SELECT id, clue_id, occurred_at FROM clue_events WHERE action = 'link'",
    );
    for (const l of links) {
      const s = statusAt(byId.get(l.clue_id)!, new Date(l.occurred_at).getTime());
      await tx.exec(sql`UPDATE clue_events SET from_status = ${s}, to_status = ${s} WHERE id = ${l.id}`);
    }
    // Evidence files, stored and hashed as an upload stores them (written 32 at a time: one by one,
    // four thousand small files took seconds of waiting on the disk).
    const files: Value[][] = [];
    const writes: (() => Promise<void>)[] = [];
    for (const h of histories) {
      for (const a of h.attachments) {
        const bytes = Buffer.from(`${a.fileName.replace(/\.txt$/, '')}\n\n线索：${numbers.get(h.clue.id)}\n\n${a.text}\n`, 'utf8');
        const relative = join(String(new Date(a.at).getUTCFullYear()), h.clue.id, a.id);
        const target = join(attachmentsRoot(), relative);
        writes.push(async () => {
          await mkdir(dirname(target), { recursive: true });
          await writeFile(target, bytes);
        });
        files.push([
          a.id,
          h.clue.id,
          h.clue.regionCode,
          a.fileName,
          'text/plain; charset=utf-8',
          bytes.length,
          createHash('sha256').update(bytes).digest('hex'),
          createHash('sm3').update(bytes).digest('hex'),
          relative,
          actorOf(h, 'agency'),
          iso(a.at),
        ]);
      }
    }
    for (let i = 0; i < writes.length; i += 32) await Promise.all(writes.slice(i, i + 32).map((w) => w()));
    await tx.copyIn(
      'clue_attachments',
      [
        'id',
        'clue_id',
        'region_code',
        'file_name',
        'content_type',
        'size_bytes',
        'sha256',
        'sm3',
        'storage_path',
        'uploaded_by',
        'uploaded_at',
      ],
      files,
    );
    // The notifications each step raised, on its day (the webhooks of the past are not sent); the
    // openings the model run just told are told again on the day the plan found each clue.
    await tx.exec("DELETE FROM notifications WHERE kind = 'self_check'");
    await notify(
      tx,
      histories.flatMap((h) => historyNotifications(h, original.get(h.clue.id)!, numbers.get(h.clue.id)!, asOf)),
    );
    // Each desk has read what is older than a week: the badge shows the last days' news.
    const users = await tx.query<{ id: string }>('SELECT id FROM users');
    await tx.exec('DELETE FROM notification_marks');
    await tx.copyIn(
      'notification_marks',
      ['user_id', 'read_before'],
      users.map((u) => [u.id, iso(instantMs(asOf - 7, 0))]),
    );
    // One audit entry per step, as the workflow writes them; simulatedAt is the step's own time.
    const audit: AuditEntryInput[] = events
      .filter(({ e }) => e.action !== 'create')
      .map(({ h, e }) => ({
        actor: actorOf(h, e.by),
        action: `clue.${e.action}`,
        target: e.clueId,
        regionCode: e.regionCode,
        detail: { from: e.from, to: e.to, comment: e.comment, ...(e.detail ?? {}), simulatedAt: iso(e.at) },
      }));
    return { result: null, audit };
  });

  step('write');
  // 4. Notices, through the notice functions on their days.
  const notices = await issueNotices(store, histories, desks, supervisorOf, seed, asOf);
  step('notices');

  // 5. The closure models judge the history.
  await runModels(
    store,
    MODELS.filter((m) => m.evidenceKind === 'clues'),
    { trigger: 'batch', asOf: opts.asOf, now: new Date(instantMs(asOf, 6 * 3600)) }, // after the night's other finds
  );

  step('closure models');
  const byStatus: Record<string, number> = {};
  for (const r of await store.query<{ status: string; n: number }>('SELECT status, count(*) AS n FROM clues GROUP BY status'))
    byStatus[r.status] = Number(r.n);
  return {
    clues: Object.values(byStatus).reduce((a, b) => a + b, 0),
    events: eventCount,
    notices,
    byStatus,
    seconds: (performance.now() - started) / 1000,
  };
}

/** A clue's key for its random streams: its id, or for an intake clue (random id) what it is. */
const streamKey = (h: ClueHistory): string => (h.clue.modelCode ? h.clue.id : `${h.clue.regionCode}|${h.clue.foundAt}`);

const RESPONSES = [
  '收到通知后我单位立即组织自查，已对相关执法行为逐件复核并纠正，对责任人员进行了批评教育，整改情况报告如下：相关问题已全部整改到位。',
  '我单位高度重视，已召开专题会议研究整改，完善了执法程序和内部审核制度，并举一反三开展同类问题排查。',
];

/** Advisory and supervision notices on escalated and some assigned clues, transfer letters on transferred ones; most answered. */
async function issueNotices(
  store: Store,
  histories: ClueHistory[],
  desks: Desks,
  supervisorOf: (h: ClueHistory) => Caller,
  seed: number,
  asOf: number,
): Promise<number> {
  const plans: { h: ClueHistory; kind: NoticeKind; at: number }[] = [];
  for (const h of histories) {
    if (h.events.some((e) => e.detail?.viaCase)) continue; // a case member: its case's notice names it
    const rng = Rng.of(seed, 'notice', streamKey(h));
    const escalate = h.events.find((e) => e.action === 'escalate');
    const assign = h.events.find((e) => e.action === 'assign');
    const transfer = h.events.find((e) => e.action === 'transfer');
    if (transfer && rng.chance(0.5)) plans.push({ h, kind: 'transfer', at: transfer.at + rng.range(1, 3) * 86_400_000 });
    else if (escalate && rng.chance(0.12))
      plans.push({ h, kind: 'supervision', at: escalate.at + rng.range(1, 3) * 86_400_000 + 9 * 3_600_000 });
    else if (assign && rng.chance(0.01)) plans.push({ h, kind: 'advisory', at: assign.at + rng.range(1, 5) * 86_400_000 });
  }
  plans.sort((a, b) => a.at - b.at || (a.h.clue.id < b.h.clue.id ? -1 : 1));
  let issued = 0;
  for (const p of plans) {
    if (dayOfMs(p.at) > asOf) continue;
    const status = statusAt(p.h, p.at);
    if (p.kind !== 'transfer' && (status === 'dismissed' || status === 'new' || status === 'triaged')) continue;
    const issuer = supervisorOf(p.h);
    const row = await issueNotice(store, issuer, { kind: p.kind, clueIds: [p.h.clue.id] }, fixedClock(new Date(p.at).toISOString()));
    issued++;
    // The notice event names the clue's status of that day (issueNotice reads today's).
    await store.exec(
      sql`UPDATE clue_events SET from_status = ${status}, to_status = ${status} WHERE clue_id = ${p.h.clue.id} AND action = 'notice' AND detail LIKE ${`%${row.id}%`}`,
    );
    const rng = Rng.of(seed, 'answer', streamKey(p.h));
    const answerDay = dayOfMs(p.at) + rng.range(3, 12);
    if (answerDay > asOf || !rng.chance(0.8)) continue;
    // A transfer letter is answered by the liaison of the commission it went to, where the demo has one;
    // otherwise the issuing office records the paper reply.
    const liaison = desks.named('hz_jijian');
    const responder =
      p.kind !== 'transfer'
        ? desks.agency(p.h.agencyId!)
        : liaison && regionContains(liaison.regionCode, issuer.regionCode)
          ? liaison
          : issuer;
    await respondNotice(
      store,
      responder,
      row.id,
      {
        text: p.kind === 'transfer' ? '已收悉，已按规定启动核查程序，核查结果将另行函告。' : rng.pick(RESPONSES),
        respondedOn: isoOf(answerDay),
      },
      fixedClock(new Date(instantMs(answerDay, 15 * 3600)).toISOString()),
    );
  }
  return issued;
}
