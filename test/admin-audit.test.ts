// 系统管理 and 审计日志 over HTTP: only the administrator manages accounts and settings; every change
// goes through the one creation function, names the bad field in Chinese, ends sessions where it
// should and is audited; the audit log is searched within the caller's jurisdiction, exported with
// neutralised formulas, and verified by the administrator.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { PASSWORD, addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { insertClue, login, quietEnvironment } from './helpers/clues.ts';
import { buildApp } from '../src/api/app.ts';
import { login as signInDirect } from '../src/auth/users.ts';
import { AUDIT_ACTION_LABELS } from '../src/audit/action-labels.ts';
import { TRANSITIONS } from '../src/clues/workflow.ts';
import { spreadsheetSafe } from '../src/domain/spreadsheet.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};

before(async () => {
  await seedTwoCounties(store);
  await addUser(store, 'admin', 'admin', '330000');
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  await addUser(store, 'xh_sup', 'supervisor', '330106');
  await addUser(store, 'fy_staff', 'agency_staff', '330111', 'AG-FY-ZHZF');
  app = await buildApp({ store, scheduleMinutes: 60 });
  for (const u of ['admin', 'fy_sup', 'xh_sup', 'fy_staff']) cookies[u] = await login(app, u);
  // A step in each county, so the audit log has entries of both.
  await insertClue(store, { id: 'CL-A-FY', status: 'new', deadline: null });
  await insertClue(store, { id: 'CL-A-XH', status: 'new', deadline: null, regionCode: '330106', agencyId: 'AG-XH-SCJG' });
  await store.exec("UPDATE clues SET number = '富阳-2025-000001' WHERE id = 'CL-A-FY'");
  for (const [u, id] of [
    ['fy_sup', 'CL-A-FY'],
    ['xh_sup', 'CL-A-XH'],
  ])
    assert.equal((await call(u, 'POST', `/clues/${id}/transitions`, { action: 'triage' })).statusCode, 200);
});
after(async () => {
  await app.close();
  await t.close();
});

function call(user: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: Record<string, unknown>) {
  return app.inject({ method, url: `/api/v1${url}`, headers: { cookie: cookies[user] }, ...(payload ? { payload } : {}) });
}
const signIn = (username: string, password = PASSWORD) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password } });
const auditCount = async (action: string) =>
  Number((await store.query<{ n: number }>(`SELECT count(*) AS n FROM audit_log WHERE action = '${action}'`))[0].n);

test('only the administrator reaches 系统管理', async () => {
  for (const url of ['/admin/users', '/admin/roles', '/admin/regions', '/admin/schedule', '/admin/users.xlsx']) {
    for (const u of ['fy_sup', 'fy_staff']) assert.equal((await call(u, 'GET', url)).statusCode, 403, `${u} ${url}`);
    assert.equal((await call('admin', 'GET', url)).statusCode, 200, url);
  }
  assert.equal(
    (
      await call('fy_sup', 'POST', '/admin/users', {
        username: 'x1',
        displayName: 'x',
        password: 'Qiantang#2026x',
        role: 'officer',
        regionCode: '330111',
      })
    ).statusCode,
    403,
  );
});

test('users: search, filter and sort; creation names the bad field; a new account signs in; it is audited', async () => {
  const found = (await call('admin', 'GET', '/admin/users?q=fy_&sort=username')).json();
  assert.deepEqual(
    found.rows.map((u: { username: string }) => u.username),
    ['fy_staff', 'fy_sup'],
  );
  assert.equal(found.rows[0].agencyName, '杭州市富阳区综合行政执法局');
  assert.equal(found.rows[0].roleLabel, '执法部门');
  assert.deepEqual(
    (await call('admin', 'GET', '/admin/users?role=supervisor&regionCode=330106')).json().rows.map((u: { username: string }) => u.username),
    ['xh_sup'],
  );
  const bad = async (body: Record<string, unknown>, field: string) => {
    const res = await call('admin', 'POST', '/admin/users', {
      username: 'new_user',
      displayName: '新用户',
      password: 'Qiantang#2026x',
      role: 'supervisor',
      regionCode: '330111',
      ...body,
    });
    assert.equal(res.statusCode, 400, res.body);
    assert.equal(res.json().error.field, field, res.body);
    assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
  };
  await bad({ username: 'a b' }, 'username');
  await bad({ username: 'fy_sup' }, 'username');
  await bad({ password: 'short' }, 'password');
  await bad({ role: 'agency_staff' }, 'agencyId');
  await bad({ regionCode: '339999' }, 'regionCode');
  const before = await auditCount('user.create');
  const created = await call('admin', 'POST', '/admin/users', {
    username: 'new_user',
    displayName: '新用户',
    password: 'Qiantang#2026x',
    role: 'supervisor',
    regionCode: '330111',
  });
  assert.equal(created.statusCode, 201, created.body);
  assert.equal(await auditCount('user.create'), before + 1);
  assert.equal((await signIn('new_user', 'Qiantang#2026x')).statusCode, 200);
});

test('disabling ends the sessions and refuses sign-in; enabling lets it back; nobody disables themself', async () => {
  const [fy] = (await call('admin', 'GET', '/admin/users?q=fy_staff')).json().rows;
  assert.equal((await call('fy_staff', 'GET', '/auth/me')).statusCode, 200);
  assert.equal((await call('admin', 'POST', `/admin/users/${fy.id}/disable`)).statusCode, 200);
  assert.equal((await call('fy_staff', 'GET', '/auth/me')).statusCode, 401, 'the session ended');
  assert.equal((await signIn('fy_staff')).statusCode, 401);
  assert.equal((await call('admin', 'GET', '/admin/users?disabled=true')).json().total, 1);
  assert.equal((await call('admin', 'POST', `/admin/users/${fy.id}/enable`)).statusCode, 200);
  assert.equal((await signIn('fy_staff')).statusCode, 200);
  cookies.fy_staff = await login(app, 'fy_staff');
  const [me] = (await call('admin', 'GET', '/admin/users?q=admin')).json().rows;
  const self = await call('admin', 'POST', `/admin/users/${me.id}/disable`);
  assert.equal(self.statusCode, 400);
  assert.equal(self.json().error.field, 'disabled');
  assert.equal((await call('admin', 'POST', '/admin/users/nobody/disable')).statusCode, 404);
  assert.equal(await auditCount('user.disable'), 1);
  assert.equal(await auditCount('user.enable'), 1);
});

test('a password reset checks the password, replaces the old one and is audited', async () => {
  const [xh] = (await call('admin', 'GET', '/admin/users?q=xh_sup')).json().rows;
  const weak = await call('admin', 'POST', `/admin/users/${xh.id}/password`, { password: '12345678' });
  assert.equal(weak.statusCode, 400);
  assert.equal(weak.json().error.field, 'password');
  assert.equal((await call('admin', 'POST', `/admin/users/${xh.id}/password`, { password: 'Fuchun-River-77' })).statusCode, 200);
  assert.equal((await signIn('xh_sup')).statusCode, 401);
  assert.equal((await signIn('xh_sup', 'Fuchun-River-77')).statusCode, 200);
  assert.equal(await auditCount('user.password_reset'), 1);
});

test('roles and regions: every role with what it may do and its accounts; regions with their agencies and users', async () => {
  const roles = (await call('admin', 'GET', '/admin/roles')).json().rows as {
    role: string;
    label: string;
    users: number;
    duties: string;
  }[];
  assert.equal(roles.length, 6);
  assert.equal(roles.find((r) => r.role === 'supervisor')!.users, 3);
  assert.ok(roles.every((r) => /[\u4e00-\u9fff]/.test(r.label + r.duties)));
  const regions = (await call('admin', 'GET', '/admin/regions?q=富阳')).json().rows;
  assert.deepEqual(
    regions.map((r: { code: string }) => r.code),
    ['330111'],
  );
  assert.equal(regions[0].agencies, 1);
  assert.equal(regions[0].parentName, '杭州市');
  assert.equal(regions[0].levelLabel, '县（市、区）');
});

test('the model schedule: the start option until an administrator sets it; checked, audited', async () => {
  const first = (await call('admin', 'GET', '/admin/schedule')).json();
  assert.equal(first.minutes, 60);
  assert.equal(first.source, 'option');
  const bad = await call('admin', 'PUT', '/admin/schedule', { minutes: -1 });
  assert.equal(bad.statusCode, 400);
  const set = await call('admin', 'PUT', '/admin/schedule', { minutes: 30 });
  assert.equal(set.statusCode, 200, set.body);
  assert.equal(set.json().minutes, 30);
  assert.equal(set.json().source, 'setting');
  assert.equal(await auditCount('settings.update'), 1);
});

test('the audit log: a supervisor reads their jurisdiction only; search by actor, action, target (a clue number) and date', async () => {
  const all = (await call('admin', 'GET', '/audit?pageSize=200')).json();
  assert.ok(all.rows.some((r: { regionCode: string | null }) => r.regionCode === '330106'));
  const fy = (await call('fy_sup', 'GET', '/audit?pageSize=200')).json();
  assert.ok(fy.total > 0);
  assert.ok(
    fy.rows.every((r: { regionCode: string }) => r.regionCode.startsWith('330111')),
    'another county leaked',
  );
  assert.equal((await call('fy_staff', 'GET', '/audit')).statusCode, 403);
  const triage = (await call('admin', 'GET', '/audit?action=clue.triage&actor=fy_sup')).json();
  assert.equal(triage.total, 1);
  assert.equal(triage.rows[0].actionLabel, '线索研判');
  assert.equal(triage.rows[0].targetLabel, '富阳-2025-000001');
  assert.equal(triage.rows[0].actor.name, 'fy_sup');
  assert.equal((await call('admin', 'GET', `/audit?target=${encodeURIComponent('富阳-2025-000001')}`)).json().total, 1);
  assert.equal((await call('admin', 'GET', '/audit?action=clue.')).json().total, 2);
  assert.equal((await call('admin', 'GET', '/audit?from=2000-01-01&to=2000-12-31')).json().total, 0);
  const wrong = await call('admin', 'GET', '/audit?from=2025-02-30');
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.field, 'from');
});

test('exports: Chinese headers, names, and text that would run as a formula made inert', async () => {
  assert.equal(spreadsheetSafe('=HYPERLINK("http://x","点")'), `'=HYPERLINK("http://x","点")`);
  assert.equal(spreadsheetSafe('普通文本'), '普通文本');
  await call('admin', 'POST', '/admin/users', {
    username: 'formula',
    displayName: '=1+2',
    password: 'Qiantang#2026x',
    role: 'officer',
    regionCode: '330111',
    agencyId: 'AG-FY-ZHZF',
  });
  const res = await call('admin', 'GET', '/admin/users.xlsx?q=formula');
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''%E7%94%A8%E6%88%B7/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  assert.deepEqual((sheet.getRow(1).values as unknown[]).slice(1, 4), ['用户名', '姓名', '角色']);
  assert.equal(sheet.getRow(2).getCell(2).value, "'=1+2");
  assert.equal(sheet.getRow(2).getCell(3).value, '执法人员');
  const audit = await call('fy_sup', 'GET', '/audit.xlsx');
  const auditBook = new ExcelJS.Workbook();
  await auditBook.xlsx.load(audit.rawPayload as unknown as ArrayBuffer);
  const rows = auditBook.worksheets[0].getSheetValues().slice(2) as unknown[][];
  assert.ok(rows.length > 0);
  assert.ok(
    rows.every((r) => String(r[6]).includes('富阳')),
    'the export keeps to the jurisdiction',
  );
});

test('verify: the administrator checks the chain; an edited entry is named; nobody else may run it', async () => {
  assert.equal((await call('fy_sup', 'POST', '/audit/verify')).statusCode, 403);
  const ok = (await call('admin', 'POST', '/audit/verify')).json();
  assert.equal(ok.ok, true);
  await store.exec(`UPDATE audit_log SET actor = 'someone' WHERE seq = 3`);
  const broken = (await call('admin', 'POST', '/audit/verify')).json();
  assert.equal(broken.ok, false);
  assert.equal(broken.problems[0].seq, 3);
  assert.match(broken.problems[0].message, /第3条/);
});

test('every action written in src/ has its Chinese name', () => {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const f of readdirSync(dir)) {
      const p = join(dir, f);
      if (statSync(p).isDirectory()) walk(p);
      else if (p.endsWith('.ts')) files.push(p);
    }
  };
  walk(join(import.meta.dirname, '..', 'src'));
  const actions = new Set<string>();
  for (const f of files) for (const m of readFileSync(f, 'utf8').matchAll(/action: '([a-z_]+\.[a-z_]+)'/g)) actions.add(m[1]);
  // The workflow audits each transition as clue.<action>; the local models' save names one of two.
  for (const t of TRANSITIONS) actions.add(`clue.${t.action}`);
  actions.add('local_model.create').add('local_model.update');
  const missing = [...actions].filter((a) => !AUDIT_ACTION_LABELS[a]);
  assert.deepEqual(missing, []);
  assert.ok(actions.size > 20);
});

test("a county's admin manages the accounts of its county only: list, export, roles, disable, enable, reset", async () => {
  await addUser(store, 'fy_admin', 'admin', '330111');
  // Signed in by the login capability itself: the route's rate limit is spent by the tests above.
  const session = await signInDirect(store, 'fy_admin', PASSWORD);
  cookies.fy_admin = `kedu_session=${session.token}`;
  const listed = (await call('fy_admin', 'GET', '/admin/users?pageSize=200')).json().rows as { username: string; regionCode: string }[];
  const county = (await store.query<{ username: string }>("SELECT username FROM users WHERE region_code LIKE '330111%'")).map(
    (u) => u.username,
  );
  assert.ok(county.includes('fy_sup') && county.length < (await store.query('SELECT id FROM users')).length);
  assert.deepEqual(listed.map((u) => u.username).sort(), county.sort());
  assert.deepEqual((await call('fy_admin', 'GET', '/admin/users?q=xh_sup')).json().rows, []);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await call('fy_admin', 'GET', '/admin/users.xlsx')).rawPayload as unknown as ArrayBuffer);
  const names: string[] = [];
  book.worksheets[0].eachRow((row, n) => n > 1 && names.push(String(row.getCell(1).value)));
  assert.deepEqual(names.sort(), county.sort());
  const roles = (await call('fy_admin', 'GET', '/admin/roles')).json().rows as { role: string; users: number }[];
  const [sup] = await store.query<{ n: number }>(
    "SELECT count(*) AS n FROM users WHERE role = 'supervisor' AND region_code LIKE '330111%'",
  );
  assert.equal(roles.find((r) => r.role === 'supervisor')!.users, Number(sup.n), "the county's supervisors, not the province's");

  const all = (await call('admin', 'GET', '/admin/users?pageSize=200')).json().rows as { id: string; username: string }[];
  const id = (username: string) => all.find((u) => u.username === username)!.id;
  const hashOf = async (username: string) =>
    (
      await store.query<{ password_hash: string; disabled: boolean }>(
        `SELECT password_hash, disabled FROM users WHERE username = '${username}'`,
      )
    )[0];
  for (const other of ['xh_sup', 'admin']) {
    const before = await hashOf(other);
    for (const [path, body] of [
      ['disable', undefined],
      ['enable', undefined],
      ['password', { password: 'Qiantang#2026x' }],
    ] as const) {
      const res = await call('fy_admin', 'POST', `/admin/users/${id(other)}/${path}`, body);
      assert.equal(res.statusCode, 403, `fy_admin ${path} ${other}`);
      assert.match(res.json().error.message, /[\u4e00-\u9fff]/);
    }
    assert.deepEqual(await hashOf(other), before, `${other} unchanged`);
  }
  assert.equal((await call('fy_admin', 'POST', `/admin/users/${id('fy_sup')}/disable`)).statusCode, 200);
  assert.equal(!!(await hashOf('fy_sup')).disabled, true);
  assert.equal((await call('fy_admin', 'POST', `/admin/users/${id('fy_sup')}/enable`)).statusCode, 200);
});
