// The discretion navigator: the Fuyang case from its facts, each tier, the city's baseline replacing the
// province's, bad input named by field (never a 500), the history's statistics against SQL on the same
// rows, similar cases within the caller's scope, 执法精灵 on a case, and the real-time path: a decision
// pushed through the ingestion API is judged by the same rules and lands on the 待复核 list.
// Runs on DuckDB, and on PostgreSQL with KEDU_TEST_DATABASE_URL.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { openTestStore, TEST_ENGINE } from './helpers/store.ts';
import { addUser } from './helpers/fixtures.ts';
import { everyHitAClue, login } from './helpers/clues.ts';
import { agency, caseRecord, pushedCase } from './helpers/records.ts';
import { buildApp } from '../src/api/app.ts';
import { loadReference, readCatalog } from '../src/catalog/load-reference.ts';
import { SYSTEM_CALLER, type Caller } from '../src/auth/caller.ts';
import { assess, NavigatorError, searchItems, navReference, type AssessResult } from '../src/navigator/index.ts';
import { shippedSynonyms, wordsByItem } from '../src/catalog/synonyms.ts';
import { invalidateRealtimeState } from '../src/models/realtime/state.ts';
import { recordId } from '../src/records/record-id.ts';

const ASOF = '2025-12-31';
const t = await openTestStore();
const { store } = t;
const app = await buildApp({ store, asOf: ASOF });
after(async () => {
  await app.close();
  await t.close();
});

const FY = '330111'; // 富阳区, 杭州市
const XH = '330106'; // 西湖区, 杭州市
const HS = '330203'; // 海曙区, 宁波市: the province's baselines govern
const FY_ENTITY = '91330100470102706G';
const XH_ENTITY = '91330000733796106P';
const officer = (regionCode: string, agencyId: string): Caller => ({
  ...SYSTEM_CALLER,
  userId: 'u',
  role: 'officer',
  regionCode,
  agencyId,
});

before(async () => {
  await loadReference(store);
  await agency(store, 'AG-FY-ZHZF', FY, 'CLE');
  await agency(store, 'AG-FY-SCJG', FY, 'MKT');
  await agency(store, 'AG-XH-ZHZF', XH, 'CLE');
  await agency(store, 'AG-HS-ZHZF', HS, 'CLE');
  await store.copyIn(
    'entities',
    ['uscc', 'name', 'region_code'],
    [
      [FY_ENTITY, '富阳某创业酒坊', FY],
      [XH_ENTITY, '西湖某海鲜排档', XH],
    ],
  );
  await addUser(store, 'fy_sup', 'supervisor', FY);
  await addUser(store, 'hz_sup', 'supervisor', '330100');
  await addUser(store, 'fy_officer', 'officer', FY, 'AG-FY-ZHZF');
  // CLE-P022 in 富阳: twelve ordinary fines of the general tier (Hangzhou 500–1,000), a no-penalty decision.
  for (let i = 0; i < 12; i++)
    await caseRecord(store, {
      item_code: 'CLE-P022',
      tier: 'general',
      fine_amount: 600 + 15 * i,
      decided_on: `2025-0${1 + (i % 9)}-1${i % 10}`,
      facts: `执法人员在日常巡查中发现当事人将${i + 2}袋建筑装修垃圾倾倒在村道边空地。`,
    });
  await caseRecord(store, {
    id: 'FY-SEAFOOD',
    item_code: 'CLE-P022',
    first_offence: true,
    corrected: true,
    harm: 'none',
    decision: 'no_penalty',
    tier: 'exempt',
    fine_amount: null,
    decided_on: '2024-11-08',
    facts: '富阳区某村生活垃圾集置点外围发现随意倾倒的海鲜包装泡沫箱，当事人当场清理并承担清理费用。',
  });
  // The same scene in 西湖区, outside a 富阳 officer's scope.
  await caseRecord(store, {
    id: 'XH-SEAFOOD',
    region_code: XH,
    agency_id: 'AG-XH-ZHZF',
    entity_uscc: XH_ENTITY,
    item_code: 'CLE-P022',
    decision: 'no_penalty',
    tier: 'exempt',
    fine_amount: null,
    decided_on: '2025-06-01',
    facts: '西湖区某村生活垃圾集置点外围随意倾倒的海鲜包装泡沫箱，系海鲜排档所为，当场清理并承担清理费用。',
  });
  invalidateRealtimeState(store); // the rows above went behind the state's back
});

const fuyang = {
  item: 'CLE-P022',
  regionCode: FY,
  asOf: ASOF,
  facts: {
    firstOffence: true,
    corrected: true,
    harm: 'none' as const,
    cooperation: true,
    text: '2023年11月，富阳区某山村生活垃圾集置点外围发现随意倾倒的海鲜包装盒，经查系一创业酒坊因分类意识薄弱所致。当事人认错态度诚恳，当场清理垃圾、赔偿费用并签订清理协议。',
  },
  proposed: { decision: 'no_penalty' as const },
};

test('the Fuyang case from its facts: 不予处罚 under 行政处罚法 第三十三条 and the Hangzhou list entry; the regulation’s text is not held', async () => {
  const a = await assess(store, officer(FY, 'AG-FY-ZHZF'), fuyang);
  assert.equal(a.item.code, 'CLE-P022');
  assert.equal(a.tier.tier, 'exempt');
  assert.equal(a.recommendation.decision, 'no_penalty');
  assert.equal(a.exemption.status, 'applies');
  assert.deepEqual(
    a.exemption.entries.map((e) => [e.id, e.list?.title]),
    [['EX-330100-030', '杭州市综合行政执法轻微违法行为不予行政处罚清单']],
  );
  const art33 = a.exemption.citations.find((c) => c.regulationId === 'xingzheng-chufa-fa' && c.number === 33)!;
  assert.equal(art33.citation, '《中华人民共和国行政处罚法》第三十三条');
  assert.match(
    art33.text!,
    /^违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。初次违法且危害后果轻微并及时改正的，可以不予行政处罚。/,
  );
  assert.equal(a.law.violated!.title, '浙江省综合治水工作规定');
  assert.equal(a.law.violated!.held, false);
  assert.equal(a.law.violated!.text, null);
  assert.ok(a.notes.some((n) => n.includes('《浙江省综合治水工作规定》条文未收录，本系统不持有其文本')));
  assert.deepEqual([a.law.statutory.min, a.law.statutory.max], [200, 2000]);
  assert.equal(a.verdict!.review, false);
  // Found by the everyday words as well.
  assert.equal((await assess(store, officer(FY, 'AG-FY-ZHZF'), { ...fuyang, item: '乱丢海鲜包装盒' })).item.code, 'CLE-P022');
});

test('similar cases: the same scene first, why it is similar, shared terms marked, and nothing outside the caller’s scope', async () => {
  const fy = await assess(store, officer(FY, 'AG-FY-ZHZF'), fuyang);
  assert.equal(fy.similar[0].id, 'FY-SEAFOOD');
  assert.ok(fy.similar[0].why.includes('同一执法事项'));
  assert.ok(
    fy.similar[0].sharedTerms.includes('泡沫箱') || fy.similar[0].sharedTerms.some((x) => x.includes('海鲜')),
    fy.similar[0].sharedTerms.join(),
  );
  assert.ok(fy.similar[0].text.some((p) => p.hit && p.text.includes('海鲜')));
  assert.ok(
    fy.similar.every((s) => s.id !== 'XH-SEAFOOD'),
    'a 富阳 officer does not see 西湖区 cases',
  );
  const hz = await assess(store, { ...SYSTEM_CALLER, role: 'supervisor', regionCode: '330100' }, fuyang);
  assert.deepEqual(
    hz.similar.slice(0, 2).map((s) => s.id),
    ['FY-SEAFOOD', 'XH-SEAFOOD'],
  );
});

/** The tiers of CLE-P022's province baseline, in data/catalog. */
const provinceTiers = () =>
  new Map(
    readCatalog()
      .baselines.find((b) => b.id === 'BL-330000-CLE-P022')!
      .tiers.map((x) => [x.tier, x]),
  );

test('each tier from the facts (province baseline in 海曙区), with the condition that selected it', async () => {
  const tiers = provinceTiers();
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['exempt', { firstOffence: true, corrected: true, harm: 'none' }, 'exempt', /列入轻微违法不予处罚清单/],
    ['mitigated', { firstOffence: true, corrected: true, harm: 'minor' }, 'mitigated', /减轻情形/],
    ['lenient (first offence)', { firstOffence: true, corrected: false, harm: 'minor' }, 'lenient', /初次违法（从轻情形）/],
    ['lenient (corrected)', { firstOffence: false, corrected: true, harm: 'minor' }, 'lenient', /及时改正（从轻情形）/],
    ['general', { firstOffence: false, corrected: false, harm: 'minor' }, 'general', /一般情形/],
    ['severe (harm)', { firstOffence: true, corrected: true, harm: 'serious' }, 'severe', /较大危害后果/],
    [
      'severe (again within a year)',
      { firstOffence: false, corrected: true, harm: 'minor', repeatWithinMonths: 8 },
      'severe',
      /一年内因同一违法行为/,
    ],
  ];
  // CLE-P022 is on Hangzhou's list only: in 海曙区 first offence, corrected, no harm is not exempt.
  const hs = (facts: Record<string, unknown>) => assess(store, SYSTEM_CALLER, { item: 'CLE-P022', regionCode: HS, asOf: ASOF, facts });
  assert.equal((await hs({ firstOffence: true, corrected: true, harm: 'none' })).tier.tier, 'mitigated');
  for (const [label, facts, tier, condition] of cases) {
    const a =
      label === 'exempt' ? await assess(store, SYSTEM_CALLER, { item: 'CLE-P022', regionCode: FY, asOf: ASOF, facts }) : await hs(facts);
    assert.equal(a.tier.tier, tier, label);
    assert.match(a.tier.condition, condition, label);
    if (tier !== 'exempt') {
      assert.equal(a.baseline!.id, 'BL-330000-CLE-P022', label);
      assert.deepEqual([a.tier.min, a.tier.max], [tiers.get(tier as 'general')!.fine_min, tiers.get(tier as 'general')!.fine_max], label);
    }
  }
});

test('a city refinement replaces the province’s baseline, never merged: 富阳 reads Hangzhou’s tiers', async () => {
  const facts = { firstOffence: false, corrected: false, harm: 'minor' as const };
  const general = (regionCode: string, fine: number) =>
    assess(store, SYSTEM_CALLER, { item: 'CLE-P022', regionCode, asOf: ASOF, facts, proposed: { decision: 'fine', fine } });
  const fy = await general(FY, 1200);
  assert.equal(fy.baseline!.id, 'BL-330100-CLE-P022');
  assert.equal(fy.baseline!.level, 'city');
  assert.deepEqual(
    fy.baseline!.replaces.map((b) => b.id),
    ['BL-330000-CLE-P022'],
  );
  assert.deepEqual([fy.tier.min, fy.tier.max], [500, 1000]); // the province's general tier is 700–1,500; their union 500–1,500
  // 1,200 yuan: inside the province's tier and the union, above Hangzhou's.
  assert.equal(fy.verdict!.position, 'above');
  assert.equal(fy.verdict!.review, true);
  const hs = await general(HS, 1200);
  assert.deepEqual([hs.tier.min, hs.tier.max], [700, 1500]);
  assert.equal(hs.verdict!.position, 'inside');
  // 600 yuan: below the province's tier, inside Hangzhou's.
  assert.equal((await general(FY, 600)).verdict!.position, 'inside');
  assert.equal((await general(HS, 600)).verdict!.position, 'below');
});

/** One session per user (logins are rate-limited). */
const sessions = new Map<string, Promise<string>>();
const session = (user: string) => sessions.get(user) ?? sessions.set(user, login(app, user)).get(user)!;

/** The error an assessment throws for a body (through the API: status, code, field). */
async function apiError(body: unknown, user = 'hz_sup'): Promise<{ status: number; code: string; field?: string; message: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/navigator/assess',
    headers: { cookie: await session(user) },
    payload: body as object,
  });
  const e = res.json().error;
  return { status: res.statusCode, code: e?.code, field: e?.field, message: e?.message };
}

test('bad input: a clear Chinese error naming the field, never a 500', async () => {
  const base = { item: 'CLE-P022', regionCode: FY, asOf: ASOF, facts: { firstOffence: false, corrected: false, harm: 'minor' } };
  const cases: [string, unknown, number, string, RegExp][] = [
    ['unknown item', { ...base, item: '开飞机不系安全带' }, 404, 'item', /未找到与“开飞机不系安全带”对应的处罚事项/],
    ['an item for two acts', { ...base, item: '乱倒垃圾' }, 400, 'item', /对应多个处罚事项.*CLE-P014.*CLE-P022/],
    ['not a penalty item', { ...base, item: 'MKT-L001' }, 400, 'item', /不是行政处罚事项/],
    [
      'no harm with a loss',
      { ...base, facts: { ...base.facts, harm: 'none', lossAmount: 800 } },
      400,
      'facts.lossAmount',
      /矛盾.*未造成危害后果.*造成损失800元/,
    ],
    [
      'first offence and a repeat',
      { ...base, facts: { ...base.facts, firstOffence: true, repeatWithinMonths: 6 } },
      400,
      'facts.repeatWithinMonths',
      /矛盾/,
    ],
    ['a negative fine', { ...base, proposed: { decision: 'fine', fine: -500 } }, 400, 'proposed.fine', /不能为负数/],
    ['an absurd fine', { ...base, proposed: { decision: 'fine', fine: 1e12 } }, 400, 'proposed.fine', /数额不合理/],
    ['a fine of a tenth of a cent', { ...base, proposed: { decision: 'fine', fine: 500.001 } }, 400, 'proposed.fine', /两位小数/],
    ['a fine without an amount', { ...base, proposed: { decision: 'fine' } }, 400, 'proposed.fine', /请填写罚款数额/],
    ['harm unknown', { ...base, facts: { ...base.facts, harm: 'huge' } }, 400, 'facts.harm', /危害后果须为/],
    ['facts missing', { item: 'CLE-P022', regionCode: FY }, 400, 'facts', /请填写案件事实/],
    ['a bad date', { ...base, asOf: '2025-02-30' }, 400, 'asOf', /YYYY-MM-DD/],
    ['an unknown region', { ...base, regionCode: '339999' }, 400, 'regionCode', /未知区划/],
    ['a region outside the jurisdiction', { ...base, regionCode: '330203' }, 403, 'regionCode', /不在您的管辖范围内/],
  ];
  for (const [label, body, status, field, message] of cases) {
    const e = await apiError(body);
    assert.equal(e.status, status, `${label}: ${JSON.stringify(e)}`);
    if (field) assert.equal(e.field, field, label);
    assert.match(e.message, message, label);
  }
  // A null is an absence, not a zero: no loss, no earlier penalty.
  const nulls = await app.inject({
    method: 'POST',
    url: '/api/v1/navigator/assess',
    headers: { cookie: await session('hz_sup') },
    payload: {
      ...base,
      facts: { firstOffence: true, corrected: true, harm: 'none', lossAmount: null, repeatWithinMonths: null, illegalGains: null },
    },
  });
  assert.equal(nulls.statusCode, 200, nulls.body);
  assert.equal(nulls.json().tier.tier, 'exempt');
  // The function says the same to its other callers (CLI, assistant).
  await assert.rejects(
    assess(store, SYSTEM_CALLER, { ...base, facts: { ...base.facts, harm: 'none', lossAmount: 1 } }),
    (e: unknown) => e instanceof NavigatorError && e.field === 'facts.lossAmount',
  );
});

test('the history: counts, quartiles, IQR and MAD equal SQL over the same rows, in the region and province-wide; too few says so', async () => {
  const fines = [10000, 12000, 15000, 15000, 18000, 22000, 25000, 30000, 41000, 52000, 60000, 75000, 12500, 33000, 47000];
  for (const [i, fine] of fines.entries())
    await caseRecord(store, {
      item_code: 'MKT-P001',
      agency_id: 'AG-FY-SCJG',
      region_code: i % 4 === 0 ? XH : FY,
      decided_on: `2025-${String(1 + (i % 11)).padStart(2, '0')}-15`,
      fine_amount: fine,
    });
  await caseRecord(store, {
    item_code: 'MKT-P001',
    agency_id: 'AG-FY-SCJG',
    decision: 'no_penalty',
    tier: 'exempt',
    fine_amount: null,
    decided_on: '2025-06-01',
  });
  await caseRecord(store, {
    item_code: 'MKT-P001',
    agency_id: 'AG-FY-SCJG',
    decision: 'warning',
    tier: 'mitigated',
    fine_amount: null,
    decided_on: '2025-06-02',
  });
  await caseRecord(store, { item_code: 'MKT-P001', agency_id: 'AG-FY-SCJG', fine_amount: 400000, decided_on: '2023-06-01' }); // before the window
  await caseRecord(store, {
    item_code: 'MKT-P001',
    agency_id: 'AG-FY-SCJG',
    decided_on: null,
    decision: null,
    tier: null,
    fine_amount: null,
    status: 'open',
  });
  invalidateRealtimeState(store);
  const a = await assess(store, SYSTEM_CALLER, {
    item: '无照经营',
    regionCode: FY,
    asOf: ASOF,
    facts: { firstOffence: false, corrected: false, harm: 'minor' },
  });
  assert.equal(a.item.code, 'MKT-P001');
  const q = (p: number) =>
    TEST_ENGINE === 'postgres' ? `percentile_cont(${p}) WITHIN GROUP (ORDER BY fine_amount)` : `quantile_cont(fine_amount, ${p})`;
  const inWindow = `item_code = 'MKT-P001' AND decided_on > CAST('2024-01-01' AS DATE) AND decided_on <= CAST('${ASOF}' AS DATE)`;
  for (const [h, region] of [
    [a.history.region, FY],
    [a.history.province, '33'],
  ] as const) {
    const where = `${inWindow} AND region_code LIKE '${region}%'`;
    const [sqlStats] = await store.query<Record<string, number>>(`
      SELECT count(*) AS decisions, sum(CASE WHEN decision = 'no_penalty' THEN 1 ELSE 0 END) AS no_penalty,
        sum(CASE WHEN decision = 'warning' THEN 1 ELSE 0 END) AS warnings
      FROM cases WHERE ${where} AND decision IS NOT NULL`);
    const [spread] = await store.query<Record<string, number>>(`
      SELECT count(*) AS n, min(fine_amount) AS lo, max(fine_amount) AS hi, ${q(0.25)} AS q1, ${q(0.5)} AS median, ${q(0.75)} AS q3
      FROM cases WHERE ${where} AND decision = 'fine' AND fine_amount > 0`);
    const deviation = TEST_ENGINE === 'postgres' ? 'percentile_cont(0.5) WITHIN GROUP (ORDER BY d)' : 'quantile_cont(d, 0.5)';
    const [mad] = await store.query<{ mad: number }>(`
      SELECT ${deviation} AS mad FROM (SELECT abs(fine_amount - ${Number(spread.median)}) AS d FROM cases WHERE ${where} AND decision = 'fine' AND fine_amount > 0) x`);
    assert.equal(h.decisions, Number(sqlStats.decisions), `${region} decisions`);
    assert.equal(h.noPenalty, Number(sqlStats.no_penalty));
    assert.equal(h.warnings, Number(sqlStats.warnings));
    assert.equal(h.fined, Number(spread.n));
    assert.deepEqual(
      [h.fines!.count, h.fines!.min, h.fines!.q1, h.fines!.median, h.fines!.q3, h.fines!.max, h.fines!.iqr, h.fines!.mad],
      [spread.n, spread.lo, spread.q1, spread.median, spread.q3, spread.hi, spread.q3 - spread.q1, mad.mad].map(Number),
      region,
    );
  }
  assert.ok(a.history.province.fines!.count > a.history.region.fines!.count);
  // 西湖区 alone has four fines of the item: fewer than the ten a median needs.
  const xh = await assess(store, SYSTEM_CALLER, {
    item: 'MKT-P001',
    regionCode: XH,
    asOf: ASOF,
    facts: { firstOffence: false, corrected: false, harm: 'minor' },
  });
  assert.equal(xh.history.region.fined, 4);
  assert.equal(xh.history.region.tooFew, true);
  assert.equal(xh.history.region.fines, null);
});

test('item search: code, name, everyday words of the one synonym list, which names every penalty item', async () => {
  const ref = await navReference(store);
  const find = (q: string) => searchItems(ref.penaltyItems, ref.synonyms, ref.lineNames, q);
  assert.equal(find('无照经营')[0].code, 'MKT-P001');
  assert.equal(find('无照经营')[0].matchedBy, 'synonym');
  assert.equal(find('cle-p014')[0].code, 'CLE-P014');
  assert.equal(find('有人在马路上摆摊卖水果')[0].code, 'CLE-P003');
  assert.deepEqual(
    find('乱倒垃圾')
      .slice(0, 2)
      .map((m) => m.code)
      .sort(),
    ['CLE-P014', 'CLE-P022'],
  );
  // One list for the navigator and the assistant: every penalty item has its everyday words there.
  const words = wordsByItem(shippedSynonyms());
  assert.deepEqual(
    ref.penaltyItems.filter((i) => !words.get(i.code)?.length).map((i) => i.code),
    [],
  );
  assert.equal(find('黑店')[0].code, 'MKT-P001');
});

test('执法精灵 on a case: its assessment, similar cases without itself, articles, the procedure due with deadlines; another county’s case is not found', async () => {
  const id = await caseRecord(store, {
    item_code: 'CLE-P022',
    filed_on: '2025-12-01',
    decided_on: '2025-12-10',
    decision: 'fine',
    tier: 'general',
    fine_amount: 800,
    facts: '当事人将6袋建筑装修垃圾倾倒在村道边空地，未及时清理。',
  });
  invalidateRealtimeState(store);
  const cookie = await session('fy_officer');
  const res = await app.inject({ method: 'GET', url: `/api/v1/navigator/cases/${id}`, headers: { cookie } });
  assert.equal(res.statusCode, 200, res.body);
  const g = res.json() as {
    assessment: AssessResult;
    procedure: { key: string; dueOn: string | null; status: string; basis: { citation: string } }[];
  };
  assert.equal(g.assessment.tier.tier, 'general');
  assert.equal(g.assessment.verdict!.position, 'inside');
  assert.ok(g.assessment.similar.length > 0 && g.assessment.similar.every((s) => s.id !== id));
  const step = new Map(g.procedure.map((s) => [s.key, s]));
  assert.equal(step.get('decision')!.dueOn, '2026-03-01'); // 90 days from filing (PEN_OVERDUE)
  assert.equal(step.get('decision')!.status, 'done');
  assert.equal(step.get('delivery')!.dueOn, '2025-12-17'); // 7 days from the decision (PEN_DELIVERY_LATE)
  assert.equal(step.get('delivery')!.status, 'overdue'); // nothing delivered by the demo's day
  assert.equal(step.get('delivery')!.basis.citation, '《中华人民共和国行政处罚法》第六十一条');
  const other = await app.inject({ method: 'GET', url: '/api/v1/navigator/cases/XH-SEAFOOD', headers: { cookie } });
  assert.equal(other.statusCode, 404);
});

test('real time: a decision pushed through the ingestion API is judged by the same rules, raises its clue and lands on the 待复核 list', async () => {
  const cookie = await session('hz_sup');
  // Every hit opens a clue here: the review list reads open clues, whatever the file's risk score.
  await everyHitAClue(store);
  // The index and the state are loaded first (as on a running server); the pushed cases must reach both.
  await assess(store, SYSTEM_CALLER, fuyang);
  // A first offence selects the lenient tier (Hangzhou: 200–500), which 1,200 leaves; the general tier is
  // 500–1,000, and 1,000 stays inside it but lies far from its peers (600–765).
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/cases',
    headers: { cookie },
    payload: {
      sourceSystem: 'fy-zhzf',
      records: [
        pushedCase('RT-ABOVE', {
          first_offence: '是',
          tier: 'lenient',
          fine_amount: '1200',
          facts: '当事人用三轮车将酿酒剩下的酒糟倾倒在溪边空地。',
        }),
        pushedCase('RT-FAR', { fine_amount: '1000', facts: '当事人将装修垃圾倾倒在村道边空地。' }),
      ],
    },
  });
  assert.equal(res.statusCode, 200, res.body);
  // (The pushed records raise other models' hits too: no delivery yet, officers without certificates here.)
  assert.ok(res.json().realtime.newHits >= 2);
  const above = recordId('cases', 'fy-zhzf', 'RT-ABOVE');
  const far = recordId('cases', 'fy-zhzf', 'RT-FAR');
  // Each flag is a hit on its case, filed into the entity's clue (src/models/triage).
  const hits = await store.query<{ model_code: string; subject_id: string; clue_id: string | null }>(
    `SELECT model_code, subject_id, clue_id FROM model_hits WHERE model_code IN ('PEN_OUT_OF_TIER', 'PEN_DEVIATION')`,
  );
  assert.deepEqual(
    hits.map((h) => [h.model_code, h.subject_id]).sort(),
    [
      ['PEN_DEVIATION', far],
      ['PEN_OUT_OF_TIER', above],
    ].sort(),
  );
  assert.ok(hits.every((h) => h.clue_id !== null));
  // The navigator says the same of the same decision before it is made.
  const facts = { firstOffence: false, corrected: false, harm: 'minor' as const };
  const verdict = (fine: number, first = false) =>
    assess(store, SYSTEM_CALLER, {
      item: 'CLE-P022',
      regionCode: FY,
      asOf: ASOF,
      facts: { ...facts, firstOffence: first },
      proposed: { decision: 'fine', fine },
    });
  const v1 = (await verdict(1200, true)).verdict!;
  assert.equal(v1.position, 'above');
  const v2 = (await verdict(1000)).verdict!;
  assert.equal(v2.position, 'inside');
  assert.ok(v2.robustZ! > v2.zThreshold && v2.review, JSON.stringify(v2));
  // The supervisors' list; an officer has none.
  const list = await app.inject({ method: 'GET', url: '/api/v1/navigator/review', headers: { cookie: await session('fy_sup') } });
  assert.equal(list.statusCode, 200, list.body);
  const rows = list.json().rows as { caseId: string; reasons: { modelCode: string }[] }[];
  assert.deepEqual(
    rows.map((r) => [r.caseId, r.reasons.map((x) => x.modelCode).sort()]).sort(),
    [
      [above, ['PEN_OUT_OF_TIER']],
      [far, ['PEN_DEVIATION']],
    ].sort(),
  );
  const officerList = await app.inject({
    method: 'GET',
    url: '/api/v1/navigator/review',
    headers: { cookie: await session('fy_officer') },
  });
  assert.equal(officerList.statusCode, 403);
  // The pushed case is a similar case at once: the index learnt it as it landed.
  const a = await assess(store, SYSTEM_CALLER, { ...fuyang, facts: { ...facts, text: '用三轮车把酒糟倒在溪边' } });
  assert.equal(a.similar[0].id, above);
});
