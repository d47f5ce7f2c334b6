// `kedu assess` as a user runs it: the Fuyang case from flags prints 不予处罚 with the articles in
// Chinese; --json gives the API's result; a contradictory fact exits with code 2 naming the field.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliStore } from './helpers/store.ts';
import { loadReference } from '../src/catalog/load-reference.ts';

const KEDU = fileURLToPath(new URL('../bin/kedu.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kedu-assess-'));
const own = await cliStore(dir, 'assess');
const s = await own.open();
await loadReference(s);
await s.close();
after(async () => {
  await own.drop();
  rmSync(dir, { recursive: true, force: true });
});

const kedu = (...args: string[]) =>
  spawnSync(process.execPath, [KEDU, ...own.args, 'assess', '--as-of', '2025-12-31', ...args], { encoding: 'utf8' });

test('kedu assess: the Fuyang case from flags, in Chinese; the same as JSON from a file', () => {
  const flags = [
    '--item',
    '农村乱倒垃圾',
    '--region',
    '330111',
    '--first-offence',
    '--corrected',
    '--harm',
    'none',
    '--decision',
    'no_penalty',
  ];
  const run = kedu(...flags);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /^裁量导航 · CLE-P022 /);
  assert.match(run.stdout, /适用档次：不予处罚\n/);
  assert.match(run.stdout, /清单条目 EX-330100-030（杭州市，《杭州市综合行政执法轻微违法行为不予行政处罚清单》（条文未收录））/);
  assert.match(run.stdout, /《中华人民共和国行政处罚法》第三十三条：违法行为轻微并及时改正，没有造成危害后果的，不予行政处罚。/);
  assert.match(run.stdout, /违反条款：《浙江省综合治水工作规定》（条文未收录）/);
  const file = join(dir, 'case.json');
  writeFileSync(
    file,
    JSON.stringify({
      item: 'CLE-P022',
      regionCode: '330111',
      asOf: '2025-12-31',
      facts: { firstOffence: true, corrected: true, harm: 'none' },
    }),
  );
  const json = kedu('--file', file, '--json');
  assert.equal(json.status, 0, json.stderr);
  const result = JSON.parse(json.stdout) as { tier: { tier: string }; exemption: { status: string } };
  assert.equal(result.tier.tier, 'exempt');
  assert.equal(result.exemption.status, 'applies');
});

test('kedu assess: contradictory facts exit with code 2 and name the field', () => {
  const run = kedu('--item', 'CLE-P022', '--region', '330111', '--harm', 'none', '--loss', '800');
  assert.equal(run.status, 2);
  assert.match(run.stderr, /^错误：\[facts\.lossAmount\] 案件事实矛盾/);
  const json = kedu('--item', 'CLE-P022', '--region', '330111', '--harm', 'none', '--loss', '-5', '--json');
  assert.equal(json.status, 2);
  assert.deepEqual(JSON.parse(json.stdout), { error: '造成损失金额不能为负数：-5', code: 'bad_request', field: 'facts.lossAmount' });
});
