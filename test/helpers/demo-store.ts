// A store with the demo generated, for test files that read the demo and do not test its generation:
// the demo is generated once per engine, code and options, and each test file gets its own copy —
// a copied DuckDB file, or a PostgreSQL database made from a template — instead of 20–45 s of
// generation per file. The copy is keyed by the contents of src/, data/ and package-lock.json, so a
// changed generator, migration or reference file makes a new one. On a Citus coordinator (a database
// there is a copy on every node) the demo is generated in place, as before.
//
// The copies are only readable with the keys the demo was generated with (personal data is sealed with
// the data key, the audit chain signed with the audit key): every process that uses this helper takes
// the same key files from the cache folder into its key folder (KEDU_KEY_DIR, which test/helpers/store.ts
// made its own) before any key is used, and re-anchors its copy's audit chain for the copy's location.
import pg from 'pg';
import { createHash, randomBytes } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  linkSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TEST_ENGINE, citusServer, createDatabase, openTestStore, withClient, type TestStore } from './store.ts';
import { openStore } from '../../src/store/open-store.ts';
import type { Store } from '../../src/store/store.ts';
import { generateDemo } from '../../src/demo/generate.ts';
import { copyStore } from '../../src/store/copy-store.ts';
import { KEYS, keyDir } from '../../src/keys/keys.ts';
import { readAnchor, writeAnchor, type Anchor } from '../../src/audit/anchor.ts';

export interface DemoStoreOptions {
  seed: number;
  asOf: string;
}

const ROOT = join(tmpdir(), 'kedu-demo-cache');
/** Cached demos older than this are removed when a new one is made (another checkout may still be using a younger one). */
const STALE_MS = 24 * 3600_000;

// ── the shared keys ──────────────────────────────────────────────────────────────────────────────
function shareKeys(): void {
  const shared = join(ROOT, 'keys');
  mkdirSync(shared, { recursive: true, mode: 0o700 });
  const mine = keyDir();
  mkdirSync(mine, { recursive: true, mode: 0o700 });
  for (const { file } of Object.values(KEYS)) {
    const source = join(shared, file);
    if (!existsSync(source)) {
      // Written whole under another name, then linked: a second process never reads half a key.
      const partial = `${source}.${process.pid}.part`;
      writeFileSync(partial, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
      try {
        linkSync(partial, source);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      } finally {
        unlinkSync(partial);
      }
    }
    const target = join(mine, file);
    if (existsSync(target) && readFileSync(target, 'utf8') !== readFileSync(source, 'utf8'))
      throw new Error(`${target} was made before test/helpers/demo-store.ts was imported: import it before any store is opened`);
    copyFileSync(source, target);
  }
}
shareKeys();

// ── what the demo is made from ───────────────────────────────────────────────────────────────────
let fingerprint: string | undefined;
function codeFingerprint(): string {
  if (fingerprint) return fingerprint;
  const hash = createHash('sha256');
  const skip = new Set(['data/attachments', 'data/keys']);
  const files = ['package-lock.json'];
  for (const dir of ['src', 'data']) {
    for (const f of readdirSync(dir, { recursive: true }) as string[]) {
      const path = join(dir, f);
      if (![...skip].some((s) => path.startsWith(s)) && statSync(path).isFile()) files.push(path);
    }
  }
  for (const f of files.sort()) hash.update(f).update('\0').update(readFileSync(f)).update('\0');
  return (fingerprint = hash.digest('hex').slice(0, 16));
}

const keyOf = (opts: DemoStoreOptions, engine: string = TEST_ENGINE) =>
  createHash('sha256')
    .update(JSON.stringify([engine, codeFingerprint(), opts.seed, opts.asOf]))
    .digest('hex')
    .slice(0, 16);

/** The audit chains' anchor of the demo as generated, kept beside it: a copy is anchored the same for its own location. */
type Chain = Anchor['chains'] | null;
function chainOf(store: Store): Chain {
  const reading = readAnchor(store.location);
  return reading.state === 'valid' ? reading.anchor.chains : null;
}
function anchorCopy(store: Store, chain: Chain): void {
  if (chain) writeAnchor(store.location, chain);
}

// ── DuckDB: a file, copied ───────────────────────────────────────────────────────────────────────
function pruneFiles(keep: string): void {
  for (const name of readdirSync(ROOT)) {
    const path = join(ROOT, name);
    if (name !== 'keys' && !name.startsWith(keep) && Date.now() - statSync(path).mtimeMs > STALE_MS)
      rmSync(path, { recursive: true, force: true });
  }
}

/** Whether a lock folder's builder is gone (its pid file written and the process dead). */
function abandoned(lock: string): boolean {
  let pid: number;
  try {
    pid = Number(readFileSync(join(lock, 'pid'), 'utf8').trim());
  } catch {
    return false; // being made: the pid comes right after the folder
  }
  try {
    process.kill(pid, 0);
    return false;
  } catch {
    return true;
  }
}

/** Runs `build` once across processes (a lock folder with the builder's pid; a dead builder's lock is taken over). */
async function once(done: string, lock: string, build: () => Promise<void>): Promise<void> {
  const deadline = Date.now() + 20 * 60_000;
  while (!existsSync(done)) {
    let mine = true;
    try {
      mkdirSync(lock);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      mine = false;
    }
    if (!mine) {
      if (abandoned(lock)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`waited 20 minutes for ${done}`);
      await sleep(500);
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      if (!existsSync(done)) await build();
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}

async function duckdbDemo(opts: DemoStoreOptions): Promise<TestStore> {
  const key = `duckdb-${keyOf(opts, 'duckdb')}`;
  const dir = join(ROOT, key);
  const file = join(dir, 'demo.duckdb');
  const chainFile = join(dir, 'chain.json');
  mkdirSync(ROOT, { recursive: true });
  await once(chainFile, join(ROOT, `${key}.lock`), async () => {
    pruneFiles(key);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const store = await openStore({ databaseUrl: '', duckdbPath: file });
    let chain: Chain;
    try {
      await generateDemo(store, { scale: 'demo', ...opts });
      chain = chainOf(store);
    } finally {
      await store.close();
    }
    writeFileSync(chainFile, JSON.stringify(chain));
  });
  const copyDir = mkdtempSync(join(tmpdir(), 'kedu-demo-copy-'));
  const copy = join(copyDir, 'demo.duckdb');
  copyFileSync(file, copy);
  const store = await openStore({ databaseUrl: '', duckdbPath: copy });
  anchorCopy(store, JSON.parse(readFileSync(chainFile, 'utf8')) as Chain);
  return {
    store,
    async close() {
      await store.close();
      rmSync(copyDir, { recursive: true, force: true });
    },
  };
}

// ── PostgreSQL: a template database ──────────────────────────────────────────────────────────────
async function postgresDemo(serverUrl: string, opts: DemoStoreOptions): Promise<TestStore> {
  const template = `kedu_demo_${keyOf(opts)}`;
  // One builder per template on the server: the others wait on the same advisory lock, then find it made.
  const chain = await withClient(serverUrl, async (c) => {
    await c.query('SELECT pg_advisory_lock(hashtext($1))', [template]);
    try {
      const found = await c.query<{ description: string | null }>(
        "SELECT shobj_description(oid, 'pg_database') AS description FROM pg_database WHERE datname = $1",
        [template],
      );
      if (found.rows.length) return JSON.parse(found.rows[0].description ?? 'null') as Chain;
      const stale = await c.query<{ datname: string; description: string | null }>(
        "SELECT datname, shobj_description(oid, 'pg_database') AS description FROM pg_database WHERE datname LIKE 'kedu\\_demo\\_%'",
      );
      for (const s of stale.rows) {
        const made = Number((JSON.parse(s.description ?? '{}') as { made?: number } | null)?.made ?? 0);
        if (Date.now() - made > STALE_MS) await c.query(`DROP DATABASE IF EXISTS ${s.datname} WITH (FORCE)`);
      }
      const db = await createDatabase(serverUrl, `${template}_building`);
      const store = await openStore({ databaseUrl: db.url });
      let made: Chain;
      try {
        await generateDemo(store, { scale: 'demo', ...opts });
        made = chainOf(store);
      } finally {
        await store.close();
      }
      await c.query(`ALTER DATABASE ${template}_building RENAME TO ${template}`);
      await c.query(`COMMENT ON DATABASE ${template} IS ${pg.escapeLiteral(JSON.stringify({ ...made, made: Date.now() }))}`);
      return made;
    } finally {
      await c.query('SELECT pg_advisory_unlock(hashtext($1))', [template]);
    }
  });
  const name = `kedu_test_${randomBytes(6).toString('hex')}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template} STRATEGY = FILE_COPY`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const store = await openStore({ databaseUrl: url.toString() });
  anchorCopy(store, chain);
  return {
    store,
    async close() {
      await store.close();
      await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** A store of its own with the demo of this seed and day (demo scale) in it. */
export async function openDemoStore(opts: DemoStoreOptions): Promise<TestStore> {
  const serverUrl = process.env.KEDU_TEST_DATABASE_URL;
  if (!serverUrl) return duckdbDemo(opts);
  if (!(await citusServer(serverUrl))) return postgresDemo(serverUrl, opts);
  // Citus: the DuckDB demo (made once per checkout, the DuckDB pass's if it ran) copied into a new
  // database as `kedu copy-store` does — a generation there took minutes; its anchor comes along.
  const t = await openTestStore();
  try {
    const demo = await duckdbDemo(opts);
    try {
      await copyStore(demo.store, t.store);
      anchorCopy(t.store, chainOf(demo.store));
    } finally {
      await demo.close();
    }
  } catch (e) {
    await t.close();
    throw e;
  }
  return t;
}
