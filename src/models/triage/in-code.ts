// Triage of the few hits of a real-time check, in code, inside the transaction that lands the records:
// one statement reads what the files already hold, then at most four write (the hits; new clues; the
// clues that took hits; their events) — a batch run's SQL (in-sql.ts) would take fourteen, which a
// record pushed by an agency system cannot afford (docs/supervision-brain.md, real-time latency).
// Given the same hits and the same stored files, both ways write the same rows (test/triage.test.ts).
import type { Store, Value } from '../../store/store.ts';
import { sql, raw, joinSql, type Sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { addDays } from '../../domain/dates.ts';
import { FINAL_STATUSES, type ClueStatus } from '../../clues/workflow.ts';
import { numbersFor } from '../../clues/numbering.ts';
import { tellSelfChecks } from './tell.ts';
import { BUNDLE_LABELS, SUBJECTS, bundleSubject, periodOf, systemic, type BundleKind } from './filing.ts';
import { INSERT_CLUES, INSERT_EVENTS, INSERT_HITS, clueId, type StagedHit } from './hit.ts';
import { chooseProcedure, nextProcedure, thresholdsFor, type Procedure, type ThresholdSetting } from './procedure.ts';
import {
  SEVERITY_OF_RANK,
  SEVERITY_RANK,
  SCORE,
  evidenceOf,
  severityRankSql,
  historyPoints,
  moneyPoints,
  repetitionPoints,
  total,
  type ScoreParts,
} from './score.ts';
import {
  CLOSED_LIST,
  CONFIRMED_STATUSES,
  bundleClueKey,
  countOpened,
  emptyOutcome,
  historySince,
  runEventId,
  type TriageContext,
  type TriageOutcome,
} from './context.ts';

const list = (values: readonly string[]): Sql =>
  joinSql(
    values.map((v) => sql`${v}`),
    ', ',
  );

interface Candidate extends StagedHit {
  model: ModelDefinition;
  bundle_kind: BundleKind;
  bundle_id: string;
  bundle_subject: string;
  bundle_key: string;
}

/**
 * One row of the lookup. t: hit (a hit already kept: k its id) · lead (k a file's key: its best member
 * hit id, model a, region b, agency c, explanation d, evidence e, params f; the members' lowest agency
 * g; members n1, the lead's base n2, the members' highest severity rank n3, the lead's n4) · all (k a
 * file's key: its hits in the period n1) · clue (a clue of a touched subject: k its file's key, id,
 * status a, procedure b, subject c, d 'confirmed' when it counts in the history, region e) · th (a region's
 * thresholds: k the region, a the severity, n1–n3 simple, general, days) · name (k kind|id, a the name).
 */
interface LookupRow {
  t: 'hit' | 'lead' | 'all' | 'clue' | 'name' | 'th';
  k: string;
  id: string | null;
  a: string | null;
  b: string | null;
  c: string | null;
  d: string | null;
  e: string | null;
  f: string | null;
  g: string | null;
  n1: number | null;
  n2: number | null;
  n3: number | null;
  n4: number | null;
}

const TEXT_COLUMNS = ['id', 'a', 'b', 'c', 'd', 'e', 'f', 'g'] as const;
const INT_COLUMNS = ['n1', 'n2', 'n3', 'n4'] as const;

/** One branch of the lookup: every column named and typed alike, the ones not given NULL. */
function branch(
  t: LookupRow['t'],
  k: string,
  texts: Partial<Record<(typeof TEXT_COLUMNS)[number], string>>,
  ints: Partial<Record<(typeof INT_COLUMNS)[number], string>>,
  rest: Sql,
): Sql {
  const cols = [
    `'${t}' AS t`,
    `CAST(${k} AS VARCHAR) AS k`,
    ...TEXT_COLUMNS.map((c) => `CAST(${texts[c] ?? 'NULL'} AS VARCHAR) AS ${c}`),
    ...INT_COLUMNS.map((c) => `CAST(${ints[c] ?? 'NULL'} AS INTEGER) AS ${c}`),
  ];
  return sql`SELECT ${raw(cols.join(', '))} ${rest}`;
}

/** The enterprises of hits filed under a record, for those the caller could not name. */
async function resolveEntities(tx: Store, pending: Candidate[], ctx: TriageContext): Promise<void> {
  const ask = new Map<string, Set<string>>();
  for (const h of pending) {
    const known = ctx.entityOf?.(h.subject_kind, h.subject_id);
    if (known !== undefined) h.bundle_id = known ?? '';
    else (ask.get(h.subject_kind) ?? ask.set(h.subject_kind, new Set()).get(h.subject_kind)!).add(h.subject_id);
  }
  if (ask.size === 0) return;
  const parts = [...ask].map(([kind, ids]) => {
    const s = SUBJECTS[kind];
    const from = s.via ? raw(`${s.table} r JOIN ${s.via.table} t ON t.id = r.${s.via.column}`) : raw(`${s.table} r`);
    const entity = raw(`${s.via ? 't' : 'r'}.${s.entityColumn}`);
    return sql`SELECT CAST(${kind} AS VARCHAR) AS kind, r.id, ${entity} AS entity FROM ${from} WHERE r.id IN (${list([...ids])})`;
  });
  const found = new Map(
    (await tx.query<{ kind: string; id: string; entity: string | null }>(joinSql(parts, ' UNION ALL '))).map((r) => [
      `${r.kind}|${r.id}`,
      r.entity ?? '',
    ]),
  );
  for (const h of pending) if (h.bundle_id === null) h.bundle_id = found.get(`${h.subject_kind}|${h.subject_id}`) ?? '';
}

/** Everything triage reads about the touched files, in one statement (see LookupRow). */
function lookupSql(candidates: readonly Candidate[], since: string): Sql {
  const ids = [...new Set(candidates.map((c) => c.id))];
  const keys = [...new Set(candidates.map((c) => c.bundle_key))];
  const subjects = [...new Set(candidates.map((c) => c.bundle_subject))];
  const named = (kind: BundleKind) => [...new Set(candidates.filter((c) => c.bundle_kind === kind).map((c) => c.bundle_id))];
  const parts: Sql[] = [
    branch('hit', 'h.id', {}, {}, sql`FROM model_hits h WHERE h.id IN (${list(ids)})`),
    branch(
      'lead',
      'x.bundle_key',
      {
        id: 'x.id',
        a: 'x.model_code',
        b: 'x.region_code',
        c: 'x.agency_id',
        d: 'x.explanation',
        e: 'x.evidence',
        f: 'x.params',
        g: 'x.min_agency',
      },
      { n1: 'x.members', n2: 'x.base', n3: 'x.max_sr', n4: 'x.sr' },
      sql`FROM (
        SELECT m.*, row_number() OVER (PARTITION BY m.bundle_key ORDER BY m.base DESC, m.sr DESC, m.found_at, m.id) AS r,
               count(*) OVER (PARTITION BY m.bundle_key) AS members, min(m.agency_id) OVER (PARTITION BY m.bundle_key) AS min_agency,
               max(m.sr) OVER (PARTITION BY m.bundle_key) AS max_sr
        FROM (
          SELECT h.id, h.bundle_key, h.model_code, h.region_code, h.agency_id, h.explanation, h.evidence, h.params, h.found_at,
                 h.score_severity + h.score_evidence + h.score_money AS base, ${severityRankSql('h.severity')} AS sr
          FROM model_hits h LEFT JOIN clues c ON c.id = h.clue_id
          WHERE h.bundle_key IN (${list(keys)}) AND (h.clue_id IS NULL OR c.status NOT IN (${raw(CLOSED_LIST)}))
        ) m
      ) x WHERE x.r = 1`,
    ),
    branch(
      'all',
      'h.bundle_key',
      {},
      { n1: 'count(*)' },
      sql`FROM model_hits h WHERE h.bundle_key IN (${list(keys)}) GROUP BY h.bundle_key`,
    ),
    branch(
      'clue',
      'c.bundle_key',
      {
        id: 'c.id',
        a: 'c.status',
        b: 'c.procedure',
        c: 'c.bundle_subject',
        e: 'c.region_code',
        d: `CASE WHEN c.status IN (${CONFIRMED_STATUSES.map((x) => `'${x}'`).join(', ')}) AND CAST(c.updated_at AS DATE) >= DATE '${since}' THEN 'confirmed' END`,
      },
      {},
      sql`FROM clues c WHERE c.bundle_subject IN (${list(subjects)})`,
    ),
    branch(
      'th',
      't.region_code',
      { a: 't.general_severity' },
      { n1: 't.simple_min', n2: 't.general_min', n3: 't.simple_days' },
      sql`FROM triage_settings t`,
    ),
  ];
  const names = (kind: BundleKind, table: string, key: string) => {
    const values = named(kind);
    return values.length
      ? [branch('name', `'${kind}|' || ${key}`, { id: key, a: 'name' }, {}, sql`FROM ${raw(table)} WHERE ${raw(key)} IN (${list(values)})`)]
      : [];
  };
  parts.push(
    ...names('entity', 'entities', 'uscc'),
    ...names('officer', 'officers', 'id'),
    ...names('agency', 'agencies', 'id'),
    ...names('agency', 'regions', 'code'),
  );
  return joinSql(parts, ' UNION ALL ');
}

interface File {
  key: string;
  subject: string;
  kind: BundleKind;
  id: string;
  /** Hits of the file in the period (for repetition), members not in a closed clue, their highest severity rank. */
  all: number;
  members: number;
  maxSr: number;
  minAgency?: string | null;
  /** This call's hits filed so far. */
  fresh: number;
  /** The file's best member: fresh when it is a hit of this call. */
  lead?: {
    id: string;
    base: number;
    sr: number;
    fresh: boolean;
    model: string;
    region: string;
    agency: string | null;
    explanation: string;
    evidence: string;
    params: string;
  };
  /** Clues the file has had (the next one's sequence number). */
  seq: number;
  open?: { id: string; status: string; procedure: string | null; region: string; created: boolean; upgraded?: boolean };
}

/** The title of a file's clue: 一企一档：<name>, 一人一档：<name>, or <model>：<agency>. */
export function bundleTitle(model: ModelDefinition, kind: BundleKind, name: string): string {
  return kind === 'agency' ? `${model.name}：${name}` : `${BUNDLE_LABELS[kind]}：${name}`;
}

/**
 * Scores, bundles and writes the staged hits of `runs` (each hit of its run's model) into `tx`: new hits,
 * new clues and their create events, the open clues that take hits (and their join or upgrade events).
 * Returns what happened, per run in the order given.
 */
export async function triageInCode(
  tx: Store,
  runs: readonly { model: ModelDefinition; hits: readonly StagedHit[] }[],
  ctx: TriageContext,
  runId: string,
): Promise<TriageOutcome[]> {
  const outcomes = runs.map(() => emptyOutcome());
  const period = periodOf(ctx.asOf);
  const byId = new Map<string, [Candidate, number]>();
  runs.forEach((run, i) => {
    for (const h of run.hits) {
      const c = { ...h, model: run.model } as Candidate;
      byId.set(c.id, [c, i]);
    }
  });
  const all = [...byId.values()].map(([c]) => c);
  if (all.length === 0) return outcomes;
  await resolveEntities(
    tx,
    all.filter((c) => c.bundle_id === null),
    ctx,
  );
  for (const c of all) {
    if (!c.bundle_id) Object.assign(c, { bundle_kind: 'agency', bundle_id: systemic(c).id });
    c.bundle_subject = bundleSubject(c.model, c.bundle_kind, c.bundle_id);
    c.bundle_key = `${c.bundle_subject}|${period}`;
  }

  const rows = await tx.query<LookupRow>(lookupSql(all, historySince(ctx.asOf)));
  const known = new Set(rows.filter((r) => r.t === 'hit').map((r) => r.k));
  const fresh = all.filter((c) => !known.has(c.id));
  if (fresh.length === 0) return outcomes;
  const names = new Map(rows.filter((r) => r.t === 'name').map((r) => [r.k, r.a ?? '']));
  const settings: ThresholdSetting[] = rows
    .filter((r) => r.t === 'th')
    .map((r) => ({
      regionCode: r.k,
      generalSeverity: r.a as ThresholdSetting['generalSeverity'],
      simpleMin: Number(r.n1),
      generalMin: Number(r.n2),
      simpleDays: Number(r.n3),
      updatedAt: '',
      updatedBy: '',
    }));

  // The files the hits touch, as stored; each run then changes them in memory as its SQL would in the store.
  const files = new Map<string, File>();
  for (const c of fresh) {
    if (!files.has(c.bundle_key))
      files.set(c.bundle_key, {
        key: c.bundle_key,
        subject: c.bundle_subject,
        kind: c.bundle_kind,
        id: c.bundle_id,
        all: 0,
        seq: 0,
        members: 0,
        maxSr: 0,
        fresh: 0,
      });
  }
  const confirmed = new Map<string, number>();
  for (const r of rows) {
    const f = files.get(r.k);
    if (r.t === 'lead' && f) {
      f.lead = {
        id: r.id!,
        base: Number(r.n2),
        sr: Number(r.n4),
        fresh: false,
        model: r.a!,
        region: r.b!,
        agency: r.c,
        explanation: r.d!,
        evidence: r.e!,
        params: r.f!,
      };
      f.members = Number(r.n1);
      f.maxSr = Number(r.n3);
      f.minAgency = r.g;
    } else if (r.t === 'all' && f) f.all = Number(r.n1);
    else if (r.t === 'clue') {
      if (r.d === 'confirmed') confirmed.set(r.c!, (confirmed.get(r.c!) ?? 0) + 1);
      if (!f) continue;
      f.seq++;
      if (!FINAL_STATUSES.includes(r.a as ClueStatus)) f.open = { id: r.id!, status: r.a!, procedure: r.b, region: r.e!, created: false };
    }
  }

  const created = new Map<string, NewClue>();
  const updates = new Map<string, Sql>();
  const events: Sql[] = [];
  const scoredHits: { c: Candidate; parts: ScoreParts; file: File; run: string }[] = [];
  const now = ctx.now;
  const json = (v: Record<string, unknown>) => JSON.stringify(v);
  runs.forEach((run, i) => {
    const mine = fresh.filter((c) => byId.get(c.id)![1] === i);
    const runKey = runs.length > 1 ? `${runId}#${i}` : runId;
    const touched = new Map<File, Candidate[]>();
    for (const c of mine) {
      const f = files.get(c.bundle_key)!;
      (touched.get(f) ?? touched.set(f, []).get(f)!).push(c);
    }
    for (const [f, hits] of touched) {
      const history = historyPoints(confirmed.get(f.subject) ?? 0);
      f.all += hits.length;
      const repetition = repetitionPoints(f.all - 1);
      // Best hit first (base, severity, then id), as the SQL's window orders a file's members.
      const scored = hits.map((c) => {
        const parts: ScoreParts = {
          severity: SCORE.severity[c.model.severity],
          evidence: SCORE.evidence[evidenceOf(c.model, c.subject_kind)],
          money: moneyPoints(c.amount === null ? null : Number(c.amount)),
          repetition,
          history,
        };
        return { c, parts, base: parts.severity + parts.evidence + parts.money, sr: SEVERITY_RANK[c.severity] };
      });
      scored.sort((x, y) => y.base - x.base || y.sr - x.sr || (x.c.id < y.c.id ? -1 : x.c.id > y.c.id ? 1 : 0));
      const best = scored[0];
      const l = f.lead;
      // A stored lead was found earlier and stays ahead on a tie; one of this call, found at the same moment, yields to a smaller id.
      if (!l || best.base > l.base || (best.base === l.base && (best.sr > l.sr || (best.sr === l.sr && l.fresh && best.c.id < l.id))))
        f.lead = {
          id: best.c.id,
          base: best.base,
          sr: best.sr,
          fresh: true,
          model: best.c.model_code,
          region: best.c.region_code,
          agency: best.c.agency_id,
          explanation: best.c.explanation,
          evidence: best.c.evidence,
          params: best.c.params,
        };
      const lead = f.lead!;
      f.maxSr = Math.max(f.maxSr, ...scored.map((x) => x.sr));
      f.members += hits.length;
      for (const x of scored) if (x.c.agency_id && (!f.minAgency || x.c.agency_id < f.minAgency)) f.minAgency = x.c.agency_id;
      const score = Math.min(SCORE.max, lead.base + repetition + history);
      const agency = lead.agency ?? f.minAgency ?? null;
      const th = thresholdsFor(settings, lead.region);
      const fields = {
        hit_count: f.members,
        risk_score: score,
        severity: SEVERITY_OF_RANK[f.maxSr],
        model_code: lead.model,
        explanation: lead.explanation,
        evidence: lead.evidence,
        params: lead.params,
      };
      if (f.open) {
        const open = f.open;
        const procedure = nextProcedure(open.procedure, score, f.maxSr, th);
        const upgrade = open.procedure === 'simple' && procedure === 'general' && open.status === 'self_check';
        outcomes[i].joined++;
        events.push(sql`(${runEventId('J', open.id, runKey)}, ${open.id}, ${open.region}, ${ctx.actor}, 'join', ${open.status}, ${open.status}, NULL,
          ${json({ hits: hits.length, score })}, ${now})`);
        if (upgrade)
          events.push(
            sql`(${runEventId('U', open.id, runKey)}, ${open.id}, ${open.region}, ${ctx.actor}, 'upgrade', 'self_check', 'new', NULL, ${json({ score })}, ${now})`,
          );
        open.procedure = procedure;
        if (upgrade) open.status = 'new';
        const mine = created.get(open.id);
        if (mine) {
          Object.assign(mine, fields, { procedure, status: open.status });
          if (upgrade) mine.deadline = null;
        } else
          updates.set(
            open.id,
            sql`UPDATE clues SET hit_count = ${fields.hit_count}, risk_score = ${score}, severity = ${fields.severity}, model_code = ${lead.model},
              explanation = ${lead.explanation}, evidence = ${lead.evidence}, params = ${lead.params}, procedure = ${procedure},
              ${upgrade || open.upgraded ? raw(`status = 'new', deadline = NULL, `) : raw('')}updated_at = ${now} WHERE id = ${open.id}`,
          );
        if (upgrade) open.upgraded = true;
      } else {
        const procedure = chooseProcedure(score, f.maxSr, !!agency, th);
        countOpened(outcomes[i], procedure);
        if (procedure !== 'warning') {
          const dedupe = bundleClueKey(f.key, f.seq + 1);
          const id = clueId(dedupe);
          const status = procedure === 'simple' ? 'self_check' : 'new';
          f.seq++;
          f.open = { id, status, procedure, region: lead.region, created: true };
          created.set(id, {
            ...fields,
            id,
            region: lead.region,
            agency,
            dedupe,
            title: bundleTitle(best.c.model, f.kind, names.get(`${f.kind}|${f.id}`) || f.id),
            status,
            procedure,
            deadline: procedure === 'simple' ? addDays(ctx.asOf, th.simpleDays) : null,
            subject: f.subject,
            key: f.key,
          });
          events.push(
            sql`(${'EV-' + id}, ${id}, ${lead.region}, ${ctx.actor}, 'create', NULL, ${status}, NULL, ${json({ procedure, score, hits: f.members })}, ${now})`,
          );
          if (f.members > f.fresh + hits.length)
            updates.set(`hits|${f.key}`, sql`UPDATE model_hits SET clue_id = ${id} WHERE bundle_key = ${f.key} AND clue_id IS NULL`);
        }
      }
      f.fresh += hits.length;
      for (const x of scored) {
        outcomes[i].newHits++;
        scoredHits.push({ c: x.c, parts: x.parts, file: f, run: runKey });
      }
    }
  });

  // Every hit of a file that has an open clue at the end belongs to it (a later run of the call may have opened it).
  // The hits the lookup found stored are not among them, and none can be stored since: withAudit's lock
  // of the hits' city keeps two writers of this process and, on PostgreSQL, of two app servers from
  // judging one subject at once (as the batch path, in-sql.ts, relies on). No ON CONFLICT clause: on
  // DuckDB it took a one-row insert from 2.8 to 8.7 ms (p50); a writer outside the lock would fail on
  // the key and roll back, not write a second row.
  await tx.exec(
    sql`${INSERT_HITS} VALUES ${joinSql(
      scoredHits.map((h) => hitValues(h.c, h.parts, h.run, ctx, h.file.open?.id ?? null)),
      ', ',
    )}`,
  );
  if (created.size) {
    const fresh = [...created.values()];
    const numbers = await numbersFor(
      tx,
      fresh.map((c) => c.region),
      now,
    );
    await tx.exec(
      sql`${INSERT_CLUES} VALUES ${joinSql(
        fresh.map(
          (
            c,
            i,
          ) => sql`(${c.id}, ${c.region}, ${c.agency}, 'model', ${c.model_code}, ${c.dedupe}, ${c.severity}, ${c.title}, ${c.explanation}, ${c.evidence},
          ${c.params}, ${c.status}, CAST(${c.deadline} AS DATE), ${now}, ${now}, ${c.procedure}, ${c.subject}, ${c.key}, ${c.risk_score}, ${c.hit_count}, ${numbers[i]})`,
        ),
        ', ',
      )}`,
    );
  }
  for (const u of updates.values()) await tx.exec(u);
  if (events.length) await tx.exec(sql`${INSERT_EVENTS} VALUES ${joinSql(events, ', ')}`);
  await tellSelfChecks(
    tx,
    [...created.values()].filter((c) => c.status === 'self_check').map((c) => c.id),
    ctx.now,
  );
  return outcomes;
}

interface NewClue {
  id: string;
  region: string;
  agency: string | null;
  dedupe: string;
  title: string;
  status: string;
  procedure: Procedure;
  deadline: string | null;
  subject: string;
  key: string;
  hit_count: number;
  risk_score: number;
  severity: string;
  model_code: string;
  explanation: string;
  evidence: string;
  params: string;
}

function hitValues(c: Candidate, p: ScoreParts, runId: string, ctx: TriageContext, clue: string | null): Sql {
  const v: Value[] = [
    c.id,
    c.dedupe_key,
    c.model_code,
    c.region_code,
    c.agency_id,
    c.subject_kind,
    c.subject_id,
    c.window_key,
    c.severity,
    c.title,
    c.explanation,
    c.evidence,
    c.params,
    runId,
  ];
  return sql`(${joinSql(
    v.map((x) => sql`${x}`),
    ', ',
  )}, CAST(${ctx.asOf} AS DATE), ${ctx.now}, ${c.bundle_subject}, ${c.bundle_key}, ${c.amount}, ${total(p)}, ${p.severity}, ${p.evidence}, ${p.money},
    ${p.repetition}, ${p.history}, ${clue})`;
}
