// Personal data at rest: sealed with SM4 by every writer (import, demo generator, portal, clue
// intake), never in clear in the store, opened only where a caller reads it and masked for the roles
// that do not need it; exports open it for the system and keep spreadsheets from running formulas.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD, seedTwoCounties } from './helpers/fixtures.ts';
import { buildApp } from '../src/api/app.ts';
import { createCipheriv, createHmac, randomBytes } from 'node:crypto';
import { isSealed, seal, unseal } from '../src/privacy/sm4.ts';
import { subKey } from '../src/keys/keys.ts';
import { PERSONAL_TABLES } from '../src/privacy/personal-data.ts';
import { sealStoredPersonalData } from '../src/privacy/seal-stored.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { recordsSource } from '../src/ingest/sources.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';
import { exportRecords } from '../src/integration/export.ts';
import { submitPortalReport, issueFormToken } from '../src/clues/portal.ts';
import { CLUE_SETTINGS } from '../src/clues/settings.ts';
import { BatchWriter } from '../src/demo/sink.ts';

const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-privacy-test-'));
let app: FastifyInstance;

before(async () => {
  await seedTwoCounties(store); // officers OF-1 and OF-2 with ID numbers and phones, written in clear
  await addUser(store, 'admin1', 'admin', '330000');
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  app = await buildApp({ store });
});
after(async () => {
  await app.close();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cookieOf(username: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  return `kedu_session=${res.cookies.find((c) => c.name === 'kedu_session')!.value}`;
}

/** Every personal value in the store, as stored. */
async function storedPersonal(): Promise<string[]> {
  const values: string[] = [];
  for (const [table, spec] of Object.entries(PERSONAL_TABLES))
    for (const c of Object.keys(spec.columns))
      for (const r of await store.query<Record<string, string | null>>(`SELECT ${c} AS v FROM ${table} WHERE ${c} IS NOT NULL`))
        values.push(r.v!);
  return values;
}

test('SM4 sealing: equal text seals equally, opens to itself, and a changed byte is refused', () => {
  const a = seal('13800001111');
  assert.ok(isSealed(a));
  assert.equal(seal('13800001111'), a);
  assert.notEqual(seal('13800001112'), a);
  assert.equal(unseal(a), '13800001111');
  assert.doesNotMatch(a, /13800001111/);
  const raw = Buffer.from(a.slice(4), 'base64url');
  raw[raw.length - 1] ^= 1;
  assert.throws(() => unseal(`sm4:${raw.toString('base64url')}`), /个人信息密文校验失败/);
});

test('the sealing is SM4-CTR under an HMAC-SM3 IV, as OpenSSL computes them (counter carries included)', () => {
  const enc = subKey('data', 'kedu personal data: SM4 key').subarray(0, 16);
  const mac = subKey('data', 'kedu personal data: synthetic IV');
  for (let i = 0; i < 400; i++) {
    const text = randomBytes(1 + (i % 120))
      .toString('base64')
      .slice(0, 1 + (i % 120));
    const iv = createHmac('sm3', mac).update(text, 'utf8').digest().subarray(0, 16);
    const cipher = createCipheriv('sm4-ctr', enc, iv);
    const expected = 'sm4:' + Buffer.concat([iv, cipher.update(text, 'utf8'), cipher.final()]).toString('base64url');
    assert.equal(seal(text), expected, text);
    assert.equal(unseal(expected), text);
  }
});

test('personal data stored in clear is sealed once, with an audit entry, and reads the same', async () => {
  const sealed = await sealStoredPersonalData(store);
  assert.deepEqual(sealed, { officers: 4 });
  assert.deepEqual(await sealStoredPersonalData(store), {}, 'once');
  const [row] = await store.query<{ id_number: string; phone: string }>(`SELECT id_number, phone FROM officers WHERE id = 'OF-1'`);
  assert.ok(isSealed(row.id_number) && isSealed(row.phone));
  assert.equal(unseal(row.id_number), '330183199001011234');
  const [entry] = await store.query<{ detail: string }>(
    `SELECT detail FROM audit_log WHERE action = 'privacy.seal' AND target = 'officers'`,
  );
  assert.equal(JSON.parse(entry.detail).values, 4);
});

test('an officer list opens the data for the admin and masks it for a supervisor', async () => {
  const admin = await cookieOf('admin1');
  const sup = await cookieOf('fy_sup');
  const asAdmin = (await app.inject({ method: 'GET', url: '/api/v1/records/officers/OF-1', headers: { cookie: admin } })).json().record;
  assert.deepEqual([asAdmin.id_number, asAdmin.phone], ['330183199001011234', '13800001111']);
  const asSup = (await app.inject({ method: 'GET', url: '/api/v1/records/officers?page=1', headers: { cookie: sup } })).json().rows;
  assert.deepEqual(
    asSup.map((r: { id_number: string; phone: string }) => [r.id_number, r.phone]),
    [['330***********1234', '138****1111']],
  );
});

test('an import seals the entity phone and legal representative; a re-import finds them unchanged', async () => {
  const record = {
    source_system: 'priv',
    uscc: '91330106MA27XF0X5U',
    name: '杭州示例餐饮管理有限公司',
    region_code: '330106',
    legal_rep: '王小明',
    phone: '13912345678',
  };
  const first = await importRows(store, recordsSource([record]), { kind: 'entities', caller: SYSTEM_CALLER });
  assert.deepEqual([first.rowsOk, first.inserted], [1, 1], first.errors.map((e) => e.text).join());
  const again = await importRows(store, recordsSource([record]), { kind: 'entities', caller: SYSTEM_CALLER });
  assert.deepEqual([again.unchanged, again.updated], [1, 0]);
  const [row] = await store.query<{ phone: string; legal_rep: string }>(`SELECT phone, legal_rep FROM entities WHERE uscc = $1`, [
    record.uscc,
  ]);
  assert.ok(isSealed(row.phone) && isSealed(row.legal_rep));
  assert.deepEqual([unseal(row.phone), unseal(row.legal_rep)], ['13912345678', '王小明']);
});

test('the rows an import rejects are kept sealed, with the personal data in them', async () => {
  const bad = { source_system: 'priv', uscc: '91330106MA27XF0X5X', name: '校验位错误的企业', region_code: '330106', phone: '13700001234' };
  const r = await importRows(store, recordsSource([bad]), { kind: 'entities', caller: SYSTEM_CALLER });
  assert.equal(r.rowsBad, 1);
  const [batch] = await store.query<{ errors: string }>(`SELECT errors FROM import_batches WHERE id = $1`, [r.batchId]);
  assert.ok(isSealed(batch.errors));
  assert.doesNotMatch(batch.errors, /13700001234/);
  assert.match(unseal(batch.errors), /13700001234/);
});

test('a portal report keeps its contact sealed, and the clue page masks it for a supervisor', async () => {
  const clock = () => new Date();
  const { followCode } = await submitPortalReport(
    store,
    {
      formToken: issueFormToken(Date.now() - (CLUE_SETTINGS.portal.minFillSeconds + 5) * 1000),
      regionCode: '330111',
      content: '执法人员在检查中索要好处费，请核查处理。',
      contact: '13655556666',
    },
    clock,
  );
  const [report] = await store.query<{ clue_id: string; contact: string }>(
    `SELECT clue_id, contact FROM clue_reports WHERE follow_code = $1`,
    [followCode],
  );
  assert.ok(isSealed(report.contact));
  const sup = await cookieOf('fy_sup');
  const page = (await app.inject({ method: 'GET', url: `/api/v1/clues/${report.clue_id}`, headers: { cookie: sup } })).json();
  assert.equal(page.reports[0].contact, '136****6666');
});

test('the demo generator writes officers and entities sealed', async () => {
  const writer = new BatchWriter(store, 1000);
  const officers = writer.table('officers', ['id', 'name', 'agency_id', 'region_code', 'id_number', 'phone']);
  officers.push(['OF-DEMO-1', '周杰', 'AG-FY-ZHZF', '330111', '330111199202023456', '13511112222']);
  await writer.begin();
  await writer.finish();
  const [row] = await store.query<{ id_number: string; phone: string }>(`SELECT id_number, phone FROM officers WHERE id = 'OF-DEMO-1'`);
  assert.deepEqual([unseal(row.id_number), unseal(row.phone)], ['330111199202023456', '13511112222']);
  assert.ok(isSealed(row.id_number) && isSealed(row.phone));
});

test('nothing in the store holds personal data in clear after all those writes', async () => {
  const values = await storedPersonal();
  assert.ok(values.length >= 9, `${values.length} values`);
  assert.deepEqual(
    values.filter((v) => !isSealed(v)),
    [],
  );
});

test('exports: officers opened for the system; text that a spreadsheet would run is written as text', async () => {
  const officersCsv = join(dir, 'officers.csv');
  await exportRecords(store, SYSTEM_CALLER, 'officers', 'csv', officersCsv);
  const text = readFileSync(officersCsv, 'utf8');
  assert.match(text, /OF-1,张伟,AG-FY-ZHZF,330111,330183199001011234,13800001111/);
  assert.doesNotMatch(text, /sm4:/);
  // Formula text in a table without personal data (written by the database) and in one with it (by JavaScript).
  await store.exec(`UPDATE cases SET facts = '=cmd|'' /C calc''!A0' WHERE id = 'CASE-FY-1'`);
  await store.exec(`UPDATE entities SET name = '@SUM(1+1)*cmd' WHERE uscc = '91330100470102706G'`);
  const casesCsv = join(dir, 'cases.csv');
  const entitiesCsv = join(dir, 'entities.csv');
  await exportRecords(store, SYSTEM_CALLER, 'cases', 'csv', casesCsv);
  await exportRecords(store, SYSTEM_CALLER, 'entities', 'csv', entitiesCsv);
  assert.match(readFileSync(casesCsv, 'utf8'), /,'=cmd\|' \/C calc'!A0,/);
  assert.match(readFileSync(entitiesCsv, 'utf8'), /,'@SUM\(1\+1\)\*cmd,/);
  assert.match(readFileSync(casesCsv, 'utf8'), /,5000(\.00)?,/, 'numbers stay numbers');
});
