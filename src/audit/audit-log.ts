// The append-only, hash-chained audit log (执法全程在线、行为全程留痕、过程全程可溯).
// Each entry's hash is SM3 (GB/T 32905) over the previous entry's hash and the entry's own fields,
// so editing, inserting or deleting any entry breaks the chain at a point `verifyAuditLog` names.
import { createHash } from 'node:crypto';
import type { Store, Value } from '../store/store.ts';

export const GENESIS_HASH = '0'.repeat(64);

export interface AuditEntryInput {
  actor: string; // user id, or 'system'
  action: string; // e.g. 'user.create', 'ingest.batch', 'clue.assign'
  target?: string | null; // the record acted on
  regionCode?: string | null;
  detail?: unknown; // stored as JSON
}

export interface AuditEntry {
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

export function hashEntry(e: Omit<AuditEntry, 'hash'>): string {
  const canonical = JSON.stringify([e.prev_hash, e.seq, e.occurred_at, e.actor, e.action, e.target, e.region_code, e.detail]);
  return createHash('sm3').update(canonical, 'utf8').digest('hex');
}

// One writer at a time: the chain needs each entry to see the one before it. Within one process a
// promise queue serialises appends; on PostgreSQL an advisory lock does it across app servers.
let queue: Promise<unknown> = Promise.resolve();
const AUDIT_LOCK_KEY = 4_242_001;

/**
 * Runs fn in a transaction and appends the audit entries it returns with the change, atomically:
 * the state change and its trace land together or not at all.
 */
export function withAudit<T>(store: Store, fn: (tx: Store) => Promise<{ result: T; audit: AuditEntryInput[] }>): Promise<T> {
  const run = async () =>
    store.transaction(async (tx) => {
      if (tx.dialect.name === 'postgres') await tx.exec(`SELECT pg_advisory_xact_lock(${AUDIT_LOCK_KEY})`);
      const { result, audit } = await fn(tx);
      await appendEntries(tx, audit);
      return result;
    });
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

/** Appends entries for a change that needs no other writes (e.g. a login). */
export function recordAudit(store: Store, ...entries: AuditEntryInput[]): Promise<void> {
  return withAudit(store, async () => ({ result: undefined, audit: entries }));
}

async function appendEntries(tx: Store, entries: AuditEntryInput[]): Promise<void> {
  if (entries.length === 0) return;
  // With a parameter the statement is prepared once per connection (the DuckDB store keeps those):
  // every audited write reads the head, the real-time clue writes among them.
  const [last] = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log WHERE seq > $1 ORDER BY seq DESC LIMIT 1',
    [0],
  );
  let seq = last?.seq ?? 0;
  let prev = last?.hash ?? GENESIS_HASH;
  const values: Value[] = [];
  for (const input of entries) {
    seq += 1;
    const entry = {
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
  // A large change (the demo's history: tens of thousands of steps) goes in by bulk load: 1,000-row
  // INSERTs of 9,000 parameters took seconds each on DuckDB.
  if (entries.length > AUDIT_INSERT_ROWS) {
    const rows: Value[][] = [];
    for (let i = 0; i < values.length; i += 9) rows.push(values.slice(i, i + 9));
    await tx.copyIn('audit_log', ['seq', 'occurred_at', 'actor', 'action', 'target', 'region_code', 'detail', 'prev_hash', 'hash'], rows);
    return;
  }
  // One statement for the entries of a change (an API push and the clues its records raised: two), in
  // chunks of 1,000 (PostgreSQL takes 65,535 parameters a statement).
  for (let first = 0; first < entries.length; first += AUDIT_INSERT_ROWS) {
    const n = Math.min(AUDIT_INSERT_ROWS, entries.length - first);
    const rows = Array.from({ length: n }, (_, i) => `(${Array.from({ length: 9 }, (_, j) => `$${i * 9 + j + 1}`).join(',')})`);
    await tx.exec(
      `INSERT INTO audit_log (seq, occurred_at, actor, action, target, region_code, detail, prev_hash, hash) VALUES ${rows.join(', ')}`,
      values.slice(first * 9, (first + n) * 9),
    );
  }
}

const AUDIT_INSERT_ROWS = 1_000;

export interface AuditProblem {
  seq: number;
  problem: 'edited' | 'missing_before' | 'chain_broken';
  message: string;
}
export interface AuditVerification {
  ok: boolean;
  entries: number;
  problems: AuditProblem[];
}

/**
 * Walks the chain in order. An edited entry no longer hashes to its stored hash; a deleted one
 * leaves a gap in seq and a prev_hash that matches nothing; an inserted one (with a forged seq)
 * breaks the next entry's prev_hash link.
 */
export async function verifyAuditLog(store: Store): Promise<AuditVerification> {
  const rows = await store.query<AuditEntry>(
    'SELECT seq, occurred_at, actor, action, target, region_code, detail, prev_hash, hash FROM audit_log ORDER BY seq',
  );
  const problems: AuditProblem[] = [];
  let prevHash = GENESIS_HASH;
  let prevSeq = 0;
  for (const r of rows) {
    // Timestamps are hashed as written (ISO, UTC); the store returns them in the same form.
    const recomputed = hashEntry({ ...r, seq: Number(r.seq) });
    if (recomputed !== r.hash) {
      problems.push({ seq: r.seq, problem: 'edited', message: `第${r.seq}条审计记录的内容与其哈希不符（记录被修改）` });
    }
    if (r.seq !== prevSeq + 1) {
      problems.push({ seq: r.seq, problem: 'missing_before', message: `第${prevSeq + 1}条至第${r.seq - 1}条审计记录缺失（记录被删除）` });
    } else if (r.prev_hash !== prevHash) {
      problems.push({
        seq: r.seq,
        problem: 'chain_broken',
        message: `第${r.seq}条审计记录的前序哈希与第${prevSeq}条不符（记录被插入或替换）`,
      });
    }
    prevHash = r.hash;
    prevSeq = r.seq;
  }
  return { ok: problems.length === 0, entries: rows.length, problems };
}
