// What `npm start` builds ahead of time, and when each build is out of date: the console (web/dist, by
// vite) and the server bundle (build/kedu, by esbuild: the TypeScript of src/ compiled into a few
// modules, so that a start loads no TypeScript loader and no hundreds of source files). A build is out of
// date when something it reads — its sources or the installed dependencies (package-lock.json) — is newer
// than what it wrote. `bin/kedu.mjs` runs the bundle only when it is fresh, and the sources otherwise.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('..', import.meta.url));

/** The newest modification time under a path (a file, or a folder walked recursively); 0 when absent. */
export function newest(path) {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  let t = s.mtimeMs;
  for (const entry of readdirSync(path)) t = Math.max(t, newest(join(path, entry)));
  return t;
}

const at = (...parts) => join(root, ...parts);

export const BUILDS = {
  web: {
    output: at('web', 'dist', 'index.html'),
    inputs: ['web/src', 'web/index.html', 'web/vite.config.ts', 'package-lock.json'].map((p) => at(p)),
  },
  server: {
    output: at('build', 'kedu', 'main.mjs'),
    inputs: ['src', 'package-lock.json', 'bin/freshness.mjs'].map((p) => at(p)),
  },
};

/** Whether a build's output exists and is at least as new as everything it reads. */
export function fresh(build) {
  const b = BUILDS[build];
  return existsSync(b.output) && statSync(b.output).mtimeMs >= Math.max(...b.inputs.map(newest));
}
