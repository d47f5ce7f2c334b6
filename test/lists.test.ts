// Every list of the console searched, filtered, ranged by date, sorted and exported to Excel on the
// server — inside the caller's jurisdiction, with personal data masked as the list masks it, names in
// place of codes and Chinese headers; a bad sort or date is a 400 naming the field.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, seedTwoCounties } from './helpers/fixtures.ts';
import { inspection } from './helpers/records.ts';
import { insertClue, login, quietEnvironment } from './helpers/clues.ts';
import { buildApp } from '../src/api/app.ts';
import { loadReference } from '../src/catalog/load-reference.ts';

quietEnvironment();
const t = await openTestStore();
const { store } = t;
let app: FastifyInstance;
const cookies: Record<string, string> = {};

before(async () => {
  await seedTwoCounties(store);
  await loadReference(store);
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  await addUser(store, 'xh_sup', 'supervisor', '330106');
  await addUser(store, 'admin', 'admin', '330000');
  await addUser(store, 'fy_staff', 'agency_staff', '330111', 'AG-FY-ZHZF');
  // More 富阳 inspections: dates, kinds and results to filter and sort on; one entity whose name would run as a formula.
  await store.exec(
    `INSERT INTO entities (uscc, name, region_code) VALUES ('91330183MA2AAAAA1X', '=HYPERLINK("http://x","点我")', '330111')`,
  );
  await inspection(store, { id: 'INS-FY-2', inspected_on: '2025-05-01', kind: 'complaint', result: 'issues' });
  await inspection(store, {
    id: 'INS-FY-3',
    inspected_on: '2025-06-01',
    kind: 'random',
    result: 'compliant',
    entity_uscc: '91330183MA2AAAAA1X',
  });
  await inspection(store, { id: 'INS-FY-4', inspected_on: '2025-07-01', kind: 'joint', result: 'case_filed', agency_id: 'AG-FY-ZHZF' });
  app = await buildApp({ store });
  for (const u of ['fy_sup', 'xh_sup', 'admin', 'fy_staff']) cookies[u] = await login(app, u);
});
after(async () => {
  await app.close();
  await t.close();
});

const get = (user: string, url: string) => app.inject({ method: 'GET', url: `/api/v1${url}`, headers: { cookie: cookies[user] } });
const ids = async (user: string, url: string) =>
  ((await get(user, url)).json().rows as Record<string, unknown>[]).map((r) => String(r.id ?? r.uscc));
async function sheet(res: LightMyRequestResponse): Promise<unknown[][]> {
  assert.equal(res.statusCode, 200, res.body);
  assert.match(String(res.headers['content-type']), /spreadsheetml/);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return (book.worksheets[0].getSheetValues() as unknown[][]).slice(1).map((r) => r.slice(1));
}

test('records: words, a date range, a coded column, sort; the names of the codes come with each row', async () => {
  assert.deepEqual(await ids('fy_sup', '/records/inspections?sort=inspected_on&order=asc'), [
    'INS-FY-1',
    'INS-FY-2',
    'INS-FY-3',
    'INS-FY-4',
  ]);
  assert.deepEqual(await ids('fy_sup', '/records/inspections?from=2025-05-01&to=2025-06-30&sort=inspected_on'), ['INS-FY-2', 'INS-FY-3']);
  assert.deepEqual(await ids('fy_sup', '/records/inspections?kind=joint'), ['INS-FY-4']);
  assert.deepEqual(await ids('fy_sup', '/records/inspections?q=HYPERLINK'), ['INS-FY-3'], 'an entity found by its name');
  assert.deepEqual(await ids('fy_sup', '/records/inspections?q=INS-FY-2'), ['INS-FY-2']);
  assert.deepEqual(await ids('xh_sup', '/records/inspections'), ['INS-XH-1'], 'another county stays out');
  const [row] = (await get('fy_sup', '/records/inspections?q=INS-FY-1')).json().rows;
  assert.equal(row.agency_name, '杭州市富阳区综合行政执法局');
  assert.equal(row.region_name, '富阳区');
  assert.equal(row.lead_officer_name, '张伟');
  const bad = await get('fy_sup', '/records/inspections?sort=password_hash');
  assert.equal(bad.statusCode, 400);
  assert.equal(bad.json().error.field, 'sort');
  const range = await get('fy_sup', '/records/inspections?from=2025-07-01&to=2025-01-01');
  assert.equal(range.json().error.field, 'from');
});

test('records export: the list as it is filtered, Chinese headers, names for codes, formulas inert, the jurisdiction kept', async () => {
  const rows = await sheet(await get('fy_sup', '/records/inspections.xlsx?sort=inspected_on&order=asc'));
  const header = rows[0] as string[];
  assert.ok(header.includes('检查日期') && header.includes('执法主体') && header.includes('检查类型'), header.join(','));
  assert.ok(!header.some((h) => /^[a-z_]+$/.test(h)), `raw column names: ${header.join(',')}`);
  assert.equal(rows.length - 1, 4);
  const col = (name: string) => header.indexOf(name);
  assert.equal(rows[1][col('执法主体')], '杭州市富阳区综合行政执法局');
  assert.equal(rows[2][col('检查类型')], '投诉举报检查');
  assert.equal(rows[3][col('检查对象')], `'=HYPERLINK("http://x","点我")`);
  assert.deepEqual(
    (await sheet(await get('xh_sup', '/records/inspections.xlsx'))).slice(1).map((r) => r[header.indexOf('记录编号')]),
    ['INS-XH-1'],
  );
  const audited = await store.query<{ n: number }>("SELECT count(*) AS n FROM audit_log WHERE action = 'export.records'");
  assert.equal(Number(audited[0].n), 2);
});

test('records export masks personal data as the list does', async () => {
  const byRole = async (user: string) => {
    const rows = await sheet(await get(user, '/records/officers.xlsx?q=张伟'));
    return rows[1][(rows[0] as string[]).indexOf('联系电话')];
  };
  assert.equal(await byRole('fy_sup'), '138****1111');
  assert.equal(await byRole('admin'), '13800001111');
});

test('clues: a date range and a sort; the export keeps to the caller and names the clue by its number', async () => {
  await insertClue(store, { id: 'CL-L-1', status: 'new', deadline: null, title: '检查过于频繁' });
  await insertClue(store, { id: 'CL-L-2', status: 'assigned', deadline: '2030-01-01', title: '罚款偏高' });
  await insertClue(store, { id: 'CL-L-XH', status: 'new', deadline: null, regionCode: '330106', agencyId: 'AG-XH-SCJG' });
  await store.exec("UPDATE clues SET number = '富阳-2025-000007', created_at = '2025-03-01T02:00:00Z' WHERE id = 'CL-L-1'");
  await store.exec("UPDATE clues SET number = '富阳-2025-000008', created_at = '2025-04-01T02:00:00Z' WHERE id = 'CL-L-2'");
  assert.deepEqual(await ids('fy_sup', '/clues?sort=created_at&order=desc'), ['CL-L-2', 'CL-L-1']);
  assert.deepEqual(await ids('fy_sup', '/clues?from=2025-03-01&to=2025-03-31'), ['CL-L-1']);
  const wrong = await get('fy_sup', '/clues?from=2025-02-30');
  assert.equal(wrong.statusCode, 400);
  assert.equal(wrong.json().error.field, 'from');
  const rows = await sheet(await get('fy_sup', '/clues.xlsx?sort=number'));
  assert.deepEqual(rows[0].slice(0, 3), ['线索编号', '标题', '状态']);
  assert.deepEqual(
    rows.slice(1).map((r) => r[0]),
    ['富阳-2025-000007', '富阳-2025-000008'],
  );
  assert.equal(rows[2][2], '已交办');
  // The agency sees its assigned clue only.
  assert.deepEqual(
    (await sheet(await get('fy_staff', '/clues.xlsx'))).slice(1).map((r) => r[0]),
    ['富阳-2025-000008'],
  );
});

test('notices: search by number or addressee, a date range, a sort, the export', async () => {
  const issued = await app.inject({
    method: 'POST',
    url: '/api/v1/notices',
    headers: { cookie: cookies.fy_sup },
    payload: { kind: 'advisory', clueIds: ['CL-L-2'] },
  });
  assert.equal(issued.statusCode, 201, issued.body);
  const number = issued.json().notice.number as string;
  assert.equal((await get('fy_sup', `/notices?q=${encodeURIComponent(number)}`)).json().total, 1);
  assert.equal((await get('fy_sup', `/notices?q=${encodeURIComponent('综合行政执法局')}`)).json().total, 1);
  assert.equal((await get('fy_sup', '/notices?from=2000-01-01&to=2000-01-02')).json().total, 0);
  assert.equal((await get('fy_sup', '/notices?sort=deadline&order=asc')).statusCode, 200);
  assert.equal((await get('fy_sup', '/notices?sort=password')).statusCode, 400);
  const rows = await sheet(await get('fy_sup', '/notices.xlsx'));
  assert.equal(rows[1][0], number);
  assert.equal(rows[1][5], '富阳-2025-000008');
  assert.equal((await sheet(await get('xh_sup', '/notices.xlsx'))).length, 1, 'only the header for another county');
});
