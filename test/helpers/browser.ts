// The console in a real browser against the real server, for the browser tests: buildApp serves
// web/dist over a test store, and Debian's Chromium (headless, through playwright-core) drives it.
// Nothing is built here: `npm test` builds the console first (pretest).
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser } from 'playwright-core';
import { buildApp, type AppOptions } from '../../src/api/app.ts';
import type { Store } from '../../src/store/store.ts';

const WEB_ROOT = 'web/dist';
const CHROMIUM = '/usr/bin/chromium';

/** Throws unless the built console and Chromium are there: call it before seeding, to fail fast. */
export function requireBrowserSetup(): void {
  if (!existsSync(`${WEB_ROOT}/index.html`)) {
    throw new Error(`${WEB_ROOT}/index.html is missing: build the console first (npm run build:web; npm test does it in pretest)`);
  }
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
}

export interface BrowserServer {
  app: FastifyInstance;
  base: string;
  browser: Browser;
}

/** Starts the server over the store on a free port and launches headless Chromium. */
export async function startBrowserServer(store: Store, options: Omit<AppOptions, 'store' | 'webRoot'> = {}): Promise<BrowserServer> {
  const app = await buildApp({ ...options, store, webRoot: WEB_ROOT });
  const base = await app.listen({ host: '127.0.0.1', port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  return { app, base, browser };
}
