// Hostile files and bodies at the import: each is refused (or read) with a clear Chinese message in
// bounded time and memory, without holding up the rest of the server, and the CLI says what is wrong
// instead of dying with a stack trace.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { cliStore, openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD, seedTwoCounties } from './helpers/fixtures.ts';
import { EXTRA, xlsx } from './helpers/zip.ts';
import { buildApp } from '../src/api/app.ts';
import { openXlsx, XLSX_LIMITS, XlsxProblem } from '../src/ingest/xlsx-reader.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEDU = join(ROOT, 'bin/kedu.mjs');
const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-limits-test-'));
let app: FastifyInstance;
let base: string;

before(async () => {
  await seedTwoCounties(store);
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
