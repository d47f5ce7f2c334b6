#!/usr/bin/env node
// `npm start` builds the console only when it is out of date: when something the build reads — the
// console's sources (web/src, web/index.html, web/vite.config.ts) or the installed dependencies
// (package-lock.json) — is newer than web/dist/index.html. A restart with nothing changed then goes
// straight to the server. `npm run build:web` always builds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = join(root, 'web', 'dist', 'index.html');

/** The newest modification time under a path (a file, or a folder walked recursively). */
function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const entry of readdirSync(path)) t = Math.max(t, newest(join(path, entry)));
  return t;
}

const inputs = ['web/src', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'].map((p) => join(root, p));
const source = Math.max(...inputs.map(newest));
if (existsSync(built) && statSync(built).mtimeMs >= source) {
  process.stdout.write('控制台已是最新（web/dist），跳过构建\n');
} else {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  process.exit(r.status ?? 1);
}
