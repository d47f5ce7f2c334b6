// `kedu serve --demo`, as `npm start` runs it: an empty store is filled with the demo data and its
// supervision history, the real-time checks' state loads in the background, and a record pushed by an
// agency system is judged as of the demo's day (pinned here, so the test stays the same every day).
// Stopped with SIGTERM, the server exits cleanly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliStore } from './helpers/store.ts';
import { DEMO_AS_OF } from './helpers/demo-day.ts';

const KEDU = join(import.meta.dirname, '..', 'bin', 'kedu.mjs');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

test('kedu serve --demo starts with demo data, loads the real-time state and judges a pushed record', { timeout: 900_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kedu-serve-'));
  const own = await cliStore(dir, 'serve');
  const port = await freePort();
  const child = spawn(
    process.execPath,
    [KEDU, ...own.args, 'serve', '--demo', '--as-of', DEMO_AS_OF, '--port', String(port), '--schedule-minutes', '0'],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, KEDU_ATTACHMENTS_DIR: join(dir, 'attachments') } },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const printed = (line: RegExp) =>
    new Promise<void>((resolve, reject) => {
      const look = () => {
        if (line.test(stdout)) resolve();
      };
      child.stdout.on('data', (d: Buffer) => {
        stdout += d.toString();
        look();
      });
      void exited.then(() => reject(new Error(`kedu serve exited before printing ${line}:\n${stdout}\n${stderr}`)));
      look();
    });
  try {
    await printed(/Kedu 刻度已启动/);
    await printed(/实时校验状态已加载（[\d.]+ 秒）/);
    assert.match(stdout, /已生成 [\d,]+ 条执法记录，截至 2025-12-31/);
    assert.match(stdout, /问题线索 \d+ 条、办理记录 \d+ 条、监督文书 \d+ 份/);
    assert.match(stdout, /按 2025-12-31 判断/);
    const base = `http://127.0.0.1:${port}/api/v1`;
    const login = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'fy_zhifa', password: 'kedu2025' }),
    });
    assert.equal(login.status, 200, await login.clone().text());
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    // An inspection of the agency's, sent again under a new source id by one officer on a day before
    // the demo's "today": 单人执法 at once.
    const listed = (await (await fetch(`${base}/records/inspections?pageSize=1`, { headers: { cookie } })).json()) as {
      rows: Record<string, unknown>[];
    };
    const [stored] = listed.rows;
    const record = {
      source_id: 'SERVE-1',
      agency_id: stored.agency_id,
      region_code: stored.region_code,
      inspection_item_code: stored.inspection_item_code,
      entity_uscc: stored.entity_uscc,
      inspected_on: '2025-12-20',
      kind: 'random',
      joint_id: '',
      lead_officer_id: stored.lead_officer_id,
      assist_officer_id: '',
      via_code: 'true',
      result: 'compliant',
    };
    const push = await fetch(`${base}/ingest/inspections`, {
      method: 'POST',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ sourceSystem: 'fy-zhifa', records: [record] }),
    });
    const body = (await push.json()) as { inserted: number; errors: string[]; realtime: { newClues: number } };
    assert.equal(push.status, 200, JSON.stringify(body));
    assert.equal(body.inserted, 1, JSON.stringify(body.errors));
    assert.ok(body.realtime.newClues >= 1, JSON.stringify(body.realtime));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    child.kill('SIGKILL');
    await own.drop();
    rmSync(dir, { recursive: true, force: true });
  }
});
