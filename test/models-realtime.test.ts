// Real-time checks in code (src/models/realtime/) against the models' SQL, the reference:
// - on the demo data, every record of a kind judged in arrival order raises exactly the clues the batch
//   run raises: the same rows (title, explanation, evidence) when the state holds every record, the same
//   dedupe keys when it starts empty and learns the records one by one;
// - hand-built hits and near misses through checkRecords, each compared with the batch run's clues.
// Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openDemoStore } from './helpers/demo-store.ts';
import { openTestStore } from './helpers/store.ts';
import { seedInspectionWorld } from './helpers/fixtures.ts';
import { caseRecord, delivery, inspection, payment } from './helpers/records.ts';
import { DEMO_AS_OF as AS_OF_ISO } from './helpers/demo-day.ts';
import { findModel } from '../src/models/library/index.ts';
import { defaultParams, type ModelDefinition } from '../src/models/model.ts';
import { queryHits, runModel, toStageRow } from '../src/models/runner.ts';
import { saveSetting } from '../src/models/settings.ts';
import { checkRecords, realtimeModels } from '../src/models/realtime/check.ts';
import { codeCheck, judge, KIND_CHECKS } from '../src/models/realtime/judge.ts';
import { invalidateRealtimeState, readyState, RealtimeState, realtimeState } from '../src/models/realtime/state.ts';
import type { Store, Value } from '../src/store/store.ts';
import { realtimeIngest } from '../src/models/ingest-hook.ts';
import { KIND_SPECS } from '../src/records/registry.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seedIngestReference, sampleCsv, sampleRow, SAMPLE_SOURCE } from './fixtures/ingest-samples.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { fileSource, recordsSource } from '../src/ingest/sources.ts';
import { recordId } from '../src/records/record-id.ts';

// ── the demo data, record kind by record kind ────────────────────────────────────────────────────
const demo = await openDemoStore({ seed: 1, asOf: AS_OF_ISO });
const hand = await openTestStore();
after(async () => {
  await demo.close();
  await hand.close();
});

/** The order records arrive in: by the date they are about, then id. */
const ARRIVAL: Record<string, string> = {
  inspections: 'inspected_on, id',
  cases: 'filed_on, id',
  deliveries: 'sent_on, id',
  payments: 'due_on, id',
  licences: 'applied_on, id',
  delegations: 'signed_on, id',
  hotline_tickets: 'received_at, id',
  followup_answers: 'answered_at, id',
};

interface Clue {
  key: string;
  region: Value;
  agency: Value;
  title: Value;
  explanation: Value;
  evidence: unknown;
}
const clueOf = (m: ModelDefinition, row: Parameters<typeof toStageRow>[1], params: Parameters<typeof toStageRow>[2]): Clue => {
  const s = toStageRow(m, row, params);
  return { key: s[0] as string, region: s[2], agency: s[3], title: s[6], explanation: s[7], evidence: JSON.parse(s[8] as string) };
};
const codedModels = (kind: string) => realtimeModels(kind).filter((m) => codeCheck(m));

async function batch(store: Store, kind: string): Promise<Map<string, Clue>> {
  const out = new Map<string, Clue>();
  for (const m of codedModels(kind)) {
    const group = { regionCode: '330000', enabled: true, params: defaultParams(m), exclude: [] };
    for (const row of await queryHits(store, m, group, AS_OF_ISO)) {
      const c = clueOf(m, row, group.params);
      out.set(c.key, c);
    }
  }
  return out;
}

/** Feeds every record of the kind to the code checks in arrival order; `fromEmpty`: the state starts without the kind's records. */
async function feed(store: Store, kind: string, fromEmpty: boolean): Promise<Map<string, Clue>> {
  const records = await store.query<Record<string, Value>>(`SELECT * FROM ${kind} ORDER BY ${ARRIVAL[kind]}`);
  if (fromEmpty) await store.exec(`DELETE FROM ${kind}`);
  const out = new Map<string, Clue>();
  try {
    const state = new RealtimeState(store);
    await state.ready(KIND_CHECKS[kind].parts, AS_OF_ISO);
    for (const r of records) {
      for (const { model, hits } of await judge(state, kind, r, AS_OF_ISO)) {
        assert.ok(hits, `${model.code}: the state reaches back far enough for ${String(r.id)}`);
        for (const h of hits) {
          const c = clueOf(model, h.row, h.params);
          out.set(c.key, c);
        }
      }
    }
  } finally {
    if (fromEmpty)
      await store.copyIn(
        kind,
        Object.keys(records[0]),
        records.map((r) => Object.values(r)),
      );
  }
  return out;
}

/**
 * The models judging only the sources that have sent a column: the table, the column, and whether the
 * gate is per (source, agency) (the inspection models) or per source system (the case models).
 */
const GATED: Record<string, { kind: string; column: string; perAgency: boolean }> = {
  INS_NOT_REPORTED: { kind: 'inspections', column: 'reported_on', perAgency: true },
  INS_RANDOM_NOT_PUBLISHED: { kind: 'inspections', column: 'published_on', perAgency: true },
  PEN_NO_NOTICE: { kind: 'cases', column: 'notified_on', perAgency: false },
  PEN_NO_LEGAL_REVIEW: { kind: 'cases', column: 'legal_review_on', perAgency: false },
};

/** The records that arrive (in arrival order) before their source has sent the gate's column on any. */
async function gateClosedOnArrival(store: Store, gate: (typeof GATED)[string]): Promise<Set<string>> {
  const open = new Set<string>();
  const closed = new Set<string>();
  for (const r of await store.query<{ id: string; source_system: string; agency_id: string; dated: number }>(
    `SELECT id, source_system, agency_id, CASE WHEN ${gate.column} IS NULL THEN 0 ELSE 1 END AS dated FROM ${gate.kind} ORDER BY ${ARRIVAL[gate.kind]}`,
  )) {
    const key = gate.perAgency ? `${r.source_system}\u0000${r.agency_id}` : r.source_system;
    if (Number(r.dated)) open.add(key);
    if (!open.has(key)) closed.add(r.id);
  }
  return closed;
}

const keysOf = (clues: Map<string, Clue>, code: string) => [...clues.keys()].filter((k) => k.startsWith(`${code}|`)).sort();

for (const kind of Object.keys(KIND_CHECKS)) {
  test(`${kind}: every record judged in code against all records raises the batch run's clues, row for row`, async () => {
    const [expected, got] = [await batch(demo.store, kind), await feed(demo.store, kind, false)];
    for (const m of codedModels(kind)) {
      assert.deepEqual(keysOf(got, m.code), keysOf(expected, m.code), m.code);
      for (const key of keysOf(expected, m.code)) assert.deepEqual(got.get(key), expected.get(key), key);
    }
  });

  test(`${kind}: records streamed one by one into an empty state raise the batch run's dedupe keys`, async () => {
    const [expected, got] = [await batch(demo.store, kind), await feed(demo.store, kind, true)];
    for (const m of codedModels(kind)) {
      if (m.code === 'DEL_FEE' || m.code === 'INS_RISK_INVERTED') {
        // A fee is judged against the median of the delegations known when it arrives, and each arrival
        // judges the service's earlier delegations again: every batch hit is raised, plus those that held
        // under an earlier median (a batch run at that moment raises them too). So is an agency's year of
        // draws against its directory: a year whose first 20 draws missed C and D raises its clue then,
        // though later draws may bring the share up.
        const got_ = new Set(keysOf(got, m.code));
        assert.deepEqual(
          keysOf(expected, m.code).filter((k) => !got_.has(k)),
          [],
          m.code,
        );
      } else if (GATED[m.code]) {
        // Judged only once its source (per agency, for inspections) has sent the date (the gate): a record
        // that arrives before the first dated one of its source is not judged on arrival, as the SQL focused on it would not
        // judge it then; the batch run raises it later. Every other batch hit is raised on arrival.
        const closed = await gateClosedOnArrival(demo.store, GATED[m.code]);
        assert.deepEqual(
          keysOf(got, m.code),
          keysOf(expected, m.code).filter((k) => !closed.has(k.split('|')[2])),
          m.code,
        );
      } else if (m.code !== 'PEN_DEVIATION') {
        // (PEN_DEVIATION judges a fine against the peers decided before it arrives, which a stream from an
        // empty state does not have yet; against all the records, the test above, the two agree row for row.)
        assert.deepEqual(keysOf(got, m.code), keysOf(expected, m.code), m.code);
      }
    }
  });
}

// ── hand-built hits and near misses through checkRecords ─────────────────────────────────────────
const { store } = hand;
before(async () => {
  await seedInspectionWorld(store);
  await store.copyIn(
    'items',
    ['code', 'name', 'kind', 'line_code', 'fine_min', 'fine_max'],
    [['IT-1', '擅自占道经营', 'penalty', 'CLE', 1000, 10000]],
  );
});
beforeEach(async () => {
  for (const table of [
    'inspections',
    'cases',
    'deliveries',
    'payments',
    'model_hits',
    'clues',
    'clue_events',
    'model_runs',
    'model_settings',
  ])
    await store.exec(`DELETE FROM ${table}`);
  invalidateRealtimeState(store); // the rows above went behind the state's back
});

const ASOF = '2025-06-30';
const storedRow = async (table: string, id: string) =>
  (await store.query<Record<string, unknown>>(`SELECT * FROM ${table} WHERE id = $1`, [id]))[0];

/** A record lands (as the ingest API lands it) and is judged at once; returns its id and the new clues by model. */
async function arrive(table: string, put: Promise<string>): Promise<{ id: string; raised: Record<string, number> }> {
  const id = await put;
  const reports = await checkRecords(store, table, [await storedRow(table, id)], 'system', ASOF);
  return { id, raised: Object.fromEntries(reports.map((r) => [r.code, r.newHits])) };
}
const arriveInspection = (r: Record<string, Value>) => arrive('inspections', inspection(store, r));
const arriveCase = (r: Record<string, Value>) => arrive('cases', caseRecord(store, r));

interface ClueRow {
  dedupe_key: string;
  region_code: string;
  agency_id: string | null;
  severity: string;
  title: string;
  explanation: string;
  evidence: unknown;
}
const clueRows = async (codes: string[]): Promise<ClueRow[]> =>
  (
    await store.query<ClueRow>(
      `SELECT dedupe_key, region_code, agency_id, severity, title, explanation, evidence FROM model_hits WHERE model_code IN (${codes.map((c) => `'${c}'`).join(', ')}) ORDER BY dedupe_key`,
    )
  ).map((c) => ({ ...c, evidence: JSON.parse(String(c.evidence)) as unknown }));

/**
 * The clues real time raised for the kind's models, checked against the batch run over the same records;
 * returns them. (A clue is written when its hit first appears: a windowed hit that grows later, e.g. a 14th
 * over-frequency inspection, keeps the text it was raised with. The scenarios avoid that.)
 */
async function sameAsBatch(kind: string) {
  const codes = codedModels(kind).map((m) => m.code);
  const realtime = await clueRows(codes);
  for (const table of ['model_hits', 'clues', 'clue_events']) await store.exec(`DELETE FROM ${table}`);
  for (const code of codes) await runModel(store, findModel(code)!, { asOf: ASOF });
  assert.deepEqual(realtime, await clueRows(codes));
  return realtime;
}
const nonzero = (raised: Record<string, number>) => Object.fromEntries(Object.entries(raised).filter(([, n]) => n > 0));
const ofModel = (clues: ClueRow[], code: string) => clues.filter((c) => c.dedupe_key.startsWith(`${code}|`));

test("INS_OFF_LIST: an item on no list, or on another city's, raises its clue on arrival; the province's and the own city's lists pass", async () => {
  assert.equal((await arriveInspection({ inspection_item_code: 'II-X', inspected_on: '2025-03-10' })).raised.INS_OFF_LIST, 1);
  assert.equal((await arriveInspection({ inspection_item_code: 'II-NB', inspected_on: '2025-04-10' })).raised.INS_OFF_LIST, 1);
  assert.equal((await arriveInspection({ inspection_item_code: 'II-1', inspected_on: '2025-04-11' })).raised.INS_OFF_LIST, 0);
  assert.equal((await arriveInspection({ inspection_item_code: 'II-2', inspected_on: '2025-04-12' })).raised.INS_OFF_LIST, 0);
  assert.equal(ofModel(await sameAsBatch('inspections'), 'INS_OFF_LIST').length, 2);
});

test('INS_CASE_NOT_FILED: a finding with no case after 15 days; a case that names the inspection, or a recent finding, pass', async () => {
  const filed = await arriveInspection({ result: 'case_filed', inspected_on: '2025-05-01', assist_officer_id: 'OF-1' });
  assert.equal(filed.raised.INS_CASE_NOT_FILED, 1);
  await arriveCase({
    inspection_id: 'INS-LINKED',
    filed_on: '2025-05-03',
    assist_officer_id: 'OF-1',
    decided_on: null,
    decision: null,
    tier: null,
    fine_amount: null,
    status: 'open',
  });
  assert.equal(
    (await arriveInspection({ id: 'INS-LINKED', result: 'case_filed', inspected_on: '2025-05-01', assist_officer_id: 'OF-1' })).raised
      .INS_CASE_NOT_FILED,
    0,
  );
  assert.equal(
    (await arriveInspection({ result: 'case_filed', inspected_on: '2025-06-20', assist_officer_id: 'OF-1' })).raised.INS_CASE_NOT_FILED,
    0,
  );
  const [clue] = ofModel(await sameAsBatch('inspections'), 'INS_CASE_NOT_FILED');
  assert.equal(
    clue.explanation,
    '数据显示，杭州市富阳区综合行政执法局于2025-05-01检查杭州示例酒坊，检查结果登记为已立案，至2025-06-30已60天（超过15天）仍没有对应的处罚案件记录，可能未立案或案件未录入，请核实并说明。',
  );
});

test('INS_NO_CERT and INS_SINGLE_OFFICER: an expired, revoked or missing certificate, one officer; the last valid day passes', async () => {
  await arriveInspection({ lead_officer_id: 'OF-1', assist_officer_id: 'OF-3', inspected_on: '2025-05-10' });
  await arriveInspection({ lead_officer_id: 'OF-4', assist_officer_id: 'OF-5', inspected_on: '2025-05-11' });
  await arriveInspection({ lead_officer_id: 'OF-1', assist_officer_id: 'OF-3', inspected_on: '2025-04-30' });
  await arriveInspection({ lead_officer_id: 'OF-1', assist_officer_id: null, inspected_on: '2025-05-12' });
  const clues = await sameAsBatch('inspections');
  assert.deepEqual(
    ofModel(clues, 'INS_NO_CERT')
      .map((c) => c.explanation)
      .sort(),
    [
      '数据显示，杭州市富阳区综合行政执法局于2025-05-10对该企业的检查中，协办王芳（执法证有效期至2025-04-30，已过期）在检查当日没有有效执法证，可能由不具备执法资格的人员实施检查，请核实并说明。',
      '数据显示，杭州市富阳区综合行政执法局于2025-05-11对该企业的检查中，主办赵强（执法证已吊销）、协办孙丽（无执法证）在检查当日没有有效执法证，可能由不具备执法资格的人员实施检查，请核实并说明。',
    ],
  );
  assert.equal(ofModel(clues, 'INS_SINGLE_OFFICER').length, 1);
});

test('INS_REPEAT: the third agency within 7 days raises the clue on its arrival; the window starts at the first inspection', async () => {
  const base = { assist_officer_id: 'OF-1', inspection_item_code: 'II-1' };
  assert.equal((await arriveInspection({ ...base, agency_id: 'AG-A', inspected_on: '2025-05-01' })).raised.INS_REPEAT, 0);
  assert.equal((await arriveInspection({ ...base, agency_id: 'AG-B', inspected_on: '2025-05-03' })).raised.INS_REPEAT, 0);
  assert.equal((await arriveInspection({ ...base, agency_id: 'AG-C', inspected_on: '2025-05-10' })).raised.INS_REPEAT, 0); // day 10: outside
  assert.equal((await arriveInspection({ ...base, agency_id: 'AG-C', inspected_on: '2025-05-06' })).raised.INS_REPEAT, 1); // late report, inside
  const [clue] = ofModel(await sameAsBatch('inspections'), 'INS_REPEAT');
  assert.equal(clue.dedupe_key, 'INS_REPEAT|entity|91330100470102706G|2025-05-01');
});

test('INS_SAME_AGENCY_REPEAT: an earlier compliant inspection reported late turns the later one into a hit; a finding in between does not', async () => {
  const base = { agency_id: 'AG-A', assist_officer_id: 'OF-1', inspection_item_code: 'II-1' };
  const later = await arriveInspection({ ...base, inspected_on: '2025-05-05' });
  assert.equal(later.raised.INS_SAME_AGENCY_REPEAT, 0);
  assert.equal((await arriveInspection({ ...base, inspected_on: '2025-05-01' })).raised.INS_SAME_AGENCY_REPEAT, 1);
  const [clue] = ofModel(await sameAsBatch('inspections'), 'INS_SAME_AGENCY_REPEAT');
  assert.equal(clue.dedupe_key, `INS_SAME_AGENCY_REPEAT|inspection|${later.id}|`);
  for (const table of ['inspections', 'model_hits', 'clues', 'clue_events']) await store.exec(`DELETE FROM ${table}`);
  invalidateRealtimeState(store);
  await arriveInspection({ ...base, inspected_on: '2025-05-01' });
  await arriveInspection({ ...base, inspected_on: '2025-05-03', result: 'issues' });
  assert.equal((await arriveInspection({ ...base, inspected_on: '2025-05-05' })).raised.INS_SAME_AGENCY_REPEAT, 0);
});

test('a state dropped while it loads is let go: the check gets the one that replaced it, loaded', async () => {
  invalidateRealtimeState(store);
  const first = realtimeState(store);
  const loading = readyState(store, KIND_CHECKS.inspections.parts, ASOF);
  invalidateRealtimeState(store); // a file import lands meanwhile
  const state = await loading;
  assert.notEqual(state, first);
  assert.equal(state, realtimeState(store));
  assert.ok(state.isLoaded('inspections'));
});

test('INS_BURDEN: the 21st visit of the year raises the clue; a joint inspection counts once', async () => {
  const day = (i: number) => `2025-${String(1 + Math.floor(i / 2)).padStart(2, '0')}-${i % 2 ? '20' : '05'}`;
  // An item on no list: no over-frequency clue, whose evidence would grow after it is raised.
  const base = { assist_officer_id: 'OF-1', inspection_item_code: 'II-X' };
  for (let i = 0; i < 19; i++) await arriveInspection({ ...base, agency_id: ['AG-A', 'AG-B', 'AG-C'][i % 3], inspected_on: day(i) });
  await arriveInspection({ ...base, agency_id: 'AG-A', inspected_on: '2025-11-11', kind: 'joint', joint_id: 'J1' });
  assert.equal(
    (await arriveInspection({ ...base, agency_id: 'AG-B', inspected_on: '2025-11-11', kind: 'joint', joint_id: 'J1' })).raised.INS_BURDEN,
    0,
  );
  assert.equal((await arriveInspection({ ...base, agency_id: 'AG-C', inspected_on: '2025-12-01' })).raised.INS_BURDEN, 1);
  const [clue] = ofModel(await sameAsBatch('inspections'), 'INS_BURDEN');
  assert.equal(
    clue.explanation,
    '数据显示，该企业2025年被3个部门入企检查21次（检查记录22条，联合检查计为一次），超过每年20次的阈值，可能存在检查过多、未合并开展的情况，请核实并说明。',
  );
});

test('an inspection older than the log (1 January of last year) is judged by the SQL for the windowed models', async () => {
  const base = { assist_officer_id: 'OF-1', inspection_item_code: 'II-1' };
  await arriveInspection({ ...base, agency_id: 'AG-A', inspected_on: '2023-05-01' });
  await arriveInspection({ ...base, agency_id: 'AG-B', inspected_on: '2023-05-03' });
  const third = await arriveInspection({ ...base, agency_id: 'AG-C', inspected_on: '2023-05-05' });
  assert.equal(third.raised.INS_REPEAT, 1);
  const judged = await judge(realtimeState(store), 'inspections', await storedRow('inspections', third.id), ASOF);
  assert.equal(judged.find((j) => j.model.code === 'INS_REPEAT')?.hits, null); // the code check declined
  assert.equal(ofModel(await sameAsBatch('inspections'), 'INS_REPEAT').length, 1);
});

test("a region's setting applies at once: Hangzhou widening INS_REPEAT's window to 10 days", async () => {
  const admin = { userId: 'admin', username: 'admin', displayName: '管理员', role: 'admin' as const, regionCode: '330000', agencyId: null };
  const base = { assist_officer_id: 'OF-1' };
  await arriveInspection({ ...base, agency_id: 'AG-A', inspected_on: '2025-05-01' });
  await arriveInspection({ ...base, agency_id: 'AG-B', inspected_on: '2025-05-03' });
  await saveSetting(store, admin, findModel('INS_REPEAT')!, '330100', true, { window_days: 10 });
  assert.equal((await arriveInspection({ ...base, agency_id: 'AG-C', inspected_on: '2025-05-09' })).raised.INS_REPEAT, 1);
  assert.equal(ofModel(await sameAsBatch('inspections'), 'INS_REPEAT').length, 1);
  await saveSetting(store, admin, findModel('INS_REPEAT')!, '330111', false, {});
  assert.equal((await arriveInspection({ ...base, agency_id: 'AG-C', inspected_on: '2025-05-08' })).raised.INS_REPEAT ?? 0, 0);
});

test('a record sent with its subject only is judged by the SQL; the same record again writes nothing', async () => {
  const id = await inspection(store, { assist_officer_id: null, inspected_on: '2025-05-12' });
  const first = await checkRecords(store, 'inspections', [{ id, entity_uscc: '91330100470102706G' }], 'system', ASOF);
  assert.equal(first.find((r) => r.code === 'INS_SINGLE_OFFICER')?.newHits, 1);
  const writes =
    'SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM clue_events) AS events, (SELECT count(*) FROM model_runs) AS runs';
  const [before] = await store.query(writes);
  assert.ok(Number(before.audit) > 0, 'the clue raised is audited');
  const again = await checkRecords(store, 'inspections', [await storedRow('inspections', id)], 'system', ASOF);
  assert.equal(
    again.reduce((s, r) => s + r.newHits, 0),
    0,
  );
  assert.deepEqual(await store.query(writes), [before]);
});

test('cases: above the statutory maximum, no delivery, no payment, no certificate, fined twice; a delivery reported before its case counts', async () => {
  const base = { item_code: 'IT-1', filed_on: '2025-03-01', decided_on: '2025-03-20', harm: 'minor', tier: 'general' };
  // A fine of 12,000 yuan never published, too: PEN_NOT_PUBLISHED stays silent, since this source has never
  // sent a publication date (a system without the column would otherwise raise every such fine).
  assert.deepEqual(nonzero((await arriveCase({ ...base, fine_amount: 12000 })).raised), {
    PEN_ABOVE_STATUTORY: 1,
    PEN_NO_DELIVERY: 1,
    PEN_NO_PAYMENT: 1,
  });
  await delivery(store, { case_id: 'CASE-DELIVERED' });
  await payment(store, { case_id: 'CASE-DELIVERED' });
  await checkRecords(store, 'deliveries', await store.query('SELECT * FROM deliveries'), 'system', ASOF);
  await checkRecords(store, 'payments', await store.query('SELECT * FROM payments'), 'system', ASOF);
  // At the statutory maximum; delivered and paid (reported before the case), published; another entity.
  assert.deepEqual(
    nonzero(
      (
        await arriveCase({
          ...base,
          id: 'CASE-DELIVERED',
          fine_amount: 10000,
          published_on: '2025-03-25',
          entity_uscc: '91330106MA0000001X',
        })
      ).raised,
    ),
    {},
  );
  assert.equal(
    (
      await arriveCase({
        ...base,
        filed_on: '2025-03-15',
        fine_amount: 3000,
        lead_officer_id: 'OF-5',
        entity_uscc: '91330000733796106P',
        region_code: '330106',
      })
    ).raised.PEN_NO_CERT,
    1,
  );
  const second = await arriveCase({
    ...base,
    filed_on: '2025-03-20',
    fine_amount: 3000,
    entity_uscc: '91330000733796106P',
    region_code: '330106',
  });
  const clues = await sameAsBatch('cases');
  assert.equal(ofModel(clues, 'PEN_ABOVE_STATUTORY').length, 1);
  assert.equal(ofModel(clues, 'PEN_NO_DELIVERY').length, 3);
  assert.equal(ofModel(clues, 'PEN_NO_CERT').length, 1);
  assert.deepEqual(
    ofModel(clues, 'PEN_DOUBLE').map((c) => c.dedupe_key),
    [`PEN_DOUBLE|case|${second.id}|`],
  );
});

test('an entity pushed through the API under a new name is named so in the next clue', async () => {
  await arriveInspection({ assist_officer_id: null, inspected_on: '2025-05-12' }); // loads the state
  // Pushed as the API pushes it: the import with the real-time hook.
  const [stored] = await store.query<Record<string, unknown>>(`SELECT * FROM entities WHERE uscc = '91330100470102706G'`);
  const renamed = Object.fromEntries(
    KIND_SPECS.entities.fields.map((f) => [f.name, f.name === 'name' ? '杭州新名酒坊' : String(stored[f.name] ?? '')]),
  );
  const report = await importRows(store, recordsSource([renamed]), {
    kind: 'entities',
    caller: SYSTEM_CALLER,
    sourceSystem: 'test',
    onLanded: realtimeIngest(store, SYSTEM_CALLER, 'entities').onLanded,
  });
  assert.equal(report.updated, 1, JSON.stringify(report.errors));
  await arriveInspection({ assist_officer_id: null, inspected_on: '2025-05-20' });
  const titles = ofModel(await clueRows(['INS_SINGLE_OFFICER']), 'INS_SINGLE_OFFICER')
    .map((c) => c.title)
    .sort();
  assert.deepEqual(titles, ['单人执法：杭州示例酒坊', '单人执法：杭州新名酒坊'].sort());
  await store.exec(`UPDATE entities SET name = '杭州示例酒坊' WHERE uscc = '91330100470102706G'`);
});

test('a file import drops the state: the next record is judged against the imported ones too', async () => {
  const t = await openTestStore();
  const dir = mkdtempSync(join(tmpdir(), 'kedu-rt-'));
  try {
    await seedIngestReference(t.store);
    // One agency inspecting one entity three times in five days, each time finding nothing.
    const row = (n: number, day: string) => ({
      ...sampleRow('inspections', 3),
      source_id: `RT${n}`,
      inspected_on: day,
      kind: 'random',
      joint_id: '',
      result: 'compliant',
    });
    const push = async (r: Record<string, string>) => {
      await importRows(t.store, recordsSource([r]), { kind: 'inspections', caller: SYSTEM_CALLER, sourceSystem: SAMPLE_SOURCE });
      const [landed] = await t.store.query<Record<string, unknown>>('SELECT * FROM inspections WHERE source_id = $1', [r.source_id]);
      return checkRecords(t.store, 'inspections', [landed], 'system', ASOF);
    };
    await push(row(1, '2025-05-01'));
    const csv = join(dir, 'inspections.csv');
    writeFileSync(csv, sampleCsv('inspections', [row(2, '2025-05-03')]));
    assert.ok(realtimeState(t.store).isLoaded('inspections'));
    await importRows(t.store, await fileSource(csv), { kind: 'inspections', caller: SYSTEM_CALLER, sourceSystem: SAMPLE_SOURCE });
    assert.ok(!realtimeState(t.store).isLoaded('inspections'));
    const reports = await push(row(3, '2025-05-05'));
    assert.equal(reports.find((r) => r.code === 'INS_SAME_AGENCY_REPEAT')?.newHits, 1);
    const [clue] = await t.store.query<{ evidence: string }>(`SELECT evidence FROM model_hits WHERE model_code = 'INS_SAME_AGENCY_REPEAT'`);
    assert.deepEqual(
      JSON.parse(clue.evidence).ids,
      [1, 2, 3].map((n) => recordId('inspections', SAMPLE_SOURCE, `RT${n}`)),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await t.close();
  }
});
