#!/usr/bin/env node
// `npm start` builds what is out of date (bin/freshness.mjs): the console with vite, the server bundle
// with esbuild. A restart with nothing changed goes straight to the server. `npm run build:web` always
// builds the console.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BUILDS, fresh, root } from './freshness.mjs';

if (fresh('web')) {
  process.stdout.write('控制台已是最新（web/dist），跳过构建\n');
} else {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', 'web/vite.config.ts'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

if (!fresh('server')) {
  const { build } = await import('esbuild');
  const { mkdirSync, renameSync, writeFileSync } = await import('node:fs');
  const started = performance.now();
  // Packages stay outside (node_modules, loaded as installed); src/ is compiled into one module. Paths
  // the sources read relative to themselves (../../data, the migrations) resolve the same from
  // build/kedu as from src/<folder>. One file, replaced by a rename: a command starting meanwhile loads
  // the old bundle or the new one, never half of one.
  const { outputFiles } = await build({
    entryPoints: [join(root, 'src', 'cli', 'main.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outfile: BUILDS.server.output,
    sourcemap: true,
    write: false,
    logLevel: 'warning',
  });
  mkdirSync(join(root, 'build', 'kedu'), { recursive: true });
  // The map first, the bundle last: the bundle's time is what freshness compares.
  const last = (f) => f.path === BUILDS.server.output;
  for (const f of [...outputFiles.filter((f) => !last(f)), ...outputFiles.filter(last)]) {
    writeFileSync(`${f.path}.${process.pid}`, f.contents);
    renameSync(`${f.path}.${process.pid}`, f.path);
  }
  process.stdout.write(`服务端已编译（build/kedu，${Math.round(performance.now() - started)} ms）\n`);
}
