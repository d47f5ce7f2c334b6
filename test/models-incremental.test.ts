// Incremental model runs (src/models/incremental.ts) keep the same hits and clues as full runs:
// two identical demo stores; a first run on each; then batches of random changes imported into both
// (new records, stored records with new values under the same source id, and copies of stored cases and
// inspections dated a few days before their original, through src/ingest),
// after each an incremental run on A and a full run on B, a few days later each time; the dedupe keys
// of the hits and the clues must be the same after every batch. Runs on DuckDB, and on PostgreSQL
// with KEDU_TEST_DATABASE_URL.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openDemoStore } from './helpers/demo-store.ts';
import type { TestStore } from './helpers/store.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';
import { MODELS } from '../src/models/library/index.ts';
import { runModels, type ModelRunReport } from '../src/models/runner.ts';
import { tablesRead, UNCHANGING_TABLES } from '../src/models/incremental.ts';
import { groupQuery } from '../src/models/runner.ts';
import { defaultParams } from '../src/models/model.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { recordsSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { KIND_SPECS, type Kind } from '../src/records/registry.ts';
import { linkColumns, STAMPED_TABLES } from '../src/records/change-stamp.ts';
import type { Store } from '../src/store/store.ts';

const BATCHES = Number(process.env.KEDU_INCREMENTAL_BATCHES ?? 6);
/** The kinds changed, with how many rows of each a batch changes and adds. */
const CHANGED: Partial<Record<Kind, number>> = {
  cases: 14,
  inspections: 14,
  licences: 8,
  certificates: 3,
  deliveries: 6,
  payments: 6,
  delegations: 4,
  monitoring_devices: 2,
  entities: 2,
};
/** Copies per batch of a stored case and inspection, dated a few days earlier than the original. */
const EARLIER = 6;
/** Columns a change leaves as they are: the key, where the record lies and who keeps it. */
const FIXED = new Set(['source_system', 'source_id', 'region_code', 'agency_id', 'county_code', 'uscc', 'id']);

let a: TestStore;
let b: TestStore;
before(async () => {
  a = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
  b = await openDemoStore({ seed: 1, asOf: DEMO_AS_OF });
});
after(async () => {
  await a?.close();
  await b?.close();
});

/** A deterministic random source (mulberry32). */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Hits and clues as a full run would leave them: what both stores must agree on. */
async function outcome(store: Store) {
  const hits = await store.query<{ k: string }>('SELECT dedupe_key AS k FROM model_hits ORDER BY dedupe_key');
  const clues = await store.query(
    `SELECT dedupe_key, model_code, region_code, agency_id, severity, title, explanation, evidence, status, procedure,
            bundle_key, risk_score, hit_count, deadline FROM clues WHERE source = 'model' ORDER BY dedupe_key`,
  );
  return { hits: hits.map((h) => h.k), clues };
}

/** A batch of changes, the same rows for both stores: stored rows with a field taken from a peer of their county, and new rows. */
async function changes(store: Store, rnd: () => number, batch: number, runDay: string): Promise<Map<Kind, Record<string, string>[]>> {
  const out = new Map<Kind, Record<string, string>[]>();
  for (const [kind, n] of Object.entries(CHANGED) as [Kind, number][]) {
    const spec = KIND_SPECS[kind];
    const fields = spec.fields.filter((f) => f.stored !== false).map((f) => f.name);
    const rows = await store.query<Record<string, unknown>>(
      `SELECT ${fields.join(', ')} FROM ${spec.table} ORDER BY ${spec.key.join(', ')}`,
    );
    const pick = () => rows[Math.floor(rnd() * rows.length)];
    const mutable = fields.filter((f) => !FIXED.has(f));
    const county = (r: Record<string, unknown>) => String(r.region_code ?? '').slice(0, 6);
    const mutate = (r: Record<string, unknown>) => {
      const copy = { ...r };
      for (let k = 1 + Math.floor(rnd() * 2); k > 0; k--) {
        const f = mutable[Math.floor(rnd() * mutable.length)];
        const peers = rows.filter((p) => county(p) === county(r));
        const peer = peers[Math.floor(rnd() * peers.length)];
        const required = spec.fields.find((x) => x.name === f)?.required;
        copy[f] = !required && rnd() < 0.15 ? null : peer[f];
      }
      return copy;
    };
    const batchRows: Record<string, unknown>[] = [];
    for (let i = 0; i < n; i++) batchRows.push(mutate(pick()));
    // New records: a stored one's copy under a new source id, with a field or two of a peer's; half of
    // them moved in time, a date of theirs near the last run's day, so that deadlines are still running.
    const dates = spec.fields.filter((f) => f.type === 'date' && fields.includes(f.name)).map((f) => f.name);
    if (kind !== 'entities')
      for (let i = 0; i < n; i++) {
        const r: Record<string, unknown> = { ...mutate(pick()), source_id: `INC-${batch}-${i}-${Math.floor(rnd() * 1e9)}` };
        // One of its dates, at random, lands on the day of the last run or a week before it.
        const pivot = dates.filter((f) => typeof r[f] === 'string')[Math.floor(rnd() * dates.length)];
        if (pivot && rnd() < 0.5) {
          const to = addDays(runDay, -Math.floor(rnd() * 7));
          const shift = Math.round(
            (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${(r[pivot] as string).slice(0, 10)}T00:00:00Z`)) / 86_400_000,
          );
          for (const f of dates) if (typeof r[f] === 'string') r[f] = addDays((r[f] as string).slice(0, 10), shift);
        }
        batchRows.push(r);
      }
    // And a few unchanged copies dated a day to three earlier than their original: a window or a pair
    // of one enterprise's records then finds a new hit on the stored record, which did not change (an
    // incremental run must judge the enterprise again, not only the new record).
    if (kind === 'cases' || kind === 'inspections')
      for (let i = 0; i < EARLIER; i++) {
        const r: Record<string, unknown> = { ...pick(), source_id: `INC-${batch}-E${i}-${Math.floor(rnd() * 1e9)}` };
        const back = 1 + Math.floor(rnd() * 3);
        for (const f of dates) if (typeof r[f] === 'string') r[f] = addDays((r[f] as string).slice(0, 10), -back);
        batchRows.push(r);
      }
    out.set(
      kind,
      batchRows.map((r) =>
        Object.fromEntries(Object.entries(r).flatMap(([k, v]) => (v === null || v === undefined ? [] : [[k, String(v)]]))),
      ),
    );
  }
  return out;
}

async function load(store: Store, batch: Map<Kind, Record<string, string>[]>): Promise<number> {
  let written = 0;
  for (const [kind, rows] of batch) {
    const r = await importRows(store, recordsSource(rows), { kind, caller: SYSTEM_CALLER });
    written += r.inserted + r.updated;
  }
  return written;
}

// Break on purpose: KEDU_INCREMENTAL_BREAK=<model code> declares a model narrowable by its real-time
// subject (a deadline's or a peer's model: the comparison must fail).
const broken = MODELS.find((m) => m.code === process.env.KEDU_INCREMENTAL_BREAK);
if (broken?.realtime)
  (broken as { incremental?: unknown }).incremental = {
    by: broken.realtime.subjectColumn,
    changes: { [broken.realtime.kind]: broken.realtime.subjectColumn, deliveries: 'case_id', payments: 'case_id' },
    names: ['entities', 'items', 'agencies', 'officers'],
  };

// The models run: every one that narrows, and beside them models that run fully on the same subjects
// (their hits share the clues: a deadline's, a peer's and a window's model); a full library run per
// batch on two stores would take the file a quarter of an hour.
const BESIDE = new Set(['PEN_NO_DELIVERY', 'PEN_DEVIATION', 'INS_REPEAT', 'PEN_OVERDUE']);
const LIBRARY = MODELS.filter((m) => m.incremental || BESIDE.has(m.code));

const run = (store: Store, asOf: string, incremental: boolean) =>
  runModels(store, LIBRARY, { asOf, trigger: 'schedule', actor: 'system', now: new Date(`${asOf}T10:00:00+08:00`), incremental });

test('every table a narrowed model reads is mapped to subjects, read for names, or written by no import', () => {
  for (const m of MODELS.filter((x) => x.incremental)) {
    const inc = m.incremental!;
    const text = groupQuery(a.store.dialect, m, { regionCode: '330000', exclude: [], params: defaultParams(m), enabled: true }, DEMO_AS_OF)
      .render()
      .text.replace(/\s+/g, ' ');
    for (const t of tablesRead(text))
      assert.ok(
        t in inc.changes || inc.names?.includes(t) || UNCHANGING_TABLES.has(t) || STAMPED_TABLES.includes(t),
        `${m.code} reads ${t}`,
      );
    for (const [table, column] of Object.entries(inc.changes)) {
      const spec = Object.values(KIND_SPECS).find((s) => s.table === table);
      assert.ok(spec, `${m.code}: ${table} is no record table`);
      assert.ok(column === spec.idColumn || linkColumns(spec).includes(column), `${m.code}: ${table}.${column} may change unseen`);
    }
  }
});

const countReplaced = async (store: Store) =>
  Number((await store.query<{ n: number }>('SELECT CAST(count(*) AS INTEGER) AS n FROM record_links_replaced'))[0].n);

test('incremental runs keep the hits and clues of full runs, batch after batch of changes', async () => {
  const first = await run(a.store, DEMO_AS_OF, true);
  await run(b.store, DEMO_AS_OF, false);
  assert.ok(
    first.every((r) => !r.scope || 'full' in r.scope),
    'the first run is full',
  );
  assert.deepEqual(await outcome(a.store), await outcome(b.store));
  const rnd = random(20251231);
  let asOf = DEMO_AS_OF;
  let narrowed = 0;
  let replacedBefore = 0;
  for (let i = 1; i <= BATCHES; i++) {
    const day = addDays(asOf, 2 + Math.floor(rnd() * 7));
    const batch = await changes(a.store, rnd, i, asOf);
    const wa = await load(a.store, batch);
    const wb = await load(b.store, batch);
    assert.equal(wa, wb);
    assert.ok(wa > 20, `batch ${i} wrote ${wa} rows`);
    asOf = day;
    replacedBefore += await countReplaced(a.store);
    const reports: ModelRunReport[] = await run(a.store, asOf, true);
    await run(b.store, asOf, false);
    // The replaced link values every watermark has passed are gone: the table does not grow for ever.
    const [stale] = await a.store.query<{ n: number }>(
      `SELECT CAST(count(*) AS INTEGER) AS n FROM record_links_replaced WHERE changed_at < (SELECT min(watermark) FROM model_watermarks)`,
    );
    assert.equal(Number(stale.n), 0, `batch ${i}: replaced link values older than every watermark`);
    narrowed += reports.filter((r) => r.scope && 'subjects' in r.scope).length;
    const [oa, ob] = [await outcome(a.store), await outcome(b.store)];
    const missing = ob.hits.filter((k) => !oa.hits.includes(k));
    assert.deepEqual(missing, [], `batch ${i} (as of ${asOf}): hits the incremental run missed`);
    assert.deepEqual(oa, ob, `batch ${i}: the same hits and clues`);
  }
  assert.ok(narrowed >= BATCHES * 5, `narrowed runs: ${narrowed}`);
  assert.ok(replacedBefore > 0, 'the batches replaced stored rows that named other records');
  assert.ok(LIBRARY.length > BESIDE.size + 10, `models run: ${LIBRARY.length}`);
  // A change of parameters runs the model fully again; a batch with no change narrows to nothing.
  const quiet = await run(a.store, asOf, true);
  const declared = quiet.filter((r) => LIBRARY.find((m) => m.code === r.code)?.incremental);
  assert.ok(declared.some((r) => r.scope && 'subjects' in r.scope && r.scope.subjects === 0));
});

test('a focus on many subjects (one comma-joined parameter the engine splits) finds what focuses on few (lists of parameters) find', async () => {
  // Past 200 subjects the focus is sent as one parameter; at or below, as an IN list. Both must pick
  // the same rows: the hits of 300 to 550 subjects, 150 of them unknown ids, equal those of the same
  // subjects asked 150 at a time, and those of the unfocused query among them.
  for (const code of ['PEN_PAST_LIMITATION', 'INS_CODE_MISSING', 'PAY_ON_SPOT_NOT_ALLOWED', 'DEV_UNPUBLISHED']) {
    const model = MODELS.find((m) => m.code === code)!;
    const by = model.incremental!.by;
    const group = { regionCode: '330000', enabled: true, params: defaultParams(model), exclude: [] };
    const key = (r: Record<string, unknown>) => JSON.stringify(r);
    const all = await a.store.query<Record<string, unknown>>(groupQuery(a.store.dialect, model, group, DEMO_AS_OF));
    const table = model.evidenceKind;
    const ids = (
      await a.store.query<{ v: string }>(`SELECT DISTINCT ${by} AS v FROM ${table} WHERE ${by} IS NOT NULL ORDER BY 1 LIMIT 300`)
    ).map((r) => r.v);
    // The subjects that have hits come first, so that some are asked for.
    const hitSubjects = [...new Set(all.map((r) => String(r[by] ?? r.subject_id)))].slice(0, 100);
    const values = [...new Set([...hitSubjects, ...ids, ...Array.from({ length: 150 }, (_, i) => `no-such-${i}`)])].sort();
    assert.ok(values.length > 300, `${code}: ${values.length} subjects`);
    const many = (
      await a.store.query<Record<string, unknown>>(groupQuery(a.store.dialect, model, group, DEMO_AS_OF, { column: by, values }))
    ).map(key);
    const few: string[] = [];
    for (let i = 0; i < values.length; i += 150)
      for (const r of await a.store.query<Record<string, unknown>>(
        groupQuery(a.store.dialect, model, group, DEMO_AS_OF, { column: by, values: values.slice(i, i + 150) }),
      ))
        few.push(key(r));
    assert.deepEqual(many.sort(), few.sort(), code);
    assert.ok(many.length > 0, `${code}: no hit among the subjects asked (${all.length} in all)`);
    assert.ok(many.length < all.length || all.length <= 100, `${code}: the focus narrowed nothing`);
  }
});
