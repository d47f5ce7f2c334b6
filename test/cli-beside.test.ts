// The CLI beside a running server, as a user meets it: with `kedu serve` on a store, every command on
// that store works — on DuckDB handed to the server through the owner-only lock file, on PostgreSQL
// directly — with the same output and exit code as on a store no server holds. Signals to `npx kedu
// serve` or `npm start` stop the whole process tree and release the file; a killed server's stale lock
// file is ignored.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TEST_ENGINE, cliStore } from './helpers/store.ts';
import { openStore } from '../src/store/open-store.ts';
import { lockFileOf } from '../src/cli/beside.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEDU = join(ROOT, 'bin', 'kedu.mjs');
const dir = mkdtempSync(join(tmpdir(), 'kedu-beside-'));
const children: ChildProcess[] = [];
const dropped: (() => Promise<void>)[] = [];
after(async () => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dropped) await d();
  rmSync(dir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

async function store(name: string) {
  const s = await cliStore(dir, name);
  dropped.push(s.drop);
  return s;
}

function kedu(storeArgs: string[], args: string[], input = '') {
  const r = spawnSync(process.execPath, [KEDU, ...storeArgs, ...args], { cwd: dir, input, encoding: 'utf8', timeout: 300_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Output with what differs from run to run (batch ids, durations, rates, each store's audit anchor file) taken out. */
const steady = (s: string) =>
  s
    .replace(/imp-[0-9a-f-]{36}/g, 'imp-…')
    .replace(/audit-anchors\/[0-9a-f]+\.json/g, 'audit-anchors/….json')
    .replace(/ *[\d.]+ ?(秒|ms)/g, ' … $1')
    .replace(/[\d,]+ 行\/秒/g, '… 行/秒')
    .replace(/[\d,]+ \/s/g, '… /s');

/** Starts a server; resolves once it listens. */
async function serve(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcess; log: () => string }> {
  const child = spawn(command, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  for (let i = 0; i < 1500 && !/Kedu 刻度已启动/.test(log); i++) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  assert.match(log, /Kedu 刻度已启动/, log);
  return { child, log: () => log };
}

/** The process and all its descendants, from /proc. */
function tree(pid: number): number[] {
  const parent = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parent.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone meanwhile
    }
  }
  const all = [pid];
  for (let i = 0; i < all.length; i++) for (const [p, pp] of parent) if (pp === all[i]) all.push(p);
  return all;
}
const running = (pid: number) => existsSync(`/proc/${pid}`) && !/\) Z /.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));

async function gone(pids: number[]): Promise<number[]> {
  for (let i = 0; i < 100 && pids.some(running); i++) await new Promise((r) => setTimeout(r, 200));
  return pids.filter(running);
}

/**
 * Opens the store file once the stopped server's lock is gone. A process whose main thread has exited
 * shows as a zombie while the kernel still tears down its other threads and their open files, so the
 * file is released a moment after the process looks gone (seconds on a loaded machine).
 */
async function openReleased(file: string) {
  for (let i = 0; ; i++) {
    try {
      return await openStore({ databaseUrl: '', duckdbPath: file });
    } catch (e) {
      if (i >= 50 || !/正被另一个进程/.test((e as Error).message)) throw e;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

const SAMPLES = join(ROOT, 'docs', 'samples');

test('every command works beside kedu serve, with the output and exit code it has without a server', { timeout: 900_000 }, async () => {
  const served = await store('served');
  const alone = await store('alone');
  for (const s of [served, alone]) {
    assert.equal(kedu(s.args, ['init', '--password-stdin'], 'Beside-Kedu-2025!\n').status, 0);
    for (const kind of ['regions', 'agencies', 'officers', 'certificates', 'entities']) {
      const r = kedu(s.args, ['import', join(SAMPLES, `${kind}.csv`), '--kind', kind, '--errors', join(dir, `${kind}.errors.csv`)]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /拒绝 0 行/, `${kind}: ${r.stdout}`);
    }
  }
  const port = await freePort();
  const server = await serve(process.execPath, [KEDU, ...served.args, 'serve', '--port', String(port), '--schedule-minutes', '0']);
  if (TEST_ENGINE === 'duckdb') {
    const lock = lockFileOf(served.args[1]);
    assert.equal(statSync(lock).mode & 0o777, 0o600, 'the lock file is the owner’s only');
    const { pid, port: p, secret } = JSON.parse(readFileSync(lock, 'utf8')) as { pid: number; port: number; secret: string };
    assert.deepEqual([pid, p], [server.child.pid, port]);
    assert.match(secret, /^[0-9a-f]{64}$/);
    const wrong = await fetch(`http://127.0.0.1:${port}/internal/cli`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-kedu-cli-secret': '0'.repeat(64) },
      body: JSON.stringify({ argv: ['audit', 'verify'], cwd: dir, stdin: '' }),
    });
    assert.equal(wrong.status, 403);
  }

  // A file with a bad row (a credit code with a wrong check character), in a relative path.
  const csv = readFileSync(join(SAMPLES, 'inspections.csv'), 'utf8').replace('91330106MA2CFWLK3B', '91330106MA2CFWLK3C');
  writeFileSync(join(dir, 'inspections.csv'), csv);
  const commands: [string[], string?][] = [
    [['import', 'inspections.csv', '--kind', 'inspections', '--errors', 'errors-X.csv']],
    [['import', 'missing.csv', '--kind', 'inspections']],
    [['models', 'run', '--model', 'INS_NO_CERT', '--as-of', '2026-01-15']],
    [['user', 'add', '--username', 'beside_u', '--role', 'supervisor', '--region', '330106', '--password-stdin'], 'Beside-User-2025\n'],
    [['user', 'add', '--username', 'beside_u', '--role', 'supervisor', '--region', '330106', '--password-stdin'], 'Beside-User-2025\n'],
    [['export', '--kind', 'inspections', '--out', 'export-X.csv', '--region', '330106']],
    [['audit', 'verify']],
    [['nonsense']],
  ];
  for (const [args, input] of commands) {
    const here = args.map((a) => a.replace('-X.', '-served.'));
    const there = args.map((a) => a.replace('-X.', '-alone.'));
    const a = kedu(served.args, here, input);
    const b = kedu(alone.args, there, input);
    const label = `kedu ${args.join(' ')}`;
    assert.equal(a.status, b.status, `${label}: exit code\n${a.stderr}\n${b.stderr}`);
    assert.equal(steady(a.stdout).replace(/-served\./g, '-X.'), steady(b.stdout).replace(/-alone\./g, '-X.'), `${label}: stdout`);
    assert.equal(steady(a.stderr).replace(/-served\./g, '-X.'), steady(b.stderr).replace(/-alone\./g, '-X.'), `${label}: stderr`);
  }
  assert.equal(readFileSync(join(dir, 'errors-served.csv'), 'utf8'), readFileSync(join(dir, 'errors-alone.csv'), 'utf8'));
  // The exports hold the same records; their change stamps (the last column: when each store wrote them) differ.
  const unstamped = (csv: string) => csv.replace(/,[^,\n]*$/gm, '');
  assert.ok(readFileSync(join(dir, 'export-alone.csv'), 'utf8').split('\n')[0].endsWith(',changed_at'));
  assert.equal(
    unstamped(readFileSync(join(dir, 'export-served.csv'), 'utf8')),
    unstamped(readFileSync(join(dir, 'export-alone.csv'), 'utf8')),
  );
  // A second server on the same DuckDB file is refused (on PostgreSQL several servers share a database:
  // there it would serve until the spawn's timeout, 300 s of nothing tested).
  if (TEST_ENGINE === 'duckdb') {
    const second = kedu(served.args, ['serve', '--port', String(await freePort())]);
    assert.equal(second.status, 2);
    assert.match(second.stderr, /已有服务在使用该存储文件/);
  }
  server.child.kill('SIGTERM');
  assert.deepEqual(await gone([server.child.pid!]), []);
  if (TEST_ENGINE === 'duckdb') assert.ok(!existsSync(lockFileOf(served.args[1])), 'the lock file goes with the server');
});

test(
  'SIGTERM to npx kedu serve stops the whole tree and releases the file; a killed server’s lock is ignored',
  { timeout: 300_000 },
  async () => {
    const file = join(dir, 'npx.duckdb');
    const port = await freePort();
    const server = await serve('npx', ['kedu', '--duckdb', file, 'serve', '--port', String(port), '--schedule-minutes', '0']);
    const pids = tree(server.child.pid!);
    assert.ok(pids.length >= 2, `npx runs the server as a child (${pids.join(', ')})`);
    process.kill(server.child.pid!, 'SIGTERM');
    assert.deepEqual(await gone(pids), [], 'no process of the tree is left');
    assert.ok(!existsSync(lockFileOf(file)));
    const opened = await openReleased(file);
    // A process that is no server holds the file (here: this test): a command says so in Chinese, no stack trace.
    const held = kedu(['--duckdb', file], ['audit', 'verify']);
    assert.equal(held.status, 1);
    assert.match(held.stderr, new RegExp(`^错误：存储文件 .*npx\\.duckdb 正被另一个进程（进程 ${process.pid}）使用`));
    assert.doesNotMatch(held.stderr, /IO Error|\n\s+at /);
    await opened.close();

    // SIGKILL leaves the lock file behind; its process is gone, so commands open the file themselves.
    const killed = await serve(process.execPath, [
      KEDU,
      '--duckdb',
      file,
      'serve',
      '--port',
      String(await freePort()),
      '--schedule-minutes',
      '0',
    ]);
    killed.child.kill('SIGKILL');
    assert.deepEqual(await gone([killed.child.pid!]), []);
    assert.ok(existsSync(lockFileOf(file)));
    const r = kedu(['--duckdb', file], ['audit', 'verify']);
    assert.equal(r.status, 0, r.stderr);
  },
);

test('SIGINT to npm start stops the whole tree and releases the file', { timeout: 600_000 }, async () => {
  const file = join(dir, 'start.duckdb');
  const port = await freePort();
  // As a person types it: without the npm settings of the `npm test` that runs this file (CI's second
  // pass runs it with --ignore-scripts, which npm passes on and which would skip prestart here).
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_config_/i.test(k)));
  const server = await serve('npm', ['start', '--silent'], { ...env, KEDU_DUCKDB: file, PORT: String(port), DATABASE_URL: '' });
  assert.match(server.log(), /控制台已是最新（web\/dist），跳过构建|built in/);
  const pids = tree(server.child.pid!);
  process.kill(server.child.pid!, 'SIGINT');
  assert.deepEqual(await gone(pids), [], 'no process of the tree is left');
  assert.ok(!existsSync(lockFileOf(file)));
  const opened = await openReleased(file);
  const [{ n }] = await opened.query<{ n: number }>('SELECT count(*) AS n FROM inspections');
  assert.ok(Number(n) > 0, 'npm start filled the empty store with the demo');
  await opened.close();
});
