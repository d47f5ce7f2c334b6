// Reference data through the import path, on a `kedu init` store: what is malformed is refused with
// its row and field, what breaks a rule lands (the models find it); reference data is imported by
// admins and supervisors over its region only; a county's catalog rows survive the reference load;
// a list of users gets one-time initial passwords, never changes an account, never creates an admin
// for a supervisor; personal data is masked in the error file; a certificate pushed through the API is
// what the real-time checks judge the next inspection by.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { CLE, COUNTY, MKT, entity, importAll, importCsv, initCounty, officer } from './helpers/county.ts';
import type { Caller } from '../src/auth/caller.ts';
import { createUser, login } from '../src/auth/users.ts';
import { loadReference } from '../src/catalog/load-reference.ts';
import { ImportForbidden } from '../src/ingest/import-batch.ts';
import { batchErrorCsv, findBatch } from '../src/ingest/batches.ts';
import { buildApp } from '../src/api/app.ts';

const t = await openTestStore();
const { store } = t;
const PASSWORD = 'County-Test-2025';
const callers: Record<string, Caller> = {};
let app: FastifyInstance;

before(async () => {
  await initCounty(store);
  const add = async (username: string, role: Caller['role'], regionCode: string, agencyId: string | null = null) => {
    callers[username] = await createUser(
      store,
      { username, displayName: username, password: PASSWORD, role, regionCode, agencyId },
      'system',
    );
  };
  await add('xh_sup', 'supervisor', COUNTY);
  await add('hz_sup', 'supervisor', '330100');
  await add('fy_sup', 'supervisor', '330111');
  await add('xh_staff', 'agency_staff', COUNTY, MKT);
  await add('zj_admin', 'admin', '330000');
  app = await buildApp({ store, asOf: '2026-01-15' });
});
after(async () => {
  await app.close();
  await t.close();
});

const count = async (q: string) => Number((await store.query<{ n: number }>(q))[0].n);

async function cookieOf(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  return `kedu_session=${res.cookies.find((c) => c.name === 'kedu_session')!.value}`;
}

const inspection = (n: number, over: Record<string, string> = {}) => ({
  source_id: `JC-REF-${n}`,
  region_code: COUNTY,
  agency_id: MKT,
  inspection_item_code: 'MKT-I001-01',
  entity_uscc: entity(1),
  inspected_on: '2025-06-02',
  kind: 'random',
  lead_officer_id: officer('M', 1),
  assist_officer_id: officer('M', 2),
  via_code: 'true',
  result: 'compliant',
  ...over,
});

test('malformed rows are refused with their row and field; rows that break a rule land, with a note', async () => {
  const r = await importCsv(store, 'inspections', [
    inspection(1, { entity_uscc: entity(2).slice(0, 17) + (entity(2).endsWith('0') ? '1' : '0') }),
    inspection(2, { region_code: '330199' }),
    inspection(3, { inspected_on: '2025-02-29' }),
    inspection(4, { inspection_item_code: 'MKT-NOT-LISTED' }),
    inspection(5, { lead_officer_id: 'OF-GHOST', assist_officer_id: '' }),
    inspection(6, { entity_uscc: entity(999) }),
  ]);
  assert.equal(r.rowsBad, 3, r.errors.map((e) => e.text).join('\n'));
  assert.match(r.errors[0].text, /^第2行 entity_uscc（被检查对象统一社会信用代码）：.*校验位/);
  assert.match(r.errors[1].text, /^第3行 region_code（区划代码）：区划代码不存在：330199/);
  assert.match(r.errors[2].text, /^第4行 inspected_on（检查日期）：日期无效：2025年2月没有29日/);
  assert.equal(r.inserted, 3);
  assert.ok(
    r.notes.some((n) => /1行的inspection_item_code（检查事项编码）不在涉企行政检查事项清单内（MKT-NOT-LISTED），已照常入库/.test(n)),
    r.notes.join('\n'),
  );
  assert.equal(await count(`SELECT count(*) AS n FROM inspections WHERE inspection_item_code = 'MKT-NOT-LISTED'`), 1);
  assert.equal(await count(`SELECT count(*) AS n FROM inspections WHERE lead_officer_id = 'OF-GHOST'`), 1);
  assert.equal(await count(`SELECT count(*) AS n FROM inspections WHERE entity_uscc = '${entity(999)}'`), 1);
});

test('reference data: admins and supervisors over its region only; a county cannot change the province catalog', async () => {
  const item = (code: string, region: string, name = '本地处罚事项') => ({
    code,
    name,
    kind: 'penalty',
    line_code: 'CLE',
    region_code: region,
    fine_min: '50',
    fine_max: '500',
  });
  await assert.rejects(
    importCsv(
      store,
      'agencies',
      [{ id: 'AG-X', name: 'x', line_code: 'MKT', region_code: COUNTY, level: 'county', legal_status: 'organ' }],
      callers.xh_staff,
    ),
    ImportForbidden,
  );
  const county = await importCsv(
    store,
    'items',
    [item('XH-LOCAL-1', COUNTY), item('ZJ-PROV-1', '330000'), item('MKT-P001', COUNTY, '县里改名的无照经营')],
    callers.xh_sup,
  );
  assert.equal(county.inserted, 1, county.errors.map((e) => e.text).join('\n'));
  assert.match(county.errors[0].text, /^第3行 region_code（发布区划代码）：区划 330000 不在您的辖区（330106）内/);
  assert.match(county.errors[1].text, /^第4行 code（事项编码）：MKT-P001 已对应您辖区以外的记录，无权覆盖/);
  // Another county's supervisor may not touch Xihu's item; the city's may.
  const fuyang = await importCsv(store, 'items', [item('XH-LOCAL-1', '330111', '富阳改写')], callers.fy_sup);
  assert.match(fuyang.errors[0].text, /已对应您辖区以外的记录，无权覆盖/);
  const city = await importCsv(store, 'items', [item('XH-LOCAL-1', COUNTY, '市里更正的名称')], callers.hz_sup);
  assert.equal(city.updated, 1, city.errors.map((e) => e.text).join('\n'));
  const [row] = await store.query<{ name: string; source_system: string }>(
    `SELECT name, source_system FROM items WHERE code = 'XH-LOCAL-1'`,
  );
  assert.deepEqual(row, { name: '市里更正的名称', source_system: 'county-test' });
  // An agency's parent: registered, or earlier in the same file.
  const team = (id: string, parent: string) => ({
    id,
    name: `${id}执法队`,
    line_code: 'CLE',
    region_code: COUNTY,
    level: 'county',
    parent_id: parent,
    legal_status: 'entrusted',
  });
  const parents = await importCsv(
    store,
    'agencies',
    [team('AG-T1', CLE), team('AG-T2', 'AG-T1'), team('AG-T3', 'AG-NONE')],
    callers.xh_sup,
  );
  assert.equal(parents.inserted, 2, parents.errors.map((e) => e.text).join('\n'));
  assert.match(parents.errors[0].text, /^第4行 parent_id（上级主体编码）：执法主体不存在：AG-NONE/);
});

test("the reference load keeps a county's catalog rows and the province's own versions of shipped ones", async () => {
  await importAll(store, 'regions', [{ code: '330106001', name: '北山街道', parent_code: COUNTY }], callers.xh_sup);
  await importAll(
    store,
    'items',
    [
      {
        code: 'MKT-P005',
        name: '未将营业执照置于醒目位置（省级更正）',
        kind: 'penalty',
        line_code: 'MKT',
        region_code: '330000',
        fine_min: '0',
        fine_max: '30000',
      },
    ],
    callers.zj_admin,
  );
  await importAll(
    store,
    'baselines',
    ['lenient', 'general', 'severe'].map((tier, i) => ({
      baseline_id: 'BL-330106-MKT-P012',
      item_code: 'MKT-P012',
      region_code: COUNTY,
      title: '西湖区细化基准',
      effective_from: '2025-01-01',
      tier,
      fine_min: String(5000 + i * 10000),
      fine_max: String(15000 + i * 10000),
      conditions: `情形${i}`,
    })),
    callers.xh_sup,
  );
  const items = await count('SELECT count(*) AS n FROM items');
  const changed = await loadReference(store);
  assert.deepEqual(changed.changed, [], 'nothing to rewrite: the shipped rows are as shipped');
  assert.equal(await count('SELECT count(*) AS n FROM items'), items);
  const [p005] = await store.query<{ name: string }>(`SELECT name FROM items WHERE code = 'MKT-P005'`);
  assert.equal(p005.name, '未将营业执照置于醒目位置（省级更正）');
  assert.equal(await count(`SELECT count(*) AS n FROM regions WHERE code = '330106001' AND level = 'township'`), 1);
  assert.equal(
    await count(`SELECT count(*) AS n FROM baseline_tiers WHERE baseline_id = 'BL-330106-MKT-P012' AND region_code = '${COUNTY}'`),
    3,
  );
  // A baseline whose rows disagree on the baseline's own columns is refused whole.
  const bad = await importCsv(
    store,
    'baselines',
    [
      {
        baseline_id: 'BL-X',
        item_code: 'MKT-P012',
        region_code: COUNTY,
        title: '甲',
        effective_from: '2025-01-01',
        tier: 'general',
        fine_min: '1',
        fine_max: '2',
        conditions: 'a',
      },
      {
        baseline_id: 'BL-X',
        item_code: 'MKT-P012',
        region_code: COUNTY,
        title: '乙',
        effective_from: '2025-01-01',
        tier: 'severe',
        fine_min: '2',
        fine_max: '3',
        conditions: 'b',
      },
    ],
    callers.xh_sup,
  );
  assert.equal(bad.rowsBad, 2);
  assert.match(bad.errors[0].text, /基准 BL-X 的各行事项、区划、名称、施行日期或来源系统不一致/);
});

test('a list of users: one-time initial passwords, existing accounts never changed, no admin from a supervisor', async () => {
  const rows: Record<string, string>[] = [
    { username: 'xh_new_sup', display_name: '西湖监督员', role: 'supervisor', region_code: COUNTY },
    { username: 'xh_new_staff', display_name: '西湖市场监管', role: '执法部门', region_code: COUNTY, agency_id: MKT },
    { username: 'xh_boss', display_name: '想当管理员', role: 'admin', region_code: COUNTY },
  ];
  const r = await importCsv(store, 'users', rows, callers.xh_sup);
  assert.equal(r.inserted, 2, r.errors.map((e) => e.text).join('\n'));
  assert.match(r.errors[0].text, /^第4行 role（角色）：只有管理员可以创建管理员账号/);
  assert.equal(r.initialPasswords?.length, 2);
  const [first] = r.initialPasswords!;
  assert.equal(first.username, 'xh_new_sup');
  assert.ok((await login(store, 'xh_new_sup', first.password)).token, 'the initial password logs in');
  // The passwords are nowhere in the store but as hashes.
  const traces = await store.query<{ text: string }>(`SELECT detail AS text FROM audit_log UNION ALL SELECT errors FROM import_batches`);
  for (const c of r.initialPasswords!)
    assert.ok(!traces.some((x) => x.text?.includes(c.password)), 'no password in the audit log or the batches');
  assert.equal(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'user.create' AND detail LIKE '%xh_new_%'`), 2);

  const again = await importCsv(store, 'users', rows.slice(0, 2), callers.xh_sup);
  assert.deepEqual([again.unchanged, again.inserted, again.initialPasswords?.length ?? 0], [2, 0, 0]);
  const promote = await importCsv(store, 'users', [{ ...rows[0], role: 'admin' }], callers.zj_admin);
  assert.match(promote.errors[0].text, /用户 xh_new_sup 已存在：导入不修改已有账号/);
  const [u] = await store.query<{ role: string }>(`SELECT role FROM users WHERE username = 'xh_new_sup'`);
  assert.equal(u.role, 'supervisor');
});

test('an error file shows personal data no more than a list would: masked for a supervisor, whole for an admin', async () => {
  const good = { id: 'OF-MASK-1', name: '赵敏', agency_id: CLE, region_code: COUNTY, phone: '13912345678' };
  const r = await importCsv(store, 'officers', [{ ...good, id_number: '330106198801010010' }], callers.xh_sup);
  assert.equal(r.rowsBad, 1);
  assert.doesNotMatch(r.errors.map((e) => e.text).join(''), /330106198801010010|13912345678/, 'the message names no personal data');
  const found = await findBatch(store, callers.xh_sup, r.batchId);
  const forSupervisor = batchErrorCsv(callers.xh_sup, found.batch.kind, found.errors);
  assert.match(forSupervisor, /330\*+0010/);
  assert.match(forSupervisor, /139\*+5678/);
  assert.doesNotMatch(forSupervisor, /330106198801010010|13912345678/);
  const forAdmin = batchErrorCsv(callers.zj_admin, found.batch.kind, found.errors);
  assert.match(forAdmin, /330106198801010010/);
});

test('POST /api/v1/ingest/{kind} takes reference data; a certificate pushed there is what the next inspection is judged by', async () => {
  const sup = await cookieOf('xh_sup');
  const push = (kind: string, records: Record<string, string>[], cookie = sup) =>
    app.inject({ method: 'POST', url: `/api/v1/ingest/${kind}`, headers: { cookie }, payload: { sourceSystem: 'xh-hr', records } });
  const staffDenied = await push('officers', [{ id: 'OF-NEW-1' }], await cookieOf('xh_staff'));
  assert.equal(staffDenied.statusCode, 403);
  const officers = await push('officers', [
    { id: 'OF-NEW-1', name: '新人甲', agency_id: MKT, region_code: COUNTY },
    { id: 'OF-NEW-2', name: '新人乙', agency_id: MKT, region_code: COUNTY },
  ]);
  assert.equal(officers.statusCode, 200, officers.body);
  assert.equal(officers.json().inserted, 2);

  const staff = await cookieOf('xh_staff');
  const judge = async (n: number) => {
    const res = await push(
      'inspections',
      [inspection(100 + n, { lead_officer_id: 'OF-NEW-1', assist_officer_id: 'OF-NEW-2', inspected_on: '2025-12-01' })],
      staff,
    );
    assert.equal(res.statusCode, 200, res.body);
    return count(`SELECT count(*) AS n FROM clues WHERE model_code = 'INS_NO_CERT' AND evidence LIKE '%OF-NEW-1%'`);
  };
  assert.equal(await judge(1), 1, 'without a certificate: 无证执法 at once');
  const certs = await push(
    'certificates',
    ['OF-NEW-1', 'OF-NEW-2'].map((o) => ({
      number: `ZJ-${o}`,
      officer_id: o,
      region_code: COUNTY,
      issued_on: '2025-11-01',
      expires_on: '2030-10-31',
      status: 'valid',
    })),
  );
  assert.equal(certs.json().inserted, 2, certs.body);
  assert.equal(await judge(2), 1, 'once certified, the next inspection raises no clue');
});
