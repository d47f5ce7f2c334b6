// One app server of test/audit-chains.test.ts, as a process of its own: its own anchor folder
// (KEDU_KEY_DIR), the shared audit key (KEDU_AUDIT_KEY), the shared database. It takes up the chains
// at start as `kedu serve` does (anchorAuditLog), then writes or verifies, and prints what it saw as
// JSON on its last line.
//   node --import tsx test/helpers/audit-app-server.ts <database-url | duckdb path> write <entries> <region,region,…|->
//   node --import tsx test/helpers/audit-app-server.ts <database-url | duckdb path> verify
import { openStore } from '../../src/store/open-store.ts';
import { anchorAuditLog, recordAudit, verifyAuditLog } from '../../src/audit/audit-log.ts';

const [target, mode, count, regions] = process.argv.slice(2);
const store = await openStore(target.startsWith('postgres') ? { databaseUrl: target } : { databaseUrl: '', duckdbPath: target });
try {
  if (mode === 'write') {
    await anchorAuditLog(store);
    const codes = (regions ?? '-').split(',').map((r) => (r === '-' ? null : r));
    // Every write at once: the chains' locks, not this loop, put them in order.
    await Promise.all(
      Array.from({ length: Number(count) }, (_, i) =>
        recordAudit(store, {
          actor: `server-${process.pid}`,
          action: 'test.server',
          target: `W-${i}`,
          regionCode: codes[i % codes.length],
        }),
      ),
    );
  }
  const v = await verifyAuditLog(store);
  process.stdout.write(
    JSON.stringify({
      ok: v.ok,
      entries: v.entries,
      problems: v.problems.map((p) => ({ chain: p.chain, seq: p.seq, problem: p.problem })),
      anchored: Object.fromEntries(Object.entries(v.anchor?.chains ?? {}).map(([c, a]) => [c, a.seq])),
    }) + '\n',
  );
} finally {
  await store.close();
}
