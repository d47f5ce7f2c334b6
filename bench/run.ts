// npm run bench [-- --scale demo|city|hangzhou] [--engines duckdb,postgres,citus] [--only SECTIONS] [--clients 20] [--seconds 60]
// Sections (default: gen,import,home,models,realtime,assistant,evaluation): gen (demo-data generation
// rate), import (bulk import rate), home (the home page's queries), models (the library, total and per
// model), triage (what triage leaves a team with: files and clues per procedure, planted violations),
// realtime (records pushed one by one with and without the real-time checks, and the checks'
// state), assistant (law and data questions, p50/p99), followup (answers analysed again, call outcomes
// landed, the follow-up models), evaluation (every indicator for every agency of Hangzhou, Hangzhou's
// situation report), load (bench/load.ts: concurrent clients against the HTTP server; run it at demo
// scale), privacy (what sealing personal data costs an import), history (the demo's supervision
// history beside the records it is played on, step by step: run it at demo scale, as `npm start` does),
// inspections (bench/inspections.ts: a city's plans drawn and resampled, merge suggestions over 520,000
// planned tasks) and navigator (bench/navigator-bench.ts: the discretion navigator over a million past
// cases it generates itself, `--navigator-cases N`), incremental (a first run, a day's records added
// through the import, then an incremental run beside a full one). DuckDB beside PostgreSQL (and Citus,
// on a coordinator .ci/citus-up started, with `--engines duckdb,postgres,citus`), same run.
// rebalance and sizing (bench/citus-scale.ts, the citus engine only, in a database kedu_size_<scale>): a
// third worker added and the shards rebalanced under the generated data (.ci/citus-add-worker; set
// CITUS_PREFIX when the coordinator is not citus-up's default set), and the province sized from the bytes
// per record measured in the shards.
// --duckdb FILE: every engine starts from FILE, made beforehand by `kedu demo --scale S --seed 1
// --as-of 2025-12-31`, instead of generating a store (a hangzhou-scale generation takes about an hour
// here): DuckDB works on a copy of the file, PostgreSQL and Citus on a new database with the file copied
// in (`kedu copy-store`'s copy, timed). FILE is left as it was.
// The machines are shared and noisy: compare the engines side by side, not against numbers from another day.
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import os, { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../src/store/open-store.ts';
import { copyStore } from '../src/store/copy-store.ts';
import type { Store } from '../src/store/store.ts';
import { generateDemo } from '../src/demo/generate.ts';
import { RECORD_TABLES } from '../src/demo/tables.ts';
import { heapMB } from './heap.ts';
import { generateSupervision } from '../src/demo/supervision.ts';
import { ensureDemoAccounts } from '../src/demo/demo-accounts.ts';
import { loadReference } from '../src/catalog/load-reference.ts';
import type { ScaleName } from '../src/demo/scale.ts';
import { PERIOD_MONTHS } from '../src/demo/calendar.ts';
// The figures in docs/ were measured on data ending on this day; a pinned day keeps runs comparable.
const AS_OF_ISO = '2025-12-31';
import { homeSummary } from '../src/evaluation/home-summary.ts';
import { scorecard } from '../src/evaluation/scorecard.ts';
import { periodOf } from '../src/evaluation/period.ts';
import { generateReport, reportDocx } from '../src/evaluation/report/reports.ts';
import { INDICATORS } from '../src/evaluation/indicators/index.ts';
import { SYSTEM_CALLER, type Caller } from '../src/auth/caller.ts';
import { MODELS } from '../src/models/library/index.ts';
import { runModels } from '../src/models/runner.ts';
import { readyRealtime } from '../src/models/realtime/check.ts';
import { invalidateRealtimeState, realtimeState, type Part } from '../src/models/realtime/state.ts';
import { realtimeIngest } from '../src/models/ingest-hook.ts';
import { MIN_SCORE, belowMinScore, scoreModels, triageFigures } from '../src/models/score.ts';
import { PROCEDURES, PROCEDURE_LABELS } from '../src/models/triage/procedure.ts';
import { KIND_SPECS, type Kind } from '../src/records/registry.ts';
import { importRows, type ImportRequest } from '../src/ingest/import-batch.ts';
import { fileSource, recordsSource } from '../src/ingest/sources.ts';
import { seedIngestReference, writeLargeInspectionsCsv } from '../test/fixtures/ingest-samples.ts';
import { createDatabase } from '../test/helpers/store.ts';
import { loadBench } from './load.ts';
import { privacyBench } from './privacy.ts';
import { inspectionsBench } from './inspections.ts';
import { lexiconFor } from '../src/assistant/lexicon.ts';
import { answerMessage } from '../src/assistant/assistant.ts';
import { analyzePending } from '../src/followup/land.ts';
import { registerFollowupHooks } from '../src/followup/hooks.ts';
import { lexicon } from '../src/followup/lexicon.ts';
import { navigatorBench } from './navigator-bench.ts';
import { dropOnAddedWorker, rebalanceBench, sizingBench } from './citus-scale.ts';

const args = process.argv.slice(2);
const opt = (name: string, dflt: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const scale = opt('scale', 'city') as ScaleName;
const engines = opt('engines', 'duckdb,postgres').split(',');
const only = new Set(opt('only', 'gen,import,home,models,realtime,assistant,evaluation').split(','));
const importRowsCount = Number(opt('import-rows', '1000000'));
const navigatorCases = Number(opt('navigator-cases', '1000000'));
const clients = Number(opt('clients', '20'));
const givenFile = opt('duckdb', '');
const loadSeconds = Number(opt('seconds', '60'));
/** The server of each engine that is not embedded: PostgreSQL, and a Citus coordinator (`.ci/citus-up` starts one). */
const servers: Record<string, string> = {
  postgres: process.env.KEDU_BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:5432/postgres',
  citus: process.env.KEDU_BENCH_CITUS_URL ?? 'postgres://postgres:postgres@127.0.0.1:5440/postgres',
};

const dir = mkdtempSync(join(tmpdir(), 'kedu-bench-'));
const results: Record<string, Record<string, string>> = {};
const put = (row: string, engine: string, value: string) => {
  (results[row] ??= {})[engine] = value;
};
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const out = (s: string) => process.stdout.write(s + '\n');

/** A store on a DuckDB file of the bench's own folder: dropping it removes the file and its WAL. */
async function ownFile(path: string): Promise<{ store: Store; drop(): Promise<void> }> {
  const store = await openStore({ databaseUrl: '', duckdbPath: path });
  return {
    store,
    drop: async () => {
      await store.close();
      rmSync(path, { force: true });
      rmSync(`${path}.wal`, { force: true });
    },
  };
}

async function freshStore(engine: string, name: string): Promise<{ store: Store; drop(): Promise<void> }> {
  if (engine === 'duckdb') return ownFile(join(dir, `${name}.duckdb`));
  if (!(engine in servers)) throw new Error(`unknown engine ${engine}: duckdb, postgres or citus`);
  const db = await createDatabase(servers[engine], `kedu_bench_${name}`);
  const store = await openStore({ databaseUrl: db.url });
  return {
    store,
    drop: async () => {
      await store.close();
      await db.drop();
    },
  };
}

/**
 * A DuckDB file generated beforehand (--duckdb), checked to be a demo of the bench's scale and day, as
 * this engine's store: a copy of the file for DuckDB, a new database with the file copied in
 * (src/store/copy-store.ts) for the servers. The file itself is left as it was.
 */
async function givenStore(engine: string, path: string): Promise<{ store: Store; drop(): Promise<void> }> {
  const source = await openStore({ databaseUrl: '', duckdbPath: path });
  try {
    const [run] = await source.query<{ scale: string; as_of: string }>(
      'SELECT scale, CAST(as_of AS VARCHAR) AS as_of FROM demo_runs ORDER BY generated_at DESC LIMIT 1',
    );
    if (!run || run.scale !== scale || run.as_of !== AS_OF_ISO)
      throw new Error(
        `--duckdb ${path}: not a finished demo of scale ${scale} as of ${AS_OF_ISO} (kedu demo --scale ${scale} --as-of ${AS_OF_ISO})`,
      );
    if (engine !== 'duckdb') {
      const fresh = await freshStore(engine, scale);
      const [copied, ms] = await timeIt(() => copyStore(source, fresh.store));
      put(`copy of the file into the engine: rows, time`, engine, `${copied.rows.toLocaleString('en')}, ${secs(ms)}`);
      return fresh;
    }
  } finally {
    await source.close();
  }
  const copy = join(dir, 'given.duckdb');
  copyFileSync(path, copy);
  if (existsSync(`${path}.wal`)) copyFileSync(`${path}.wal`, `${copy}.wal`);
  return ownFile(copy);
}

async function recordCount(store: Store): Promise<number> {
  let n = 0;
  for (const t of RECORD_TABLES) n += Number((await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${t}`))[0].n);
  return n;
}

async function timeIt<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t = performance.now();
  const r = await fn();
  return [r, performance.now() - t];
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(p * s.length))];
};

/** The business tables whose records a day brings (the demo's volume: docs/demo-data.md). */
const DAY_KINDS: Kind[] = [
  'licences',
  'inspections',
  'cases',
  'deliveries',
  'payments',
  'service_visits',
  'hotline_tickets',
  'delegations',
];

/**
 * Incremental model runs (src/models/incremental.ts): the library's first incremental run (full), then
 * a day's records — a 365th of each business table, copies of stored rows under new source ids — added
 * through the import and an incremental run; then another day's records and a full run. Each run writes
 * its own day's new clues.
 */
async function incrementalBench(store: Store, engine: string): Promise<void> {
  const load = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ');
  const [, first] = await timeIt(() => runModels(store, MODELS, { asOf: AS_OF_ISO, incremental: true }));
  put('incremental: first run (full, sets the watermarks)', engine, secs(first));
  const addDay = async (day: number) => {
    let added = 0;
    const [, ms] = await timeIt(async () => {
      for (const kind of DAY_KINDS) {
        const spec = KIND_SPECS[kind];
        const [{ n }] = await store.query<{ n: number }>(`SELECT count(*) AS n FROM ${spec.table}`);
        const count = Math.max(1, Math.round(Number(n) / 365));
        const fields = spec.fields.filter((f) => f.stored !== false).map((f) => f.name);
        const rows = await store.query<Record<string, unknown>>(
          `SELECT ${fields.join(', ')} FROM ${spec.table} ORDER BY ${spec.idColumn} LIMIT ${count} OFFSET ${day * count}`,
        );
        const records = rows.map((r, i) => ({
          ...Object.fromEntries(Object.entries(r).flatMap(([k, v]) => (v === null ? [] : [[k, String(v)]]))),
          source_id: `DAY${day}-${i}-${String(r.source_id)}`,
        }));
        added += (await importRows(store, recordsSource(records), { kind, caller: SYSTEM_CALLER })).inserted;
      }
    });
    put(`incremental: day ${day}'s records added (import)`, engine, `${added.toLocaleString('en')} in ${secs(ms)}`);
  };
  await addDay(1);
  const [reports, inc] = await timeIt(() => runModels(store, MODELS, { asOf: AS_OF_ISO, incremental: true }));
  const narrowed = reports.filter((r) => r.scope && 'subjects' in r.scope);
  const subjects = narrowed.reduce((x, r) => x + (r.scope && 'subjects' in r.scope ? r.scope.subjects : 0), 0);
  put(
    `incremental: run after day 1 (${narrowed.length} of ${MODELS.length} narrowed, ${subjects} subjects; load ${load()})`,
    engine,
    secs(inc),
  );
  await addDay(2);
  const [fullReports, full] = await timeIt(() => runModels(store, MODELS, { asOf: AS_OF_ISO }));
  put(`incremental: full run after day 2 (load ${load()})`, engine, secs(full));
  const codes = new Set(narrowed.map((r) => r.code));
  const sum = (rs: typeof reports) => rs.filter((r) => codes.has(r.code)).reduce((x, r) => x + r.millis, 0);
  put('incremental: the narrowed models alone, incremental / full', engine, `${secs(sum(reports))} / ${secs(sum(fullReports))}`);
  const others = (rs: typeof reports) => rs.filter((r) => !codes.has(r.code)).reduce((x, r) => x + r.millis, 0);
  put(
    'incremental: the models run fully, in the incremental run / in the full run',
    engine,
    `${secs(others(reports))} / ${secs(others(fullReports))}`,
  );
  out(`incremental: ${secs(inc)} against full ${secs(full)}`);
}

/**
 * The latency of a real-time check on ingest, as agency systems push records one at a time: 500
 * inspections and 500 cases of the last quarter, taken out of their tables and pushed again through
 * the import the API runs (validation, staging, merge, commit). Each record is pushed twice, back to
 * back and taken out between: without the real-time checks and with them judging inside the landing
 * transaction, in turns which goes first. Reported: the check itself (judging the written rows and
 * writing their clues, before the commit) and the whole push with and without it. The pushes start
 * without clues, so the checks write every clue the records raise.
 */
/** Records of each kind pushed: the p99 of 500 is their fifth slowest. */
const PUSHED = 500;

async function realtimeBench(store: Store, engine: string): Promise<void> {
  const samples = {
    inspections: await store.query<Record<string, unknown>>(
      `SELECT * FROM inspections WHERE inspected_on >= '2025-10-01' ORDER BY id LIMIT ${PUSHED}`,
    ),
    cases: await store.query<Record<string, unknown>>(`SELECT * FROM cases WHERE filed_on >= '2025-10-01' ORDER BY id LIMIT ${PUSHED}`),
  };
  for (const t of ['clue_events', 'clues']) await store.exec(`DELETE FROM ${t}`);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  invalidateRealtimeState(store);
  for (const kind of Object.keys(samples) as Kind[])
    await store.exec(`DELETE FROM ${kind} WHERE id IN (${samples[kind as keyof typeof samples].map((r) => `'${r.id}'`).join(', ')})`);
  // Part by part, as the pushed kinds need them: its load time and the heap it holds, typed arrays included.
  const state = realtimeState(store);
  const start = heapMB();
  let before = start;
  for (const part of ['reference', 'names', 'certificates', 'inspections', 'cases', 'delegations', 'hotline'] as Part[]) {
    const [, ms] = await timeIt(() => state.readyPart(part, AS_OF_ISO));
    const now = heapMB();
    put(`real-time state: ${part}, load / heap`, engine, `${secs(ms)} / ${(now - before).toFixed(1)} MB`);
    out(`real-time state: ${part}, load ${secs(ms)}, ${(now - before).toFixed(1)} MB`);
    before = now;
  }
  for (const kind of Object.keys(samples) as Kind[]) await readyRealtime(store, kind, AS_OF_ISO);
  put('real-time state: heap, all parts', engine, `${Math.round(heapMB() - start)} MB`);
  out(`real-time state: all parts ${Math.round(heapMB() - start)} MB (load average ${os.loadavg()[0].toFixed(1)})`);
  const ms = (x: number | undefined) => (x === undefined ? '—' : `${x.toFixed(1)} ms`);
  const p50p99 = (xs: number[]) => `${ms(percentile(xs, 0.5))} / ${ms(percentile(xs, 0.99))}`;
  for (const [kind, rows] of Object.entries(samples) as [Kind, Record<string, unknown>[]][]) {
    const spec = KIND_SPECS[kind];
    const plain: number[] = [];
    const pushed: number[] = [];
    const checks: number[] = [];
    const raising: number[] = [];
    for (const [i, row] of rows.entries()) {
      const record = Object.fromEntries(spec.fields.map((f) => [f.name, row[f.name] === null ? '' : String(row[f.name])]));
      const push = (onLanded?: ImportRequest['onLanded']) =>
        importRows(store, recordsSource([record]), { kind, caller: SYSTEM_CALLER, onLanded });
      const withoutChecks = async () => {
        plain.push((await timeIt(() => push()))[1]);
      };
      const withChecks = async () => {
        let check = 0;
        let raised = false;
        const hook = realtimeIngest(store, SYSTEM_CALLER, kind, AS_OF_ISO); // the demo's day, as the batch runs
        const [report, total] = await timeIt(() =>
          push(async (tx, written) => {
            const [audit, t] = await timeIt(() => hook.onLanded(tx, written));
            check = t;
            raised = hook.summary().newClues > 0;
            return audit;
          }),
        );
        if (report.inserted !== 1)
          throw new Error(`bench: ${kind} ${String(row.id)} did not land: ${report.errors.map((e) => e.text).join('; ')}`);
        pushed.push(total);
        checks.push(check);
        if (raised) raising.push(check);
      };
      // In turns, one first and then the other: the push that follows the delete is not always the same.
      const [first, second] = i % 2 ? [withChecks, withoutChecks] : [withoutChecks, withChecks];
      await first();
      // By its source keys: the demo's ids are not the ones a push derives from them.
      await store.exec(`DELETE FROM ${kind} WHERE source_system = $1 AND source_id = $2`, [
        row.source_system as string,
        row.source_id as string,
      ]);
      await second();
    }
    put(`real-time, ${PUSHED} ${kind} pushed one by one: check, p50 / p99`, engine, p50p99(checks));
    put(
      `real-time, ${PUSHED} ${kind}: records raising a clue, check median / max`,
      engine,
      `${raising.length}: ${raising.length ? `${ms(percentile(raising, 0.5))} / ${ms(Math.max(...raising))}` : '—'}`,
    );
    put(`real-time, ${PUSHED} ${kind}: whole push with checks, p50 / p99`, engine, p50p99(pushed));
    put(`real-time, ${PUSHED} ${kind}: whole push without checks, p50 / p99`, engine, p50p99(plain));
  }
  put(
    'real-time: load average at the end (1/5/15 min)',
    engine,
    `${os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' ')} (start ${load})`,
  );
}

/** Every indicator for every agency of Hangzhou (the city scorecard), the province's cities, and Hangzhou's report. */
async function evaluationBench(store: Store, engine: string): Promise<void> {
  const period = periodOf('2025Q4');
  const scope = { regionCode: '330100', period, asOf: AS_OF_ISO };
  const [card, ms] = await timeIt(() => scorecard(store, 'agency', scope));
  put(
    `evaluation: ${INDICATORS.filter((d) => d.levels.includes('agency')).length} indicators × ${card.rows.length} agencies of 杭州市, 2025Q4`,
    engine,
    secs(ms),
  );
  const [, regions] = await timeIt(() => scorecard(store, 'region', { ...scope, regionCode: '330000' }));
  put('evaluation: the 11 cities of the province, every region indicator', engine, secs(regions));
  const [row, gather] = await timeIt(() =>
    generateReport(store, { regionCode: '330100', period, asOf: AS_OF_ISO, actor: 'system', trigger: 'cli' }),
  );
  put('report: 杭州市 2025Q4 gathered and kept', engine, secs(gather));
  const [docx, render] = await timeIt(() => reportDocx(row));
  put(`report: rendered as Word with 3 charts (${Math.round(docx.length / 1024)} KB)`, engine, secs(render));
  put(
    'evaluation: load average at the end (1/5/15 min)',
    engine,
    os
      .loadavg()
      .map((x) => x.toFixed(1))
      .join(' '),
  );
}

/** Questions as staff ask them: the law (corpus and catalog) and the data (one or more scoped queries each). */
const LAW_QUESTIONS = [
  '无照经营违反哪些规定?',
  '无照经营会受到哪些处罚?',
  '乱倒垃圾能免罚吗',
  '行政处罚法第三十三条是什么',
  '占道经营怎么罚',
  '执法检查至少要几个人',
  '市场监管条线管哪些执法事项',
  '食品安全法第一百二十二条',
  '重复检查模型依据哪一条',
  '卖过期食品违反哪条规定',
];
const DATA_QUESTIONS = [
  '杭州市检查数量最多的10个事项是什么?',
  '今年各区县检查次数排名',
  '萧山区今年罚款总额',
  '今年上半年案件数同比',
  '去年按月的检查趋势',
  '近30天12345工单数',
  '今年双随机检查占比',
  '今年处罚案件最多的5个事项',
  '今年各条线的检查次数',
  '余杭区去年立案多少件',
];
const ROUNDS = 10;

/** The assistant's pipeline (understand, plan, run, phrase; no history write), as a city and a county supervisor ask. */
async function assistantBench(store: Store, engine: string): Promise<void> {
  const lex = await lexiconFor(store);
  const load = os
    .loadavg()
    .map((x) => x.toFixed(1))
    .join(' ');
  for (const [label, regionCode] of [
    ['city 杭州市', '330100'],
    ['county 萧山区', '330109'],
  ] as const) {
    const ctx = { store, caller: { ...SYSTEM_CALLER, role: 'supervisor' as const, regionCode }, lex, asOf: AS_OF_ISO };
    for (const q of [...LAW_QUESTIONS, ...DATA_QUESTIONS]) await answerMessage(ctx, q); // warm, as a running server is
    for (const [kind, questions] of [
      ['law', LAW_QUESTIONS],
      ['data', DATA_QUESTIONS],
    ] as const) {
      const times: number[] = [];
      for (let round = 0; round < ROUNDS; round++) for (const q of questions) times.push((await timeIt(() => answerMessage(ctx, q)))[1]);
      put(
        `assistant, ${label}: ${kind} questions (${times.length}), p50 / p99`,
        engine,
        `${percentile(times, 0.5).toFixed(0)} / ${percentile(times, 0.99).toFixed(0)} ms`,
      );
    }
  }
  put('assistant: load average before / after (1 min)', engine, `${load.split(' ')[0]} / ${os.loadavg()[0].toFixed(1)}`);
}

/**
 * Follow-up: every reached answer analysed again (the analyser without the generator's cache), 1,000
 * call outcomes landed through the import in batches of 100 as the call centre sends them (analysis,
 * task update, second-call draw and the real-time follow-up models in the landing transaction), and
 * the follow-up models' batch run.
 */
async function followupBench(store: Store, engine: string): Promise<void> {
  await store.exec('DELETE FROM followup_findings');
  await store.exec('DELETE FROM followup_analyses');
  lexicon(); // jieba's dictionary and the cue words load once per process, not in the measure
  const [analysed, ms] = await timeIt(() => analyzePending(store));
  put('follow-up: answers analysed again', engine, analysed.toLocaleString('en'));
  put('follow-up: analysis, answers/s', engine, Math.round(analysed / (ms / 1000)).toLocaleString('en'));
  registerFollowupHooks();
  const tasks = await store.query<{ id: string; region_code: string }>(
    "SELECT id, region_code FROM followup_tasks WHERE status = 'pending' ORDER BY id LIMIT 1000",
  );
  const times: number[] = [];
  for (let i = 0; i < tasks.length; i += 100) {
    const records = tasks.slice(i, i + 100).map((t, j) => ({
      source_id: `bench-${i + j}`,
      task_id: t.id,
      region_code: t.region_code,
      answered_at: '2025-12-30 10:00:00',
      outcome: 'reached',
      channel: 'phone',
      transcript: j % 10 === 0 ? '企业：来的人态度很差，也没亮证。' : '企业：挺好的，没有乱收费，满意。',
    }));
    const rt = realtimeIngest(store, SYSTEM_CALLER, 'followup_answers', AS_OF_ISO);
    await rt.prepare();
    times.push(
      (
        await timeIt(() =>
          importRows(store, recordsSource(records), {
            kind: 'followup_answers',
            caller: SYSTEM_CALLER,
            sourceSystem: 'bench',
            onLanded: rt.onLanded,
          }),
        )
      )[1],
    );
  }
  put(`follow-up: ${tasks.length} outcomes in batches of 100, median batch`, engine, `${Math.round(percentile(times, 0.5))} ms`);
  const models = MODELS.filter((m) => m.category === 'followup' || m.code === 'INS_FAKE_SERVICE');
  const [, total] = await timeIt(() => runModels(store, models, { asOf: AS_OF_ISO }));
  put(`follow-up: ${models.length} follow-up models, batch run`, engine, secs(total));
  out(`follow-up: ${analysed} answers analysed in ${secs(ms)}`);
}

/**
 * The volumes triage leaves a team with, on the demo data the models just ran over: hits kept, files
 * (subject and period) and clues per procedure, and where the planted violations went — every serious
 * one (SERIOUS in src/models/score.ts) must sit in a 一般 clue.
 */
async function triageBench(store: Store, engine: string): Promise<void> {
  const f = await triageFigures(store, MODELS);
  const n = (x: number) => x.toLocaleString('en');
  put('triage: hits kept', engine, n(f.hits));
  put('triage: files (subject and year)', engine, n(f.files));
  for (const p of PROCEDURES)
    put(`triage: ${PROCEDURE_LABELS[p]} files (hits)`, engine, `${n(f.filesByProcedure[p])} (${n(f.hitsByProcedure[p])})`);
  put('triage: planted violations hit / planted', engine, `${n(f.planted - f.plantedByProcedure.missed)} / ${n(f.planted)}`);
  put(
    'triage: planted in 一般 / 简易 / 预警',
    engine,
    PROCEDURES.map((p) => n(f.plantedByProcedure[p]))
      .reverse()
      .join(' / '),
  );
  // A year's worth: the data span PERIOD_MONTHS months (one run files them all in the run's year).
  const perYear = (x: number) => n(Math.round((x * 12) / PERIOD_MONTHS));
  put(`triage per year (data of ${PERIOD_MONTHS} months): hits kept`, engine, perYear(f.hits));
  for (const p of PROCEDURES)
    put(
      `triage per year: ${PROCEDURE_LABELS[p]} files (hits)`,
      engine,
      `${perYear(f.filesByProcedure[p])} (${perYear(f.hitsByProcedure[p])})`,
    );
  put('triage: serious planted in 一般', engine, `${n(f.seriousInGeneral)} / ${n(f.serious)}`);
  out(`triage: ${n(f.filesByProcedure.general)} 一般 clues, ${n(f.seriousInGeneral)} of ${n(f.serious)} serious plants inside`);
  for (const x of f.seriousOutside.slice(0, 20))
    out(`triage: serious plant outside 一般: ${x.violation} ${x.recordKind} ${x.recordId} → ${x.procedure}`);
  // The models against the plants of this data set, as `kedu models score` reads them (at the plant share
  // of the scale: at Hangzhou's, a false hit weighs twenty times what it does on the demo).
  const scores = await scoreModels(store, MODELS);
  const scored = scores.filter((s) => s.truth > 0);
  const below = belowMinScore(scores);
  put(`models scored on these plants / below ${MIN_SCORE}`, engine, `${scored.length} / ${below.length}`);
  for (const s of below)
    out(
      `score: ${s.code} precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} (${s.truePositives} of ${s.hits} hit, ${s.truth} planted)`,
    );
}

/** The store a section works on: a copy of the given file (--duckdb), or a new one named `name`. */
const benchStore = (engine: string, name: string) => (givenFile !== '' ? givenStore(engine, givenFile) : freshStore(engine, name));

const callers: [string, Caller][] = [
  ['province 浙江省', { ...SYSTEM_CALLER, role: 'supervisor', regionCode: '330000' }],
  ['city 杭州市', { ...SYSTEM_CALLER, role: 'supervisor', regionCode: '330100' }],
  ['county 富阳区', { ...SYSTEM_CALLER, role: 'supervisor', regionCode: '330111' }],
];

for (const engine of engines) {
  out(`\n== ${engine}, scale ${scale} ==`);
  if (['gen', 'home', 'models', 'triage', 'realtime', 'assistant', 'followup', 'evaluation', 'incremental'].some((k) => only.has(k))) {
    const given = givenFile !== '';
    const { store, drop } = await benchStore(engine, scale);
    try {
      if (given) {
        put(`generate ${scale}: records`, engine, `${(await recordCount(store)).toLocaleString('en')} (${givenFile})`);
      } else {
        const [gen] = await timeIt(() => generateDemo(store, { scale, seed: 1, asOf: AS_OF_ISO }));
        put(`generate ${scale}: records`, engine, gen.records.toLocaleString('en'));
        put(`generate ${scale}: records/s`, engine, Math.round(gen.records / gen.seconds).toLocaleString('en'));
        put(`generate ${scale}: time`, engine, `${gen.seconds.toFixed(1)} s`);
        out(`generated ${gen.records} records in ${gen.seconds.toFixed(1)} s`);
      }

      if (only.has('home')) {
        const period = { from: '2025-01-01', to: '2025-12-31' };
        for (const [label, caller] of callers) {
          await homeSummary(store, caller, period); // warm caches once, as a server would be
          const times: number[] = [];
          for (let i = 0; i < 3; i++) times.push((await timeIt(() => homeSummary(store, caller, period)))[1]);
          put(`home page queries, ${label} (median of 3)`, engine, `${Math.round(percentile(times, 0.5))} ms`);
        }
      }
      if (only.has('models') || only.has('triage')) {
        // The whole library as `kedu models run` runs it (one checkpoint at the end, counted in the total).
        const [reports, total] = await timeIt(() => runModels(store, MODELS, { asOf: AS_OF_ISO }));
        for (const r of reports) put(`model ${r.code} (hits)`, engine, `${r.millis} ms (${r.hits})`);
        put(`models: all ${MODELS.length}, total`, engine, secs(total));
        put(`models: hits kept`, engine, reports.reduce((s, r) => s + r.newHits, 0).toLocaleString('en'));
        put(`models: clues written`, engine, reports.reduce((s, r) => s + r.newClues, 0).toLocaleString('en'));
        put(
          `models: time in the queries / in triage`,
          engine,
          `${secs(reports.reduce((s, r) => s + r.queryMillis, 0))} / ${secs(reports.reduce((s, r) => s + r.millis - r.queryMillis, 0))}`,
        );
        put(
          'models: load average at the end (1/5/15 min)',
          engine,
          os
            .loadavg()
            .map((x) => x.toFixed(1))
            .join(' '),
        );
        out(`models: ${secs(total)}`);
      }
      if (only.has('triage')) await triageBench(store, engine);
      if (only.has('evaluation')) await evaluationBench(store, engine);
      if (only.has('assistant')) await assistantBench(store, engine);
      if (only.has('realtime')) await realtimeBench(store, engine);
      if (only.has('followup')) await followupBench(store, engine);
      if (only.has('incremental')) await incrementalBench(store, engine);
    } finally {
      await drop();
    }
  }
  if (only.has('sizing') || only.has('rebalance')) {
    if (engine !== 'citus') throw new Error('bench: --only sizing and rebalance run on the citus engine (--engines citus)');
    const name = `kedu_size_${scale}`;
    const db = await createDatabase(servers.citus, name);
    const store = await openStore({ databaseUrl: db.url });
    try {
      const [gen] = await timeIt(() => generateDemo(store, { scale, seed: 1, asOf: AS_OF_ISO }));
      put(`generate ${scale}: records, time`, engine, `${gen.records.toLocaleString('en')}, ${gen.seconds.toFixed(1)} s`);
      out(`generated ${gen.records} records in ${gen.seconds.toFixed(1)} s`);
      if (only.has('sizing')) await sizingBench(store, put, out);
      if (only.has('rebalance')) await rebalanceBench(store, { database: name, coordinatorUrl: servers.citus, asOf: AS_OF_ISO }, put, out);
    } finally {
      await store.close();
      await db.drop();
      if (only.has('rebalance')) await dropOnAddedWorker(servers.citus, name);
    }
  }
  if (only.has('history')) {
    // What a first `npm start` does: the records, then the supervision work on them.
    const { store, drop } = await freshStore(engine, `history_${scale}`);
    try {
      await loadReference(store);
      const [gen] = await timeIt(() => generateDemo(store, { scale, seed: 1, asOf: AS_OF_ISO }));
      put(`history (${scale}): records generated`, engine, secs(gen.seconds * 1000));
      await ensureDemoAccounts(store);
      const [h] = await timeIt(() =>
        generateSupervision(store, {
          seed: 1,
          asOf: AS_OF_ISO,
          onStep: (step, seconds) => put(`history: step ${step}`, engine, secs(seconds * 1000)),
        }),
      );
      put(`history (${scale}): supervision history, total`, engine, secs(h.seconds * 1000));
      put(`history: clues / timeline events / notices`, engine, `${h.clues} / ${h.events} / ${h.notices}`);
    } finally {
      await drop();
    }
  }
  if (only.has('navigator')) {
    const { store, drop } = await freshStore(engine, 'navigator');
    try {
      await navigatorBench(store, engine, put, navigatorCases, heapMB);
    } finally {
      await drop();
    }
  }
  if (only.has('load')) {
    const given = givenFile !== '';
    const { store, drop } = await benchStore(engine, `load_${scale}`);
    try {
      const records = given ? await recordCount(store) : (await generateDemo(store, { scale, seed: 1, asOf: AS_OF_ISO })).records;
      out(`load: ${records} records${given ? ` (${givenFile})` : ' generated'}; ${clients} clients for ${loadSeconds} s`);
      const r = await loadBench(store, { clients, seconds: loadSeconds });
      put(`load, ${clients} clients ${loadSeconds} s (${scale}): requests/s`, engine, r.requestsPerSecond.toFixed(0));
      for (const [kind, k] of Object.entries(r.kinds)) {
        put(`load: ${kind}, count / errors`, engine, `${k.count} / ${k.errors}`);
        put(`load: ${kind}, p50 / p99`, engine, `${k.p50.toFixed(0)} / ${k.p99.toFixed(0)} ms`);
        if (k.firstError) out(`load: ${kind}: first error: ${k.firstError}`);
      }
      put('load: load average at the end (1/5/15 min)', engine, r.loadAverage);
    } finally {
      await drop();
    }
  }
  if (only.has('inspections')) {
    const { store, drop } = await freshStore(engine, 'inspections');
    try {
      await inspectionsBench(store, engine, put, new Date().getUTCFullYear() + 1);
      put(
        'inspections: load average at the end (1/5/15 min)',
        engine,
        os
          .loadavg()
          .map((x) => x.toFixed(1))
          .join(' '),
      );
    } finally {
      await drop();
    }
  }
  if (only.has('privacy')) {
    const { store, drop } = await freshStore(engine, 'privacy');
    try {
      for (const [row, value] of Object.entries(await privacyBench(store, dir))) put(row, engine, value);
    } finally {
      await drop();
    }
  }
  if (only.has('import')) {
    const csv = join(dir, 'inspections.csv');
    await writeLargeInspectionsCsv(csv, importRowsCount);
    const { store, drop } = await freshStore(engine, 'import');
    try {
      await seedIngestReference(store);
      const first = await importRows(store, await fileSource(csv), { kind: 'inspections', caller: SYSTEM_CALLER });
      put(`import ${importRowsCount.toLocaleString('en')} inspections (CSV): rows/s`, engine, first.rowsPerSecond.toLocaleString('en'));
      const again = await importRows(store, await fileSource(csv), { kind: 'inspections', caller: SYSTEM_CALLER });
      put('re-import of the same file (idempotent): rows/s', engine, again.rowsPerSecond.toLocaleString('en'));
      out(`import: ${first.rowsPerSecond} rows/s, re-import ${again.rowsPerSecond} rows/s`);
    } finally {
      await drop();
      rmSync(csv, { force: true });
    }
  }
}

const width = Math.max(...Object.keys(results).map((k) => k.length));
out(`\n${'measure'.padEnd(width)}  ${engines.map((e) => e.padStart(16)).join('  ')}`);
for (const [row, byEngine] of Object.entries(results)) {
  out(`${row.padEnd(width)}  ${engines.map((e) => (byEngine[e] ?? '—').padStart(16)).join('  ')}`);
}
rmSync(dir, { recursive: true, force: true });
