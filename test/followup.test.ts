// Follow-up campaigns end to end through the API, on a hand-built world of two counties with several
// agencies each: the audited, reproducible draw (双随机), quotas, the no-repeat window, 差异访's rules,
// the survey token rules, call lists and scripts, outcomes through the import, the 20 % second-call
// draw, the clues the answers raise, jurisdiction, reports and the duty list. Both engines.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import JSZip from 'jszip';
import QRCode from 'qrcode';
import { parse } from 'csv-parse/sync';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { everyHitAClue, login, quietEnvironment, today } from './helpers/clues.ts';
import { agency, caseRecord, inspection, serviceVisit } from './helpers/records.ts';
import { CallCentreStandIn } from './helpers/call-centre.ts';
import { buildApp } from '../src/api/app.ts';
import { computeDraw } from '../src/followup/selection.ts';
import { getCampaign } from '../src/followup/campaigns.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { verifyAuditLog } from '../src/audit/audit-log.ts';
import { addDays } from '../src/domain/dates.ts';
import { sql } from '../src/store/sql.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};
const FY = ['AG-FY-ZHZF', 'AG-A', 'AG-B', 'AG-C'];
const uscc = (i: number) => `9133011100000${String(i).padStart(4, '0')}X`;

before(async () => {
  await seedTwoCounties(store);
  // These cases follow each collision into the clue loop: every hit opens its clue, whatever its score.
  await everyHitAClue(store);
  for (const id of ['AG-A', 'AG-B', 'AG-C']) await agency(store, id);
  await agency(store, 'AG-XH-B', '330106', 'MKT');
  // 富阳: 48 entities, one inspection each in June 2025 spread over four agencies; 12 of them a second one.
  const entities: [string, string, string, string][] = [];
  for (let i = 0; i < 48; i++) {
    entities.push([uscc(i), `富阳测试企业${i}`, '330111', `1380000${String(i).padStart(4, '0')}`]);
    await inspection(store, {
      id: `IN-FY-${i}`,
      entity_uscc: uscc(i),
      agency_id: FY[i % 4],
      inspected_on: `2025-06-${String(1 + (i % 28)).padStart(2, '0')}`,
    });
    if (i < 12)
      await inspection(store, {
        id: `IN-FY-B${i}`,
        entity_uscc: uscc(i),
        agency_id: FY[(i + 1) % 4],
        inspected_on: `2025-06-${String(1 + (i % 28)).padStart(2, '0')}`,
      });
  }
  await store.copyIn('entities', ['uscc', 'name', 'region_code', 'phone'], entities);
  // Cases decided in June: heavy fines, small fines and warnings.
  for (let i = 0; i < 10; i++) {
    await caseRecord(store, {
      id: `CS-FY-${i}`,
      entity_uscc: uscc(i),
      agency_id: FY[i % 2],
      decided_on: '2025-06-15',
      decision: i < 3 ? 'fine' : i < 6 ? 'warning' : 'fine',
      fine_amount: i < 3 ? 20000 + i : i < 6 ? null : 800,
      tier: i < 6 && i >= 3 ? 'lenient' : 'general',
    });
  }
  for (let i = 0; i < 6; i++)
    await serviceVisit(store, {
      id: `SV-FY-${i}`,
      entity_uscc: uscc(20 + i),
      agency_id: FY[i % 4],
      visited_on: '2025-06-10',
      topic: '惠企政策宣讲',
    });
  // 西湖: a few inspections of its own.
  for (let i = 0; i < 6; i++)
    await inspection(store, {
      id: `IN-XH-${i}`,
      region_code: '330106',
      agency_id: 'AG-XH-B',
      entity_uscc: `91330106000000${i}00X`,
      inspected_on: '2025-06-05',
    });
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  await addUser(store, 'fy_sup2', 'supervisor', '330111');
  await addUser(store, 'xh_sup', 'supervisor', '330106');
  await addUser(store, 'fy_staff', 'agency_staff', '330111', 'AG-FY-ZHZF');
  await addUser(store, 'root', 'admin', '330000');
  app = await buildApp({ store });
  for (const u of ['fy_sup', 'xh_sup', 'fy_staff', 'root']) cookies[u] = await login(app, u);
});
after(async () => {
  await app.close();
  await t.close();
});

const call = (user: string, method: 'GET' | 'POST', url: string, payload?: unknown) =>
  app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[user] }, payload: payload as Record<string, unknown> });

async function campaign(user: string, body: Record<string, unknown>): Promise<string> {
  const res = await call(user, 'POST', '/followup/campaigns', {
    name: '测试回访',
    regionCode: '330111',
    subjectKind: 'inspection',
    method: 'random',
    periodFrom: '2025-06-01',
    periodTo: '2025-06-30',
    ...body,
  });
  assert.equal(res.statusCode, 201, res.body);
  return res.json<{ campaign: { id: string } }>().campaign.id;
}
const draw = async (id: string, seed?: string) => {
  const res = await call('fy_sup', 'POST', `/followup/campaigns/${id}/draw`, seed ? { seed } : {});
  assert.equal(res.statusCode, 200, res.body);
  return res.json<{ seed: string; selected: number; candidates: number; excludedRecent: number; byRule: Record<string, number> }>();
};
const tasksOf = (id: string) =>
  store.query<{
    id: string;
    subject_id: string;
    entity_uscc: string;
    agency_id: string;
    asker_id: string | null;
    rule: string;
    rule_detail: string;
    region_code: string;
  }>(
    sql`SELECT id, subject_id, entity_uscc, agency_id, asker_id, rule, rule_detail, region_code FROM followup_tasks WHERE campaign_id = ${id} ORDER BY subject_id`,
  );

test('双随机: the sample and the askers come from the stored seed; a re-draw gives the same; the draw is audited', async () => {
  const id = await campaign('fy_sup', { settings: { sampleSize: 10, quotaPerAgency: 10, noRepeatDays: 0 } });
  const d = await draw(id, 'seed-for-test-1');
  assert.equal(d.selected, 10);
  assert.equal(d.candidates, 60);
  const tasks = await tasksOf(id);
  assert.equal(new Set(tasks.map((x) => x.entity_uscc)).size, 10, 'one task per enterprise');
  assert.ok(tasks.every((x) => x.region_code === '330111' && x.rule === 'random'));
  // The two 富阳 supervisors ask, dealt out evenly.
  const askers = tasks.map((x) => x.asker_id);
  assert.equal(new Set(askers).size, 2);
  assert.equal(askers.filter((a) => a === askers[0]).length, 5);
  const v = await call('fy_sup', 'GET', `/followup/campaigns/${id}/verify`);
  assert.deepEqual((({ same, sameCandidates, missing, extra }) => ({ same, sameCandidates, missing, extra }))(v.json()), {
    same: true,
    sameCandidates: true,
    missing: [],
    extra: [],
  });
  // The sample depends on the seed and the eligible records only: drawn again, the same; another seed, another sample.
  const c = await getCampaign(store, SYSTEM_CALLER, id);
  const again = await computeDraw(store, { ...c, mode: 'random' }, 'seed-for-test-1', c.drawn_at!);
  assert.deepEqual(again.picks.map((p) => p.record.id).sort(), tasks.map((x) => x.subject_id).sort());
  const other = await computeDraw(store, c, 'another-seed-0', c.drawn_at!);
  assert.notDeepEqual(other.picks.map((p) => p.record.id).sort(), tasks.map((x) => x.subject_id).sort());
  // A tampered sample is found by the re-draw.
  await store.exec(sql`UPDATE followup_tasks SET subject_id = 'IN-XH-0' WHERE id = ${tasks[0].id}`);
  const tampered = (await call('fy_sup', 'GET', `/followup/campaigns/${id}/verify`)).json<{ same: boolean; missing: string[] }>();
  assert.equal(tampered.same, false);
  assert.deepEqual(tampered.missing, ['IN-XH-0']);
  await store.exec(sql`UPDATE followup_tasks SET subject_id = ${tasks[0].subject_id} WHERE id = ${tasks[0].id}`);
  const [entry] = await store.query<{ detail: string }>(
    sql`SELECT detail FROM audit_log WHERE action = 'followup.draw' AND target = ${id}`,
  );
  assert.equal(JSON.parse(entry.detail).seed, 'seed-for-test-1');
  assert.equal((await call('fy_sup', 'POST', `/followup/campaigns/${id}/draw`, {})).statusCode, 409, 'a campaign is drawn once');
  assert.ok((await verifyAuditLog(store)).ok);
});

test('quotas cap the records of one agency; no enterprise is asked again within the no-repeat window', async () => {
  const id = await campaign('fy_sup', { settings: { sampleSize: 100, quotaPerAgency: 3, noRepeatDays: 0 } });
  await draw(id);
  const tasks = await tasksOf(id);
  const per = new Map<string, number>();
  for (const x of tasks) per.set(x.agency_id, (per.get(x.agency_id) ?? 0) + 1);
  assert.deepEqual([...per.values()], [3, 3, 3, 3]);
  // A campaign drawn now with a 30-day window leaves out the enterprises just asked; with 0 days it does not.
  const asked = new Set(tasks.map((x) => x.entity_uscc));
  const windowed = await campaign('fy_sup', { settings: { sampleSize: 100, quotaPerAgency: 100, noRepeatDays: 30 } });
  const w = await draw(windowed);
  const wTasks = await tasksOf(windowed);
  assert.ok(w.excludedRecent >= 12);
  assert.ok(
    wTasks.every((x) => !asked.has(x.entity_uscc)),
    'no enterprise asked again within 30 days',
  );
  const open = await campaign('fy_sup', { settings: { sampleSize: 100, quotaPerAgency: 100, noRepeatDays: 0 } });
  await draw(open);
  assert.ok((await tasksOf(open)).some((x) => asked.has(x.entity_uscc)));
});

test('差异访: each selected record names the rule that chose it and why', async () => {
  const id = await campaign('fy_sup', {
    subjectKind: 'case',
    method: 'targeted',
    settings: { sampleSize: 50, quotaPerAgency: 50, noRepeatDays: 0, rules: ['heavy_fine'] },
  });
  const d = await draw(id);
  assert.deepEqual(d.byRule, { heavy_fine: 3 });
  const tasks = await tasksOf(id);
  assert.deepEqual(
    tasks.map((x) => x.subject_id),
    ['CS-FY-0', 'CS-FY-1', 'CS-FY-2'],
  );
  assert.match(tasks[0].rule_detail, /^大额罚款：罚款20,000元，不低于10,000元$/);
  const rep = await campaign('fy_sup', {
    method: 'targeted',
    settings: { sampleSize: 50, quotaPerAgency: 50, noRepeatDays: 0, rules: ['repeat_inspection'] },
  });
  await draw(rep);
  const rt = await tasksOf(rep);
  assert.equal(rt.length, 12, 'the twelve entities inspected twice');
  assert.ok(rt.every((x) => x.rule === 'repeat_inspection' && /^重复检查：2次检查（30天内）$/.test(x.rule_detail)));
});

test('campaigns are checked field by field and kept to the jurisdiction', async () => {
  const bad = await call('fy_sup', 'POST', '/followup/campaigns', {
    name: 'x',
    regionCode: '330111',
    subjectKind: 'inspection',
    method: 'random',
    periodFrom: '2025-06-31',
    periodTo: '2025-06-30',
  });
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'periodFrom');
  const q = await call('fy_sup', 'POST', '/followup/campaigns', {
    name: 'x',
    regionCode: '330111',
    subjectKind: 'inspection',
    method: 'random',
    periodFrom: '2025-06-01',
    periodTo: '2025-06-30',
    settings: { quotaPerAgency: 0 },
  });
  assert.equal(q.json().error.field, 'settings.quotaPerAgency');
  assert.equal(
    (
      await call('fy_sup', 'POST', '/followup/campaigns', {
        name: 'x',
        regionCode: '330106',
        subjectKind: 'inspection',
        method: 'random',
        periodFrom: '2025-06-01',
        periodTo: '2025-06-30',
      })
    ).statusCode,
    403,
  );
  assert.equal(
    (
      await call('fy_staff', 'POST', '/followup/campaigns', {
        name: 'x',
        regionCode: '330111',
        subjectKind: 'inspection',
        method: 'random',
        periodFrom: '2025-06-01',
        periodTo: '2025-06-30',
      })
    ).statusCode,
    403,
  );
  const id = await campaign('fy_sup', {});
  assert.equal((await call('xh_sup', 'GET', `/followup/campaigns/${id}`)).statusCode, 403, 'another county’s supervisor');
  const list = (await call('xh_sup', 'GET', '/followup/campaigns')).json<{ rows: { id: string }[] }>();
  assert.ok(!list.rows.some((r) => r.id === id));
});

test('the call list: a script from the record, phones masked for supervisors, CSV with BOM', async () => {
  const id = await campaign('fy_sup', { settings: { sampleSize: 4, quotaPerAgency: 10, noRepeatDays: 0 } });
  await draw(id);
  const res = await call('fy_sup', 'GET', `/followup/campaigns/${id}/call-list`);
  const rows = res.json<{
    rows: {
      taskId: string;
      phone: string;
      entityName: string;
      agencyName: string;
      date: string;
      script: { opening: string; steps: { say: string; branch: string | null }[] };
    }[];
  }>().rows;
  assert.equal(rows.length, 4);
  const r = rows[0];
  assert.match(r.phone, /^138\*{4}\d{4}$/);
  // The date and the matter come from the case the task follows (an empty date would pass the check below).
  for (const x of rows) assert.match(x.date, /^\d{4}-\d{2}-\d{2}$/, x.taskId);
  assert.ok(r.script.opening.includes(r.entityName) && r.script.opening.includes(r.agencyName) && r.script.opening.includes(r.date));
  assert.match(r.script.steps[1].branch!, /^仅当第1题答“是”时询问$/);
  const admin = (await call('root', 'GET', `/followup/campaigns/${id}/call-list`)).json<{ rows: { phone: string }[] }>();
  assert.match(admin.rows[0].phone, /^1380000\d{4}$/, 'the integration account dials the full number');
  const csv = await call('fy_sup', 'GET', `/followup/campaigns/${id}/call-list.csv`);
  assert.match(csv.headers['content-type'] as string, /text\/csv/);
  assert.ok(csv.body.startsWith('\uFEFF回访任务编号,区划代码,企业名称'));
  const records = parse(csv.body.slice(1), { bom: false }) as string[][];
  assert.equal(records.length, 5, 'the header and one record per call');
  assert.ok(
    records[1][11].startsWith('您好，这里是富阳区司法局行政执法监督回访') && records[1][11].includes(records[1][2]),
    'the script names the enterprise',
  );
  assert.ok(!csv.body.includes('13800000'), 'no full phone number in the supervisor’s file');
});

async function cloudCampaign(): Promise<{ id: string; links: { taskId: string; link: string }[] }> {
  const id = await campaign('fy_sup', {
    method: 'cloud',
    subjectKind: 'service_visit',
    settings: { quotaPerAgency: 100, noRepeatDays: 0, invitationDays: 14 },
  });
  await draw(id);
  const links = (await call('fy_sup', 'GET', `/followup/campaigns/${id}/invitations`)).json<{ rows: { taskId: string; link: string }[] }>()
    .rows;
  return { id, links };
}
const tokenOf = (link: string) => new URL(link).searchParams.get('t')!;
const survey = (campaignId: string, token: string, answers: Record<string, string>, ip = '10.9.0.1') =>
  app.inject({ method: 'POST', url: `/api/v1/survey/${campaignId}`, payload: { token, answers }, remoteAddress: ip });

test('云调研: one signed link per enterprise; the survey refuses forged, reused, expired and other campaigns’ tokens', async () => {
  const { id, links } = await cloudCampaign();
  assert.equal(links.length, 6);
  const [a, b, c] = links;
  const page = await app.inject({ method: 'GET', url: `/api/v1/survey/${id}?t=${encodeURIComponent(tokenOf(a.link))}` });
  assert.equal(page.statusCode, 200, page.body);
  const body = page.json<{ questions: { id: string; text: string }[]; agencyName: string }>();
  assert.match(body.questions[0].text, /^2025-06-10到贵单位的上门服务，实际是服务还是检查？$/);
  assert.ok(!page.body.includes('1380000'), 'no personal data on the public page');
  const qr = await call('fy_sup', 'GET', `/followup/campaigns/${id}/invitations/${a.taskId}/qr.svg`);
  assert.equal(qr.body, await QRCode.toString(a.link, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 }));

  const ok = { q_kind: '服务', q_helpful: '是', q_sat: '5' };
  const forged = tokenOf(a.link).slice(0, -2) + (tokenOf(a.link).endsWith('AA') ? 'BB' : 'AA');
  const refusals: [string, string, string][] = [
    ['forged', forged, '问卷链接无效'],
    ['nonsense', 'abc', '问卷链接无效'],
  ];
  for (const [what, token, message] of refusals) {
    const r = await survey(id, token, ok);
    assert.equal(r.statusCode, 400, what);
    assert.match(r.json().error.message, new RegExp(message), what);
    assert.equal(r.json().error.field, 'token');
  }
  const other = await cloudCampaign();
  const wrong = await survey(id, tokenOf(other.links[0].link), ok);
  assert.match(wrong.json().error.message, /不属于本次回访问卷/);
  const bad = await survey(id, tokenOf(a.link), { q_kind: '不知道' });
  assert.equal(bad.json().error.field, 'answers.q_kind');
  const first = await survey(id, tokenOf(a.link), ok);
  assert.equal(first.statusCode, 201, first.body);
  const again = await survey(id, tokenOf(a.link), ok);
  assert.match(again.json().error.message, /已提交过/);
  // Expired: the invitation's time is up (its stored expiry; the token's own expiry is checked too).
  await store.exec(
    sql`UPDATE followup_invitations SET expires_at = ${new Date(Date.now() - 1000).toISOString()} WHERE task_id = ${b.taskId}`,
  );
  assert.match((await survey(id, tokenOf(b.link), ok)).json().error.message, /已过期/);
  // The answer landed at once: stored, analysed, the task answered.
  const [task] = await store.query<{ status: string }>(sql`SELECT status FROM followup_tasks WHERE id = ${a.taskId}`);
  assert.equal(task.status, 'answered');
  const [an] = await store.query<{ satisfaction: string }>(
    sql`SELECT x.satisfaction FROM followup_analyses x JOIN followup_answers a ON a.id = x.answer_id WHERE a.task_id = ${a.taskId}`,
  );
  assert.equal(an.satisfaction, 'satisfied');
  // A "service" the enterprise calls an inspection raises 假服务真检查 at once.
  assert.equal((await survey(id, tokenOf(c.link), { q_kind: '检查', q_sat: '2' })).statusCode, 201);
  const clues = await store.query<{ model_code: string; explanation: string }>(
    sql`SELECT model_code, explanation FROM clues WHERE model_code = 'INS_FAKE_SERVICE'`,
  );
  assert.equal(clues.length, 1);
});

test('the survey is rate-limited per address', async () => {
  const { id } = await cloudCampaign();
  let last = 0;
  for (let i = 0; i < 12; i++) last = (await survey(id, 'x.y', { q_kind: '服务' }, '10.9.9.9')).statusCode;
  assert.equal(last, 429);
});

async function phoneCampaign(kind: string, n: number, extra: Record<string, unknown> = {}) {
  const id = await campaign('fy_sup', { subjectKind: kind, settings: { sampleSize: n, quotaPerAgency: 100, noRepeatDays: 0, ...extra } });
  await draw(id);
  return { id, tasks: await tasksOf(id) };
}
const outcomes = (user: string, records: Record<string, unknown>[], sourceSystem = 'call-centre') =>
  call(user, 'POST', '/followup/outcomes', { sourceSystem, outcomes: records });

test('the human second call: exactly 20 % of reached AI calls, drawn by the campaign’s seed, due in 7 days', async () => {
  const { id, tasks } = await phoneCampaign('inspection', 30);
  const at = new Date().toISOString();
  const batch = (list: typeof tasks, from: number) =>
    list.map((x, i) => ({
      callId: `c-${id}-${from + i}`,
      taskId: x.id,
      calledAt: at,
      outcome: 'reached',
      transcript: '企业：挺好的，没有问题。',
    }));
  const res = await outcomes('fy_sup', [
    ...batch(tasks.slice(0, 17), 0),
    ...tasks.slice(17, 20).map((x, i) => ({ callId: `u-${id}-${i}`, taskId: x.id, calledAt: at, outcome: 'unreachable' })),
  ]);
  assert.equal(res.statusCode, 200, res.body);
  const drawn = async () =>
    store.query<{ id: string; second_call_status: string; second_call_due: string }>(
      sql`SELECT id, second_call_status, CAST(second_call_due AS VARCHAR) AS second_call_due FROM followup_tasks WHERE campaign_id = ${id} AND second_call_status = 'pending' ORDER BY id`,
    );
  assert.equal((await drawn()).length, 3, 'round(20 % of 17)');
  assert.ok((await drawn()).every((x) => x.second_call_due === addDays(today(), 7)));
  await outcomes('fy_sup', batch(tasks.slice(20, 30), 20));
  assert.equal((await drawn()).length, 5, 'round(20 % of 27): the later batch adds two');
  // Sent again, nothing changes (idempotent on the call id); a human call closes its second call.
  await outcomes('fy_sup', batch(tasks.slice(0, 17), 0));
  assert.equal((await drawn()).length, 5);
  const first = (await drawn())[0];
  await outcomes('fy_sup', [
    { callId: `h-${id}`, taskId: first.id, calledAt: at, outcome: 'reached', channel: 'human', transcript: '企业：情况属实。' },
  ]);
  assert.equal((await drawn()).length, 4);
  const second = (await call('fy_sup', 'GET', `/followup/campaigns/${id}/call-list?which=second`)).json<{ total: number }>();
  assert.equal(second.total, 4);
  const statuses = await store.query<{ status: string; n: number }>(
    sql`SELECT status, count(*) AS n FROM followup_tasks WHERE campaign_id = ${id} GROUP BY status ORDER BY status`,
  );
  assert.deepEqual(
    statuses.map((s) => [s.status, Number(s.n)]),
    [
      ['answered', 27],
      ['unreachable', 3],
    ],
  );
});

test('answers collide with the records: each collision and serious complaint is a clue citing the sentence; a denial raises none', async () => {
  const earlier = new Set((await store.query<{ id: string }>(`SELECT id FROM model_hits`)).map((h) => h.id));
  const ins = await phoneCampaign('inspection', 4);
  const [x1, x2, x3, x4] = ins.tasks;
  const cases = await phoneCampaign('case', 10);
  const warned = cases.tasks.find((x) => ['CS-FY-3', 'CS-FY-4', 'CS-FY-5'].includes(x.subject_id))!;
  const at = new Date().toISOString();
  const month = today().slice(0, 7);
  // The records hold one or two visits of each of these enterprises this month (all inspections are in June 2025).
  const res = await outcomes('fy_sup', [
    { callId: 'k1', taskId: x1.id, calledAt: at, outcome: 'reached', transcript: '回访员：您好。企业：这个月都来了六次了，烦死了。' },
    { callId: 'k2', taskId: x2.id, calledAt: at, outcome: 'reached', transcript: '企业：根本没人来过啊，你们是不是搞错了？' },
    { callId: 'k3', taskId: x3.id, calledAt: at, outcome: 'reached', transcript: '企业：检查的那个说问题可大可小，暗示我们请吃饭。' },
    { callId: 'k4', taskId: x4.id, calledAt: at, outcome: 'reached', transcript: '企业：没有乱收费，也没有吃拿卡要，挺好的。' },
    { callId: 'k5', taskId: warned.id, calledAt: at, outcome: 'reached', transcript: '企业：罚了我们两千块钱。' },
  ]);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().rowsOk, 5);
  // Each collision and serious complaint is a hit of its model, in a clue: its own, or the clue of its
  // enterprise's file when the draw gave two tasks of one enterprise (一企一档).
  const hits = (
    await store.query<{
      id: string;
      model_code: string;
      explanation: string;
      evidence: string;
      clue_id: string | null;
      status: string | null;
    }>(
      sql`SELECT h.id, h.model_code, h.explanation, h.evidence, h.clue_id, c.status FROM model_hits h LEFT JOIN clues c ON c.id = h.clue_id
          WHERE h.model_code LIKE 'FUP%' ORDER BY h.model_code`,
    )
  ).filter((h) => !earlier.has(h.id));
  const by = new Map(hits.map((h) => [h.model_code, h]));
  assert.deepEqual(
    hits.map((h) => h.model_code),
    ['FUP_COMPLAINT', 'FUP_FINE_MISMATCH', 'FUP_NOBODY_CAME', 'FUP_VISIT_COUNT'],
  );
  if (month === '2025-06') return; // the visit count compares with this month's records: June 2025 holds them
  assert.match(by.get('FUP_VISIT_COUNT')!.explanation, /企业在回访中称“这个月都来了六次了,烦死了”.*仅有0次检查/);
  assert.match(by.get('FUP_NOBODY_CAME')!.explanation, /根本没人来过啊/);
  assert.match(by.get('FUP_NOBODY_CAME')!.explanation, new RegExp(x2.subject_id));
  assert.match(by.get('FUP_COMPLAINT')!.explanation, /存在吃拿卡要问题：“检查的那个说问题可大可小,暗示我们请吃饭”/);
  assert.match(by.get('FUP_FINE_MISMATCH')!.explanation, /罚了我们两千块钱.*“警告”/);
  assert.deepEqual(JSON.parse(by.get('FUP_FINE_MISMATCH')!.evidence).ids, [warned.subject_id]);
  assert.ok(
    hits.every((h) => h.clue_id && h.status === 'new'),
    JSON.stringify(hits.map((h) => [h.model_code, h.clue_id, h.status])),
  );
  // The clue loop takes them: the report counts them found, none solved yet; the agency's duty list shows one once assigned.
  const rep = (await call('fy_sup', 'GET', `/followup/campaigns/${ins.id}/report`)).json<{
    totals: { reached: number; reachedRate: number };
    problems: { found: number; solved: number };
    categories: { code: string; count: number }[];
  }>();
  const insClues = new Set(hits.filter((h) => h.model_code !== 'FUP_FINE_MISMATCH').map((h) => h.clue_id));
  assert.deepEqual([rep.totals.reached, rep.totals.reachedRate, rep.problems.found, rep.problems.solved], [4, 1, insClues.size, 0]);
  assert.equal(rep.categories.find((c) => c.code === 'bribery')!.count, 1);
  const complaint = { id: by.get('FUP_COMPLAINT')!.clue_id! };
  await store.exec(
    sql`UPDATE clues SET status = 'assigned', agency_id = 'AG-FY-ZHZF', deadline = ${addDays(today(), -1)} WHERE id = ${complaint.id}`,
  );
  const duty = (await call('fy_staff', 'GET', '/followup/duty-list')).json<{
    problems: { clueId: string; overdue: boolean }[];
    secondCalls: unknown[];
  }>();
  assert.deepEqual(
    duty.problems.map((p) => [p.clueId, p.overdue]),
    [[complaint.id, true]],
  );
  assert.deepEqual(duty.secondCalls, [], 'second calls are the supervisors’ work');
  assert.equal((await call('xh_sup', 'GET', '/followup/duty-list')).json<{ problems: unknown[] }>().problems.length, 0);
});

test('outcomes are checked like any import: an unknown task is named, a bad row is reported by field, other roles are refused', async () => {
  const { tasks } = await phoneCampaign('inspection', 2);
  const at = new Date().toISOString();
  const unknown = await outcomes('fy_sup', [{ callId: 'z1', taskId: 'nope', calledAt: at, outcome: 'reached' }]);
  assert.equal(unknown.statusCode, 400);
  assert.equal(unknown.json().error.field, 'outcomes[0].taskId');
  const r = await outcomes('fy_sup', [{ callId: 'z2', taskId: tasks[0].id, calledAt: 'yesterday', outcome: 'reached' }]);
  assert.equal(r.json().rowsBad, 1);
  assert.deepEqual([r.json().errors[0].field, r.json().errors[0].code], ['answered_at', 'invalid']);
  assert.equal((await outcomes('fy_staff', [{ callId: 'z3', taskId: tasks[0].id, calledAt: at, outcome: 'reached' }])).statusCode, 403);
  // Another county's task is unknown to the caller: named like a missing one, nothing of it disclosed.
  const other = await outcomes('xh_sup', [{ callId: 'z4', taskId: tasks[0].id, calledAt: at, outcome: 'reached' }]);
  assert.deepEqual([other.statusCode, other.json().error.field], [400, 'outcomes[0].taskId'], 'another county’s task');
});

test('the report as a Word document, and the results per agency and officer for the evaluation', async () => {
  const { id, tasks } = await phoneCampaign('inspection', 3);
  const at = new Date().toISOString();
  await outcomes('fy_sup', [
    { callId: 'r1', taskId: tasks[0].id, calledAt: at, outcome: 'reached', satisfaction: 5, transcript: '企业：要表扬一下，特别负责。' },
    { callId: 'r2', taskId: tasks[1].id, calledAt: at, outcome: 'reached', transcript: '企业：态度很差，一直吼我们。' },
    { callId: 'r3', taskId: tasks[2].id, calledAt: at, outcome: 'refused' },
  ]);
  const doc = await call('fy_sup', 'GET', `/followup/campaigns/${id}/report.docx`);
  assert.equal(doc.statusCode, 200);
  const xml = await (await JSZip.loadAsync(doc.rawPayload)).file('word/document.xml')!.async('string');
  assert.ok(xml.includes('测试回访情况报告'));
  assert.ok(xml.includes('接通（答复）2个') && xml.includes('拒绝回访1个'));
  assert.ok(xml.includes('态度粗暴1次'));
  const results = (await call('fy_sup', 'GET', `/followup/results?by=agency&from=${today()}&to=${today()}`)).json<{
    rows: { id: string; praise: number; seriousComplaints: number; answers: number }[];
  }>().rows;
  const praised = results.find((r) => r.id === tasks[0].agency_id)!;
  assert.ok(praised.praise >= 1);
  assert.ok(results.some((r) => r.seriousComplaints >= 1));
  const own = (await call('fy_staff', 'GET', `/followup/results?by=officer&from=${today()}&to=${today()}`)).json<{
    rows: { agencyId: string }[];
  }>().rows;
  assert.ok(
    own.every((r) => r.agencyId === 'AG-FY-ZHZF'),
    'an agency reads its own officers only',
  );
  assert.equal(
    (await call('xh_sup', 'GET', `/followup/results?by=agency&from=${today()}&to=${today()}`)).json<{ rows: unknown[] }>().rows.length,
    0,
  );
  assert.equal((await call('fy_sup', 'GET', `/followup/results?from=2025-13-01&to=${today()}`)).json().error.field, 'from');
});

test('a stand-in call centre speaks the protocol over HTTP: the call list out, the outcomes in, the second calls after', async () => {
  const { id, tasks } = await phoneCampaign('inspection', 10);
  const address = await app.listen({ port: 0, host: '127.0.0.1' }); // closed with the app after the tests
  const cc = new CallCentreStandIn(address, cookies.fy_sup);
  const fates = new Map(
    tasks.map((x, i) => [
      x.id,
      i === 0
        ? ({ outcome: 'unreachable' } as const)
        : ({
            outcome: 'reached',
            answers: { q_visited: '是', q_id: i === 1 ? '否' : '是', q_sat: i === 1 ? '2' : '5' },
            says: i === 2 ? '没有吃拿卡要，挺好的。' : undefined,
          } as const),
    ]),
  );
  const r = await cc.run(id, (taskId) => fates.get(taskId)!);
  assert.equal(r.status, 200, JSON.stringify(r.report));
  assert.deepEqual([r.report.rowsOk, r.report.inserted], [10, 10]);
  assert.equal(cc.placed.length, 10);
  // What the script asked and the enterprise answered is analysed: the missing ID is a serious complaint and a clue.
  const [clue] = await store.query<{ explanation: string }>(
    sql`SELECT explanation FROM model_hits WHERE model_code = 'FUP_COMPLAINT' AND dedupe_key = ${`FUP_COMPLAINT|followup_task|${tasks[1].id}|`}`,
  );
  assert.match(clue.explanation, /未出示证件/);
  // Second calls: round(20 % of 9 reached) = 2, placed by people and brought back through the same protocol.
  const second = await cc.run(id, () => ({ outcome: 'reached', says: '情况属实。' }), 'second');
  assert.equal(second.report.rowsOk, 2);
  const [done] = await store.query<{ n: number }>(
    sql`SELECT count(*) AS n FROM followup_tasks WHERE campaign_id = ${id} AND second_call_status = 'done'`,
  );
  assert.equal(Number(done.n), 2);
  assert.equal((await cc.run(id, () => ({ outcome: 'reached' }))).report.rowsRead, 0, 'nothing left to call');
});

test('a phone number said in a call is masked in the outcomes for supervisors', async () => {
  const { id, tasks } = await phoneCampaign('inspection', 1);
  const at = new Date().toISOString();
  await outcomes('fy_sup', [
    { callId: 'm1', taskId: tasks[0].id, calledAt: at, outcome: 'reached', transcript: '企业：有事打我手机13912345678，挺好的。' },
  ]);
  const rows = (await call('fy_sup', 'GET', `/followup/campaigns/${id}/answers`)).json<{ rows: { transcript: string }[] }>().rows;
  assert.equal(rows[0].transcript, '企业：有事打我手机139****5678，挺好的。');
});
