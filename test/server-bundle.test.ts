// The compiled server (build/kedu): `npm start` builds it when the sources changed, the kedu command runs
// it only while it is as new as the sources, and it answers as the sources do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { BUILDS, fresh, root } from '../bin/freshness.mjs';

const run = (...args: string[]) => spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', timeout: 120_000 });

test('the bundle is built when stale, runs while fresh, and an edited source makes the command run the sources again', () => {
  const built = run('bin/build-if-stale.mjs');
  assert.equal(built.status, 0, built.stderr);
  assert.ok(fresh('server'), 'fresh after the build');
  const again = run('bin/build-if-stale.mjs');
  assert.doesNotMatch(again.stdout, /服务端已编译/, 'nothing changed: not built again');

  // The bundle answers as the sources do.
  const viaBundle = run('bin/kedu.mjs', '--help');
  const viaSources = run('--import', 'tsx', 'src/cli/main.ts', '--help');
  assert.equal(viaBundle.status, 0, viaBundle.stderr);
  assert.equal(viaBundle.stdout, viaSources.stdout);
  assert.match(viaBundle.stdout, /行政执法协调监督平台/);

  // A source edited after the build: the bundle is stale, and the command does not run it.
  const source = join(root, 'src', 'cli', 'main.ts');
  const { atime, mtime } = statSync(source);
  const later = new Date(statSync(BUILDS.server.output).mtimeMs + 5_000);
  try {
    utimesSync(source, later, later);
    assert.equal(fresh('server'), false);
    const stale = run('bin/kedu.mjs', '--help');
    assert.equal(stale.status, 0, stale.stderr);
    assert.equal(stale.stdout, viaSources.stdout);
  } finally {
    utimesSync(source, atime, mtime);
  }
  assert.ok(fresh('server'), 'the source as it was: fresh again');
});
