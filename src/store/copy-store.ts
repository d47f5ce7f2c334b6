// A whole store copied into another, of any engine: the embedded file a county started on moved to
// PostgreSQL or a Citus coordinator when it outgrows one machine, or back into a file (docs/deploy.md,
// "Moving to PostgreSQL"). Every table goes through a CSV file as copyOut writes it and copyInFile
// reads it, in one transaction of the target: a copy that fails leaves the target as it was.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { raw, sql } from './sql.ts';
import { assertIdentifier, type Store } from './store.ts';

export interface CopyProgress {
  table: string;
  /** Tables done, this one included, of `of`. */
  done: number;
  of: number;
  rows: number;
}

export interface CopyReport {
  tables: number;
  rows: number;
  /** Rows per table, as copied. */
  perTable: Record<string, number>;
}

/** Raised when the two stores cannot take a copy (another schema version, a target in use): nothing was written. */
export class CopyRefused extends Error {}

const MIGRATIONS = 'schema_migrations';

/** The base tables of the store's schema, with their columns in order. */
async function tablesOf(store: Store): Promise<Map<string, string[]>> {
  const rows = await store.query<{ t: string; c: string }>(
    `SELECT c.table_name AS t, c.column_name AS c FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
      ORDER BY c.table_name, c.ordinal_position`,
  );
  const out = new Map<string, string[]>();
  for (const r of rows) (out.get(r.t) ?? out.set(r.t, []).get(r.t)!).push(r.c);
  return out;
}

const versions = async (store: Store) =>
  (await store.query<{ version: string }>(`SELECT version FROM ${MIGRATIONS} ORDER BY version`)).map((r) => r.version).join(',');

/**
 * Copies every table of `source` into `target`, both migrated to the same version. The target must be
 * new (no account, no audit entry): its own rows (the reference data migrations load) are replaced.
 */
export async function copyStore(source: Store, target: Store, onProgress?: (p: CopyProgress) => void): Promise<CopyReport> {
  if ((await versions(source)) !== (await versions(target)))
    throw new CopyRefused('源存储与目标存储的结构版本不同：请用同一版本的 Kedu 打开两者（启动时自动迁移）');
  for (const table of ['users', 'audit_log']) {
    const [{ n }] = await target.query<{ n: number }>(`SELECT count(*) AS n FROM ${table}`);
    if (Number(n) > 0) throw new CopyRefused(`目标存储不是新库（${table} 已有 ${Number(n)} 行）：只能复制到新建的空库`);
  }
  const from = await tablesOf(source);
  const to = await tablesOf(target);
  const tables = [...from.keys()].filter((t) => t !== MIGRATIONS);
  for (const t of tables) {
    const mine = to.get(t);
    const theirs = from.get(t)!;
    if (!mine || mine.length !== theirs.length || theirs.some((c) => !mine.includes(c)))
      throw new CopyRefused(`表 ${t} 在两个存储中的列不同`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'kedu-copy-'));
  const perTable: Record<string, number> = {};
  let rows = 0;
  try {
    // The source read in one snapshot (a server still writing to it is copied as of one moment).
    await source.transaction(async (snap) => {
      if (snap.dialect.name === 'postgres') await snap.exec('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ');
      await target.transaction(async (tx) => {
        for (const [i, t] of tables.entries()) {
          assertIdentifier(t);
          const columns = from.get(t)!;
          const file = join(dir, `${t}.csv`);
          const n = await snap.copyOut(sql`SELECT ${raw(columns.join(', '))} FROM ${raw(t)}`, file, 'csv');
          await tx.exec(`DELETE FROM ${t}`);
          const loaded = n > 0 ? await tx.copyInFile(t, columns, file) : 0;
          if (loaded !== n) throw new Error(`${t}: ${n} rows written out, ${loaded} loaded`);
          rmSync(file, { force: true });
          perTable[t] = n;
          rows += n;
          onProgress?.({ table: t, done: i + 1, of: tables.length, rows: n });
        }
      });
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { tables: tables.length, rows, perTable };
}
