// The append-only, hash-chained audit log (执法全程在线、行为全程留痕、过程全程可溯), one chain per city.
// An entry belongs to the chain of its region's city (a county's 330106 → 330100); one without a region,
// or at province level, to the province chain, which holds every entry kept before the chains were
// split. Each entry's hash is HMAC-SM3 (SM3: GB/T 32905) under the audit key, over the previous entry's
// hash in its chain and the entry's own fields (a city chain's id among them), so editing, inserting or
// deleting any entry breaks its chain at a point `verifyAuditLog` names, and without the key (kept
// outside the database: src/keys) no one can recompute the hashes after an edit. Each chain's newest
// entry is anchored outside the database too (anchor.ts), so deleting a chain's newest entries or
// emptying it is seen as well. A chain written before the key existed keeps its plain SM3 hashes: the
// first keyed entry, an `audit.anchor` entry saying so, covers them through its prev_hash.
import { createHash, createHmac } from 'node:crypto';
import type { Store, Value } from '../store/store.ts';
import { subKey } from '../keys/keys.ts';
import { cityOf, regionLevel, regionProblem } from '../domain/region.ts';
import { anchorPath, readAnchor, writeAnchor, type ChainAnchor } from './anchor.ts';
import { stageDone } from '../store/stage-times.ts';

export const GENESIS_HASH = '0'.repeat(64);

/** The chain of entries without a city: no region, or the province's own. Every entry older than the chains is in it. */
export const PROVINCE_CHAIN = 'province';

export interface AuditEntryInput {
  actor: string; // user id, or 'system'
  action: string; // e.g. 'user.create', 'ingest.batch', 'clue.assign'
  target?: string | null; // the record acted on
  regionCode?: string | null;
  detail?: unknown; // stored as JSON
}

export interface AuditEntry {
  chain: string;
  seq: number;
  occurred_at: string;
  actor: string;
  action: string;
  target: string | null;
  region_code: string | null;
  detail: string | null;
  prev_hash: string;
  hash: string;
}

/** The chain an entry of this region goes to: its city's code, or the province chain. */
export function chainOf(regionCode: string | null | undefined): string {
  if (!regionCode || regionProblem(regionCode) || regionLevel(regionCode) === 'province') return PROVINCE_CHAIN;
  return cityOf(regionCode);
}

/** How a chain is named to people: 省级链, or 330100链. */
export const chainLabel = (chain: string): string => (chain === PROVINCE_CHAIN ? '省级链' : `${chain}链`);

let entryKey: Buffer | null = null;

/**
 * An entry's hash: HMAC-SM3 under the audit key, or (keyed = false) the plain SM3 of a chain older than
 * the key. A city chain's id is hashed with the entry; the province chain keeps the form of the entries
 * written before there were chains, so that they still verify.
 */
export function hashEntry(e: Omit<AuditEntry, 'hash' | 'chain'> & { chain?: string }, keyed = true): string {
  const fields = [e.prev_hash, e.seq, e.occurred_at, e.actor, e.action, e.target, e.region_code, e.detail];
  const chain = e.chain ?? PROVINCE_CHAIN;
  const canonical = JSON.stringify(chain === PROVINCE_CHAIN ? fields : [chain, ...fields]);
  if (!keyed) return createHash('sm3').update(canonical, 'utf8').digest('hex');
  entryKey ??= subKey('audit', 'kedu audit entries');
  return createHmac('sm3', entryKey).update(canonical, 'utf8').digest('hex');
}

// One writer at a time per chain, and the writer's own work inside its lock: a writer names, before it
// begins, the chains of the regions it writes for (withAudit's scope), and takes their locks at the start
// of its transaction (once it has its connection), held until after the commit. Within a city its
// read-then-write bodies (a clue's number, a subject's known hits then its new ones) run one at a time,
// as under the one store-wide lock before the chains; writers of two cities do not wait for one another.
// The locks are of two levels: a city writer holds the store lock shared and its city's lock; a writer
// of the province level (its region the province's, or none), or one that spans the province (a sweep
// over every clue, a province-wide model run), holds the store lock exclusively: every chain, those of
// cities without entries yet included. Taken in one order (the store lock, then the cities sorted), they
// cannot deadlock. Within one process these are promise queues; on PostgreSQL advisory locks as well,
// across app servers. Taken before the connection, 20 concurrent clients deadlocked the server (the
// writer at the head of the line waited for a pooled connection that the writers queued behind it
// held, each in an import session).

/** withAudit's scope for a writer of the province level or one spanning cities: every chain (the store lock, exclusive). */
export const EVERY_CHAIN = 'every';

/**
 * The chains a writer locks: EVERY_CHAIN, or the regions it writes for (a county's or a city's code:
 * its city's chain). A region of the province level, or none, means every chain.
 */
export type AuditScope = typeof EVERY_CHAIN | string | null | undefined | readonly (string | null | undefined)[];

/** The city chains a scope names, sorted; null: every chain. */
export function scopeChains(scope: AuditScope): string[] | null {
  if (scope === EVERY_CHAIN) return null;
  const regions = Array.isArray(scope) ? (scope as readonly (string | null | undefined)[]) : [scope as string | null | undefined];
  const chains = new Set<string>();
  for (const r of regions) {
    const chain = chainOf(r);
    if (chain === PROVINCE_CHAIN) return null;
    chains.add(chain);
  }
  if (chains.size === 0) return null;
  return [...chains].sort();
}

/** A first-come first-served lock one holder holds exclusively or many hold shared. */
class QueueLock {
  private shared = 0;
  private exclusive = false;
  private readonly waiting: { mode: 'shared' | 'exclusive'; grant: () => void }[] = [];
  take(mode: 'shared' | 'exclusive'): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiting.push({ mode, grant: () => resolve(once(() => this.release(mode))) });
      this.pump();
    });
  }
  get idle(): boolean {
    return !this.exclusive && this.shared === 0 && this.waiting.length === 0;
  }
  private release(mode: 'shared' | 'exclusive'): void {
    if (mode === 'exclusive') this.exclusive = false;
    else this.shared--;
    this.pump();
  }
  private pump(): void {
    while (this.waiting.length > 0 && !this.exclusive) {
      const next = this.waiting[0];
      if (next.mode === 'exclusive' && this.shared > 0) return;
      this.waiting.shift();
      if (next.mode === 'exclusive') this.exclusive = true;
      else this.shared++;
      next.grant();
    }
  }
}
function once(fn: () => void): () => void {
  let done = false;
  return () => {
    if (!done) fn();
    done = true;
  };
}

const queueLocks = new Map<string, QueueLock>();
async function takeQueueLock(key: string, mode: 'shared' | 'exclusive'): Promise<() => void> {
  let lock = queueLocks.get(key);
  if (!lock) queueLocks.set(key, (lock = new QueueLock()));
  const release = await lock.take(mode);
  return () => {
    release();
    if (lock.idle && queueLocks.get(key) === lock) queueLocks.delete(key);
  };
}

const AUDIT_LOCK_CLASS = 4_242_001;
/** A chain's advisory lock key (the second of two int4 keys): the city's code; 0, the store lock (every chain). */
function pgChainKey(chain: string): number {
  if (chain === PROVINCE_CHAIN) return 0;
  if (/^\d{6}$/.test(chain)) return Number(chain);
  return createHash('sha256').update(chain).digest().readInt32BE(0);
}

/**
 * Takes the locks of a scope inside tx (cities: null, every chain): the store lock, then each city's,
 * in-process first, then on PostgreSQL the advisory locks, held until tx ends. Returns the releases of
 * the in-process ones.
 */
async function takeScopeLocks(tx: Store, cities: string[] | null): Promise<(() => void)[]> {
  const held: (() => void)[] = [];
  try {
    held.push(await takeQueueLock(tx.location, cities ? 'shared' : 'exclusive'));
    for (const city of cities ?? []) held.push(await takeQueueLock(chainKey(tx.location, city), 'exclusive'));
    if (tx.dialect.name === 'postgres') {
      await tx.exec(`SELECT ${cities ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock'}(${AUDIT_LOCK_CLASS}, 0)`);
      for (const city of cities ?? []) await tx.exec(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_CLASS}, ${pgChainKey(city)})`);
    }
    return held;
  } catch (e) {
    for (const release of held.reverse()) release();
    throw e;
  }
}

const chainKey = (location: string, chain: string) => `${location}\n${chain}`;

/** From which entry each chain is keyed, once its anchor has been read or written by this process (by chainKey). */
const keyedFromOf = new Map<string, number>();

interface Head {
  seq: number;
  hash: string;
}

/**
 * Per chain, the newest entry this process has seen: the head is at or after it unless entries were
 * deleted. DuckDB keeps no index it uses here; given this lower bound its zone maps skip blocks of
 * older entries (a log of 3.4 million entries, load 18: the head read in 2.7 ms instead of 25.6).
 */
const headHint = new Map<string, number>();

/**
 * Per chain, the newest entry this process committed, and when (a count that only grows). A DuckDB
 * transaction sees the database as it was at its first statement. withAudit takes its locks before its
 * first statement; but one called inside a transaction its caller opened and read in already (joining
 * it) may have begun before another writer of its chain committed, and does not see that entry when it
 * reads the head. On DuckDB (one writing process) this process's own record of that commit is the head then.
 * PostgreSQL reads committed rows at each statement.
 */
const committed = new Map<string, Head & { at: number }>();
let clock = 0;

async function readHead(tx: Store, chain: string, begun: number): Promise<Head | null> {
  // With parameters the statement is prepared once per connection (the DuckDB store keeps those):
  // every audited write reads the head, the real-time clue writes among them.
  const from = async (seq: number) =>
    (
      await tx.query<{ seq: number; hash: string }>(
        'SELECT seq, hash FROM audit_log WHERE chain = $1 AND seq >= $2 ORDER BY seq DESC LIMIT 1',
        [chain, seq],
      )
    ).map((r) => ({ seq: Number(r.seq), hash: r.hash }))[0] ?? null;
  const key = chainKey(tx.location, chain);
  const hint = headHint.get(key) ?? 0;
  // Nothing at or after the hint: the newest entries were deleted (verifyAuditLog names that); the head is
  // then whatever is newest.
  let head = (await from(hint)) ?? (hint > 0 ? await from(0) : null);
  const mine = committed.get(key);
  if (tx.dialect.name === 'duckdb' && mine && mine.at > begun && mine.seq > (head?.seq ?? 0)) head = { seq: mine.seq, hash: mine.hash };
  headHint.set(key, head?.seq ?? 0);
  return head;
}

const isKeyed = (r: AuditEntry) => hashEntry({ ...r, seq: Number(r.seq) }) === r.hash;

/**
 * The first keyed entry of a chain whose newest entry is keyed: its first entry (every chain begun
 * under the key), else the `audit.anchor` entry that keyed a chain older than the key, else the first
 * keyed one found walking the chain.
 */
async function findKeyedFrom(tx: Store, chain: string): Promise<number> {
  const [first] = await tx.query<AuditEntry>('SELECT * FROM audit_log WHERE chain = $1 ORDER BY seq LIMIT 1', [chain]);
  if (!first || isKeyed(first)) return first ? Number(first.seq) : 1;
  const anchors = await tx.query<AuditEntry>(`SELECT * FROM audit_log WHERE chain = $1 AND action = 'audit.anchor' ORDER BY seq`, [chain]);
  for (const a of anchors) {
    if (!isKeyed(a)) continue;
    const [before] = await tx.query<AuditEntry>('SELECT * FROM audit_log WHERE chain = $1 AND seq < $2 ORDER BY seq DESC LIMIT 1', [
      chain,
      Number(a.seq),
    ]);
    if (!before || !isKeyed(before)) return Number(a.seq);
  }
  for (let after = Number(first.seq); ;) {
    const page = await tx.query<AuditEntry>('SELECT * FROM audit_log WHERE chain = $1 AND seq > $2 ORDER BY seq LIMIT 10000', [
      chain,
      after,
    ]);
    if (page.length === 0) return after + 1;
    const keyed = page.find(isKeyed);
    if (keyed) return Number(keyed.seq);
    after = Number(page[page.length - 1].seq);
  }
}

/**
 * Where a chain's keyed part begins, and the entry that begins it when this write must (re)key it. A
 * chain this server has no anchor for (another app server wrote it, or this one lost its anchor) whose
 * newest entry carries the audit key is taken as it is: it is keyed from its first keyed entry, and this
 * server anchors it from now on. A chain older than the key (plain SM3), or one whose newest entry
 * carries neither (the key was replaced), is keyed from a new `audit.anchor` entry; so is a chain whose
 * anchor file is not signed by the key (forged), keeping where its keyed part begins.
 */
async function chainStart(
  tx: Store,
  chain: string,
  head: Head | null,
): Promise<{ keyedFrom: number; anchorEntry: AuditEntryInput | null }> {
  const key = chainKey(tx.location, chain);
  const known = keyedFromOf.get(key);
  if (known !== undefined) return { keyedFrom: known, anchorEntry: null };
  const reading = readAnchor(tx.location);
  const anchored = reading.state === 'valid' ? reading.anchor.chains[chain] : undefined;
  if (anchored) return { keyedFrom: anchored.keyedFrom, anchorEntry: null };
  if (!head) return { keyedFrom: 1, anchorEntry: null };
  const [last] = await tx.query<AuditEntry>('SELECT * FROM audit_log WHERE chain = $1 AND seq = $2', [chain, head.seq]);
  const keyed = !!last && isKeyed(last);
  if (keyed && reading.state !== 'invalid') return { keyedFrom: await findKeyedFrom(tx, chain), anchorEntry: null };
  const plain = !keyed && !!last && hashEntry({ ...last, seq: Number(last.seq) }, false) === last.hash;
  const reason = plain ? 'unkeyed_chain' : reading.state === 'invalid' ? 'anchor_invalid' : 'anchor_missing';
  const message = plain
    ? '此前的审计日志仅以 SM3 串联、未用密钥签名：自本条起以审计密钥（HMAC-SM3）签名，并在库外锚定'
    : reading.state === 'invalid'
      ? `审计锚点文件无效（${reading.reason}）：自本条起重新锚定`
      : '本链最新的记录未以本机的审计密钥签名（密钥已更换，或记录被改动）：自本条起以本机密钥签名并重新锚定';
  return {
    keyedFrom: keyed ? await findKeyedFrom(tx, chain) : head.seq + 1,
    anchorEntry: {
      actor: 'system',
      action: 'audit.anchor',
      regionCode: chain === PROVINCE_CHAIN ? null : chain,
      detail: { reason, message, chain, previous: head, anchor: anchorPath(tx.location) },
    },
  };
}

type Anchored = ChainAnchor & { chain: string };

/** The chains each open withAudit transaction holds (null: every chain), so that one nested in it takes no lock twice. */
const lockedBy = new WeakMap<Store, string[] | null>();

/**
 * Whether tx is a withAudit transaction holding every chain (the store lock exclusively): no other
 * audited writer is inside a transaction, and on DuckDB tx's snapshot holds every commit before it.
 */
export function holdsEveryChain(tx: Store): boolean {
  return lockedBy.get(tx) === null;
}

/**
 * Runs body in one transaction under the locks of scope (taken first, before body's own work), and
 * appends to each chain the entries body returns for it, with body's writes. An entry for a chain the
 * scope does not lock is a programming error: it throws, and nothing is written. After the commit the
 * anchor moves to the new heads and the locks are let go. adopt: also anchor the chains body names that
 * get no entry (anchorAuditLog).
 */
function appendLocked<T>(
  store: Store,
  scope: AuditScope,
  body: (tx: Store) => Promise<{ result: T; chains: Map<string, AuditEntryInput[]>; adopt?: boolean }>,
): Promise<{ result: T; appended: number }> {
  const cities = scopeChains(scope);
  const begun = ++clock;
  let held: (() => void)[] = [];
  let anchored: Anchored[] = [];
  let location = store.location;
  return store
    .transaction(async (tx) => {
      const outer = lockedBy.get(tx);
      if (outer !== undefined) {
        // Inside another withAudit's transaction (joined): its locks are this writer's; they must cover it.
        if (outer !== null && (cities === null || cities.some((c) => !outer.includes(c))))
          throw new Error(`withAudit for ${cities?.join(', ') ?? 'every chain'} inside one that locked only ${outer.join(', ')}`);
      } else {
        held = await takeScopeLocks(tx, cities);
        lockedBy.set(tx, cities);
      }
      const { result, chains, adopt } = await body(tx);
      location = tx.location;
      const order = [...chains.keys()].filter((c) => adopt || chains.get(c)!.length > 0).sort();
      const unlocked = cities ? order.filter((c) => !cities.includes(c)) : [];
      if (unlocked.length)
        throw new Error(
          `audit entries for chain ${unlocked.join(', ')} from a writer that locked only ${cities!.join(', ')}: name those regions in withAudit's scope`,
        );
      let appended = 0;
      const heads: Anchored[] = [];
      for (const chain of order) {
        const head = await readHead(tx, chain, begun);
        stageDone('audit head');
        const { keyedFrom, anchorEntry } = await chainStart(tx, chain, head);
        const entries = anchorEntry ? [anchorEntry, ...chains.get(chain)!] : chains.get(chain)!;
        const newHead = entries.length ? await appendEntries(tx, chain, head, entries) : head;
        stageDone('audit append');
        appended += entries.length;
        if (newHead) heads.push({ chain, keyedFrom, ...newHead });
      }
      anchored = heads;
      return { result, appended };
    })
    .then((out) => {
      stageDone('commit');
      anchorAfterCommit(location, anchored);
      return out;
    })
    .finally(() => {
      for (const release of held.reverse()) release();
    });
}

/** The entries of a change, by chain, in the order given. */
function byChain(entries: AuditEntryInput[]): Map<string, AuditEntryInput[]> {
  const chains = new Map<string, AuditEntryInput[]>();
  for (const e of entries) {
    const chain = chainOf(e.regionCode);
    const list = chains.get(chain);
    if (list) list.push(e);
    else chains.set(chain, [e]);
  }
  return chains;
}

/**
 * Runs fn in a transaction and appends the audit entries it returns with the change, atomically:
 * the state change and its trace land together or not at all (entries of several chains included).
 * scope names the regions fn reads and writes for (AuditScope): their chains' locks are taken before fn
 * runs and held until the commit, so fn's reads and writes are not interleaved with another writer's of
 * those chains. fn's entries must lie in those chains.
 */
export async function withAudit<T>(
  store: Store,
  scope: AuditScope,
  fn: (tx: Store) => Promise<{ result: T; audit: AuditEntryInput[] }>,
): Promise<T> {
  const { result } = await appendLocked(store, scope, async (tx) => {
    const { result, audit } = await fn(tx);
    return { result, chains: byChain(audit) };
  });
  return result;
}

function anchorAfterCommit(location: string, heads: Anchored[]): void {
  if (heads.length === 0) return;
  const at = ++clock;
  for (const h of heads) {
    const key = chainKey(location, h.chain);
    keyedFromOf.set(key, h.keyedFrom);
    headHint.set(key, h.seq);
    committed.set(key, { seq: h.seq, hash: h.hash, at });
  }
  try {
    writeAnchor(location, Object.fromEntries(heads.map((h) => [h.chain, { keyedFrom: h.keyedFrom, seq: h.seq, hash: h.hash }])));
  } catch (e) {
    // The change is committed; an anchor left behind is caught up by the next write.
    process.stderr.write(`审计锚点未能写入（${anchorPath(location)}）：${(e as Error).message}\n`);
  }
}

/** The chains that hold entries. */
async function chainsOf(store: Store): Promise<string[]> {
  return (await store.query<{ chain: string }>('SELECT DISTINCT chain FROM audit_log ORDER BY chain')).map((r) => r.chain);
}

/**
 * Anchors every chain that has entries but no valid anchor here: a chain older than the key, or one
 * whose head carries another key, with the `audit.anchor` entry that says so; a chain keyed with this
 * key (written by another app server) as it is, without an entry. `kedu serve` does it at start.
 * Returns whether it appended an entry.
 */
export async function anchorAuditLog(store: Store): Promise<boolean> {
  const reading = readAnchor(store.location);
  const missing = (await chainsOf(store)).filter((c) => reading.state !== 'valid' || !reading.anchor.chains[c]);
  if (missing.length === 0) return false;
  for (const c of missing) keyedFromOf.delete(chainKey(store.location, c));
  const { appended } = await appendLocked(store, EVERY_CHAIN, async () => ({
    result: undefined,
    chains: new Map(missing.map((c) => [c, []])),
    adopt: true,
  }));
  return appended > 0;
}

/** Appends entries for a change that needs no other writes (e.g. a login), under the locks of their regions. */
export function recordAudit(store: Store, ...entries: AuditEntryInput[]): Promise<void> {
  return withAudit(
    store,
    entries.map((e) => e.regionCode),
    async () => ({ result: undefined, audit: entries }),
  );
}

const AUDIT_COLUMNS = ['chain', 'seq', 'occurred_at', 'actor', 'action', 'target', 'region_code', 'detail', 'prev_hash', 'hash'];

async function appendEntries(tx: Store, chain: string, head: Head | null, entries: AuditEntryInput[]): Promise<Head> {
  let seq = head?.seq ?? 0;
  let prev = head?.hash ?? GENESIS_HASH;
  const values: Value[] = [];
  for (const input of entries) {
    seq += 1;
    const entry = {
      chain,
      seq,
      occurred_at: new Date().toISOString(),
      actor: input.actor,
      action: input.action,
      target: input.target ?? null,
      region_code: input.regionCode ?? null,
      detail: input.detail === undefined ? null : JSON.stringify(input.detail),
      prev_hash: prev,
    };
    prev = hashEntry(entry);
    values.push(
      entry.chain,
      entry.seq,
      entry.occurred_at,
      entry.actor,
      entry.action,
      entry.target,
      entry.region_code,
      entry.detail,
      entry.prev_hash,
      prev,
    );
  }
  const width = AUDIT_COLUMNS.length;
  // A large change (the demo's history: tens of thousands of steps) goes in by bulk load: 1,000-row
  // INSERTs of 9,000 parameters took seconds each on DuckDB.
  if (entries.length > AUDIT_INSERT_ROWS) {
    const rows: Value[][] = [];
    for (let i = 0; i < values.length; i += width) rows.push(values.slice(i, i + width));
    await tx.copyIn('audit_log', AUDIT_COLUMNS, rows);
    return { seq, hash: prev };
  }
  // One statement for the entries of a change (an API push and the clues its records raised: two), in
  // chunks of 1,000 (PostgreSQL takes 65,535 parameters a statement).
  for (let first = 0; first < entries.length; first += AUDIT_INSERT_ROWS) {
    const n = Math.min(AUDIT_INSERT_ROWS, entries.length - first);
    const rows = Array.from({ length: n }, (_, i) => `(${Array.from({ length: width }, (_, j) => `$${i * width + j + 1}`).join(',')})`);
    await tx.exec(
      `INSERT INTO audit_log (${AUDIT_COLUMNS.join(', ')}) VALUES ${rows.join(', ')}`,
      values.slice(first * width, (first + n) * width),
    );
  }
  return { seq, hash: prev };
}

const AUDIT_INSERT_ROWS = 1_000;

export type AuditProblemKind =
  'edited' | 'missing_before' | 'chain_broken' | 'truncated' | 'emptied' | 'rewritten' | 'anchor_missing' | 'anchor_invalid';

export interface AuditProblem {
  /** The chain it is in: 'province', or a city's code. */
  chain: string;
  seq: number;
  problem: AuditProblemKind;
  message: string;
}

export interface ChainVerification {
  chain: string;
  entries: number;
  /** The newest entry (null: none). */
  head: Head | null;
  /** What this server's anchor says of the chain (null: it does not anchor it yet). */
  anchored: ChainAnchor | null;
  ok: boolean;
}

export interface AuditVerification {
  ok: boolean;
  entries: number;
  /** The anchor checked against: the path, and per chain the newest entry it vouches for and where the keyed part begins. */
  anchor: { path: string; chains: Record<string, ChainAnchor> } | null;
  chains: ChainVerification[];
  problems: AuditProblem[];
}

/**
 * Walks each chain in order, then holds its end against the anchor. An edited entry no longer hashes
 * to its stored hash (and without the key no one can make it do so again); a deleted one leaves a
 * gap in seq; an inserted one breaks the next entry's prev_hash link; deleting a chain's newest entries
 * leaves it shorter than the anchor, emptying it leaves nothing where the anchor names an entry, and
 * rewriting it leaves a different hash at the anchored entry. A chain this server's anchor does not
 * name yet (another app server began it since this one last anchored) is walked, not held against
 * an anchor: the servers that anchored it catch its truncation.
 */
export async function verifyAuditLog(store: Store): Promise<AuditVerification> {
  const rows = await store.query<AuditEntry>(
    'SELECT chain, seq, occurred_at, actor, action, target, region_code, detail, prev_hash, hash FROM audit_log ORDER BY chain, seq',
  );
  const path = anchorPath(store.location);
  const reading = readAnchor(store.location);
  const anchor = reading.state === 'valid' ? reading.anchor : null;
  const grouped = new Map<string, AuditEntry[]>();
  for (const r of rows) {
    const list = grouped.get(r.chain);
    if (list) list.push(r);
    else grouped.set(r.chain, [r]);
  }
  for (const chain of Object.keys(anchor?.chains ?? {})) if (!grouped.has(chain)) grouped.set(chain, []);
  if (reading.state === 'invalid' && grouped.size === 0) grouped.set(PROVINCE_CHAIN, []);

  const problems: AuditProblem[] = [];
  const chains: ChainVerification[] = [];
  for (const chain of [...grouped.keys()].sort()) {
    const entries = grouped.get(chain)!;
    const found = verifyChain(chain, entries, anchor?.chains[chain] ?? null);
    const label = chainLabel(chain);
    if (reading.state === 'invalid')
      found.unshift({ chain, seq: 0, problem: 'anchor_invalid', message: `${label}：审计锚点无效：${reading.reason}（${path}）` });
    else if (reading.state === 'missing' && entries.length > 0)
      found.unshift({
        chain,
        seq: 0,
        problem: 'anchor_missing',
        message: `${label}：未找到本库的审计锚点（${path}）：无法确认末尾的记录未被删除`,
      });
    problems.push(...found);
    const last = entries.at(-1);
    chains.push({
      chain,
      entries: entries.length,
      head: last ? { seq: Number(last.seq), hash: last.hash } : null,
      anchored: anchor?.chains[chain] ?? null,
      ok: found.length === 0,
    });
  }
  return {
    ok: problems.length === 0,
    entries: rows.length,
    anchor: anchor ? { path, chains: anchor.chains } : null,
    chains,
    problems,
  };
}

function verifyChain(chain: string, rows: AuditEntry[], anchor: ChainAnchor | null): AuditProblem[] {
  const label = chainLabel(chain);
  const problems: AuditProblem[] = [];
  const problem = (seq: number, kind: AuditProblemKind, message: string) =>
    problems.push({ chain, seq, problem: kind, message: `${label}：${message}` });
  // Without an anchor the keyed part is taken to begin at the first entry that carries the key (none: a chain older than the key).
  const firstKeyed = anchor ? undefined : rows.find(isKeyed);
  const keyedFrom = anchor?.keyedFrom ?? (firstKeyed ? Number(firstKeyed.seq) : Number.POSITIVE_INFINITY);
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  const hashes = new Map<number, string>();
  for (const r of rows) {
    const seq = Number(r.seq);
    // Timestamps are hashed as written (ISO, UTC); the store returns them in the same form.
    if (hashEntry({ ...r, seq }, seq >= keyedFrom) !== r.hash)
      problem(seq, 'edited', `第${seq}条审计记录的内容与其${seq >= keyedFrom ? '签名' : '哈希'}不符（记录被修改，其后的哈希或被重算）`);
    if (seq !== prevSeq + 1) problem(seq, 'missing_before', `第${prevSeq + 1}条至第${seq - 1}条审计记录缺失（记录被删除）`);
    else if (r.prev_hash !== prevHash) problem(seq, 'chain_broken', `第${seq}条审计记录的前序哈希与第${prevSeq}条不符（记录被插入或替换）`);
    hashes.set(seq, r.hash);
    prevHash = r.hash;
    prevSeq = seq;
  }
  if (anchor && anchor.seq > 0) {
    const atAnchor = hashes.get(anchor.seq);
    if (rows.length === 0) problem(anchor.seq, 'emptied', `审计日志为空，但锚点记录日志至少到第${anchor.seq}条（日志被清空）`);
    else if (prevSeq < anchor.seq)
      problem(
        anchor.seq,
        'truncated',
        `第${prevSeq + 1}条至第${anchor.seq}条审计记录缺失：锚点记录日志至少到第${anchor.seq}条（末尾的记录被删除）`,
      );
    else if (atAnchor !== undefined && atAnchor !== anchor.hash)
      problem(anchor.seq, 'rewritten', `第${anchor.seq}条审计记录的哈希与锚点不符（日志被重写）`);
  }
  return problems;
}

/**
 * The daily anchoring (`kedu audit anchor`, from cron): every chain verified, and the anchor brought to
 * the head of each chain that verifies. A chain with problems is not anchored (its anchor stays where
 * it was, so the problem stays visible). Chains without an anchor here are taken up first (anchorAuditLog).
 */
export async function anchorAllChains(store: Store): Promise<{ verification: AuditVerification; anchored: Anchored[] }> {
  await anchorAuditLog(store);
  const verification = await verifyAuditLog(store);
  const anchored: Anchored[] = [];
  for (const c of verification.chains) {
    if (!c.ok || !c.head) continue;
    const keyedFrom = c.anchored?.keyedFrom ?? keyedFromOf.get(chainKey(store.location, c.chain));
    if (keyedFrom === undefined) continue;
    anchored.push({ chain: c.chain, keyedFrom, seq: c.head.seq, hash: c.head.hash });
  }
  if (anchored.length) writeAnchor(store.location, Object.fromEntries(anchored.map(({ chain, ...a }) => [chain, a])));
  return { verification, anchored };
}
