// Triage of a batch run's hits inside the database: the hits sit in model_hits_stage (stage-sql.ts)
// and never travel through JavaScript (a hangzhou-scale run has a million). The statements file each
// hit (looking up the enterprise of a record subject), keep it with its score, gather the files it
// touches in triage_bundles_stage with their score, lead hit, agency and procedure, then open clues,
// update the open ones and attach the hits. The rules are those of in-code.ts, statement by statement.
import type { Store } from '../../store/store.ts';
import { sql, raw, type Sql } from '../../store/sql.ts';
import type { ModelDefinition } from '../model.ts';
import { periodOf, resolveStagedSql } from './filing.ts';
import { loadThresholdSettings, thresholdSql, type ThresholdSetting } from './procedure.ts';
import {
  SCORE,
  SEVERITY_RANK,
  evidencePointsSql,
  historyPointsSql,
  moneyPointsSql,
  repetitionPointsSql,
  severityRankSql,
} from './score.ts';
import { CLOSED_LIST, CONFIRMED_STATUSES, emptyOutcome, historySince, type TriageContext, type TriageOutcome } from './context.ts';
import { INSERT_CLUES, INSERT_EVENTS, INSERT_HITS } from './hit.ts';
import { tellClues } from './tell.ts';
import type { ClueRow } from '../../clues/workflow.ts';
import { advanceCounters, ensureCounters, numberExpr, numberingYear } from '../../clues/numbering.ts';

const CONFIRMED = CONFIRMED_STATUSES.map((s) => `'${s}'`).join(', ');

/** The thresholds once per write: a batch run reads them before its statements. */
export const thresholdsForSql = (store: Store): Promise<ThresholdSetting[]> => loadThresholdSettings(store);

/**
 * Triage of the hits staged for one run of `model` (model_hits_stage holds them, one row per dedupe
 * key). Leaves both stage tables empty.
 */
export async function triageStaged(
  tx: Store,
  model: ModelDefinition,
  runId: string,
  ctx: TriageContext,
  settings: readonly ThresholdSetting[],
): Promise<TriageOutcome> {
  const out = emptyOutcome();
  const d = tx.dialect;
  const since = historySince(ctx.asOf);
  await tx.exec(sql`DELETE FROM model_hits_stage WHERE id IN (SELECT id FROM model_hits WHERE model_code = ${model.code})`);
  const [fresh] = await tx.query<{ n: number }>('SELECT count(*) AS n FROM model_hits_stage');
  out.newHits = Number(fresh.n);
  if (out.newHits === 0) return out;

  // The stages analyzed (PostgreSQL) before statements join them: the hits once they are in, again once
  // they have their files, and the files once gathered.
  const analyze = async (table: string) => {
    for (const s of d.analyze(table)) await tx.exec(s);
  };
  await analyze('model_hits_stage');
  const kinds = await tx.query<{ subject_kind: string }>('SELECT DISTINCT subject_kind FROM model_hits_stage WHERE bundle_id IS NULL');
  for (const s of resolveStagedSql(kinds.map((k) => k.subject_kind))) await tx.exec(s);
  await tx.exec(sql`UPDATE model_hits_stage SET
    bundle_subject = bundle_kind || '|' || bundle_id || '|' || CASE WHEN bundle_kind = 'agency' THEN model_code ELSE '' END,
    bundle_key = bundle_kind || '|' || bundle_id || '|' || CASE WHEN bundle_kind = 'agency' THEN model_code ELSE '' END || '|' || ${periodOf(ctx.asOf)}`);
  await analyze('model_hits_stage');

  // The hits, each scored with the file's count in the period (this run's and the stored) and history.
  const severity = raw(String(SCORE.severity[model.severity]));
  const parts = sql`${severity} AS sev, ${evidencePointsSql(model, 's')} AS ev, ${moneyPointsSql('s.amount')} AS money,
    ${repetitionPointsSql('n.n - 1')} AS rep, ${historyPointsSql('COALESCE(k.k, 0)')} AS hist`;
  await tx.exec(sql`${INSERT_HITS}
    SELECT p.id, p.dedupe_key, p.model_code, p.region_code, p.agency_id, p.subject_kind, p.subject_id, p.window_key, p.severity, p.title,
           p.explanation, p.evidence, p.params, ${runId}, CAST(${ctx.asOf} AS DATE), ${ctx.now}, p.bundle_subject, p.bundle_key, p.amount,
           least(${raw(String(SCORE.max))}, p.sev + p.ev + p.money + p.rep + p.hist), p.sev, p.ev, p.money, p.rep, p.hist, CAST(NULL AS VARCHAR)
    FROM (
      SELECT s.*, ${parts}
      FROM model_hits_stage s
      JOIN (SELECT x.bundle_key, count(*) AS n FROM (
              SELECT bundle_key FROM model_hits_stage
              UNION ALL SELECT h.bundle_key FROM model_hits h WHERE h.bundle_key IN (SELECT bundle_key FROM model_hits_stage)) x
            GROUP BY x.bundle_key) n ON n.bundle_key = s.bundle_key
      LEFT JOIN (${confirmedSql(since)}) k ON k.bundle_subject = s.bundle_subject
    ) p`);

  // The files the run touched: members (hits not in a closed clue), their best hit, score and procedure.
  const th = (pick: (t: { simpleMin: number; generalMin: number; simpleDays: number; generalSeverity: string }) => number) =>
    thresholdSql(settings, 'f.region_code', pick);
  const general = sql`f.score >= ${th((t) => t.generalMin)} AND f.max_sr >= ${th((t) => SEVERITY_RANK[t.generalSeverity as 'high'])}`;
  const name = raw(
    `COALESCE(CASE f.bundle_kind WHEN 'entity' THEN e.name WHEN 'officer' THEN o.name ELSE COALESCE(g.name, r.name) END, f.bundle_id)`,
  );
  await tx.exec(sql`
    INSERT INTO triage_bundles_stage (bundle_key, bundle_subject, bundle_kind, open_clue, open_procedure, open_status, members, fresh, score,
      severity_rank, lead_hit, region_code, agency_id, procedure, clue_id, dedupe_key, title, deadline)
    SELECT q.bundle_key, q.bundle_subject, q.bundle_kind, q.open_clue, q.open_procedure, q.open_status, q.members, q.fresh, q.score, q.max_sr,
           q.lead_hit, q.region_code, q.agency_id, q.procedure,
           COALESCE(q.open_clue, CASE WHEN q.procedure <> 'warning' THEN 'CL-' || substr(md5(q.new_key), 1, 16) END),
           CASE WHEN q.open_clue IS NULL AND q.procedure <> 'warning' THEN q.new_key END, q.title,
           CASE WHEN q.open_clue IS NULL AND q.procedure = 'simple' THEN ${raw(d.addDays(`DATE '${ctx.asOf}'`, 'q.simple_days'))} END
    FROM (
      SELECT f.*, 'B|' || f.bundle_key || '|' || CAST(COALESCE(f.seq, 0) + 1 AS VARCHAR) AS new_key,
        CASE
          WHEN f.open_clue IS NOT NULL THEN CASE WHEN COALESCE(f.open_procedure, 'general') <> 'simple' OR (${general}) THEN 'general' ELSE 'simple' END
          WHEN ${general} THEN 'general'
          WHEN f.score >= ${th((t) => t.simpleMin)} THEN CASE WHEN f.agency_id IS NULL THEN 'general' ELSE 'simple' END
          ELSE 'warning'
        END AS procedure,
        CASE f.bundle_kind WHEN 'entity' THEN ${'一企一档：'} || ${name} WHEN 'officer' THEN ${'一人一档：'} || ${name} ELSE ${`${model.name}：`} || ${name} END AS title,
        ${th((t) => t.simpleDays)} AS simple_days
      FROM (
        SELECT t.bundle_key, t.bundle_subject, t.bundle_kind, t.bundle_id, l.id AS lead_hit, l.region_code, COALESCE(l.agency_id, l.min_agency) AS agency_id,
               l.members, l.max_sr, t.fresh, o.seq, o.open_clue, o.open_procedure, o.open_status,
               least(${raw(String(SCORE.max))}, l.base + ${repetitionPointsSql('a.n - 1')} + ${historyPointsSql('COALESCE(k.k, 0)')}) AS score
        FROM (SELECT bundle_key, bundle_subject, bundle_kind, bundle_id, count(*) AS fresh FROM model_hits_stage
              GROUP BY bundle_key, bundle_subject, bundle_kind, bundle_id) t
        JOIN (${membersSql()}) l ON l.bundle_key = t.bundle_key
        JOIN (SELECT h.bundle_key, count(*) AS n FROM model_hits h WHERE h.bundle_key IN (SELECT bundle_key FROM model_hits_stage) GROUP BY h.bundle_key) a
          ON a.bundle_key = t.bundle_key
        LEFT JOIN (${confirmedSql(since)}) k ON k.bundle_subject = t.bundle_subject
        LEFT JOIN (
          SELECT c.bundle_key, count(*) AS seq, max(CASE WHEN c.status NOT IN (${raw(CLOSED_LIST)}) THEN c.id END) AS open_clue,
                 max(CASE WHEN c.status NOT IN (${raw(CLOSED_LIST)}) THEN c.procedure END) AS open_procedure,
                 max(CASE WHEN c.status NOT IN (${raw(CLOSED_LIST)}) THEN c.status END) AS open_status
          FROM clues c WHERE c.bundle_subject IN (SELECT bundle_subject FROM model_hits_stage) GROUP BY c.bundle_key
        ) o ON o.bundle_key = t.bundle_key
      ) f
        LEFT JOIN entities e ON e.uscc = ${raw(fileOf('entity'))}
        LEFT JOIN officers o ON o.id = ${raw(fileOf('officer'))}
        LEFT JOIN agencies g ON g.id = ${raw(fileOf('agency'))}
        LEFT JOIN regions r ON r.code = ${raw(fileOf('agency'))}
    ) q`);
  await analyze('triage_bundles_stage');

  // Open clues that took hits: a join event each, an upgrade event for a 简易 clue the file now sends to the full loop.
  const opened = sql`FROM triage_bundles_stage b JOIN clues c ON c.id = b.open_clue`;
  const upgraded = sql`c.procedure = 'simple' AND b.procedure = 'general' AND c.status = 'self_check'`;
  await tx.exec(sql`${INSERT_EVENTS}
    SELECT ${eventId('J', runId)}, b.open_clue, c.region_code, ${ctx.actor}, 'join', c.status, c.status, NULL,
           '{"hits":' || CAST(b.fresh AS VARCHAR) || ',"score":' || CAST(b.score AS VARCHAR) || '}', ${ctx.now} ${opened}`);
  await tx.exec(sql`${INSERT_EVENTS}
    SELECT ${eventId('U', runId)}, b.open_clue, c.region_code, ${ctx.actor}, 'upgrade', 'self_check', 'new', NULL,
           '{"score":' || CAST(b.score AS VARCHAR) || '}', ${ctx.now} ${opened} WHERE ${upgraded}`);
  await tx.exec(sql`UPDATE clues SET hit_count = x.members, risk_score = x.score, severity = ${severityOfRank('x.severity_rank')},
      model_code = x.model_code, explanation = x.explanation, evidence = x.evidence, params = x.params, procedure = x.procedure,
      status = CASE WHEN clues.procedure = 'simple' AND x.procedure = 'general' AND clues.status = 'self_check' THEN 'new' ELSE clues.status END,
      deadline = CASE WHEN clues.procedure = 'simple' AND x.procedure = 'general' AND clues.status = 'self_check' THEN NULL ELSE clues.deadline END,
      updated_at = ${ctx.now}
    FROM (SELECT b.*, l.model_code, l.explanation, l.evidence, l.params FROM triage_bundles_stage b JOIN model_hits l ON l.id = b.lead_hit
          WHERE b.open_clue IS NOT NULL) x
    WHERE clues.id = x.open_clue`);

  // New clues, with their create events; then every hit of a file with a clue joins it.
  const created = sql`FROM triage_bundles_stage b JOIN model_hits l ON l.id = b.lead_hit WHERE b.open_clue IS NULL AND b.procedure <> 'warning'`;
  const status = raw(`CASE b.procedure WHEN 'simple' THEN 'self_check' ELSE 'new' END`);
  // Each new clue's readable number from its county's counter of the year (src/clues/numbering.ts).
  const opening = "open_clue IS NULL AND procedure <> 'warning'";
  const year = numberingYear(ctx.now);
  const units = await tx.query<{ unit: string }>(
    `SELECT DISTINCT substr(region_code, 1, 6) AS unit FROM triage_bundles_stage WHERE ${opening}`,
  );
  await ensureCounters(
    tx,
    units.map((u) => u.unit),
    year,
  );
  await tx.exec(sql`${INSERT_CLUES}
    SELECT b.clue_id, b.region_code, b.agency_id, 'model', l.model_code, b.dedupe_key, ${severityOfRank('b.severity_rank')}, b.title,
           l.explanation, l.evidence, l.params, ${status}, b.deadline, ${ctx.now}, ${ctx.now}, b.procedure, b.bundle_subject, b.bundle_key, b.score, b.members,
           ${numberExpr(year, 'b.clue_id')}
    FROM triage_bundles_stage b JOIN model_hits l ON l.id = b.lead_hit
      JOIN clue_counters k ON k.unit_code = substr(b.region_code, 1, 6) AND k.year = ${year}
    WHERE b.open_clue IS NULL AND b.procedure <> 'warning'`);
  await advanceCounters(tx, 'triage_bundles_stage', year, opening);
  await tx.exec(sql`${INSERT_EVENTS}
    SELECT 'EV-' || b.clue_id, b.clue_id, b.region_code, ${ctx.actor}, 'create', NULL, ${status}, NULL,
           '{"procedure":"' || b.procedure || '","score":' || CAST(b.score AS VARCHAR) || ',"hits":' || CAST(b.members AS VARCHAR) || '}', ${ctx.now}
    ${created}`);
  await tx.exec(`UPDATE model_hits SET clue_id = b.clue_id FROM triage_bundles_stage b
    WHERE model_hits.bundle_key = b.bundle_key AND model_hits.clue_id IS NULL AND b.clue_id IS NOT NULL`);

  const counts = await tx.query<{ procedure: string; opened: number; joined: number }>(
    `SELECT procedure, sum(CASE WHEN open_clue IS NULL THEN 1 ELSE 0 END) AS opened, sum(CASE WHEN open_clue IS NULL THEN 0 ELSE 1 END) AS joined
     FROM triage_bundles_stage GROUP BY procedure`,
  );
  for (const c of counts) {
    out.joined += Number(c.joined);
    const n = Number(c.opened);
    if (c.procedure === 'warning') out.warnings += n;
    else if (c.procedure === 'simple' || c.procedure === 'general') {
      out[c.procedure] += n;
      out.newClues += n;
    }
  }
  // The 简易 clues just opened, read in one join (by their ids, 500 a statement, they cost 36 s of a city-scale library run).
  const selfChecks = await tx.query<ClueRow>(
    `SELECT c.* FROM triage_bundles_stage b JOIN clues c ON c.id = b.clue_id
     WHERE b.open_clue IS NULL AND b.procedure = 'simple' AND c.status = 'self_check' ORDER BY c.id`,
  );
  await tellClues(tx, selfChecks, ctx.now);
  await tx.exec('DELETE FROM triage_bundles_stage');
  await tx.exec('DELETE FROM model_hits_stage');
  return out;
}

/** Confirmed clues per subject of the staged hits, in the history window. */
function confirmedSql(since: string): Sql {
  return sql`SELECT c.bundle_subject, count(*) AS k FROM clues c
    WHERE c.bundle_subject IN (SELECT bundle_subject FROM model_hits_stage) AND c.status IN (${raw(CONFIRMED)})
      AND CAST(c.updated_at AS DATE) >= CAST(${since} AS DATE)
    GROUP BY c.bundle_subject`;
}

/** The members of the files the staged hits touch, one row per file: its best hit (lead) and the figures of all. */
function membersSql(): Sql {
  return sql`SELECT x.bundle_key, x.id, x.region_code, x.agency_id, x.members, x.min_agency, x.max_sr, x.base FROM (
      SELECT m.*, row_number() OVER (PARTITION BY m.bundle_key ORDER BY m.base DESC, m.sr DESC, m.found_at, m.id) AS r,
             count(*) OVER (PARTITION BY m.bundle_key) AS members, min(m.agency_id) OVER (PARTITION BY m.bundle_key) AS min_agency,
             max(m.sr) OVER (PARTITION BY m.bundle_key) AS max_sr
      FROM (
        SELECT h.id, h.bundle_key, h.region_code, h.agency_id, h.found_at,
               h.score_severity + h.score_evidence + h.score_money AS base, ${severityRankSql('h.severity')} AS sr
        FROM model_hits h LEFT JOIN clues c ON c.id = h.clue_id
        WHERE h.bundle_key IN (SELECT bundle_key FROM model_hits_stage) AND (h.clue_id IS NULL OR c.status NOT IN (${raw(CLOSED_LIST)}))
      ) m
    ) x WHERE x.r = 1`;
}

/**
 * The file's id when it is of `kind`, else NULL: the name look-ups join on this one equality. (Written
 * as \`f.bundle_kind = 'entity' AND e.uscc = f.bundle_id\`, DuckDB joined a left join block by block,
 * every file against every enterprise: 26 s of a 27 s statement for 3,834 files at city scale.)
 */
const fileOf = (kind: string): string => `CASE WHEN f.bundle_kind = '${kind}' THEN f.bundle_id END`;

const severityOfRank = (expr: string): Sql => raw(`CASE ${expr} WHEN 3 THEN 'high' WHEN 2 THEN 'medium' ELSE 'low' END`);

/** runEventId in SQL: 'EV-' + marker + md5(clue id | run id), first 20 hex. */
const eventId = (marker: string, runId: string): Sql => sql`${'EV-' + marker} || substr(md5(b.open_clue || '|' || ${runId}), 1, 20)`;
