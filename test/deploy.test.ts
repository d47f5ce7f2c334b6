// docs/deploy.md, step by step, through the kedu command as a user types it, with the files in
// docs/samples: init (the administrator's password on stdin), the reference data, the records, the
// models (the first clues), accounts (imported, with one-time passwords, and added), the server (sign
// in, see the clues), and a backup taken while the server runs, which opens with every clue in it.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_ENGINE, cliStore } from './helpers/store.ts';
import { openStore } from '../src/store/open-store.ts';
import { IMPORT_ORDER, KIND_SPECS } from '../src/records/registry.ts';
import { MODELS } from '../src/models/library/index.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEDU = join(ROOT, 'bin', 'kedu.mjs');
const dir = mkdtempSync(join(tmpdir(), 'kedu-deploy-'));
const own = await cliStore(dir, 'deploy');
let server: ChildProcess | null = null;
after(async () => {
  server?.kill('SIGKILL');
  await own.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** One command as typed in the project's folder (docs/samples/… are relative paths). */
function kedu(args: string[], input = '') {
  const r = spawnSync(process.execPath, [KEDU, ...own.args, ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
function ok(args: string[], input = '') {
  const r = kedu(args, input);
  assert.equal(r.status, 0, `kedu ${args.join(' ')}\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

test('docs/deploy.md from init to the first clues, users, the server and a backup', { timeout: 900_000 }, async () => {
  // 2. Initialise: the shipped reference data and the first administrator, the password on stdin.
  assert.match(ok(['init', '--admin', 'admin', '--password-stdin'], 'Deploy-Kedu-2025!\n'), /已创建管理员 admin/);

  // 3–4. The county's reference data, then its records, each file landing whole: every kind, in the
  // order the doc's two loops list them.
  const loops = [...readFileSync(join(ROOT, 'docs/deploy.md'), 'utf8').matchAll(/for kind in ([^;]+); do/g)].map((m) =>
    m[1].split(/[\s\\]+/).filter(Boolean),
  );
  assert.deepEqual(loops.flat(), IMPORT_ORDER, 'docs/deploy.md imports every kind, in the import order');
  const passwords = new Map<string, string>();
  for (const kind of IMPORT_ORDER) {
    const out = ok(['import', `docs/samples/${kind}.csv`, '--kind', kind, '--errors', join(dir, `${kind}.errors.csv`)]);
    assert.match(out, /读取 3 行，入库 3 条（新增 3，更新 0，未变 0），拒绝 0 行/, `${kind}: ${out}`);
    if (KIND_SPECS[kind].writer === 'users')
      for (const [, username, password] of out.matchAll(/^ {2}(\S+)\t\S+\t(\S+)$/gm)) passwords.set(username, password);
  }
  assert.equal(passwords.size, 3, 'one initial password per imported account');
  // The same files again: nothing changes.
  assert.match(ok(['import', 'docs/samples/agencies.csv', '--kind', 'agencies']), /新增 0，更新 0，未变 3/);

  // 5. The models: the first clues.
  const run = ok(['models', 'run', '--as-of', '2026-01-15']);
  const [, models, simple, general] = /共 (\d+) 个模型，\d+ 条命中（新 \d+ 条）；新开简易线索 (\d+) 条、一般线索 (\d+) 条/.exec(run) ?? [];
  assert.equal(Number(models), MODELS.length, run);
  // Triage bundles the hits per subject and leaves weak ones at 预警: the clues are the 简易 and 一般 ones opened.
  const fresh = Number(simple) + Number(general);
  assert.ok(fresh >= 1, run);
  for (const model of ['INS_NO_CERT', 'PEN_NO_CERT', 'INS_FAKE_SERVICE', 'PEN_OUT_OF_TIER', 'HOT_OVERDUE'])
    assert.match(run, new RegExp(`${model}\\s+[1-9]`), `${model} fires on the samples`);

  // Accounts beside the imported ones: one more, its password on stdin.
  assert.match(
    ok(
      ['user', 'add', '--username', 'xh_zhang', '--name', '张科长', '--role', 'supervisor', '--region', '330106', '--password-stdin'],
      'Zhang-Pass-2025\n',
    ),
    /已创建用户 xh_zhang/,
  );

  // 6. The server: sign in as the administrator, an imported account and the added one; the clues are there.
  const port = await freePort();
  server = spawn(process.execPath, [KEDU, ...own.args, 'serve', '--port', String(port), '--schedule-minutes', '0'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  server.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  for (let i = 0; i < 600 && !/Kedu 刻度已启动/.test(log); i++) await new Promise((r) => setTimeout(r, 200));
  assert.match(log, /Kedu 刻度已启动/);
  const base = `http://127.0.0.1:${port}/api/v1`;
  const signIn = async (username: string, password: string) => {
    const res = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    assert.equal(res.status, 200, `${username}: ${await res.clone().text()}`);
    return res.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
  };
  const clues = async (cookie: string) =>
    ((await (await fetch(`${base}/clues?pageSize=100`, { headers: { cookie } })).json()) as { total: number }).total;
  assert.equal(await clues(await signIn('admin', 'Deploy-Kedu-2025!')), Number(fresh));
  assert.equal(
    await clues(await signIn('xh_jdk', passwords.get('xh_jdk')!)),
    Number(fresh),
    'the district supervisor sees the district’s clues',
  );
  assert.ok((await clues(await signIn('xh_zhang', 'Zhang-Pass-2025'))) > 0);

  // 7. A backup while the server runs (handed to it), which opens on its own with every clue.
  const backup = join(dir, 'backup.duckdb');
  const b = kedu(['backup', '--out', backup]);
  if (TEST_ENGINE === 'postgres') {
    assert.equal(b.status, 2);
    assert.match(b.stderr, /pg_dump/);
  } else {
    assert.equal(b.status, 0, b.stderr);
    assert.match(b.stdout, /已备份 \d+ 张表/);
  }
  // 8. The whole store copied into a new one while the server runs (a file here; docs/deploy.md moves
  // it to PostgreSQL the same way): its audit log verifies there, with every clue.
  const moved = join(dir, 'moved.duckdb');
  assert.match(ok(['copy-store', '--to', moved]), /已复制 \d+ 张表、[\d,]+ 行/);
  assert.equal(kedu(['copy-store', '--to', moved]).status, 2, 'an existing file is not overwritten');
  const verified = spawnSync(process.execPath, [KEDU, '--duckdb', moved, 'audit', 'verify'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(verified.status, 0, verified.stdout + verified.stderr);
  const movedStore = await openStore({ databaseUrl: '', duckdbPath: moved });
  try {
    const [{ n }] = await movedStore.query<{ n: number }>('SELECT count(*) AS n FROM clues');
    assert.equal(Number(n), Number(fresh));
    const [{ a }] = await movedStore.query<{ a: number }>("SELECT count(*) AS a FROM audit_log WHERE action = 'store.copy'");
    assert.equal(Number(a), 1, 'the copy is audited in the copy');
  } finally {
    await movedStore.close();
  }

  server.kill('SIGTERM');
  await new Promise((r) => server!.once('exit', r));
  server = null;
  if (TEST_ENGINE === 'duckdb') {
    assert.ok(existsSync(backup));
    const copy = await openStore({ databaseUrl: '', duckdbPath: backup });
    try {
      const [{ n }] = await copy.query<{ n: number }>('SELECT count(*) AS n FROM clues');
      assert.equal(Number(n), Number(fresh));
    } finally {
      await copy.close();
    }
  }
  assert.match(ok(['audit', 'verify']), /审计日志完好/);
});
