#!/usr/bin/env node
// The kedu command: the compiled server (build/kedu, written by `npm start`) when it is as new as the
// sources, otherwise the TypeScript sources run through tsx's loader (no build step needed).
import { fresh } from './freshness.mjs';

if (fresh('server')) {
  process.setSourceMapsEnabled(true);
  await import('../build/kedu/main.mjs');
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
