// Import and ingestion: every kind with good and bad rows, idempotent re-imports, encodings and
// formats, jurisdiction, the audit trail, atomicity under a killed process, the HTTP API and the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { cliStore, openTestStore } from './helpers/store.ts';
import {
  SAMPLE_SOURCE,
  encodeGb18030,
  sampleCsv,
  sampleJsonl,
  sampleRow,
  sampleRows,
  sampleUscc,
  seedIngestReference,
  writeLargeInspectionsCsv,
  writeSampleXlsx,
} from './fixtures/ingest-samples.ts';
import type { Store } from '../src/store/store.ts';
import { SYSTEM_CALLER, type Caller, type Role } from '../src/auth/caller.ts';
import { createUser } from '../src/auth/users.ts';
import { verifyAuditLog } from '../src/audit/audit-log.ts';
import { buildApp } from '../src/api/app.ts';
import { IMPORT_KINDS as KINDS, KIND_SPECS, type Kind } from '../src/records/registry.ts';
import { FileProblem, ImportForbidden, importRows, type ImportReport } from '../src/ingest/import-batch.ts';
import { CsvSplitter, fileSource, recordsSource } from '../src/ingest/sources.ts';
import { recordId } from '../src/records/record-id.ts';
import { Bad, parseBoolean, parseDate, parseMoney, parseTimestamp, parseUscc } from '../src/ingest/values.ts';
import { importFormatsMarkdown } from '../src/ingest/format-doc.ts';
import { rowValidator } from '../src/ingest/validate.ts';
import { canonicalCode, withFolded, type References } from '../src/ingest/reference.ts';
import { usccProblem } from '../src/domain/uscc.ts';
import { unseal } from '../src/privacy/sm4.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-ingest-test-'));
const PASSWORD = 'Ingest-Test-2025';
const users: Record<string, Caller> = {};

async function addUser(username: string, role: Role, regionCode: string, agencyId: string | null = null): Promise<Caller> {
  users[username] = await createUser(store, { username, displayName: username, password: PASSWORD, role, regionCode, agencyId }, 'system');
  return users[username];
}

before(async () => {
  await seedIngestReference(store);
  await addUser('xh_sup', 'supervisor', '330106'); // 西湖区 supervisor
  await addUser('hs_sup', 'supervisor', '330203'); // 宁波市海曙区 supervisor
  await addUser('xh_staff', 'agency_staff', '330106', 'AG-330106-SCJG');
  await addUser('sc_staff', 'agency_staff', '330102', 'AG-330102-SCJG');
  await addUser('xh_liaison', 'discipline_liaison', '330106');
});
after(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

let fileNo = 0;
async function importText(
  kind: Kind,
  content: string | Buffer,
  opts: { ext?: string; caller?: Caller; sourceSystem?: string } = {},
): Promise<ImportReport> {
  const path = join(dir, `f${++fileNo}${opts.ext ?? '.csv'}`);
  writeFileSync(path, content);
  return importRows(store, await fileSource(path), { kind, caller: opts.caller ?? SYSTEM_CALLER, sourceSystem: opts.sourceSystem });
}
const count = async (table: string, where = 'TRUE') =>
  Number((await store.query<{ n: number }>(`SELECT COUNT(*) AS n FROM ${table} WHERE ${where}`))[0].n);

// One bad row per kind, with the field it breaks and the message it gets.
const BAD: Partial<Record<Kind, { set: Record<string, string>; field: string; message: RegExp }>> = {
  licences: { set: { entity_uscc: '91330106MA00000010' }, field: 'entity_uscc（申请人统一社会信用代码）', message: /校验位错误/ },
  inspections: { set: { inspected_on: '2025-02-30' }, field: 'inspected_on（检查日期）', message: /2025年2月没有30日/ },
  cases: { set: { fine_amount: '-5' }, field: 'fine_amount（罚款金额）', message: /不能为负数/ },
  deliveries: { set: { method: '飞鸽传书' }, field: 'method（送达方式）', message: /取值无效/ },
  payments: {
    set: { method: '当场收缴', collected_by: '' },
    field: 'collected_by（收缴执法人员编号）',
    message: /当场收缴的须填写收缴执法人员编号/,
  },
  coercive_measures: {
    set: { extended: '否', extension_approved: '是' },
    field: 'extension_approved（延长是否经负责人批准）',
    message: /未延长期限的措施不能填写延长经批准/,
  },
  review_outcomes: {
    set: { carried_out_on: '2025-01-02' },
    field: 'carried_out_on（履行日期）',
    message: /履行日期不能早于决定（裁判）生效日期/,
  },
  service_visits: { set: { agency_id: 'AG-NOWHERE' }, field: 'agency_id（执法主体编码）', message: /执法主体不存在/ },
  hotline_tickets: { set: { received_at: '昨天' }, field: 'received_at（受理时间）', message: /时间格式错误/ },
  delegations: { set: { approved: '也许' }, field: 'approved（是否报批）', message: /应为“是”或“否”/ },
  followup_answers: { set: { satisfaction: '9' }, field: 'satisfaction（满意度）', message: /不能大于5/ },
  entities: { set: { name: '' }, field: 'name（企业名称）', message: /必填项为空/ },
  regions: { set: { code: '33010690' }, field: 'code（乡镇（街道）区划代码）', message: /应为9位数字/ },
  agencies: { set: { level: 'city' }, field: 'level（层级）', message: /层级与区划不符：区划 330106 为县级/ },
  officers: { set: { id_number: '330106198801010010' }, field: 'id_number（身份证号）', message: /校验位错误/ },
  certificates: { set: { officer_id: 'OF-NOBODY' }, field: 'officer_id（执法人员编号）', message: /执法人员不存在/ },
  items: { set: { line_code: 'NOPE' }, field: 'line_code（条线编码）', message: /执法条线不存在：NOPE/ },
  inspection_items: { set: { max_per_year: '0' }, field: 'max_per_year（年度检查频次上限）', message: /不能小于1/ },
  baselines: { set: { fine_min: '200' }, field: 'fine_min（罚款下限）', message: /罚款下限不能高于罚款上限/ },
  exemptions: { set: { basis_regulation_id: 'no-such-law' }, field: 'basis_regulation_id（依据法规编号）', message: /法规不存在/ },
  service_whitelist: { set: { region_code: '339999' }, field: 'region_code（发布区划代码）', message: /区划代码不存在/ },
  followup_tasks: { set: { subject_source_system: '' }, field: 'subject_id（回访对象编号）', message: /刻度记录ID/ },
  users: { set: { role: 'agency_staff' }, field: 'agency_id（所属执法主体编码）', message: /须指定所属执法主体/ },
  inspection_plans: {
    set: { officer_ids: 'OF-330106-0001,OF-NOBODY' },
    field: 'officer_ids（执法人员库）',
    message: /执法人员 OF-NOBODY 不存在/,
  },
  inspection_objects: { set: { credit_class: 'E' }, field: 'credit_class（信用等级）', message: /取值无效/ },
  confiscated_goods: {
    set: { disposal: '销毁', disposed_on: '2025-06-30', proceeds: '1200.00', proceeds_paid_on: '' },
    field: 'proceeds（处置所得）',
    message: /处置方式为销毁的物品不应有处置所得/,
  },
  monitoring_devices: {
    set: { in_use_from: '2025-03-01', retired_on: '2025-02-28' },
    field: 'retired_on（停用日期）',
    message: /停用日期不能早于启用日期/,
  },
  enterprise_charges: {
    set: { fee_kind: '培训费', commissioned_by_agency: '是', designated_by_agency: '否' },
    field: 'commissioned_by_agency（是否行政机关委托）',
    message: /行政机关委托的只能是中介服务：收费类别须为中介服务费/,
  },
};

for (const kind of KINDS) {
  test(`${kind}: good rows land, a bad row is reported with its row and field`, async () => {
    const bad = BAD[kind];
    assert.ok(bad, `a bad row for ${kind}`);
    const rows = sampleRows(kind, 4);
    rows.splice(2, 0, { ...sampleRow(kind, 99), ...bad.set }); // file row 4 (header is row 1)
    const before = await count(KIND_SPECS[kind].table);
    const r = await importText(kind, sampleCsv(kind, rows));
    assert.equal(r.rowsRead, 5);
    assert.equal(r.rowsOk, 4);
    assert.equal(r.rowsBad, 1);
    assert.equal(r.inserted, 4);
    assert.equal(r.errors.length, 1);
    assert.ok(r.errors[0].text.startsWith(`第4行 ${bad.field}：`), r.errors[0].text);
    assert.match(r.errors[0].text, bad.message);
    assert.equal((await count(KIND_SPECS[kind].table)) - before, 4);
  });
}

test('re-importing a file doubles nothing; a changed row is updated in place and keeps its id', async () => {
  const rows = sampleRows('inspections', 6, 1000);
  const first = await importText('inspections', sampleCsv('inspections', rows));
  assert.deepEqual([first.inserted, first.updated, first.unchanged], [6, 0, 0]);
  const where = `source_id LIKE 'JC10%' AND source_system = '${SAMPLE_SOURCE}'`;
  assert.equal(await count('inspections', where), 6);
  const again = await importText('inspections', sampleCsv('inspections', rows));
  assert.deepEqual([again.inserted, again.updated, again.unchanged], [0, 0, 6]);
  assert.equal(await count('inspections', where), 6);

  const [before] = await store.query<{ id: string }>(`SELECT id FROM inspections WHERE source_id = 'JC1002'`);
  rows[2] = { ...rows[2], result: 'case_filed', inspected_on: '2025-06-01' };
  const changed = await importText('inspections', sampleCsv('inspections', rows));
  assert.deepEqual([changed.inserted, changed.updated, changed.unchanged], [0, 1, 5]);
  assert.equal(await count('inspections', where), 6);
  const [after] = await store.query<{ id: string; result: string; inspected_on: string }>(
    `SELECT id, result, inspected_on FROM inspections WHERE source_id = 'JC1002'`,
  );
  assert.deepEqual(after, { id: before.id, result: 'case_filed', inspected_on: '2025-06-01' });
  // The same record from another source system is another record.
  const other = await importText('inspections', sampleCsv('inspections', [rows[0]]), {});
  assert.equal(other.unchanged, 1);
  const viaOption = await importText('inspections', sampleCsv('inspections', [{ ...rows[0], source_system: '' }]), {
    sourceSystem: 'other-sys',
  });
  assert.equal(viaOption.inserted, 1);
  assert.equal(viaOption.sourceSystem, 'other-sys');
});

test('record ids are md5 of source_system|source_id, the same in JavaScript and SQL; references map to them', async () => {
  await importText('cases', sampleCsv('cases', [sampleRow('cases', 5000)]));
  await importText('payments', sampleCsv('payments', [sampleRow('payments', 5000)]));
  const [c] = await store.query<{ id: string }>(`SELECT id FROM cases WHERE source_id = 'AJ5000'`);
  assert.equal(c.id, recordId('cases', SAMPLE_SOURCE, 'AJ5000'));
  assert.match(c.id, /^case-[0-9a-f]{20}$/);
  const [p] = await store.query<{ id: string; case_id: string }>(`SELECT id, case_id FROM payments WHERE source_id = 'JK5000'`);
  assert.equal(p.case_id, c.id);
  assert.equal(p.id, recordId('payments', SAMPLE_SOURCE, 'JK5000'));
  // A reference may also be given as the Kedu id itself.
  await importText('deliveries', sampleCsv('deliveries', [{ ...sampleRow('deliveries', 5000), case_id: c.id }]));
  const [d] = await store.query<{ case_id: string }>(`SELECT case_id FROM deliveries WHERE source_id = 'SD5000'`);
  assert.equal(d.case_id, c.id);
});

test('a record lies in the county of the record it names: a payment of a case in another county is refused, and so is a case moved away from its payments', async () => {
  // Citus keeps a county's records on one shard, and the models join a payment to its case there.
  await importText('cases', sampleCsv('cases', [sampleRow('cases', 5100)]));
  const [c] = await store.query<{ county_code: string; agency_id: string }>(
    `SELECT county_code, agency_id FROM cases WHERE source_id = 'AJ5100'`,
  );
  const other = c.county_code === '330203' ? '330106' : '330203';
  const far = await importText('payments', sampleCsv('payments', [{ ...sampleRow('payments', 5100), region_code: other }]));
  assert.equal(far.rowsBad, 1);
  assert.match(
    far.errors[0].text,
    new RegExp(`^第2行 region_code（[^）]+）：区划 ${other} 与所关联的行政处罚案件（case-[0-9a-f]+）不在同一县`),
  );
  const near = await importText('payments', sampleCsv('payments', [sampleRow('payments', 5100)]));
  assert.equal(near.inserted, 1);
  const moved = await importText(
    'cases',
    sampleCsv('cases', [{ ...sampleRow('cases', 5100), region_code: other, agency_id: `AG-${other}-SCJG` }]),
  );
  assert.equal(moved.rowsBad, 1);
  assert.match(moved.errors[0].text, new RegExp(`^第2行 region_code（[^）]+）：区划 ${other} 与已登记的关联.+记录不在同一县`));
  const [kept] = await store.query<{ county_code: string }>(`SELECT county_code FROM cases WHERE source_id = 'AJ5100'`);
  assert.equal(kept.county_code, c.county_code);
});

test('duplicates within one file: the last row wins and the batch says so', async () => {
  const a = sampleRow('licences', 7000);
  const rows = [a, sampleRow('licences', 7001), { ...a, result: 'refused' }];
  const r = await importText('licences', sampleCsv('licences', rows));
  assert.equal(r.rowsOk, 3);
  assert.equal(r.duplicates, 1);
  assert.equal(r.inserted, 2);
  assert.deepEqual(
    r.notes.filter((n) => n.includes('同一记录')),
    [`第2行与第4行是同一记录（${SAMPLE_SOURCE} / XK7000），以后者为准`],
  );
  const [row] = await store.query<{ result: string }>(`SELECT result FROM licences WHERE source_id = 'XK7000'`);
  assert.equal(row.result, 'refused');
  assert.equal(await count('licences', `source_id = 'XK7000'`), 1);
});

test('a file staged in several parts: twins across parts and within one part, new and stored source systems', async () => {
  // 3,000 rows in parts of ~1,000 (each part is loaded while reading goes on): a twin of row 2 at
  // row 2,901, a twin pair inside one part, and every third row from a system the table already holds.
  await importText(
    'inspections',
    sampleCsv(
      'inspections',
      sampleRows('inspections', 5, 30000).map((r) => ({ ...r, source_system: 'old-sys' })),
    ),
  );
  const rows: Record<string, string>[] = sampleRows('inspections', 3000, 30000).map((r, i) => ({
    ...r,
    source_system: i % 3 === 2 ? 'old-sys' : 'fresh-sys',
  }));
  rows[2899] = { ...rows[0], result: 'case_filed' }; // file row 2,901 supersedes file row 2
  rows[11] = { ...rows[10], result: 'case_filed' }; // file rows 12 and 13, same part
  const path = join(dir, 'early.csv');
  writeFileSync(path, sampleCsv('inspections', rows));
  const r = await importRows(store, await fileSource(path), { kind: 'inspections', caller: SYSTEM_CALLER, stagePartRows: 1000 });
  assert.equal(r.rowsOk, 3000);
  assert.equal(r.duplicates, 2);
  assert.ok(r.notes.includes(`第2行与第2901行是同一记录（fresh-sys / JC30000），以后者为准`), r.notes.join('\n'));
  assert.ok(r.notes.includes(`第12行与第13行是同一记录（fresh-sys / JC30010），以后者为准`), r.notes.join('\n'));
  assert.equal(r.inserted + r.updated + r.unchanged, 2998);
  assert.equal(r.unchanged, 1); // old-sys row 30002 was stored identically before
  assert.equal(await count('inspections', `source_system = 'fresh-sys'`), 1999); // 2,001 rows, 2 superseded
  assert.equal(await count('inspections', `source_system = 'fresh-sys' AND source_id = 'JC30000'`), 1);
  const [a] = await store.query<{ result: string; id: string }>(
    `SELECT result, id FROM inspections WHERE source_system = 'fresh-sys' AND source_id = 'JC30000'`,
  );
  assert.deepEqual(a, { result: 'case_filed', id: recordId('inspections', 'fresh-sys', 'JC30000') });
  const dupIds = await store.query(`SELECT id FROM inspections GROUP BY id HAVING COUNT(*) > 1`);
  assert.deepEqual(dupIds, []);
  // And again: all unchanged, nothing doubled.
  const again = await importRows(store, await fileSource(path), { kind: 'inspections', caller: SYSTEM_CALLER, stagePartRows: 1000 });
  assert.deepEqual([again.inserted, again.updated, again.unchanged, again.duplicates], [0, 0, 2998, 2]);
});

test('a GB18030 CSV as Excel saves it on Chinese Windows, with Chinese headers, labels and date styles, imports as is', async () => {
  const header =
    '来源系统,检查编号,区划代码,执法主体编码,检查事项编码,统一社会信用代码,检查日期,检查类型,联合检查编号,主办执法人员编号,协办执法人员编号,是否亮码检查,检查结果';
  const lines = [
    `${SAMPLE_SOURCE},GB-1,330106,AG-330106-SCJG,JC-SCJG-0001,${sampleUscc(1)},2025/3/2,双随机,,OF-1,OF-2,是,未发现问题`,
    `${SAMPLE_SOURCE},GB-2,330106001,AG-330106-SCJG,JC-SCJG-0001,${sampleUscc(2).toLowerCase()},2025年3月5日,投诉举报,,OF-1,,否,责令整改`,
    `${SAMPLE_SOURCE},GB-3,330106,AG-330106-SCJG,JC-SCJG-0001,${sampleUscc(3).slice(0, 17)}X,2025-03-06,联合检查,LH-9,OF-1,OF-2,是,立案查处`,
  ];
  const bytes = encodeGb18030([header, ...lines].join('\r\n') + '\r\n');
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)); // really not UTF-8
  const r = await importText('inspections', bytes);
  assert.equal(r.encoding, 'gb18030');
  assert.equal(r.rowsOk, 2);
  assert.deepEqual(
    r.errors.map((e: { text: string }) => e.text),
    ['第4行 entity_uscc（被检查对象统一社会信用代码）：统一社会信用代码校验位错误'],
  );
  const got = await store.query(
    `SELECT source_id, inspected_on, kind, via_code, result, entity_uscc FROM inspections WHERE source_id LIKE 'GB-%' ORDER BY source_id`,
  );
  assert.deepEqual(got, [
    { source_id: 'GB-1', inspected_on: '2025-03-02', kind: 'random', via_code: true, result: 'compliant', entity_uscc: sampleUscc(1) },
    { source_id: 'GB-2', inspected_on: '2025-03-05', kind: 'complaint', via_code: false, result: 'issues', entity_uscc: sampleUscc(2) },
  ]);
});

test('UTF-8 with BOM, a title row above the header, quoted fields with commas, quotes and line breaks', async () => {
  const fields = KIND_SPECS.hotline_tickets.fields.map((f) => f.label);
  const row = (id: string, content: string) =>
    [SAMPLE_SOURCE, id, '330106', '2025-04-12 09:31', '执法检查', content, '', '', '已答复']
      .map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c))
      .join(',');
  const text =
    '\uFEFF2025年4月12345工单,,,\n' +
    `${fields.join(',')},备注\n` +
    `${row('Q-1', '反映"检查太多"，一周三次')}\n` +
    `${row('Q-2', '第一行\n第二行')}\n` +
    ',,,,,,,,\n';
  const r = await importText('hotline_tickets', text);
  assert.equal(r.encoding, 'utf-8');
  assert.equal(r.rowsRead, 2);
  assert.equal(r.rowsOk, 2, r.errors.map((e) => e.text).join('\n'));
  assert.ok(r.notes.includes('表头在第2行，其上1行已跳过'), r.notes.join('\n'));
  assert.ok(r.notes.some((n) => n.includes('备注')));
  const got = await store.query<{ content: string; received_at: string }>(
    `SELECT content, received_at FROM hotline_tickets WHERE source_id IN ('Q-1', 'Q-2') ORDER BY source_id`,
  );
  assert.deepEqual(
    got.map((g) => g.content),
    ['反映"检查太多"，一周三次', '第一行\n第二行'],
  );
  assert.equal(got[0].received_at, '2025-04-12T01:31:00.000Z'); // 09:31 Beijing time
});

test('XLSX: the first sheet, a title row, Chinese headers and real date cells', async () => {
  const path = join(dir, 'cases.xlsx');
  const rows: Record<string, string>[] = sampleRows('cases', 3, 8000).map((r, i) =>
    i === 1 ? { ...r, status: '已结案', decision: '' } : { ...r, status: '已决定' },
  );
  await writeSampleXlsx(path, 'cases', rows, { chinese: true, titleRow: '2025年行政处罚案件台账' });
  const r = await importRows(store, await fileSource(path), { kind: 'cases', caller: SYSTEM_CALLER });
  assert.equal(r.format, 'xlsx');
  assert.equal(r.rowsOk, 2);
  assert.deepEqual(
    r.errors.map((e: { text: string }) => e.text),
    ['第4行 decision（处理决定）：案件已决定或已结案时须填写处理决定'],
  );
  const [c] = await store.query<{ filed_on: string; fine_amount: number; status: string }>(
    `SELECT filed_on, fine_amount, status FROM cases WHERE source_id = 'AJ8000'`,
  );
  assert.deepEqual(c, { filed_on: rows[0].filed_on, fine_amount: Number(rows[0].fine_amount), status: 'decided' });
});

test('JSON Lines: typed values and camelCase keys are accepted; a line that is not JSON is a bad row', async () => {
  const good = sampleRow('service_visits', 9000);
  const lines =
    sampleJsonl([good, { ...sampleRow('service_visits', 9001), visitedOn: '2025-05-05', visited_on: undefined }]) +
    '{not json\n' +
    JSON.stringify({ ...sampleRow('service_visits', 9002), region_code: 330106 }) +
    '\n';
  const r = await importText('service_visits', lines, { ext: '.jsonl' });
  assert.equal(r.rowsRead, 4);
  assert.equal(r.rowsOk, 3, r.errors.map((e) => e.text).join('\n'));
  assert.match(r.errors[0].text, /^第3行：不是有效的JSON/);
  const [v] = await store.query<{ visited_on: string }>(`SELECT visited_on FROM service_visits WHERE source_id = 'FW9001'`);
  assert.equal(v.visited_on, '2025-05-05');
});

test('a file without a required column is refused as a whole, naming the column; so is an unknown file type', async () => {
  const text = '来源系统,检查编号,区划代码\nx,1,330106\n';
  await assert.rejects(importText('inspections', text), (e: Error) => {
    assert.ok(e instanceof FileProblem);
    assert.match(e.message, /缺少必填列：agency_id（执法主体编码）、inspection_item_code（检查事项编码）/);
    return true;
  });
  await assert.rejects(importText('inspections', 'x', { ext: '.xls' }), /另存为 \.xlsx 或 CSV/);
  await assert.rejects(importText('inspections', 'x', { ext: '.pdf' }), /无法识别的文件类型/);
  // Without a source_system column, the option must name the source system.
  const noSource = sampleCsv('deliveries', [sampleRow('deliveries', 1)])
    .split('\r\n')
    .map((l) => l.split(',').slice(1).join(','))
    .join('\r\n');
  await assert.rejects(importText('deliveries', noSource), /缺少必填列：source_system（来源系统）/);
  const ok = await importText('deliveries', noSource, { sourceSystem: 'sys-b' });
  assert.equal(ok.rowsOk, 1);
});

test("jurisdiction: rows outside the caller's region or agency are rejected row by row", async () => {
  const xh = users.xh_sup;
  const rows = [sampleRow('licences', 11000), { ...sampleRow('licences', 11001), region_code: '330203', agency_id: 'AG-330203-SCJG' }];
  const r = await importText('licences', sampleCsv('licences', rows), { caller: xh });
  assert.equal(r.rowsOk, 1);
  assert.deepEqual(
    r.errors.map((e: { text: string }) => e.text),
    ['第3行 region_code（区划代码）：区划 330203 不在您的辖区（330106）内，无权导入'],
  );

  // Agency staff: only their own agency, even within their region.
  const sc = users.sc_staff;
  const own = { ...sampleRow('inspections', 11002), region_code: '330102', agency_id: 'AG-330102-SCJG' };
  const otherAgency = { ...sampleRow('inspections', 11003), region_code: '330102', agency_id: 'AG-330100-SCJG' };
  const s = await importText('inspections', sampleCsv('inspections', [own, otherAgency]), { caller: sc });
  assert.equal(s.rowsOk, 1);
  assert.match(s.errors[0].text, /^第3行 agency_id（执法主体编码）：执法部门账号只能导入本部门（AG-330102-SCJG）的记录/);

  // Roles and kinds that may not import at all: refused as a whole.
  await assert.rejects(
    importText('hotline_tickets', sampleCsv('hotline_tickets', [sampleRow('hotline_tickets', 1)]), { caller: users.xh_staff }),
    ImportForbidden,
  );
  await assert.rejects(
    importText('licences', sampleCsv('licences', [sampleRow('licences', 1)]), { caller: users.xh_liaison }),
    /纪检监察联络员账号不能导入数据/,
  );
});

test('a source id already stored for another jurisdiction cannot be overwritten from outside it', async () => {
  // Stored by the province for Ningbo (海曙区) …
  const hs = { ...sampleRow('service_visits', 12000), region_code: '330203', agency_id: 'AG-330203-SCJG' };
  assert.equal((await importText('service_visits', sampleCsv('service_visits', [hs]))).inserted, 1);
  // … then re-sent under the same source id by Xihu, moved into Xihu.
  const r = await importText(
    'service_visits',
    sampleCsv('service_visits', [{ ...hs, region_code: '330106', agency_id: 'AG-330106-SCJG' }]),
    { caller: users.xh_sup },
  );
  assert.equal(r.rowsBad, 1);
  assert.match(r.errors[0].text, /^第2行 source_id（服务编号）：FW12000 已对应您辖区以外的记录，无权覆盖/);
  const [row] = await store.query<{ region_code: string }>(`SELECT region_code FROM service_visits WHERE source_id = 'FW12000'`);
  assert.equal(row.region_code, '330203');
  // Agency staff: payments only for cases of their own agency.
  const pay = await importText(
    'payments',
    sampleCsv('payments', [{ ...sampleRow('payments', 5000) }, { ...sampleRow('payments', 424242) }]),
    { caller: users.xh_staff },
  );
  assert.equal(pay.rowsOk, 1);
  assert.match(pay.errors[0].text, /^第3行 case_id（案件编号）：案件不存在或不属于本部门/);
});

test('each batch leaves one import_batches row with its errors and one audit entry; the chain verifies', async () => {
  const rows = [sampleRow('entities', 13000), { ...sampleRow('entities', 13001), uscc: '123' }];
  const r = await importText('entities', sampleCsv('entities', rows), { caller: users.xh_sup });
  const [b] = await store.query<{
    kind: string;
    region_code: string;
    rows_total: number;
    rows_ok: number;
    rows_bad: number;
    errors: string;
  }>('SELECT kind, region_code, rows_total, rows_ok, rows_bad, errors FROM import_batches WHERE id = $1', [r.batchId]);
  assert.deepEqual(
    { ...b, errors: undefined },
    { kind: 'entities', region_code: '330106', rows_total: 2, rows_ok: 1, rows_bad: 1, errors: undefined },
  );
  // The rejected rows are kept sealed (they may hold personal data: src/privacy).
  const errors = JSON.parse(unseal(b.errors));
  assert.equal(errors[0].row, 3);
  assert.equal(errors[0].field, 'uscc');
  assert.equal(errors[0].record['uscc'], '123');
  const audit = await store.query<{ actor: string; action: string; detail: string }>(
    `SELECT actor, action, detail FROM audit_log WHERE target = $1`,
    [r.batchId],
  );
  assert.equal(audit.length, 1);
  assert.equal(audit[0].action, 'ingest.batch');
  assert.equal(audit[0].actor, users.xh_sup.userId);
  assert.deepEqual(JSON.parse(audit[0].detail), {
    kind: 'entities',
    source_system: '',
    file_name: `f${fileNo}.csv`,
    agency_id: null,
    rows_read: 2,
    rows_ok: 1,
    rows_bad: 1,
    inserted: 1,
    updated: 0,
    unchanged: 0,
    duplicates: 0,
  });
  assert.equal((await verifyAuditLog(store)).ok, true);
});

test('a batch from the API counts records (第N条), and a failing batch writes nothing', async () => {
  const records = [sampleRow('delegations', 14000), { ...sampleRow('delegations', 14001), fee: 'abc' }];
  const r = await importRows(store, recordsSource(records), { kind: 'delegations', caller: SYSTEM_CALLER, sourceSystem: 'api-sys' });
  assert.match(r.errors[0].text, /^第2条 fee（委托费用）：金额格式错误/);
  const batches = await count('import_batches');
  const n = await count('delegations');
  // A store failure mid-merge (a simulated disk failure on the INSERT) rolls the whole batch back.
  const broken = { ...sampleRow('delegations', 14002), service_name: 'x'.repeat(400) };
  // The insert fails whichever way it is sent (a push counts what it inserted by RETURNING, a query).
  const fails = (q: Parameters<Store['exec']>[0]) => {
    const text = typeof q === 'string' ? q : q.render().text;
    if (text.startsWith('INSERT INTO delegations')) throw new Error('disk full (simulated)');
  };
  const failingTx = (tx: Store): Store =>
    Object.assign(Object.create(tx), {
      exec: async (q: Parameters<Store['exec']>[0], p?: Parameters<Store['exec']>[1]) => {
        fails(q);
        return tx.exec(q, p);
      },
      query: async (q: Parameters<Store['query']>[0], p?: Parameters<Store['query']>[1]) => {
        fails(q);
        return tx.query(q, p);
      },
    });
  // The import stages on a session of its own, then merges in a transaction begun on it.
  const failing: Store = Object.create(store);
  failing.session = (fn) =>
    store.session((s) =>
      fn(
        Object.assign(Object.create(s), {
          transaction: (f: Parameters<Store['transaction']>[0]) => s.transaction((tx) => f(failingTx(tx))),
        }),
      ),
    );
  await assert.rejects(
    importRows(failing, recordsSource([broken]), { kind: 'delegations', caller: SYSTEM_CALLER, sourceSystem: 'api-sys' }),
    /disk full/,
  );
  assert.equal(await count('import_batches'), batches);
  assert.equal(await count('delegations'), n);
  assert.equal((await verifyAuditLog(store)).ok, true);
});

test('values: real dates only, money ≥ 0 with two decimals, Chinese booleans, Beijing time, USCC folding', () => {
  assert.equal(parseDate('2024-02-29'), '2024-02-29');
  assert.equal((parseDate('2023-02-29') as Bad).message, '日期无效：2023年2月没有29日');
  assert.equal(parseDate('2025/3/2'), '2025-03-02');
  assert.equal(parseDate('2025年3月2日'), '2025-03-02');
  assert.equal(parseDate('20250302'), '2025-03-02');
  assert.equal(parseDate('2025-03-02 00:00:00'), '2025-03-02');
  assert.equal(parseDate(new Date('2025-03-02T00:00:00Z')), '2025-03-02');
  assert.ok(parseDate('2025-13-01') instanceof Bad);
  assert.ok(parseDate('03/02/2025') instanceof Bad);
  assert.equal(parseDate(''), null);
  assert.equal(parseMoney('1,234.50'), '1234.50');
  assert.equal(parseMoney('¥200元'), '200');
  assert.equal(parseMoney('12.300'), '12.30');
  assert.equal(parseMoney(5000), '5000.00');
  assert.match((parseMoney('-1') as Bad).message, /不能为负数/);
  assert.match((parseMoney('0.001') as Bad).message, /至多保留两位小数/);
  assert.match((parseMoney(0.125) as Bad).message, /至多保留两位小数/);
  assert.match((parseMoney('1e5') as Bad).message, /金额格式错误/);
  assert.match((parseMoney('10000000000000') as Bad).message, /金额过大/);
  assert.deepEqual(['是', '否', 'TRUE', '0', 'y', true].map(parseBoolean), ['true', 'false', 'true', 'false', 'true', 'true']);
  assert.equal(parseTimestamp('2025-04-12 09:31:00'), '2025-04-12T01:31:00.000Z');
  assert.equal(parseTimestamp('2025-04-12T09:31:00+08:00'), '2025-04-12T01:31:00.000Z');
  assert.equal(parseTimestamp('2025-04-12T01:31:00Z'), '2025-04-12T01:31:00.000Z');
  assert.ok(parseTimestamp('2025-04-12 25:00') instanceof Bad);
  assert.equal(parseUscc(` ${sampleUscc(5).toLowerCase()} `), sampleUscc(5));
  assert.equal(parseUscc(sampleUscc(5).replace(/[0-9A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0))), sampleUscc(5));
});

test('the quick USCC check agrees with the domain rule (GB 32100-2015) on valid and corrupted codes', () => {
  const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXYIOZSV';
  let seed = 7;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let i = 0; i < 3000; i++) {
    let code = sampleUscc(rand(10_000_000));
    if (i % 2) {
      const at = rand(18);
      code = code.slice(0, at) + alphabet[rand(alphabet.length)] + code.slice(at + 1);
    }
    const parsed = parseUscc(code);
    assert.equal(parsed instanceof Bad ? (parsed as Bad).message : null, usccProblem(code), code);
  }
});

test('the validator fast path for canonical cells decides every row as the full checks do', () => {
  const refs: References = withFolded({
    regions: new Set(['330000', '330100', '330102', '330106', '330106001', '330200', '330203']),
    agencies: new Map([
      ['AG-330106-SCJG', '330106'],
      ['AG-330102-SCJG', '330102'],
      ['AG-330203-SCJG', '330203'],
      ['AG-330100-SCJG', '330100'],
    ]),
    codes: new Map([
      ['item', new Set(['XK-SCJG-0001', 'CF-SCJG-0001', 'JC-SCJG-0001'])],
      ['inspection_item', new Set(['JC-SCJG-0001'])],
      ['line', new Set(['SCJG'])],
      ['regulation', new Set(['xingzheng-chufa-fa'])],
      ['officer', new Set(['OF-330106-0001'])],
    ]),
  });
  const fullWidth = (v: string) => v.replace(/[0-9A-Za-z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const variants = (v: string) => [
    v,
    ` ${v}`,
    `${v} `,
    `\u3000${v}`,
    `${v}\u00a0`,
    `\ufeff${v}`,
    v.toLowerCase(),
    v.toUpperCase(),
    fullWidth(v),
    `${v}\u0001`,
    `a\u0001b`,
    `${v}\u0007x`,
    `a\tb`,
    '',
    'x'.repeat(600),
    '2023-02-29',
    '2024-02-29',
    '2025-1-01',
    '1899-12-31',
    '2101-01-01',
    '2025-00-10',
    '2025-12-32',
    '2025/03/02',
    'true',
    'TRUE',
    '1',
    '是',
    'random',
    '双随机',
    'fine',
    'AG-330106-SCJG',
    'AG-330102-SCJG',
    'AG-999',
    '330203',
    '330106001',
    '999999',
    '12.50',
    '12.5',
    '12.500',
    '1,000',
    '-1',
    '5',
    '05',
    '2025-04-12T01:31:00.000Z',
    '2025-04-12 09:31:00',
    'a"b',
    'JC-SCJG-0001',
    'zj-xzzf',
    'bad system!',
  ];
  let compared = 0;
  for (const caller of [SYSTEM_CALLER, users.xh_sup, users.xh_staff]) {
    for (const kind of KINDS) {
      const spec = KIND_SPECS[kind];
      const good = sampleRow(kind, 1);
      const cells = spec.fields.map((f) => good[f.name] ?? '');
      const warm = rowValidator(spec, { caller, refs, defaultSourceSystem: 'zj-xzzf' });
      const out = new Array<string | null>(cells.length);
      warm.validate(cells, 2, out); // primes its source system and region caches: the fast path is open
      for (let i = 0; i < cells.length; i++) {
        for (const v of variants(cells[i])) {
          const row = cells.slice();
          row[i] = v;
          const fast = new Array<string | null>(cells.length);
          const full = new Array<string | null>(cells.length);
          const a = warm.validate(row, 3, fast);
          // A new validator has seen no source system yet: it decides by the full checks.
          const b = rowValidator(spec, { caller, refs, defaultSourceSystem: 'zj-xzzf' }).validate(row, 3, full);
          assert.deepEqual(a, b, `${kind} ${spec.fields[i].name} ${JSON.stringify(v)}`);
          if (!a) assert.deepEqual(fast, full, `${kind} ${spec.fields[i].name} ${JSON.stringify(v)}`);
          compared++;
        }
      }
    }
  }
  assert.ok(compared > 5000);
});

test('the CSV splitter handles records split across chunks at every position', () => {
  const text = 'a,b,c\r\n"x, y","say ""hi""",3\n"multi\nline",,\n4,5,6';
  const expected = [
    ['a', 'b', 'c'],
    ['x, y', 'say "hi"', '3'],
    ['multi\nline', '', ''],
    ['4', '5', '6'],
  ];
  for (let cut = 0; cut <= text.length; cut++) {
    const s = new CsvSplitter();
    const out: string[][] = [];
    s.push(text.slice(0, cut), out);
    s.push(text.slice(cut), out);
    s.end(out);
    assert.deepEqual(out, expected, `cut at ${cut}`);
  }
});

test('docs/import-formats.md is generated from the registry (npm run docs:import)', () => {
  assert.equal(readFileSync(join(ROOT, 'docs/import-formats.md'), 'utf8'), importFormatsMarkdown(), 'run npm run docs:import');
});

// ── HTTP API ─────────────────────────────────────────────────────────────────────────────────────
let app: FastifyInstance;
async function loginAs(username: string): Promise<string> {
  app ??= await buildApp({ store, checkResponses: true });
  const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: PASSWORD } });
  assert.equal(res.statusCode, 200, res.body);
  return `kedu_session=${res.cookies.find((c) => c.name === 'kedu_session')!.value}`;
}
after(async () => {
  await app?.close();
});

test('POST /api/v1/ingest/:kind lands good records, reports bad ones, and is idempotent', async () => {
  const cookie = await loginAs('xh_staff');
  const records = [sampleRow('cases', 20000), sampleRow('cases', 20001), { ...sampleRow('cases', 20002), filed_on: '2025-02-30' }];
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/cases',
    headers: { cookie },
    payload: { sourceSystem: 'xh-case', records },
  });
  assert.equal(res.statusCode, 200, res.body);
  const body = res.json();
  assert.equal(body.sourceSystem, 'zj-xzzf'); // the records' own source_system wins
  assert.deepEqual([body.rowsRead, body.rowsOk, body.rowsBad, body.inserted], [3, 2, 1, 2]);
  // A refused row is an object a client can point at the cell with, and a line a person reads.
  assert.deepEqual(body.errors, [
    {
      row: 3,
      field: 'filed_on',
      code: 'invalid',
      message: '日期无效：2025年2月没有30日',
      label: '立案日期',
      text: '第3条 filed_on（立案日期）：日期无效：2025年2月没有30日',
    },
  ]);
  assert.equal(body.errorsUrl, `/api/v1/imports/${body.batchId}/errors.csv`);
  const again = (
    await app.inject({
      method: 'POST',
      url: '/api/v1/ingest/cases',
      headers: { cookie },
      payload: { sourceSystem: 'xh-case', records: records.slice(0, 2) },
    })
  ).json();
  assert.deepEqual([again.inserted, again.unchanged], [0, 2]);
  assert.equal(again.errorsUrl, null);

  // The error file: only for someone whose jurisdiction covers the batch.
  const csv = await app.inject({ method: 'GET', url: body.errorsUrl, headers: { cookie: await loginAs('xh_sup') } });
  assert.equal(csv.statusCode, 200);
  assert.match(csv.headers['content-type'] as string, /^text\/csv/);
  assert.ok(csv.body.startsWith('\uFEFF行号,错误信息,'));
  assert.match(csv.body, /\r\n3,filed_on（立案日期）：日期无效：2025年2月没有30日,/);
  const denied = await app.inject({ method: 'GET', url: body.errorsUrl, headers: { cookie: await loginAs('hs_sup') } });
  assert.equal(denied.statusCode, 403);
  const otherAgency = await app.inject({ method: 'GET', url: body.errorsUrl, headers: { cookie: await loginAs('sc_staff') } });
  assert.equal(otherAgency.statusCode, 403);
  assert.equal((await app.inject({ method: 'GET', url: '/api/v1/imports/imp-nope/errors.csv', headers: { cookie } })).statusCode, 404);
});

test('codes typed in lower case or full width name the stored code, through the API and a file', async () => {
  const fullWidth = (v: string) => v.replace(/[0-9A-Za-z-]/g, (c) => (c === '-' ? '－' : String.fromCharCode(c.charCodeAt(0) + 0xfee0)));
  const cookie = await loginAs('xh_staff');
  const pushed = [
    { ...sampleRow('licences', 20100), agency_id: 'ag-330106-scjg', item_code: 'xk-scjg-0001' },
    { ...sampleRow('licences', 20101), agency_id: fullWidth('AG-330106-SCJG'), item_code: ` ${fullWidth('xk-scjg-0001')}` },
    { ...sampleRow('licences', 20102), item_code: 'xk-scjg-9999' },
  ];
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/licences',
    headers: { cookie },
    payload: { sourceSystem: 'xh-licence', records: pushed },
  });
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual([res.json().rowsOk, res.json().rowsBad], [2, 1], res.body);
  assert.equal(res.json().errors[0].message, '执法事项不存在：xk-scjg-9999');
  const viaFile = await importText(
    'licences',
    sampleCsv('licences', [{ ...sampleRow('licences', 20103), agency_id: 'Ag-330106-Scjg', item_code: fullWidth('XK-SCJG-0001') }]),
    { caller: users.xh_sup },
  );
  assert.equal(viaFile.rowsOk, 1);
  const stored = await store.query<{ agency_id: string; item_code: string }>(
    "SELECT DISTINCT agency_id, item_code FROM licences WHERE source_id IN ('XK20100', 'XK20101', 'XK20103')",
  );
  assert.deepEqual(stored, [{ agency_id: 'AG-330106-SCJG', item_code: 'XK-SCJG-0001' }]);
});

test('a folded code names a stored code only when one folds to it', () => {
  const refs = withFolded({
    regions: new Set(),
    agencies: new Map([
      ['ab-1', '330106'],
      ['AB-1', '330106'],
      ['AG-2', '330106'],
    ]),
    codes: new Map([['item', new Set(['XK-1'])]]),
  });
  assert.equal(canonicalCode(refs, 'agency', 'ab-1'), 'ab-1'); // exact wins
  assert.equal(canonicalCode(refs, 'agency', 'Ab-1'), 'Ab-1'); // two fold alike: neither (refused as missing)
  assert.equal(canonicalCode(refs, 'agency', 'ａｇ－２'), 'AG-2');
  assert.equal(canonicalCode(refs, 'item', 'xk-1 '), 'XK-1');
  assert.equal(canonicalCode(refs, 'item', 'xk-2'), 'xk-2');
});

test('the ingest API refuses oversized batches, bad source systems, and roles that may not import', async () => {
  const cookie = await loginAs('xh_staff');
  const many = Array.from({ length: 10_001 }, () => ({ source_id: 'x' }));
  const big = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/cases',
    headers: { cookie },
    payload: { sourceSystem: 'x', records: many },
  });
  assert.equal(big.statusCode, 400);
  const badSource = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/cases',
    headers: { cookie },
    payload: { sourceSystem: '来源 系统', records: [{}] },
  });
  assert.equal(badSource.statusCode, 400);
  const hotline = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/hotline_tickets',
    headers: { cookie },
    payload: { sourceSystem: 'x', records: [sampleRow('hotline_tickets', 1)] },
  });
  assert.equal(hotline.statusCode, 403);
  assert.equal(hotline.json().error.message, '执法部门账号不能导入12345工单数据');
  assert.equal(
    (
      await app.inject({
        method: 'POST',
        url: '/api/v1/ingest/nothing',
        headers: { cookie },
        payload: { sourceSystem: 'x', records: [{}] },
      })
    ).statusCode,
    404,
  );
  assert.equal(
    (await app.inject({ method: 'POST', url: '/api/v1/ingest/cases', payload: { sourceSystem: 'x', records: [{}] } })).statusCode,
    401,
  );
  // Out-of-region records are rejected per record (documented choice), the rest land.
  const hs = await app.inject({
    method: 'POST',
    url: '/api/v1/ingest/entities',
    headers: { cookie: await loginAs('hs_sup') },
    payload: { sourceSystem: 'x', records: [sampleRow('entities', 21000)] },
  });
  assert.equal(hs.statusCode, 200);
  assert.deepEqual([hs.json().rowsOk, hs.json().rowsBad], [0, 1]);
  assert.match(hs.json().errors[0].text, /不在您的辖区（330203）内/);
  assert.equal(hs.json().errors[0].code, 'outside_jurisdiction');
});

test("POST /api/v1/imports takes a multipart upload; GET /api/v1/imports lists the batches of the caller's jurisdiction", async () => {
  const cookie = await loginAs('xh_sup');
  const boundary = '----kedu-test-boundary';
  const csv = encodeGb18030(
    sampleCsv('licences', [sampleRow('licences', 22000), { ...sampleRow('licences', 22001), applied_on: '' }], { chinese: true }),
  );
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nlicences\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="西湖区许可.csv"\r\nContent-Type: text/csv\r\n\r\n`,
    ),
    csv,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  const res = await app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload,
  });
  assert.equal(res.statusCode, 200, res.body);
  const r = res.json();
  assert.deepEqual([r.fileName, r.encoding, r.rowsOk, r.rowsBad], ['西湖区许可.csv', 'gb18030', 1, 1]);
  assert.deepEqual(
    r.errors.map((e: { text: string }) => e.text),
    ['第3行 applied_on（申请日期）：必填项为空'],
  );

  const list = (await app.inject({ method: 'GET', url: '/api/v1/imports?kind=licences', headers: { cookie } })).json();
  assert.ok(list.items.some((b: { id: string }) => b.id === r.batchId));
  assert.ok(list.items.every((b: { regionCode: string }) => b.regionCode.startsWith('330106')));
  const hsList = (await app.inject({ method: 'GET', url: '/api/v1/imports', headers: { cookie: await loginAs('hs_sup') } })).json();
  assert.ok(!hsList.items.some((b: { id: string }) => b.id === r.batchId));
  const one = (await app.inject({ method: 'GET', url: `/api/v1/imports/${r.batchId}`, headers: { cookie } })).json();
  assert.deepEqual(one.errors, [
    {
      row: 3,
      field: 'applied_on',
      code: 'required',
      message: '必填项为空',
      label: '申请日期',
      text: '第3行 applied_on（申请日期）：必填项为空',
    },
  ]);
  // Agency staff see only their own agency's batches.
  const staffList = (await app.inject({ method: 'GET', url: '/api/v1/imports', headers: { cookie: await loginAs('xh_staff') } })).json();
  assert.ok(staffList.items.length > 0);
  assert.ok(!staffList.items.some((b: { id: string }) => b.id === r.batchId));
  // No file: 400 naming the field.
  const empty = await app.inject({
    method: 'POST',
    url: '/api/v1/imports',
    headers: { cookie, 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: `--${boundary}\r\nContent-Disposition: form-data; name="kind"\r\n\r\nlicences\r\n--${boundary}--\r\n`,
  });
  assert.equal(empty.statusCode, 400);
});

test('the ingest routes are in the OpenAPI document', async () => {
  app ??= await buildApp({ store, checkResponses: true });
  await app.ready();
  const doc = app.swagger() as {
    paths: Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { schema: { properties: Record<string, unknown> } }> } }>
    >;
  };
  for (const kind of KINDS) assert.ok(doc.paths[`/api/v1/ingest/${kind}`]?.post, kind);
  assert.ok(doc.paths['/api/v1/imports'].post.requestBody!.content['multipart/form-data']);
  assert.ok(doc.paths['/api/v1/imports/{id}/errors.csv'].get);
  const caseSchema = doc.paths['/api/v1/ingest/cases'].post.requestBody!.content['application/json'].schema as unknown as {
    properties: { records: { items: { properties: Record<string, { description: string }> } } };
  };
  assert.match(caseSchema.properties.records.items.properties.fine_amount.description, /^罚款金额。金额/);
});

// ── CLI and atomicity ────────────────────────────────────────────────────────────────────────────
const KEDU = join(ROOT, 'bin/kedu.mjs');

test('kedu import: prints the counts and the rate, writes the error CSV with a BOM, exits non-zero when every row is bad', async () => {
  const own = await cliStore(dir, 'cli');
  try {
    const s = await own.open();
    await seedIngestReference(s);
    await s.close();
    const file = join(dir, 'cli-licences.csv');
    writeFileSync(file, sampleCsv('licences', [sampleRow('licences', 1), { ...sampleRow('licences', 2), applied_on: '2025-02-30' }]));
    const run = spawnSync(process.execPath, [KEDU, ...own.args, 'import', file, '--kind', 'licences'], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    assert.match(run.stdout, /^读取 2 行，入库 1 条（新增 1，更新 0，未变 0），拒绝 1 行；用时 [\d.]+ 秒，[\d,]+ 行\/秒$/m);
    const errorFile = join(dir, 'cli-licences.errors.csv');
    const errorCsv = readFileSync(errorFile, 'utf8');
    assert.ok(errorCsv.startsWith('\uFEFF行号,错误信息,source_system,source_id,'));
    assert.match(errorCsv, /\r\n3,applied_on（申请日期）：日期无效：2025年2月没有30日,zj-xzzf,XK2,/);
    // The corrected error file imports as is.
    writeFileSync(errorFile, errorCsv.replace('2025-02-30', '2025-01-03'));
    const fixed = spawnSync(
      process.execPath,
      [KEDU, ...own.args, 'import', errorFile, '--kind', 'licences', '--json', '--errors', join(dir, 'none.csv')],
      { encoding: 'utf8' },
    );
    assert.equal(fixed.status, 0, fixed.stderr);
    assert.deepEqual([JSON.parse(fixed.stdout).inserted, JSON.parse(fixed.stdout).rowsBad], [1, 0]);

    writeFileSync(file, sampleCsv('licences', [{ ...sampleRow('licences', 3), entity_uscc: 'bad' }]));
    const allBad = spawnSync(process.execPath, [KEDU, ...own.args, 'import', file, '--kind', 'licences'], { encoding: 'utf8' });
    assert.equal(allBad.status, 1);
    const missing = spawnSync(process.execPath, [KEDU, ...own.args, 'import', join(dir, 'nope.csv'), '--kind', 'licences'], {
      encoding: 'utf8',
    });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /文件不存在/);
  } finally {
    await own.drop();
  }
});

test('a killed import leaves either none or all of the batch, never part of it', { timeout: 180_000 }, async () => {
  const own = await cliStore(dir, 'kill');
  const rows = 150_000;
  const file = join(dir, 'kill.csv');
  await writeLargeInspectionsCsv(file, rows);
  try {
    const s = await own.open();
    await seedIngestReference(s);
    await s.close();
    // Kill at different moments: while reading and staging, and while merging and committing.
    const killed: number[] = [];
    const leftBehind = () => readdirSync(tmpdir()).filter((n) => killed.some((pid) => n.startsWith(`kedu-ingest-${pid}-`)));
    for (const [when, delayMs] of [
      ['导入 kill.csv 50%', 0],
      ['写入数据库', 150],
    ] as const) {
      const child = spawn(process.execPath, [KEDU, ...own.args, 'import', file, '--kind', 'inspections'], {
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      killed.push(child.pid!);
      let stderr = '';
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      await new Promise<void>((resolve) => {
        child.stderr.on('data', (d: Buffer) => {
          stderr += d.toString();
          if (stderr.includes(when)) {
            // While reading on DuckDB: once its staging folder exists (the progress line can come before
            // the first part file under load, and a kill then leaves nothing to clean up).
            const staged = () => readdirSync(tmpdir()).some((n) => n.startsWith(`kedu-ingest-${child.pid}-`));
            const wait = when.startsWith('导入') && !process.env.KEDU_TEST_DATABASE_URL;
            const start = Date.now();
            const kill = () => (wait && !staged() && Date.now() - start < 5_000 ? setTimeout(kill, 20) : child.kill('SIGKILL'));
            setTimeout(kill, delayMs);
            resolve();
          }
        });
        void exited.then(() => resolve());
      });
      await exited;
      const check = await own.open();
      const n = await check.query<{ n: number }>('SELECT COUNT(*) AS n FROM inspections');
      const b = await check.query<{ n: number }>('SELECT COUNT(*) AS n FROM import_batches');
      const audit = await verifyAuditLog(check);
      await check.close();
      assert.ok([0, rows].includes(Number(n[0].n)), `killed at "${when}": ${n[0].n} rows`);
      assert.equal(Number(b[0].n), Number(n[0].n) === 0 ? 0 : 1);
      assert.equal(audit.ok, true);
      if (Number(n[0].n) === rows) break; // it finished before the kill: nothing left to test
      // On DuckDB an import killed while reading leaves its folder of part files (looked at before the
      // next import, which removes the folders of ended processes).
      if (when.startsWith('导入') && !process.env.KEDU_TEST_DATABASE_URL) {
        assert.ok(leftBehind().length > 0, 'an import killed while reading left no staging folder');
      }
    }
    // After the kills the store is whole: a full import lands every row exactly once.
    const full = spawnSync(process.execPath, [KEDU, ...own.args, 'import', file, '--kind', 'inspections', '--json'], { encoding: 'utf8' });
    assert.equal(full.status, 0, full.stderr);
    assert.deepEqual(leftBehind(), []);
    const check = await own.open();
    const [{ n }] = await check.query<{ n: number }>('SELECT COUNT(*) AS n FROM inspections');
    await check.close();
    assert.equal(Number(n), rows);
  } finally {
    await own.drop();
    if (existsSync(file)) rmSync(file);
  }
});
