// The models of 行政复议 and 行政诉讼 outcomes (review_outcomes): for each, hand-built outcomes that must
// hit (explanation and evidence checked), near misses that must not, the boundary at N and N + 1, and
// the real-time path (an outcome judged as it arrives) making the batch run's hits. Runs on DuckDB, and
// on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore } from './helpers/store.ts';
import { seedTwoCounties } from './helpers/fixtures.ts';
import { caseRecord, reviewOutcome } from './helpers/records.ts';
import { runModel } from '../src/models/runner.ts';
import { findModel } from '../src/models/library/index.ts';
import { checkRecords } from '../src/models/realtime/check.ts';
import type { ParamValues } from '../src/models/model.ts';
import { saveSetting } from '../src/models/settings.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { recordsSource } from '../src/ingest/sources.ts';
import type { Caller } from '../src/auth/caller.ts';
import { recordId } from '../src/records/record-id.ts';

const t = await openTestStore();
const { store } = t;

before(async () => {
  await seedTwoCounties(store);
  await store.copyIn(
    'items',
    ['code', 'name', 'kind', 'line_code', 'penalty_regulation_id', 'penalty_article', 'fine_min', 'fine_max'],
    [
      ['IT-1', '擅自占道经营', 'penalty', 'CLE', 'xingzheng-chufa-fa', 33, 1000, 10000],
      ['IT-2', '未按规定公示信息', 'penalty', 'MKT', 'xingzheng-chufa-fa', 33, 100, 10000],
    ],
  );
});
beforeEach(async () => {
  for (const table of ['cases', 'review_outcomes', 'model_hits', 'clues', 'clue_events', 'model_settings'])
    await store.exec(`DELETE FROM ${table}`);
});
after(() => t.close());

const ADMIN = { userId: 'admin', username: 'admin', displayName: '管理员', role: 'admin' as const, regionCode: '330000', agencyId: null };
/** Runs a model as of a day, under the province's setting of its parameters when given. */
async function run(code: string, asOf: string, params?: ParamValues) {
  const model = findModel(code)!;
  if (params) await saveSetting(store, ADMIN, model, '330000', true, params);
  await store.exec('DELETE FROM model_hits');
  return runModel(store, model, { asOf });
}
type Hit = {
  model_code: string;
  subject_kind: string;
  subject_id: string;
  explanation: string;
  evidence: string;
  agency_id: string | null;
};
const hits = (code?: string) =>
  store.query<Hit>(
    `SELECT model_code, subject_kind, subject_id, explanation, evidence, agency_id FROM model_hits${code ? ' WHERE model_code = $1' : ''} ORDER BY model_code, subject_id`,
    code ? [code] : [],
  );
const evidenceIds = (h: { evidence: string }) => (JSON.parse(h.evidence) as { ids: string[] }).ids;

/** A fine of IT-1 by 富阳 urban management, decided 2025-02-10, and its id. */
const fined = (r: Record<string, string | number | boolean | null> = {}) =>
  caseRecord(store, { filed_on: '2025-01-20', decided_on: '2025-02-10', occurred_on: '2025-01-10', notified_on: '2025-02-01', ...r });

test('REV_NOT_CARRIED_OUT: a revocation carried out on day 31, an order to act still not carried out; day 30, a lawsuit, nothing to carry out pass', async () => {
  const c = await fined();
  const late = await reviewOutcome(store, {
    case_id: c,
    outcome: 'revoked',
    carried_out_on: '2025-04-20',
    case_withdrawn_on: '2025-03-21',
  });
  const pending = await reviewOutcome(store, { case_id: c, outcome: 'ordered_to_act', decided_on: '2025-05-01' });
  // Near misses.
  await reviewOutcome(store, { case_id: c, outcome: 'changed', carried_out_on: '2025-04-19', case_withdrawn_on: '2025-03-21' }); // day 30
  await reviewOutcome(store, { case_id: c, outcome: 'revoked', route: 'litigation', case_withdrawn_on: '2025-03-21' }); // a judgment
  await reviewOutcome(store, { case_id: c, outcome: 'confirmed_illegal', case_withdrawn_on: '2025-03-21' }); // nothing to carry out
  await reviewOutcome(store, { case_id: c, outcome: 'upheld' });
  await reviewOutcome(store, { case_id: c, outcome: 'settled' });
  await reviewOutcome(store, { case_id: c, outcome: null, decided_on: null }); // pending
  const r = await run('REV_NOT_CARRIED_OUT', '2025-06-30');
  assert.equal(r.newHits, 2);
  const found = await hits();
  assert.deepEqual(found.map((h) => evidenceIds(h)[0]).sort(), [late, pending].sort());
  const byId = new Map(found.map((h) => [h.subject_id, h]));
  assert.equal(
    byId.get(late)!.explanation,
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案经行政复议，于2025-03-20决定撤销，于2025-04-20履行，距决定生效31天，超过30天，可能未履行或拖延履行行政复议决定，请核实复议决定是否设定了履行期限及履行情况并说明。',
  );
  assert.match(byId.get(pending)!.explanation, /于2025-05-01决定责令履行，截至2025-06-30仍未履行，距决定生效60天/);
  assert.equal(byId.get(late)!.agency_id, 'AG-FY-ZHZF');
  assert.equal(byId.get(late)!.subject_kind, 'review_outcome');
});

test('REV_NOT_CARRIED_OUT at its boundary: not carried out, judged on day N and N + 1; the limit is a parameter', async () => {
  const c = await fined();
  await reviewOutcome(store, { case_id: c, outcome: 'revoked', case_withdrawn_on: '2025-03-21' });
  assert.equal((await run('REV_NOT_CARRIED_OUT', '2025-04-19')).hits, 0);
  assert.equal((await run('REV_NOT_CARRIED_OUT', '2025-04-20')).hits, 1);
  assert.equal((await run('REV_NOT_CARRIED_OUT', '2025-04-24', { limit_days: 35 })).hits, 0);
  assert.equal((await run('REV_NOT_CARRIED_OUT', '2025-04-25', { limit_days: 35 })).hits, 1);
});

test('REV_NOT_WITHDRAWN: counted in working days — decided on a Friday, withdrawn on the third working day passes, the fourth hits', async () => {
  const c = await fined();
  // 2025-03-14 is a Friday: the third working day after it is Wednesday 2025-03-19.
  const late = await reviewOutcome(store, {
    case_id: c,
    outcome: 'revoked',
    decided_on: '2025-03-14',
    case_withdrawn_on: '2025-03-20',
    carried_out_on: '2025-03-20',
  });
  const never = await reviewOutcome(store, { case_id: c, route: 'litigation', outcome: 'confirmed_illegal', decided_on: '2025-03-14' });
  // Near misses.
  await reviewOutcome(store, {
    case_id: c,
    outcome: 'changed',
    decided_on: '2025-03-14',
    case_withdrawn_on: '2025-03-19',
    carried_out_on: '2025-03-20',
  });
  await reviewOutcome(store, {
    case_id: c,
    outcome: 'revoked',
    decided_on: '2025-03-14',
    case_withdrawn_on: '2025-03-01',
    carried_out_on: '2025-03-20',
  }); // withdrawn during the review
  await reviewOutcome(store, { case_id: c, outcome: 'ordered_to_act', decided_on: '2025-03-14', carried_out_on: '2025-03-20' }); // not a correction of the decision
  await reviewOutcome(store, { case_id: c, outcome: 'dismissed', decided_on: '2025-03-14' });
  const r = await run('REV_NOT_WITHDRAWN', '2025-06-30');
  assert.equal(r.newHits, 2);
  const found = await hits();
  assert.deepEqual(found.map((h) => evidenceIds(h)[0]).sort(), [late, never].sort());
  const byId = new Map(found.map((h) => [h.subject_id, h.explanation]));
  assert.equal(
    byId.get(late),
    '数据显示，当事人杭州示例酒坊“擅自占道经营”一案的处罚决定经行政复议于2025-03-14被撤销，于2025-03-20撤回，晚于3个工作日的撤回期限（2025-03-19），如该决定已公开，可能未及时撤回处罚决定信息并说明理由，请核实并说明。',
  );
  assert.match(byId.get(never)!, /经行政诉讼于2025-03-14被确认违法，截至2025-06-30仍未撤回/);
});

test('REV_NOT_WITHDRAWN at its boundary: not withdrawn, judged on the Nth working day and the next', async () => {
  const c = await fined();
  await reviewOutcome(store, { case_id: c, outcome: 'changed', decided_on: '2025-03-14', carried_out_on: '2025-03-17' });
  assert.equal((await run('REV_NOT_WITHDRAWN', '2025-03-19')).hits, 0);
  assert.equal((await run('REV_NOT_WITHDRAWN', '2025-03-20')).hits, 1);
});

/** n outcomes of fresh cases of `item` by `agency`, the first `fix` of them correcting; their ids. */
async function outcomes(agency: string, item: string, n: number, fix: number, r: Record<string, string | null> = {}): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const c = await fined({ agency_id: agency, item_code: item, region_code: agency === 'AG-FY-ZHZF' ? '330111' : '330106' });
    ids.push(
      await reviewOutcome(store, {
        case_id: c,
        agency_id: agency,
        region_code: agency === 'AG-FY-ZHZF' ? '330111' : '330106',
        decided_on: '2025-06-10',
        outcome: i < fix ? 'revoked' : i % 2 ? 'upheld' : 'dismissed',
        carried_out_on: i < fix ? '2025-06-20' : null,
        case_withdrawn_on: i < fix ? '2025-06-11' : null,
        ...r,
      }),
    );
  }
  return ids;
}

test('REV_CORRECTION_RATE: five outcomes, two correcting (40%), hit; four with two, or settled ones, do not count', async () => {
  const ids = await outcomes('AG-FY-ZHZF', 'IT-1', 5, 2);
  await outcomes('AG-FY-ZHZF', 'IT-1', 2, 0, { outcome: 'settled' }); // decides nothing: not in the count
  await outcomes('AG-FY-ZHZF', 'IT-2', 4, 2); // below the minimum count
  await outcomes('AG-XH-SCJG', 'IT-1', 5, 1); // 20%
  assert.equal((await run('REV_CORRECTION_RATE', '2025-12-31')).newHits, 1);
  const [h] = await hits();
  assert.equal(h.subject_kind, 'agency_item');
  assert.equal(h.subject_id, 'AG-FY-ZHZF/IT-1');
  assert.deepEqual(evidenceIds(h).sort(), ids.slice(0, 2).sort());
  assert.equal(
    h.explanation,
    '数据显示，杭州市富阳区综合行政执法局“擅自占道经营”事项的处罚决定在2024-12-31至2025-12-31期间经行政复议、行政诉讼审结5件，其中被撤销、变更或确认违法2件，占40%，高于30%，可能存在共性执法问题，请核实原因并说明。',
  );
});

test('REV_CORRECTION_RATE at its boundaries: a share equal to the threshold passes, above it hits; four outcomes pass, five hit', async () => {
  await outcomes('AG-FY-ZHZF', 'IT-1', 5, 2);
  assert.equal((await run('REV_CORRECTION_RATE', '2025-12-31', { window_days: 365, min_count: 5, max_share_pct: 40 })).hits, 0);
  assert.equal((await run('REV_CORRECTION_RATE', '2025-12-31', { window_days: 365, min_count: 5, max_share_pct: 39 })).hits, 1);
  assert.equal((await run('REV_CORRECTION_RATE', '2025-12-31', { window_days: 365, min_count: 6, max_share_pct: 30 })).hits, 0);
});

test('REV_REPEAT_CORRECTED: corrected three times in the 365 days to the run day; two, or one 366 days before, pass', async () => {
  const first = await outcomes('AG-XH-SCJG', 'IT-2', 1, 1, {
    decided_on: '2024-12-31',
    carried_out_on: '2025-01-02',
    case_withdrawn_on: '2025-01-02',
  });
  const rest = await outcomes('AG-XH-SCJG', 'IT-2', 2, 2);
  await outcomes('AG-FY-ZHZF', 'IT-2', 3, 2); // two corrections
  assert.equal((await run('REV_REPEAT_CORRECTED', '2025-12-31')).newHits, 1);
  const [h] = await hits();
  assert.equal(h.subject_id, 'AG-XH-SCJG/IT-2');
  assert.deepEqual(evidenceIds(h).sort(), [...first, ...rest].sort());
  assert.equal(
    h.explanation,
    '数据显示，杭州市西湖区市场监督管理局“未按规定公示信息”事项的处罚决定在2024-12-31至2025-12-31期间经行政复议、行政诉讼被撤销、变更或确认违法3次，达到3次，可能同类问题未得到纠正，请核实整改情况并说明。',
  );
  // A day later the first correction is 366 days before the run day.
  assert.equal((await run('REV_REPEAT_CORRECTED', '2026-01-01')).hits, 0);
});

test('real time: outcomes judged as they arrive make the hits of the batch run, and only their own', async () => {
  const c = await fined();
  const ids = [
    await reviewOutcome(store, { case_id: c, outcome: 'revoked', carried_out_on: '2025-05-01' }),
    await reviewOutcome(store, { case_id: c, outcome: 'ordered_to_act', decided_on: '2025-05-01' }),
    await reviewOutcome(store, { case_id: c, outcome: 'changed', carried_out_on: '2025-03-25', case_withdrawn_on: '2025-03-21' }),
    await reviewOutcome(store, {
      case_id: c,
      route: 'litigation',
      outcome: 'confirmed_illegal',
      decided_on: '2025-03-14',
      case_withdrawn_on: '2025-03-28',
    }),
  ];
  const other = await reviewOutcome(store, { case_id: c, outcome: 'revoked' }); // arrives later
  const codes = ['REV_LATE_ANSWER', 'REV_NOT_CARRIED_OUT', 'REV_NOT_WITHDRAWN'];
  const reports = await checkRecords(
    store,
    'review_outcomes',
    ids.map((id) => ({ id })),
    'system',
    '2025-06-30',
  );
  assert.deepEqual(reports.map((r) => r.code).sort(), codes);
  const realtime = await hits();
  assert.ok(realtime.length >= 4);
  assert.ok(!realtime.some((h) => h.subject_id === other));
  await store.exec('DELETE FROM model_hits');
  await store.exec('DELETE FROM clue_events');
  await store.exec('DELETE FROM clues');
  await store.exec(`DELETE FROM review_outcomes WHERE id = '${other}'`);
  for (const code of codes) await runModel(store, findModel(code)!, { asOf: '2025-06-30' });
  // The same rows; evidence as JSON (PostgreSQL's json text spaces it otherwise than JavaScript).
  const parsed = (hs: Hit[]) => hs.map((h) => ({ ...h, evidence: JSON.parse(h.evidence) as unknown }));
  assert.deepEqual(parsed(await hits()), parsed(realtime));
});

test("an outcome names a case of its own agency: an agency's staff cannot file one against another agency's case", async () => {
  await store.exec(
    `INSERT INTO agencies (id, name, line_code, region_code, level) VALUES ('AG-FY-SCJG', '杭州市富阳区市场监督管理局', 'MKT', '330111', 'county')`,
  );
  // The cases as an agency system sends them (keys in its source system, Kedu ids derived from them).
  const kase = (sourceId: string, agency: string, item: string) => ({
    source_system: 'fy-zhzf',
    source_id: sourceId,
    region_code: '330111',
    agency_id: agency,
    item_code: item,
    entity_uscc: '91330100470102706G',
    filed_on: '2025-01-20',
    first_offence: '否',
    corrected: '否',
    harm: '危害轻微',
    lead_officer_id: 'OF-1',
    decided_on: '2025-02-10',
    decision: '罚款',
    fine_amount: '3000',
    status: '已决定',
  });
  const cases = await importRows(store, recordsSource([kase('AJ-OWN', 'AG-FY-ZHZF', 'IT-1'), kase('AJ-OTHER', 'AG-FY-SCJG', 'IT-2')]), {
    kind: 'cases',
    caller: ADMIN,
  });
  assert.equal(cases.inserted, 2, JSON.stringify(cases.errors));
  const staff: Caller = {
    userId: 'fy-staff',
    username: 'fy_staff',
    displayName: '富阳执法',
    role: 'agency_staff',
    regionCode: '330111',
    agencyId: 'AG-FY-ZHZF',
  };
  const row = (sourceId: string, caseId: string) => ({
    source_system: 'fy-zhzf',
    source_id: sourceId,
    region_code: '330111',
    agency_id: 'AG-FY-ZHZF',
    case_id: caseId,
    route: 'reconsideration',
    applied_on: '2025-03-01',
    decided_on: '2025-04-01',
    outcome: 'revoked',
  });
  const report = await importRows(store, recordsSource([row('FY-OWN', 'AJ-OWN'), row('FY-OTHER', 'AJ-OTHER')]), {
    kind: 'review_outcomes',
    caller: staff,
  });
  assert.equal(report.inserted, 1);
  assert.equal(report.errors.length, 1);
  assert.match(report.errors[0].text, /^第2条 case_id（原处罚案件编号）：所关联的行政处罚案件（case-.+）是其他执法主体的行政处罚案件/);
  assert.deepEqual(
    (await store.query<{ case_id: string }>('SELECT case_id FROM review_outcomes')).map((r) => r.case_id),
    [recordId('cases', 'fy-zhzf', 'AJ-OWN')],
  );
});
