// Logins as a guesser would try them: many addresses against one account, usernames probed by the
// time of the answer, and the passwords accounts may be given.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { cliStore, openTestStore } from './helpers/store.ts';
import { addUser, PASSWORD, seedTwoCounties } from './helpers/fixtures.ts';
import { buildApp } from '../src/api/app.ts';
import { createUser, login } from '../src/auth/users.ts';
import { LOCKOUT, lockSeconds } from '../src/auth/lockout.ts';
import { DEMO_PASSWORD, passwordPolicyProblem } from '../src/auth/password-policy.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const KEDU = join(ROOT, 'bin/kedu.mjs');
const t = await openTestStore();
const { store } = t;
const dir = mkdtempSync(join(tmpdir(), 'kedu-login-test-'));
let app: FastifyInstance;

before(async () => {
  await seedTwoCounties(store);
  await addUser(store, 'fy_sup', 'supervisor', '330111');
  for (let i = 0; i < 8; i++) await addUser(store, `timing_${i}`, 'supervisor', '330111');
  app = await buildApp({ store });
});
after(async () => {
  await app.close();
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const attempt = (username: string, password: string, address: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password }, remoteAddress: address });

test('forty wrong passwords from four addresses lock the account: the right one is then refused too', async () => {
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) statuses.push((await attempt('fy_sup', `wrong-guess-${i}`, `10.0.0.${i % 4}`)).statusCode);
  assert.deepEqual(statuses.slice(0, LOCKOUT.threshold - 1), [401, 401, 401, 401]);
  assert.ok(
    statuses.slice(LOCKOUT.threshold - 1).every((s) => s === 429),
    statuses.join(','),
  );
  const right = await attempt('fy_sup', PASSWORD, '10.0.0.9');
  assert.equal(right.statusCode, 429);
  assert.match(right.json().error.message, /登录失败次数过多，该账号已暂时锁定，请\d+分钟后再试/);
  const [lock] = await store.query(`SELECT target FROM audit_log WHERE action = 'auth.lockout' AND target = 'fy_sup'`);
  assert.ok(lock, 'the lockout is audited');
  // Once the lock has run out the right password works, and clears the count.
  const later = new Date(Date.now() + LOCKOUT.maxLockSeconds * 1000 + 1000);
  const ok = await login(store, 'fy_sup', PASSWORD, later);
  assert.ok(ok.token);
  assert.equal((await store.query(`SELECT 1 AS x FROM login_attempts WHERE username = 'fy_sup'`)).length, 0);
});

test('the lock grows with each failure after the fifth, up to an hour', () => {
  assert.deepEqual([4, 5, 6, 7, 12, 40].map(lockSeconds), [0, 60, 120, 240, 3600, 3600]);
});

test('an unknown username answers exactly like a known one, lockout included', async () => {
  const known: number[] = [];
  const unknown: number[] = [];
  for (let i = 0; i < 7; i++) {
    known.push((await attempt('timing_7', 'Wrong-Pass-123', `10.1.0.${i}`)).statusCode);
    unknown.push((await attempt('nobody_here', 'Wrong-Pass-123', `10.2.0.${i}`)).statusCode);
  }
  assert.deepEqual(unknown, known);
  assert.deepEqual((await attempt('nobody_here2', 'x', '10.3.0.1')).json(), (await attempt('timing_6', 'x', '10.3.0.2')).json());
});

test('an unknown username takes as long to refuse as a wrong password (no probing by the answer time)', async () => {
  const known: number[] = [];
  const unknown: number[] = [];
  // Interleaved, so that the machine's load falls on both alike; below the lockout threshold.
  for (let round = 0; round < LOCKOUT.threshold - 2; round++) {
    for (let i = 0; i < 6; i++) {
      let started = performance.now();
      await login(store, `timing_${i}`, 'Wrong-Pass-123');
      known.push(performance.now() - started);
      started = performance.now();
      await login(store, `ghost_${round}_${i}`, 'Wrong-Pass-123');
      unknown.push(performance.now() - started);
    }
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const ratio = median(known) / median(unknown);
  assert.ok(ratio > 0.6 && ratio < 1.6, `known ${median(known).toFixed(1)} ms, unknown ${median(unknown).toFixed(1)} ms`);
});

test('the password policy: length, kinds of characters, common passwords, the username, the demo password', () => {
  const problem = (pw: string, username = 'zhang_wei', demo = false) => passwordPolicyProblem(pw, { username, demo });
  assert.equal(problem('password1'), '密码至少12位');
  assert.equal(problem('Password2024!'), '密码过于常见，容易被猜中，请换一个');
  assert.equal(problem('qwertyuiop123'), '密码过于常见，容易被猜中，请换一个');
  assert.equal(problem('zhang_wei-2025'), '密码不能包含用户名');
  assert.equal(problem('ZHANG_WEI-2025'), '密码不能包含用户名');
  assert.equal(problem(DEMO_PASSWORD), '不能使用演示密码');
  assert.equal(problem(`x${DEMO_PASSWORD}-long`), '不能使用演示密码');
  assert.equal(problem(DEMO_PASSWORD, 'admin', true), null, 'the demo accounts in demo mode');
  assert.equal(problem('a1'.repeat(200)), '密码至多128位');
  assert.equal(problem('abcdefghijklmn'), '密码须包含字母、数字、符号中的至少两类');
  assert.equal(problem('执法监督平台口令甲乙丙丁'), '密码须包含字母、数字、符号中的至少两类');
  assert.equal(problem('执法监督平台口令2025'), null);
  assert.equal(problem('Hangzhou-Xihu-7391'), null);
  // The longest password the policy allows can log in (the login route takes up to 256 characters).
  assert.equal(problem('Ab1-'.repeat(32)), null);
});

test('the longest allowed password logs in through the API', async () => {
  const password = 'Ab1-'.repeat(32);
  await createUser(store, { username: 'long_pw', displayName: 'long', password, role: 'supervisor', regionCode: '330111' }, 'system');
  assert.equal((await attempt('long_pw', password, '10.4.0.1')).statusCode, 200);
});

test('createUser refuses a weak password naming the field', async () => {
  await assert.rejects(
    createUser(store, { username: 'weak', displayName: 'w', password: 'password1', role: 'supervisor', regionCode: '330111' }, 'system'),
    (e: Error & { field?: string }) => e.field === 'password' && /至少12位/.test(e.message),
  );
});

test('kedu user add takes the password from standard input, never from the command line', async () => {
  const own = await cliStore(dir, 'useradd');
  try {
    const s = await own.open();
    await seedTwoCounties(s);
    await s.close();
    const base = [KEDU, ...own.args, 'user', 'add', '--role', 'supervisor', '--region', '330111'];
    const onLine = spawnSync(process.execPath, [...base, '--username', 'cli_a', '--password', 'Good-Pass-2025!'], { encoding: 'utf8' });
    assert.equal(onLine.status, 2);
    assert.match(onLine.stderr, /不从命令行读取密码/);
    const weak = spawnSync(process.execPath, [...base, '--username', 'cli_b'], { input: 'password1\n', encoding: 'utf8' });
    assert.equal(weak.status, 2);
    assert.match(weak.stderr, /密码至少12位/);
    const good = spawnSync(process.execPath, [...base, '--username', 'cli_c'], { input: 'Good-Pass-2025!\n', encoding: 'utf8' });
    assert.equal(good.status, 0, good.stderr);
    const check = await own.open();
    try {
      assert.ok((await login(check, 'cli_c', 'Good-Pass-2025!')).token);
    } finally {
      await check.close();
    }
  } finally {
    await own.drop();
  }
});
