// Hostile files and bodies at the import: each is refused (or read) with a clear Chinese message in
// bounded time and memory, without holding up the rest of the server, and the CLI says what is wrong
// instead of dying with a stack trace.
import type { RowError } from '../src/ingest/validate.ts';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { cliStore, openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD } from './helpers/fixtures.ts';
import { sampleCsv, sampleRow, seedIngestReference } from './fixtures/ingest-samples.ts';
import { EXTRA, xlsx } from './helpers/zip.ts';
import { buildApp } from '../src/api/app.ts';
import { openXlsx, XLSX_LIMITS, XlsxProblem } from '../src/ingest/xlsx-reader.ts';
import { CsvSplitter, fileSource } from '../src/ingest/sources.ts';
import { importRows } from '../src/ingest/import-batch.ts';
import { SYSTEM_CALLER } from '../src/auth/caller.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEDU = join(ROOT, 'bin/kedu.mjs');
const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-limits-test-'));
let app: FastifyInstance;
let base: string;

before(async () => {
  await seedIngestReference(store);
  await addUser(store, 'admin1', 'admin', '330000');
  app = await buildApp({ store });
  base = await app.listen({ host: '127.0.0.1', port: 0 });
});
after(async () => {
  await app.close();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

async function cookieOf(username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  assert.equal(res.status, 200);
  return res.headers.get('set-cookie')!.split(';')[0];
}

/** The 99 KB file of the report: a header, one row, and one 100 MB shared string (built once: deflating takes 2 s). */
let bomb: Buffer | null = null;
function zipBomb(): Buffer {
  return (bomb ??= xlsx(
    [
      ['source_system', 'source_id', 'region_code'],
      ['sys', EXTRA, '330111'],
    ],
    { extraSharedString: Buffer.alloc(100 * 1024 * 1024, 'A') },
  ));
}

test('a 99 KB XLSX holding a 100 MB shared string is refused at once, while other requests go on being answered', async () => {
  const bomb = zipBomb();
  assert.ok(bomb.length < 110 * 1024, `${bomb.length} bytes`);
  const cookie = await cookieOf('admin1');
  const form = new FormData();
  form.append('kind', 'inspections');
  form.append('file', new Blob([new Uint8Array(bomb)]), 'bomb.xlsx');

  // Another user's requests, one after the other, for as long as the upload is being handled.
  const latencies: number[] = [];
  let uploading = true;
  const probe = (async () => {
    while (uploading) {
      const started = performance.now();
      const res = await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } });
      await res.arrayBuffer();
      latencies.push(performance.now() - started);
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const started = performance.now();
  const res = await fetch(`${base}/api/v1/imports`, {
    method: 'POST',
    headers: { cookie },
    body: form,
    signal: AbortSignal.timeout(30_000),
  });
  const took = performance.now() - started;
  uploading = false;
  await probe;
  const body = (await res.json()) as { error: { code: string; message: string } };
  assert.equal(res.status, 400, JSON.stringify(body));
  assert.match(body.error.message, /超长内容：单元格至多 32767 个字符/);
  assert.ok(took < 5_000, `refused after ${took.toFixed(0)} ms`);
  assert.ok(latencies.length > 0);
  const worst = Math.max(...latencies);
  assert.ok(worst < 1_000, `another request waited ${worst.toFixed(0)} ms`);
});

test('kedu import refuses the same file with a message and exit code 2, not a stack trace', async () => {
  const path = join(dir, 'bomb.xlsx');
  writeFileSync(path, zipBomb());
  const own = await cliStore(dir, 'limits');
  try {
    const run = spawnSync(process.execPath, [KEDU, ...own.args, 'import', path, '--kind', 'inspections'], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^错误：工作表|^错误：共享字符串/m);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'a stack trace');
  } finally {
    await own.drop();
  }
});

test('XLSX caps: rows, shared strings (count and total size), decompressed size, parts', async () => {
  const path = join(dir, 'small.xlsx');
  writeFileSync(
    path,
    xlsx([
      ['a', 'b'],
      ['c', 1],
      ['d', 2],
      ['e', 3],
    ]),
  );
  const readAll = async (limits: Partial<typeof XLSX_LIMITS>) => {
    const reading = await openXlsx(path, { ...XLSX_LIMITS, ...limits });
    try {
      let rows = 0;
      for await (const batch of reading.rows(2)) rows += batch.length;
      return rows;
    } finally {
      reading.close();
    }
  };
  assert.equal(await readAll({}), 4);
  const refused = async (limits: Partial<typeof XLSX_LIMITS>, message: RegExp) =>
    assert.rejects(readAll(limits), (e: Error) => e instanceof XlsxProblem && message.test(e.message));
  await refused({ rows: 3 }, /工作表超过 3 行/);
  await refused({ sharedStrings: 4 }, /共享字符串超过 4 个/);
  await refused({ sharedStringChars: 4 }, /共享字符串合计超过 4 个字符/);
  await refused({ sheetBytes: 100 }, /工作表解压后为 \d+字节，超过上限 100字节/);
  await refused({ entries: 3 }, /部件超过 3 个/);
  await refused({ cellChars: 0 }, /超长内容/);
});

// ── JSON: depth, long integers, two keys for one field ──────────────────────────────────────────
const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);

async function post(url: string, cookie: string, body: string) {
  const res = await fetch(`${base}${url}`, { method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body });
  return { status: res.status, body: (await res.json()) as { error?: { message: string }; errors?: RowError[]; rowsOk?: number } };
}

async function upload(cookie: string, name: string, content: string | Buffer, kind = 'inspections') {
  const form = new FormData();
  form.append('kind', kind);
  form.append('sourceSystem', 'limits');
  form.append('file', new Blob([typeof content === 'string' ? content : new Uint8Array(content)]), name);
  const res = await fetch(`${base}/api/v1/imports`, { method: 'POST', headers: { cookie }, body: form });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { message: string }; errors: RowError[]; rowsOk: number; rowsBad: number },
  };
}

test('deeply nested JSON is a 400 with a message, in a body, a JSON file and a JSON Lines file', async () => {
  const cookie = await cookieOf('admin1');
  for (const n of [100, 100_000]) {
    const body = await post('/api/v1/ingest/inspections', cookie, `{"sourceSystem":"x","records":[{"extra":${deep(n)}}]}`);
    assert.equal(body.status, 400, JSON.stringify(body));
    assert.match(body.body.error!.message, /JSON 嵌套超过 32 层/);
    const json = await upload(cookie, 'deep.json', `[{"source_id":${deep(n)}}]`);
    assert.equal(json.status, 400, JSON.stringify(json.body));
    assert.match(json.body.error!.message, /JSON 嵌套超过 32 层/);
    // A JSON Lines file: that line is a bad row, the others are read.
    const good = JSON.stringify(sampleRow('inspections', 1));
    const lines = await upload(cookie, 'deep.jsonl', `${good}\n{"source_id":${deep(n)}}\n`);
    assert.equal(lines.status, 200, JSON.stringify(lines.body));
    assert.deepEqual([lines.body.rowsOk, lines.body.rowsBad], [1, 1]);
    assert.match(lines.body.errors[0].text, /^第2行：JSON 嵌套超过 32 层/);
  }
});

test('a numeric source id above 2^53 keeps its digits, in a body and in a file', async () => {
  const cookie = await cookieOf('admin1');
  const record = (id: string) => JSON.stringify(sampleRow('inspections', 2)).replace('"source_id":"JC2"', `"source_id":${id}`);
  const pushed = await post('/api/v1/ingest/inspections', cookie, `{"sourceSystem":"big","records":[${record('12345678901234567891')}]}`);
  assert.equal(pushed.status, 200, JSON.stringify(pushed.body));
  const file = await upload(cookie, 'big.jsonl', record('98765432109876543219') + '\n');
  assert.equal(file.body.rowsOk, 1, JSON.stringify(file.body));
  const ids = (
    await store.query<{ source_id: string }>(`SELECT source_id FROM inspections WHERE length(source_id) = 20 ORDER BY source_id`)
  ).map((r) => r.source_id);
  assert.deepEqual(ids, ['12345678901234567891', '98765432109876543219']);
});

test('a record with two keys for one field (inspected_on and 检查日期) is refused, naming both', async () => {
  const cookie = await cookieOf('admin1');
  const row = { ...sampleRow('inspections', 3), 检查日期: '2025-02-01' };
  const res = await post('/api/v1/ingest/inspections', cookie, JSON.stringify({ sourceSystem: 'x', records: [row] }));
  assert.equal(res.status, 200);
  assert.equal(res.body.rowsOk, 0);
  assert.deepEqual(
    res.body.errors?.map((e) => e.text),
    ['第1条 inspected_on（检查日期）：“inspected_on”与“检查日期”都对应字段 inspected_on（检查日期），请只保留其中一个'],
  );
});

// ── CSV: one huge line, UTF-16 ─────────────────────────────────────────────────────────────────────
/** Milliseconds to split one line of `bytes` characters fed in 64 KB chunks, as the CSV reader feeds it. */
function splitOneLine(bytes: number, quoted: boolean): number {
  const line = quoted ? `"${'a'.repeat(bytes)}",b\n` : `${'a'.repeat(bytes)},b\n`;
  const splitter = new CsvSplitter();
  const out: string[][] = [];
  const started = performance.now();
  for (let p = 0; p < line.length; p += 64 << 10) splitter.push(line.slice(p, p + (64 << 10)), out);
  splitter.end(out);
  const took = performance.now() - started;
  assert.equal(out.length, 1);
  assert.equal(out[0][0].length, bytes);
  return took;
}

test('a single 20 MB CSV line is split in linear time, quoted or not', () => {
  for (const quoted of [false, true]) {
    splitOneLine(1 << 20, quoted); // warm up
    // The best of three runs of each: the machine's other work falls on single runs.
    const best = (bytes: number) => Math.min(...[0, 1, 2].map(() => splitOneLine(bytes, quoted)));
    const small = Math.max(1, best(5 << 20));
    const big = best(20 << 20);
    // Four times the text: linear takes about four times as long, quadratic sixteen.
    assert.ok(big / small < 8, `${quoted ? 'quoted' : 'plain'}: 5 MB ${small.toFixed(0)} ms, 20 MB ${big.toFixed(0)} ms`);
  }
});

test('a CSV file with a 20 MB line imports its other rows and names the long one', async () => {
  const path = join(dir, 'long-line.csv');
  const rows = [sampleRow('inspections', 4), sampleRow('inspections', 5)];
  const text = sampleCsv('inspections', rows).replace(/JC5,/, `${'x'.repeat(20 << 20)},`);
  writeFileSync(path, text);
  const r = await importRows(store, await fileSource(path), { kind: 'inspections', caller: SYSTEM_CALLER });
  assert.deepEqual([r.rowsOk, r.rowsBad], [1, 1]);
  assert.match(r.errors[0].text, /^第3行 source_id（[^）]+）：内容过长：20971520字/);
});

test('UTF-16 files (little- and big-endian, with a byte order mark) are read as text', async () => {
  const csv = sampleCsv('inspections', [sampleRow('inspections', 6)]).replace(/JC6/, 'UTF16-检查-6');
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csv, 'utf16le')]);
  const be = Buffer.from(le);
  be.swap16();
  for (const [name, bytes] of [
    ['le.csv', le],
    ['be.csv', be],
  ] as const) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const r = await importRows(store, await fileSource(path), { kind: 'inspections', caller: SYSTEM_CALLER, sourceSystem: name });
    assert.deepEqual([r.rowsOk, r.errors], [1, []], name);
    assert.equal(r.encoding, name === 'le.csv' ? 'utf-16le' : 'utf-16be');
  }
  const got = await store.query<{ n: number }>(`SELECT count(*) AS n FROM inspections WHERE source_id = 'UTF16-检查-6'`);
  assert.equal(Number(got[0].n), 1);
});
